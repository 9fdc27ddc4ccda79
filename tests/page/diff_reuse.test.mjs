// The Diff and Reuse views in real Chromium, from file:// and over http: what they show is compared with the
// CLI's JSON (textx diff, textx reuse) on the seed corpus and on a revision of the 2023 article (a word
// changed, two paragraphs swapped, one deleted, hostile markup added); moves link to their counterpart, the
// URL keeps the state, and the exported HTML escapes every text.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../../web/src/views/export.js';
import { launchBrowser } from '../helpers/browser.mjs';
import { cliDiff, cliReuse } from '../helpers/cli.mjs';
import { deliveries, openPage as openExplorer } from '../helpers/explorer_page.mjs';
import { seedCorpus, singleFilePage, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

const kArticle = '2023-02-03-independence-basis-of-international-relations.txt';
const kDecree = '1980-10-kwp-6th-congress-closing-decree.txt';
const kHostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'quoted\'';

// The article revised: paragraph 3 reworded, 5 and 6 swapped... as far as the seed's paragraphs allow.
function revisedArticle() {
  const paragraphs = readFileSync(join(seedCorpus, kArticle), 'utf8').split(/\n\s*\n/).filter((p) => p.trim());
  const revised = paragraphs.slice();
  revised[2] = revised[2].replace('essential', 'vital');
  const moved = revised.splice(4, 1)[0];  // paragraph 5 goes to after paragraph 12
  revised.splice(11, 0, moved);
  revised.splice(8, 1);  // one paragraph deleted
  revised.push(kHostile);
  return `${revised.join('\n\n')}\n`;
}

let browser;
let server;
let dir;
before(async () => {
  mkdirSync(testOutput, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'textx-diff-'));
  writeFileSync(join(dir, 'revised.txt'), revisedArticle());
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function goTo(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}
const label = (side) => (side ? (side.count > 1 ? `¶${side.first + 1}–${side.first + side.count}` : `¶${side.first + 1}`) : '');
const showsSimilarity = (op) => ['changed', 'moved', 'split', 'merged'].includes(op);

// The diff rows shown (moved-from rows left out), as the CLI's pairs would show them.
const shownPairs = (page) => page.$$eval('#diff-rows li:not(.origin)', (rows) => rows.map((row) => ({
  op: row.dataset.op,
  a: row.querySelector('.diff-a .diff-number').textContent.trim().replace(/^A /, ''),
  b: row.querySelector('.diff-b .diff-number').textContent.trim().replace(/^B /, ''),
  similarity: row.querySelector('.diff-similarity')?.textContent ?? '',
  deleted: Array.from(row.querySelectorAll('.diff-a del'), (node) => node.textContent),
  inserted: Array.from(row.querySelectorAll('.diff-b ins'), (node) => node.textContent),
  innerMarkup: row.querySelectorAll('script, img').length,
})));
const expectedPairs = (json) => json.pairs.map((pair) => ({
  op: pair.op,
  a: label(pair.a),
  b: label(pair.b),
  similarity: showsSimilarity(pair.op) ? pair.similarity.toFixed(2) : '',
  deleted: (pair.words || []).filter((w) => w.op === 'delete').map((w) => w.text),
  inserted: (pair.words || []).filter((w) => w.op === 'insert').map((w) => w.text),
  innerMarkup: 0,
}));
const waitForDiff = (page) => page.waitForFunction(() => / against .*: /.test(document.querySelector('#diff-status').textContent));
const waitForReuse = (page, pattern) => page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#reuse-status').textContent), pattern.source);

// The matches shown: figures, the two places, and the marked words on each side.
const shownMatches = (page) => page.$$eval('#reuse-list > li', (items) => items.map((item) => ({
  figures: item.querySelector('.reuse-figures').textContent,
  places: Array.from(item.querySelectorAll('.reuse-where'), (a) => a.textContent),
  marked: Array.from(item.querySelectorAll('.reuse-side'), (side) => Array.from(side.querySelectorAll('mark'), (m) => m.textContent).join('|')),
  text: Array.from(item.querySelectorAll('blockquote'), (q) => q.textContent),
})));
function expectedMatches(json) {
  const date = (doc) => doc.slice(0, doc.startsWith('2023') ? 10 : 7);  // the documents' labels: their dates
  const place = (s) => `${date(s.doc)} ¶${s.paragraph + 1}${s.paragraph_last !== s.paragraph ? `–${s.paragraph_last + 1}` : ''}`;
  const marks = (match, side) => match.shared.map((run) => match[side].text.slice(run[side].start_utf16 - match[side].start_utf16, run[side].end_utf16 - match[side].start_utf16)).join('|');
  return json.matches.map((m) => ({
    figures: `${m.shared_words} shared words (${m.exact_words} exact), similarity ${m.similarity.toFixed(2)}`,
    places: [place(m.source), place(m.target)],
    marked: [marks(m, 'source'), marks(m, 'target')],
    text: [m.source.text, m.target.text],
  }));
}

describe('escapeHtml', () => {
  it('turns the characters HTML gives meaning to into references and leaves the rest', () => {
    assert.equal(escapeHtml(kHostile), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39;');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'a reference in the text stays text');
    assert.equal(escapeHtml('𓂀 Ünïcode — “quotes”'), '𓂀 Ünïcode — “quotes”');
    assert.equal(escapeHtml(''), '');
  });
});

for (const delivery of deliveries) {
  const url = () => delivery.url(server, pathToFileURL(singleFilePage).href);
  const openPage = () => openExplorer(browser, url());

  describe(`the Diff and Reuse views as a ${delivery.name}`, () => {
    it('shows the seed documents\' diff as the CLI aligns them, with the choice of documents in the URL', async () => {
      const { page, problems } = await openPage();
      await goTo(page, `#view=diff&a=${encodeURIComponent(kDecree)}&b=${encodeURIComponent(kArticle)}`);
      await waitForDiff(page);
      const expected = cliDiff([join(seedCorpus, kDecree), join(seedCorpus, kArticle)]);
      assert.deepEqual(await shownPairs(page), expectedPairs(expected));
      assert.match(await page.textContent('#diff-status'), new RegExp(`: ${expected.summary.inserted} inserted, ${expected.summary.deleted} deleted\\.$`));
      assert.equal(await page.inputValue('#diff-a'), kDecree);
      assert.equal(await page.inputValue('#diff-b'), kArticle);

      // Picking B writes the URL; a reload shows the same.
      await page.selectOption('#diff-b', kDecree);
      await page.waitForFunction((name) => new URLSearchParams(location.hash.slice(1)).get('b') === name, kDecree);
      await page.waitForFunction(() => / 45 equal\.$/.test(document.querySelector('#diff-status').textContent));
      await page.reload();
      await page.evaluate(() => window.textx.ready);
      await page.waitForFunction(() => / 45 equal\.$/.test(document.querySelector('#diff-status').textContent));
      assert.equal(await page.inputValue('#diff-a'), kDecree);
      assert.equal(await page.inputValue('#diff-b'), kDecree);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('marks word changes, links a move to where it stood, and exports HTML that escapes every text', async () => {
      const { page, problems } = await openPage();
      await page.setInputFiles('#add-files', join(dir, 'revised.txt'));
      await page.waitForFunction(() => /^3 documents/.test(document.querySelector('#library-status').textContent));
      await goTo(page, `#view=diff&a=${encodeURIComponent(kArticle)}&b=revised.txt`);
      await waitForDiff(page);
      const expected = cliDiff([join(seedCorpus, kArticle), join(dir, 'revised.txt')]);
      assert.ok(expected.summary.changed >= 1 && expected.summary.moved >= 1 && expected.summary.deleted >= 1 && expected.summary.inserted >= 1, JSON.stringify(expected.summary));
      assert.deepEqual(await shownPairs(page), expectedPairs(expected));
      const changed = expected.pairs.find((pair) => pair.op === 'changed' && pair.words.some((w) => w.op === 'delete' && w.text.includes('essential')));
      assert.ok(changed, 'the reworded paragraph pairs as changed');
      assert.equal(await page.textContent(`#diff-rows li:not(.origin)[data-op=changed] del`), 'essential');
      assert.equal(await page.textContent(`#diff-rows li:not(.origin)[data-op=changed] ins`), 'vital');
      for (const op of ['changed', 'moved', 'deleted', 'inserted']) assert.match(await page.textContent('#diff-status'), new RegExp(`${expected.summary[op]} ${op}`));

      // The moved row links to where the paragraph stood, and that row back to it.
      await page.click('#diff-rows li.moved .diff-move-link');
      const highlighted = await page.$eval('#diff-rows li.highlight', (row) => [row.id, row.textContent]);
      assert.match(highlighted[0], /^diff-origin-\d+$/);
      assert.match(highlighted[1], /moved from here to B ¶/);
      await page.click('#diff-rows li.highlight .diff-move-link');
      assert.equal(await page.$eval('#diff-rows li.highlight', (row) => row.dataset.op), 'moved');
      assert.match(await page.evaluate(() => location.hash), /^#view=diff&/, 'a move link does not change the state');
      await page.screenshot({ path: join(testOutput, `diff-revised-${delivery.name.replace(/\W+/g, '-')}.png`) });

      // The hostile paragraph is text on the page and in the export.
      assert.equal(await page.$$eval('#diff-rows script, #diff-rows img', (nodes) => nodes.length), 0);
      const html = await downloaded(page, () => page.click('#diff-html'));
      assert.match(html.name, /^diff-2023.*revised_txt\.html$/);
      const text = html.bytes.toString('utf8');
      assert.ok(text.includes(escapeHtml(kHostile)), 'the hostile paragraph is escaped');
      assert.doesNotMatch(text, /<script|<img/i);
      assert.ok(text.includes('<del>essential</del>') && text.includes('<ins>vital</ins>'));
      assert.equal((text.match(/<tr id="pair-/g) || []).length, expected.pairs.length);
      const json = await downloaded(page, () => page.click('#diff-json'));
      const saved = JSON.parse(json.bytes.toString('utf8'));
      assert.equal(saved.a.title, 'Independence the basis of international relations', 'the page knows the title from the corpus manifest');
      assert.deepEqual({ ...saved, a: { ...saved.a, title: '' } }, expected);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('lists the shared passages as the CLI ranks them, the 1980 decree ¶27 ~ the 2023 article ¶16 first', async () => {
      const { page, problems } = await openPage();
      await goTo(page, '#view=reuse');
      await waitForReuse(page, /^1 passage shared/);
      const expected = cliReuse();
      assert.equal(expected.matches[0].source.paragraph, 27);
      assert.equal(expected.matches[0].target.paragraph, 16);
      assert.deepEqual(await shownMatches(page), expectedMatches(expected));
      assert.deepEqual((await shownMatches(page))[0].places, ['1980-10 ¶28', '2023-02-03 ¶17'], 'paragraphs count from 1 on screen, as in the reader');

      // Least shared words 4, through the form: more matches, the same as the CLI's, in the URL.
      await page.fill('#reuse input[name=words]', '4');
      await page.press('#reuse input[name=words]', 'Enter');
      await page.waitForFunction(() => /words=4/.test(location.hash));
      const four = cliReuse('--min-words', '4');
      assert.ok(four.total > expected.total);
      await waitForReuse(page, new RegExp(`^${four.total} passages shared .* at least 4 shared words`));
      assert.deepEqual(await shownMatches(page), expectedMatches(four));

      // A place opens the reader at that paragraph.
      await page.click('#reuse-list > li:first-child .reuse-target .reuse-where');
      await page.waitForSelector('#reader-text li.current');
      assert.equal(await page.$eval('#reader-text li.current', (li) => li.value), four.matches[0].target.paragraph + 1);
      assert.equal(await page.inputValue('#reader-doc'), four.matches[0].target.doc);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('finds the passages like one paragraph from the reader\'s button, as textx reuse --doc --paragraph', async () => {
      const { page, problems } = await openPage();
      await goTo(page, `#view=reader&doc=${encodeURIComponent(kArticle)}`);
      await page.waitForSelector('#reader-text li:nth-child(17) .reuse-like');
      await page.click('#reader-text li:nth-child(17) .reuse-like');
      await waitForReuse(page, /repeating/);
      assert.equal(await page.evaluate(() => location.hash), `#view=reuse&doc=${encodeURIComponent(kArticle).replace(/%20/g, '+')}&para=17`);
      const expected = cliReuse('--doc', kArticle, '--paragraph', '16');
      assert.match(await page.textContent('#reuse-status'), new RegExp(`^${expected.total} passages? repeating ${kArticle} ¶17`));
      assert.deepEqual(await shownMatches(page), expectedMatches(expected));
      assert.deepEqual((await shownMatches(page))[0].places, ['2023-02-03 ¶17', '1980-10 ¶28']);
      const json = await downloaded(page, () => page.click('#reuse-json'));
      assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), expected);
      // Back in the reader, the Reuse tab shows the whole corpus again.
      await page.click('#tab-reader');
      await page.click('#tab-reuse');
      await waitForReuse(page, /^1 passage shared by two documents/);
      assert.doesNotMatch(await page.evaluate(() => location.hash), /para=/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
