// The concordance at scale in real Chromium, from file:// and over http: the State of the Union addresses
// (233 files) added through the picker, "the" answered with 151,510 rows that all scroll in one table drawing
// only the rows in view; rows in the middle, the keyboard, the sort and the exports checked against the CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { cliConcordance } from '../helpers/cli.mjs';
import { deliveries, kwicRows, openPage, search } from '../helpers/explorer_page.mjs';
import { cli, seedCorpus, singleFilePage, siteDir, sotuDir, testOutput } from '../helpers/paths.mjs';
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

const sotuFiles = readdirSync(sotuDir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(sotuDir, name));
// The CLI over the page's corpus: the seed documents, then the addresses in the order of their names.
const cliSotu = (query, ...flags) => JSON.parse(execFileSync(cli, ['concord', '--json', ...flags, query, seedCorpus, ...sotuFiles],
  { encoding: 'utf8', maxBuffer: 1 << 26 }));
const asCells = (hit) => [hit.left, hit.match, hit.right];
// Every hit of "the" (37 MB of JSON), asked of the CLI once for all the tests: in text order and sorted.
const once = (make) => {
  let value;
  return () => (value ??= make());
};
const theInTextOrder = once(() => cliSotu('the'));
const theSorted = once(() => cliSotu('the', '--sort', 'R1,R2,R3'));

// The rows drawn now: [aria-rowindex, left, match, right], once none is still loading.
async function drawnRows(page) {
  await page.waitForFunction(() => !document.querySelector('#kwic-rows tr.loading'));
  return page.$$eval('#kwic-rows tr', (rows) => rows.map((row) => [Number(row.getAttribute('aria-rowindex')), ...Array.from(row.cells, (cell) => cell.textContent).slice(0, 3)]));
}
// Scrolls the table so that row `index` (from 0) is at the top of the view, and waits for it to be drawn.
async function scrollToRow(page, index) {
  await page.$eval('#kwic-scroll', (scroller, i) => {
    scroller.scrollTop = i * document.querySelector('#kwic-rows tr').getBoundingClientRect().height;
  }, index);
  await page.waitForSelector(`#kwic-rows tr[aria-rowindex="${index + 2}"]`);
}
const focusedRow = (page) => page.evaluate(() => Number(document.activeElement.getAttribute('aria-rowindex')));
async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

