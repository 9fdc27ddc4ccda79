// The explorer's views in real Chromium, from file:// and over http: each table, plot and the reader is
// compared with the CLI's JSON for the same corpus; links between views, the URL state, the tabs' keyboard
// use and the exported files are checked; every view is photographed in light, dark and at phone width.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { cliCollocates, cliConcordance, cliDispersion, cliFrequency, cliKeyness, cliNgrams, cliTrend } from '../helpers/cli.mjs';
import { deliveries, kwicRows, openPage as openExplorer, search, viewAddresses } from '../helpers/explorer_page.mjs';
import { singleFilePage, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
before(async () => {
  mkdirSync(testOutput, { recursive: true });
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const kArticle = '2023-02-03-independence-basis-of-international-relations.txt';
const number = (value, digits = 0) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// The table's rows as text, cell by cell.
const tableRows = (page, view) => page.$$eval(`#${view}-table tbody tr`, (rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.textContent)));
// Waits for a table view's answer (its status line no longer "Counting…") and returns the status.
async function tableStatus(page, view, pattern) {
  await page.waitForFunction(([v, source]) => new RegExp(source).test(document.querySelector(`#${v}-table .status`)?.textContent || ''), [view, pattern.source]);
  return page.textContent(`#${view}-table .status`);
}
async function goTo(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
// Reads a Playwright download fully.
async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

for (const delivery of deliveries) {
  const url = () => delivery.url(server, pathToFileURL(singleFilePage).href);
  const openPage = () => openExplorer(browser, url());

  describe(`the explorer's views as a ${delivery.name}`, () => {
    it('switches views with tabs that arrow keys, Home and End move between, and keeps the view in the URL', async () => {
      const { page, problems } = await openPage();
      assert.equal(await page.getAttribute('#view-tabs', 'role'), 'tablist');
      const tabs = await page.$$eval('[role=tab]', (nodes) => nodes.map((tab) => [tab.textContent, tab.getAttribute('aria-selected'), tab.tabIndex]));
      assert.deepEqual(tabs.map((tab) => tab[0]), ['Concordance', 'Reader', 'Frequency', 'N-grams', 'Collocates', 'Dispersion', 'Trend', 'Keyness', 'Diff', 'Reuse']);
      assert.deepEqual(tabs.map((tab) => tab[1]), ['true', 'false', 'false', 'false', 'false', 'false', 'false', 'false', 'false', 'false']);
      assert.deepEqual(tabs.map((tab) => tab[2]), [0, -1, -1, -1, -1, -1, -1, -1, -1, -1], 'only the selected tab is in the tab order');
      const shown = () => page.$$eval('[role=tabpanel]', (panels) => panels.filter((panel) => !panel.hidden).map((panel) => [panel.id, panel.getAttribute('aria-labelledby')]));
      assert.deepEqual(await shown(), [['concordance', 'tab-concordance']]);

      await page.focus('#tab-concordance');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => location.hash === '#view=reader');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-reader');
      assert.equal(await page.getAttribute('#tab-reader', 'aria-selected'), 'true');
      assert.deepEqual(await shown(), [['reader', 'tab-reader']]);
      await page.keyboard.press('End');
      await page.waitForFunction(() => location.hash === '#view=reuse');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-reuse');
      await page.keyboard.press('ArrowRight');  // wraps round
      await page.waitForFunction(() => location.hash === '#q=');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-concordance');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => location.hash === '#view=reuse');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => location.hash === '#q=');
      await page.keyboard.press('Tab');  // from the tabs into the panel shown
      assert.equal(await page.evaluate(() => document.activeElement.id), 'concordance');
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#view=reuse');
      assert.deepEqual(await shown(), [['reuse', 'tab-reuse']]);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('follows a concordance row, by click and by Enter, to the reader at that hit', async () => {
      const { page, problems } = await openPage();
      const expected = cliConcordance('independence');
      await search(page, 'independence');
      const inArticle = expected.hits.filter((hit) => hit.doc === kArticle).length;
      await page.click('#kwic-rows tr:nth-child(15)');
      const hit = expected.hits[14];
      await page.waitForSelector('#reader-text mark.current');
      assert.equal(new URL(page.url()).hash, `#view=reader&q=independence&doc=${encodeURIComponent(hit.doc).replace(/%20/g, '+')}&at=${hit.start_utf16}`);
      assert.equal(await page.inputValue('#reader-doc'), hit.doc);
      assert.equal(await page.textContent('#reader-text mark.current'), hit.match);
      assert.equal(await page.textContent('#reader-status'), `${inArticle} hits for “independence” in this document.`);
      assert.equal(await page.$$eval('#reader-text mark', (marks) => marks.length), inArticle);
      // The current hit sits in its numbered paragraph, in view.
      const paragraph = await page.$eval('#reader-text mark.current', (mark) => mark.closest('li').value);
      assert.equal(paragraph, hit.paragraph + 1);
      assert.equal(await page.isVisible('#reader-text mark.current'), true);
      const inView = await page.$eval('#reader-text mark.current', (mark) => {
        const box = mark.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
      assert.equal(inView, true, 'the hit is scrolled into view');
      await page.screenshot({ path: join(testOutput, `views-reader-from-row-${delivery.name.replace(/\W+/g, '-')}.png`) });

      await page.goBack();
      await page.waitForSelector('#kwic-rows tr');
      await page.focus('#kwic-rows tr:nth-child(2)');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-rowindex')), '4', 'arrow keys move between rows');
      await page.keyboard.press('Enter');
      await page.waitForFunction((at) => location.hash.endsWith(`&at=${at}`), expected.hits[2].start_utf16);
      await page.waitForSelector('#reader-text mark.current');
      assert.equal(await page.textContent('#reader-text mark.current'), expected.hits[2].match);
      await page.click('#reader-next');
      assert.equal(await page.getAttribute('#reader-status', 'data-hit'), '4');

      // A bad query still shows the document, with the query's message.
      await page.fill('#query', '– – –');
      await page.press('#query', 'Enter');
      await page.waitForSelector('#reader-status.error');
      assert.match(await page.textContent('#reader-status'), /no words to search for/);
      assert.equal(await page.$$eval('#reader-text li', (items) => items.length), 45);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('shows the frequency list as the CLI counts it, a page at a time, sorted by any column', async () => {
      const { page, problems } = await openPage();
      const expected = cliFrequency();
      await page.click('#tab-frequency');
      assert.equal(await tableStatus(page, 'frequency', /different words/), `${number(expected.types)} different words among ${number(expected.tokens)} words in all.`);
      const asShown = (row) => [row.word, number(row.frequency), number(row.per_million, 1), number(row.range)];
      assert.deepEqual(await tableRows(page, 'frequency'), expected.rows.slice(0, 100).map(asShown), 'one page of rows');
      await page.click('#frequency-table .more');
      await page.waitForFunction(() => document.querySelectorAll('#frequency-table tbody tr').length === 200);
      assert.deepEqual(await tableRows(page, 'frequency'), expected.rows.slice(0, 200).map(asShown));
      assert.match(await page.textContent('#frequency-table .more'), /^Show 100 more \(493 not shown\)$/);

      assert.deepEqual(await page.$$eval('#frequency-table th', (cells) => cells.map((cell) => cell.getAttribute('aria-sort'))),
        ['none', 'descending', 'none', 'none'], 'the core\'s order is most frequent first');
      await page.click('#frequency-table th:nth-child(1) button');
      await page.waitForFunction(() => location.hash.includes('order=word'));
      await page.waitForSelector('#frequency-table th[aria-sort=ascending]');
      const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
      const alphabetical = expected.rows.map((row, i) => [row, i]).sort(([a, i], [b, j]) => collator.compare(a.word, b.word) || i - j).map(([row]) => row);
      await page.waitForFunction((first) => document.querySelector('#frequency-table tbody td')?.textContent === first, alphabetical[0].word);
      assert.deepEqual(await tableRows(page, 'frequency'), alphabetical.slice(0, 100).map(asShown));

      await page.fill('#frequency input[name=min]', '20');
      await page.press('#frequency input[name=min]', 'Enter');
      const frequent = cliFrequency('--min', '20');
      assert.equal(await tableStatus(page, 'frequency', new RegExp(`^${frequent.types} different`)), `${frequent.types} different words among ${number(frequent.tokens)} words in all.`);
      const sortByWord = (rows) => rows.map((row, i) => [row, i]).sort(([a, i], [b, j]) => collator.compare(a.word, b.word) || i - j).map(([row]) => row);
      assert.deepEqual(await tableRows(page, 'frequency'), sortByWord(frequent.rows).map(asShown), 'the order chosen stays');
      assert.equal(await page.isHidden('#frequency-table .more'), true, 'no more rows to show');

      await page.click('#frequency-table tbody tr:nth-child(8) .word-link');
      await page.waitForSelector('#kwic-rows tr');
      const word = sortByWord(frequent.rows)[7].word;
      assert.equal(await page.inputValue('#query'), word);
      assert.equal((await kwicRows(page)).length, cliConcordance(word).total);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('shows n-grams, collocates and keywords as the CLI computes them, with their options in the URL', async () => {
      const { page, problems } = await openPage();
      await goTo(page, '#view=ngrams&size=2&min=3&stop=1');
      const ngrams = cliNgrams('--size', '2', '--min', '3', '--stop-words');
      assert.equal(await tableStatus(page, 'ngrams', /sequences/), `${ngrams.total} different 2-word sequences among ${number(ngrams.tokens)} words.`);
      assert.deepEqual(await tableRows(page, 'ngrams'), ngrams.rows.slice(0, 100).map((row) => [row.ngram, number(row.frequency), number(row.per_million, 1), number(row.range)]));
      assert.equal(await page.inputValue('#ngrams select[name=size]'), '2');
      assert.equal(await page.isChecked('#ngrams input[name=stop]'), true);

      await search(page, 'independence').catch(() => {});  // the query form runs the query in the view shown
      await goTo(page, '#view=collocates&q=independence&left=3&right=2&measure=ll');
      const collocates = cliCollocates('independence', '--left', '3', '--right', '2', '--measure', 'll');
      assert.match(await tableStatus(page, 'collocates', /ranked by log-likelihood/), new RegExp(`^${collocates.total} collocates of “independence” \\(22 hits; 3 words before, 2 after\\)`));
      assert.deepEqual(await tableRows(page, 'collocates'), collocates.rows.map((row) => [row.word, row.observed, row.left, row.right, row.frequency].map((n) => (typeof n === 'number' ? number(n) : n))
        .concat([row.expected, row.log_dice, row.log_likelihood, row.mi, row.t_score].map((n) => number(n, 2)))));
      // Changing a control rewrites the URL; a reload and back/forward reopen the same view.
      await page.selectOption('#collocates select[name=measure]', 'mi');
      await page.waitForFunction(() => location.hash.includes('measure=mi'));
      const byMi = cliCollocates('independence', '--left', '3', '--right', '2', '--measure', 'mi');
      await tableStatus(page, 'collocates', /ranked by mutual information/);
      await page.reload();
      await page.evaluate(() => window.textx.ready);
      await tableStatus(page, 'collocates', /ranked by mutual information/);
      assert.equal(await page.inputValue('#collocates input[name=left]'), '3');
      assert.equal(await page.inputValue('#query'), 'independence');
      assert.deepEqual((await tableRows(page, 'collocates')).map((cells) => cells[0]), byMi.rows.map((row) => row.word));
      await page.goBack();
      await tableStatus(page, 'collocates', /ranked by log-likelihood/);
      assert.equal(await page.inputValue('#collocates select[name=measure]'), 'll');

      await page.click('#tab-keyness');
      await tableStatus(page, 'keyness', /Pick a document/);
      await page.selectOption('#keyness-target-doc', kArticle);
      const keyness = cliKeyness('--target', `doc:"${kArticle}"`);
      assert.equal(await tableStatus(page, 'keyness', /keywords of/),
        `${keyness.total} keywords of doc:"${kArticle}" (1 document, 479 words) against the rest of the corpus (1 document, 1,998 words).`);
      assert.deepEqual((await tableRows(page, 'keyness')).map((cells) => [cells[0], cells[5]]), keyness.rows.slice(0, 100).map((row) => [row.word, number(row.log_likelihood, 2)]));
      await page.fill('#keyness input[name=target]', 'doc:1980*');
      await page.press('#keyness input[name=target]', 'Enter');
      const decree = cliKeyness('--target', 'doc:1980*');
      await tableStatus(page, 'keyness', /keywords of doc:1980\*/);
      assert.deepEqual((await tableRows(page, 'keyness')).map((cells) => cells[0]), decree.rows.slice(0, 100).map((row) => row.word));
      await page.fill('#keyness input[name=target]', 'doc:nothing*');
      await page.press('#keyness input[name=target]', 'Enter');
      await page.waitForSelector('#keyness-table .status.error');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('plots dispersion with DP and ticks that open the reader, and the trend with its table', async () => {
      const { page, problems } = await openPage();
      await goTo(page, '#view=dispersion&q=independence');
      const dispersion = cliDispersion('independence');
      await page.waitForSelector('#dispersion-plot svg');
      assert.equal(await page.textContent('#dispersion-status'), `${dispersion.total.hits} hits for “independence” in 2 of 2 documents. Each tick opens the reader at its hit.`);
      assert.match(await page.textContent('#dispersion-figures'), new RegExp(`^DP${dispersion.dp.toFixed(3)}DP normalised${dispersion.dp_norm.toFixed(3)}Juilland's D${dispersion.juilland_d.toFixed(3)}`));
      const ticks = await page.$$eval('.dispersion-row', (rows) => rows.map((row) => row.querySelectorAll('.tick').length));
      assert.deepEqual(ticks, dispersion.documents.map((doc) => doc.hits));
      const xs = await page.$$eval('.dispersion-row:nth-of-type(1) .tick rect', (rects) => rects.map((rect) => Number(rect.getAttribute('x')) + 1));
      assert.deepEqual(xs.map((x) => Math.round((x - 170) / 560 * 1000)), dispersion.documents[0].positions.map((p) => Math.round(p * 1000)));
      await page.click('.dispersion-row:nth-of-type(2) .tick:nth-of-type(3)');
      await page.waitForSelector('#reader-text mark.current');
      assert.equal(await page.inputValue('#reader-doc'), dispersion.documents[1].doc);
      assert.equal(await page.getAttribute('#reader-text mark.current', 'data-start'), String(dispersion.documents[1].starts_utf16[2]));

      await goTo(page, '#view=trend&q=independence&by=decade');
      const trend = cliTrend('independence', ['--by', 'decade']);
      await page.waitForSelector('#trend-plot svg');
      const table = await page.$$eval('#trend-table tbody tr', (rows) => rows.map((row) => Array.from(row.cells, (cell) => cell.textContent)));
      assert.deepEqual(table, trend.periods.map((p) => [p.period, number(p.documents), number(p.tokens), number(p.hits), number(p.per_million, 1)]));
      assert.equal(await page.$$eval('#trend-plot circle', (points) => points.length), trend.periods.length);
      assert.match(await page.textContent('#trend-plot svg'), /hits per million words/);
      assert.match(await page.textContent('#trend-plot svg'), /1980s.*2020s.*decade/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('shows a hostile document name as text in the reader, the plots and the keyness picker', async () => {
      const { page, problems } = await openPage();
      const dir = join(testOutput, 'hostile');
      mkdirSync(dir, { recursive: true });
      const name = '<img src=x onerror="window.pwned=1">.txt';
      writeFileSync(join(dir, name), 'Independence, first and last.\n\nOnly <b>independence</b> & sovereignty.\n');
      await page.setInputFiles('#add-files', join(dir, name));
      await page.waitForFunction(() => document.querySelectorAll('.document').length === 3);
      await goTo(page, `#view=reader&q=independence&doc=${encodeURIComponent(name)}`);
      await page.waitForFunction(() => document.querySelectorAll('#reader-text mark').length === 2);
      assert.deepEqual(await page.$$eval('#reader-text li', (items) => items.map((item) => item.textContent)),
        ['Independence, first and last.', 'Only <b>independence</b> & sovereignty.']);
      assert.equal(await page.evaluate(() => window.textx.documentText(2).then((doc) => doc.name)), name);
      await goTo(page, '#view=dispersion&q=independence');
      await page.waitForFunction(() => document.querySelectorAll('.dispersion-row').length === 3);
      assert.equal(await page.textContent('.dispersion-row:nth-of-type(3) text'), `${name.slice(0, 23)}…${name}`);
      await page.click('.dispersion-row:nth-of-type(3) .tick:nth-of-type(2)');
      await page.waitForSelector('#reader-text mark.current');
      assert.equal(await page.textContent('#reader-text mark.current'), 'independence');
      await goTo(page, '#view=keyness');
      await page.selectOption('#keyness-target-doc', name);
      await tableStatus(page, 'keyness', /keywords of/);
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('saves tables as CSV and JSON and plots as SVG and PNG', async () => {
      const { page, problems } = await openPage();
      await goTo(page, '#view=frequency');
      await tableStatus(page, 'frequency', /different words/);
      const expected = cliFrequency();
      const json = await downloaded(page, () => page.click('#frequency-table .exports button:nth-of-type(2)'));
      assert.equal(json.name, 'frequency.json');
      assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), expected, 'every row, as the CLI gives them');
      const csv = await downloaded(page, () => page.click('#frequency-table .exports button:nth-of-type(1)'));
      assert.equal(csv.name, 'frequency.csv');
      const lines = csv.bytes.toString('utf8').split('\r\n');
      assert.equal(lines[0], 'Word,Frequency,Per million,Documents');
      assert.equal(lines.length, expected.rows.length + 2);
      assert.equal(lines[1], `the,246,${expected.rows[0].per_million},2`);

      await goTo(page, '#view=dispersion&q=independence');
      await page.waitForSelector('#dispersion-plot svg');
      const svgFile = await downloaded(page, () => page.click('#dispersion-svg'));
      assert.equal(svgFile.name, 'dispersion-independence.svg');
      const svgText = svgFile.bytes.toString('utf8');
      assert.match(svgText, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok(svgText.length < 20_000, `small: ${svgText.length} characters`);
      assert.equal(svgText.match(/<a /g).length, 22, 'a tick per hit');
      const png = await downloaded(page, () => page.click('#dispersion-png'));
      assert.equal(png.name, 'dispersion-independence.png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.bytes.readUInt32BE(16) >= 1000, 'drawn at twice the plot size');

      await goTo(page, '#view=trend&q=independence');
      await page.waitForSelector('#trend-plot svg');
      const trendCsv = await downloaded(page, () => page.click('#trend-csv'));
      assert.equal(trendCsv.bytes.toString('utf8'), 'Period,Documents,Words,Hits,Per million\r\n' +
        cliTrend('independence').periods.map((p) => `${p.period},${p.documents},${p.tokens},${p.hits},${p.per_million}`).join('\r\n') + '\r\n');
      const trendPng = await downloaded(page, () => page.click('#trend-png'));
      assert.equal(trendPng.bytes.subarray(1, 4).toString(), 'PNG');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

describe('screenshots of every view', () => {
  const views = viewAddresses;
  const modes = [
    { name: 'light', colorScheme: 'light', width: 1280 },
    { name: 'dark', colorScheme: 'dark', width: 1280 },
    { name: 'phone', colorScheme: 'light', width: 390 },
  ];
  it('photographs each view in light and dark and at phone width, with an empty console', async () => {
    const { page, problems } = await openExplorer(browser, pathToFileURL(singleFilePage).href);
    for (const mode of modes) {
      await page.setViewportSize({ width: mode.width, height: 900 });
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      for (const [view, hash] of Object.entries(views)) {
        await goTo(page, hash);
        await page.waitForFunction((v) => {
          const panel = document.getElementById(v);
          return !panel.hidden && !/…$/.test(panel.querySelector('.status')?.textContent || '') && (panel.querySelector('tbody tr, svg, li') !== null);
        }, view);
        // At phone width the views come below the library: the picture starts at them.
        await page.$eval(mode.width < 800 ? '#explore' : 'body', (node) => node.scrollIntoView());
        await page.screenshot({ path: join(testOutput, `views-${view}-${mode.name}.png`) });
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
