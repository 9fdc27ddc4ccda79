// The explorer page in real Chromium, opened as a single file from disk and as a hosted static site.
// Each check compares what the reader sees with the CLI's answer for the same corpus.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { cliConcordance } from '../helpers/cli.mjs';
import { deliveries, kwicRows, openPage as openExplorer, search } from '../helpers/explorer_page.mjs';
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

const settings = deliveries.map((delivery) => ({
  ...delivery,
  url: () => delivery.url(server, pathToFileURL(singleFilePage).href),
  ownOrigin: () => delivery.ownOrigin(server),
}));
const openPage = (url) => openExplorer(browser, url);

for (const setting of settings) {
  describe(`the explorer page as a ${setting.name}`, () => {
    it('opens with the sample corpus listed', async () => {
      const { page, problems } = await openPage(setting.url());
      const titles = await page.$$eval('.document-title', (nodes) => nodes.map((node) => node.textContent));
      assert.deepEqual(titles, [
        'The Closing Decree of the KWP Central Committee\'s 6th Congress (point 4: foreign policy)',
        'Independence the basis of international relations',
      ]);
      assert.match(await page.textContent('#corpus-name'), /Independence in DPRK foreign-policy texts/);
      assert.match(await page.textContent('#library-status'), /^2 documents, 2,477 words\.$/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('answers a typed query with the same rows and total as the CLI, and shows it', async () => {
      const { page, problems, requests } = await openPage(setting.url());
      const expected = cliConcordance('independence');
      await search(page, 'independence');
      assert.equal(await page.textContent('#search-status'), `${expected.total} hits for “independence” in 2 documents`);
      const rows = await kwicRows(page);
      assert.equal(rows.length, expected.total);
      assert.deepEqual(rows.map((cells) => cells.slice(0, 3)), expected.hits.map((hit) => [hit.left, hit.match, hit.right]));
      assert.equal(rows[0][3], '1980-10', 'documents are labelled by date when they have one');
      const slug = setting.name.replace(/\W+/g, '-');
      await page.screenshot({ path: join(testOutput, `explorer-${slug}.png`), fullPage: true });

      assert.deepEqual(problems, [], 'the console stays empty');
      const ownOrigin = setting.ownOrigin();
      assert.deepEqual(requests.filter((url) => !ownOrigin.test(url)), [], 'the page makes no request of its own elsewhere');
      await page.close();
    });

    it('gives window.textx.concordance the CLI\'s exact JSON', async () => {
      const { page, problems } = await openPage(setting.url());
      for (const query of ['independence', 'non-interference', 'Májer', 'international relations']) {
        assert.deepEqual(await page.evaluate((q) => window.textx.concordance(q), query), cliConcordance(query), query);
      }
      assert.deepEqual(await page.evaluate(() => window.textx.concordance('independence', { context: 2, limit: 3 })),
        cliConcordance('independence', '--context', '2', '--limit', '3'));
      const error = await page.evaluate(() => window.textx.concordance('…').then(() => null, (e) => [e.code, e.message]));
      assert.deepEqual(error, ['query.empty', '[query.empty] The query has no words to search for; type a word such as independence.']);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('shows a malformed query\'s message in plain words and keeps the query in the URL', async () => {
      const { page, problems } = await openPage(setting.url());
      await page.fill('#query', '– – –');
      await page.press('#query', 'Enter');
      await page.waitForSelector('#search-status.error');
      assert.match(await page.textContent('#search-status'), /no words to search for/);
      assert.equal(await page.isHidden('#kwic'), true);

      await search(page, 'Juche');
      assert.equal(new URL(page.url()).hash, '#q=Juche');
      await page.reload();
      await page.waitForSelector('#kwic-rows tr');
      assert.equal(await page.inputValue('#query'), 'Juche');
      assert.equal((await kwicRows(page)).length, cliConcordance('Juche').total);
      await page.goBack();  // to the malformed query: back and forward follow the searches
      await page.waitForSelector('#search-status.error');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('adds picked files, refuses a binary one by name, and loses nothing loaded', async () => {
      const { page, problems } = await openPage(setting.url());
      const dir = join(testOutput, 'upload');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, '<img src=x onerror=alert(1)>.txt'), 'Independence and sovereignty, said the notes.\n');
      writeFileSync(join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      await page.setInputFiles('#add-files', [join(dir, '<img src=x onerror=alert(1)>.txt'), join(dir, 'scan.png')]);
      await page.waitForFunction(() => document.querySelectorAll('.document').length === 3);
      assert.match(await page.textContent('#library-status'),
        /^3 documents, 2,483 words\. Not added: \[load\.binary\] scan\.png is a PNG image, not a text file\.$/);
      assert.equal(await page.textContent('.document:nth-child(3) .document-title'), '<img src=x onerror=alert(1)>.txt', 'names are text, not HTML');
      await search(page, 'sovereignty');
      const rows = await kwicRows(page);
      assert.equal(rows.length, cliConcordance('sovereignty').total + 1);
      assert.equal(rows.at(-1)[3], '<img src=x onerror=alert(1)>.txt');
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('reads files in the encoding the reader picks, detects UTF-16, and reads HTML as text', async () => {
      const { page, problems } = await openPage(setting.url());
      const dir = join(testOutput, 'encodings');
      mkdirSync(dir, { recursive: true });
      // "독립 선언" (declaration of independence) in EUC-KR, which only the reader can name.
      writeFileSync(join(dir, 'korean.txt'), Buffer.from([0xb5, 0xb6, 0xb8, 0xb3, 0x20, 0xbc, 0xb1, 0xbe, 0xf0, 0x0a]));
      writeFileSync(join(dir, 'utf16.txt'), Buffer.from('\ufeffSovereignty and equality', 'utf16le'));
      writeFileSync(join(dir, 'page.html'), '<!doctype html><title>Communiqué</title><script>window.pwned = 1</script>' +
        '<p>Mutual <b>respect</b> &amp; equality<img src=x onerror="window.pwned = 2"></p>');

      await page.fill('#encoding', 'EUC-KR');
      await page.setInputFiles('#add-files', join(dir, 'korean.txt'));
      await page.waitForFunction(() => document.querySelectorAll('.document').length === 3);
      assert.match(await page.textContent('.document:nth-child(3) .document-meta'), /2 words · 1 paragraph · .* · EUC-KR$/);
      await search(page, '독립');
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[1]), ['독립']);

      await page.fill('#encoding', '');
      await page.setInputFiles('#add-files', [join(dir, 'utf16.txt'), join(dir, 'page.html')]);
      await page.waitForFunction(() => document.querySelectorAll('.document').length === 5);
      // Picked files are taken in the order of their names.
      assert.match(await page.textContent('.document:nth-child(4) .document-meta'), /2 paragraphs · .* · HTML, UTF-8$/);
      assert.match(await page.textContent('.document:nth-child(5) .document-meta'), /· UTF-16LE$/);
      await search(page, 'equality');
      const rows = await kwicRows(page);
      assert.deepEqual(rows.slice(-2).map((cells) => [cells[0], cells[3]]), [['Communiqué Mutual respect &', 'page.html'], ['Sovereignty and', 'utf16.txt']]);  // the title is the first paragraph
      assert.equal(await page.evaluate(() => window.pwned), undefined, 'nothing in a loaded document runs');

      await page.fill('#encoding', 'klingon-8');
      await page.setInputFiles('#add-files', join(dir, 'korean.txt'));
      await page.waitForSelector('#library-status.error');
      assert.match(await page.textContent('#library-status'),
        /^5 documents, .* Not added: \[load\.encoding\] This browser cannot read the encoding "klingon-8", chosen for korean\.txt\.$/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('sorts rows by the words after the match, keeps the order in the URL, and answers the query language', async () => {
      const { page, problems } = await openPage(setting.url());
      const sorted = cliConcordance('independence', '--sort', 'R1,R2,R3');
      await search(page, 'independence');
      await page.selectOption('#sort', 'R1,R2,R3');
      await page.waitForFunction(() => location.hash.includes('sort='));
      await page.waitForFunction((left) => document.querySelector('#kwic-rows tr td.kwic-left').textContent === left,
        sorted.hits[0].left);
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[2]), sorted.hits.map((hit) => hit.right));
      await page.reload();
      await page.waitForSelector('#kwic-rows tr');
      assert.equal(await page.inputValue('#sort'), 'R1,R2,R3');
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[2]), sorted.hits.map((hit) => hit.right));

      await page.selectOption('#sort', '');
      for (const query of ['peace NEAR/5 security', 'independen*', '(mutual respect)|equality']) {
        await search(page, query);
        const expected = cliConcordance(query);
        assert.deepEqual((await kwicRows(page)).map((cells) => cells[1]), expected.hits.map((hit) => hit.match), query);
      }
      await page.click('#query-help summary');
      assert.equal(await page.isVisible('#query-help dl'), true);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('runs under a Content-Security-Policy without \'unsafe-eval\' or inline-script allowances', async () => {
      const { page } = await openPage(setting.url());
      const policy = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (meta) => meta.content);
      assert.match(policy, /default-src 'none'/);
      const scriptSources = policy.match(/script-src ([^;]*)/)[1];
      assert.doesNotMatch(scriptSources, /'unsafe-eval'|'unsafe-inline'/);
      await page.close();
    });
  });
}