for (const delivery of deliveries) {
  const url = () => delivery.url(server, pathToFileURL(singleFilePage).href);

  describe(`the concordance as a ${delivery.name}`, () => {
    it('scrolls 151,510 rows of "the" in the State of the Union, drawing only those in view, and the keyboard reaches each', async () => {
      const { page, problems } = await openPage(browser, url());
      await page.setInputFiles('#add-files', sotuFiles);
      await page.waitForFunction(() => /^235 documents/.test(document.querySelector('#library-status').textContent), null, { timeout: 60_000 });
      const all = theInTextOrder();
      await search(page, 'the');
      assert.equal(await page.textContent('#search-status'), `${all.total.toLocaleString('en')} hits for “the”`);
      assert.equal(await page.getAttribute('#kwic', 'role'), 'grid');
      assert.equal(await page.getAttribute('#kwic', 'aria-rowcount'), String(all.total + 1), 'the header row and every hit');

      // Scrolled to row 75,001: the rows drawn are the CLI's rows there, and only a screenful is drawn.
      await scrollToRow(page, 75_000);
      const drawn = await drawnRows(page);
      assert.ok(drawn.length <= 60, `${drawn.length} rows drawn`);
      const firstInView = await page.evaluate(() => {
        const top = document.querySelector('#kwic th').getBoundingClientRect().bottom;
        return Number(Array.from(document.querySelectorAll('#kwic-rows tr')).find((row) => row.getBoundingClientRect().bottom > top + 1).getAttribute('aria-rowindex'));
      });
      assert.equal(firstInView, 75_002, 'row 75,001 is the first in view (the header is row 1)');
      for (const [index, ...cells] of drawn) {
        assert.deepEqual(cells, asCells(all.hits[index - 2]), `row ${index}`);
      }
      // Photographed there in light and dark, and at phone width (where the rows in view are redrawn).
      const slug = delivery.name.replace(/\W+/g, '-');
      await page.$eval('#explore', (node) => node.scrollIntoView());
      await page.screenshot({ path: join(testOutput, `concordance-middle-light-${slug}.png`) });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(testOutput, `concordance-middle-dark-${slug}.png`) });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => !document.querySelector('#kwic-rows tr.loading'));
      await page.$eval('#kwic-scroll', (node) => node.scrollIntoView());
      await page.screenshot({ path: join(testOutput, `concordance-middle-phone-dark-${slug}.png`) });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1280, height: 800 });

      // The keyboard: a row in view, then End, Home, PageDown, arrows; Enter reads the focused hit.
      await page.focus('#kwic-rows tr:nth-child(12)');
      const start = await focusedRow(page);
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedRow(page), start + 1);
      await page.keyboard.press('End');
      assert.equal(await focusedRow(page), all.total + 1);
      assert.deepEqual((await drawnRows(page)).at(-1).slice(1), asCells(all.hits.at(-1)), 'the last row, in view');
      await page.keyboard.press('Home');
      assert.equal(await focusedRow(page), 2);
      await page.keyboard.press('ArrowUp');
      assert.equal(await focusedRow(page), 2, 'no row above the first');
      await page.keyboard.press('PageDown');
      const paged = await focusedRow(page);
      assert.ok(paged > 10 && paged < 40, `PageDown moves a screenful: to row ${paged}`);
      assert.equal(await page.$$eval('#kwic-rows tr[tabindex="0"]', (rows) => rows.length), 1, 'one row in the tab order');
      await page.keyboard.press('End');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowUp');
      const row = (await focusedRow(page)) - 2;
      const hit = all.hits[row];
      await page.keyboard.press('Enter');
      await page.waitForSelector('#reader-text mark.current');
      assert.equal(await page.inputValue('#reader-doc'), hit.doc);
      assert.equal(await page.getAttribute('#reader-text mark.current', 'data-start'), String(hit.start_utf16));

      // Sorted by the words after: the middle rows follow the CLI's order.
      await page.goBack();
      await page.waitForSelector('#kwic-rows tr');
      await page.selectOption('#sort', 'R1,R2,R3');
      await page.waitForFunction(() => location.hash.includes('sort='));
      const sorted = theSorted();
      await page.waitForFunction((left) => document.querySelector('#kwic-rows tr td')?.textContent === left, sorted.hits[0].left);
      await scrollToRow(page, 100_000);
      let checked = 0;
      for (const [index, ...cells] of await drawnRows(page)) {
        assert.deepEqual(cells, asCells(sorted.hits[index - 2]), `sorted row ${index}`);
        ++checked;
      }
      assert.ok(checked >= 10, `${checked} sorted rows checked`);

      // CSV of every row, not only those drawn.
      const csv = await downloaded(page, () => page.click('#kwic-csv'));
      assert.equal(csv.name, 'concordance-the.csv');
      const lines = csv.text.split('\r\n');
      assert.equal(lines[0], 'doc,paragraph,start,end,left,match,right');
      assert.equal(lines.length, all.total + 2, 'a header, every row, and the final line end');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('maps 300,000 rows, taller than a browser lets an element be, onto its scroll range, and the keyboard still reaches each', async () => {
      const { page, problems } = await openPage(browser, url());
      // "x 0 x 1 … x 299999": the hit of "x" numbered i has i as the first word after it.
      writeFileSync(join(testOutput, 'numbered.txt'), Array.from({ length: 300_000 }, (_, i) => `x ${i}`).join(' '));
      await page.setInputFiles('#add-files', join(testOutput, 'numbered.txt'));
      await page.waitForFunction(() => /^3 documents/.test(document.querySelector('#library-status').textContent), null, { timeout: 60_000 });
      await search(page, 'x doc:numbered*');
      assert.equal(await page.getAttribute('#kwic', 'aria-rowcount'), '300001');
      const numbers = async () => (await drawnRows(page)).map(([index, , , right]) => [index, Number(right.split(' ')[0])]);
      const consecutive = (rows) => rows.every(([index, n], i) => n === index - 2 && (i === 0 || index === rows[i - 1][0] + 1));
      const height = await page.$eval('#kwic-scroll', (scroller) => scroller.scrollHeight);
      assert.ok(height < 8_100_000, `the table is ${height} px tall, not 300,000 rows' height`);

      // Half way down the scroll range is half way through the rows.
      await page.$eval('#kwic-scroll', (scroller) => {
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
      });
      await page.waitForFunction(() => Number(document.querySelector('#kwic-rows tr')?.getAttribute('aria-rowindex')) > 100_000);
      const middle = await numbers();
      assert.ok(consecutive(middle), 'rows in order, each with its own hit');
      assert.ok(Math.abs(middle[20][1] - 150_000) < 200, `row ${middle[20][1]} drawn half way down`);

      // Keyboard steps are exact, also where a pixel of scroll is several rows.
      await page.focus(`#kwic-rows tr[aria-rowindex="${middle[20][0]}"]`);
      for (let i = 0; i < 30; ++i) await page.keyboard.press('ArrowDown');
      assert.equal(await focusedRow(page), middle[20][0] + 30);
      assert.ok(consecutive(await numbers()));
      await page.keyboard.press('End');
      assert.equal(await focusedRow(page), 300_001);
      assert.deepEqual((await numbers()).at(-1), [300_001, 299_999], 'the last row, in view');
      await page.keyboard.press('PageUp');
      assert.ok(consecutive(await numbers()));
      await page.keyboard.press('Home');
      assert.equal(await focusedRow(page), 2);
      assert.deepEqual((await numbers())[0], [2, 0]);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('saves every row of a concordance as `textx concord` gives them, in the order shown', async () => {
      const { page, problems } = await openPage(browser, url());
      await search(page, 'independence');
      await page.selectOption('#sort', 'L1,L2,L3');
      await page.waitForFunction(() => location.hash.includes('sort=L1'));
      const expected = cliConcordance('independence', '--sort', 'L1,L2,L3');
      await page.waitForFunction((left) => document.querySelector('#kwic-rows tr td')?.textContent === left, expected.hits[0].left);
      const json = await downloaded(page, () => page.click('#kwic-json'));
      assert.equal(json.name, 'concordance-independence.json');
      assert.deepEqual(JSON.parse(json.text), expected);
      const csv = await downloaded(page, () => page.click('#kwic-csv'));
      assert.equal(csv.text, execFileSync(cli, ['concord', '--csv', '--sort', 'L1,L2,L3', 'independence', seedCorpus], { encoding: 'utf8' }));
      assert.deepEqual((await kwicRows(page)).map((cells) => cells.slice(0, 3)), expected.hits.map(asCells));
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('answers as the reader types, keeping one history entry per query typed', async () => {
      const { page, problems } = await openPage(browser, url());
      await search(page, 'sovereignty');
      await page.click('#query', { clickCount: 3 });
      await page.keyboard.type('non-interference', { delay: 20 });
      await page.waitForFunction(() => /hits? for “non-interference”/.test(document.querySelector('#search-status').textContent));
      assert.equal(new URL(page.url()).hash, '#q=non-interference');
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[1]), cliConcordance('non-interference').hits.map((hit) => hit.match));
      await page.keyboard.press('Enter');
      await page.fill('#query', 'mutual respect');
      await page.waitForFunction(() => /hits? for “mutual respect”/.test(document.querySelector('#search-status').textContent));
      await page.goBack();
      await page.waitForFunction(() => /hits? for “non-interference”/.test(document.querySelector('#search-status').textContent));
      assert.equal(await page.inputValue('#query'), 'non-interference');
      await page.goBack();
      await page.waitForFunction(() => /hits? for “sovereignty”/.test(document.querySelector('#search-status').textContent));
      await page.fill('#query', '');
      await page.waitForFunction(() => /^Type a word/.test(document.querySelector('#search-status').textContent));
      assert.equal(await page.isHidden('#kwic-scroll'), true, 'no rows without a query');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
