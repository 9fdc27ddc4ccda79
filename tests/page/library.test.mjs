// Adding documents in the page, every way a reader can: PDF, Word and zip files through the picker, a folder,
// a drop, pasted text; from file:// and over http. What was loaded before is never lost.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { deliveries, kwicRows, openPage, search } from '../helpers/explorer_page.mjs';
import { makeDocx, makePdf, makeZip } from '../helpers/make_documents.mjs';
import { singleFilePage, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
const dir = join(testOutput, 'library');

const decreePdf = makePdf([
  [['The Congress holds that independence', 'is the life of a nation.'], ['Non-interference in internal affairs', 'is a principle of relations.']],
  [['Mutual respect for sovereignty.']],
], { title: 'Decree (PDF)' });

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'folder', 'speeches'), { recursive: true });
  writeFileSync(join(dir, '1981-decree.pdf'), decreePdf);
  writeFileSync(join(dir, 'notes.docx'), makeDocx(['Sovereignty & equality, said the first note.', ['Peace ', 'and friendship.']], { title: 'Seminar notes' }));
  writeFileSync(join(dir, 'bundle.zip'), makeZip({
    '1990-letter.txt': 'A letter on independence.\n',
    'scans/1991-report.pdf': makePdf([[['The report on independence.']]]),
    'inner.zip': makeZip({ 'x.txt': 'x' }),
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  }));
  writeFileSync(join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4\nnot really a PDF at all'));
  writeFileSync(join(dir, 'scanned.pdf'), makePdf([[]]));
  writeFileSync(join(dir, 'folder', 'speeches', '1950-a.txt'), 'Speech on sovereignty one.\n');
  writeFileSync(join(dir, 'folder', 'speeches', '1960-b.html'), '<p>Speech on <b>sovereignty</b> two.</p>');
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const documentNames = (page) => page.$$eval('.document', (nodes) => nodes.map((node) => node.dataset.name || node.querySelector('.document-title').textContent));
const waitForDocuments = (page, count) => page.waitForFunction((n) => document.querySelectorAll('.document').length === n, count);

for (const delivery of deliveries) {
  describe(`adding documents to the page as a ${delivery.name}`, () => {
    const open = () => openPage(browser, delivery.url(server, pathToFileURL(singleFilePage).href));

    it('reads PDF, Word and zip files through the picker, and names what it cannot read', async () => {
      const { page, problems, requests } = await open();
      await page.setInputFiles('#add-files', ['1981-decree.pdf', 'notes.docx', 'bundle.zip', 'broken.pdf', 'scanned.pdf'].map((f) => join(dir, f)));
      await waitForDocuments(page, 6);
      const status = await page.textContent('#library-status');
      assert.match(status, /^6 documents, [\d,]+ words\. Not added: /);
      assert.match(status, /\[load\.zip_nested\] bundle\.zip\/inner\.zip is an archive inside an archive; unpack it first\./);
      assert.match(status, /\[load\.pdf_damaged\] broken\.pdf is not a readable PDF/);
      assert.match(status, /\[load\.pdf_no_text\] scanned\.pdf has no text layer \(it may be a scan\)/);
      const titles = await page.$$eval('.document-title', (nodes) => nodes.map((node) => node.textContent));
      assert.deepEqual(titles.slice(2), ['Decree (PDF)', 'bundle.zip/1990-letter.txt', 'bundle.zip/scans/1991-report.pdf', 'Seminar notes'],
        'picked files are taken in the order of their names, an archive\'s files in archive order');

      await search(page, 'non-interference');
      const rows = await kwicRows(page);
      assert.equal(rows.at(-1)[1], 'Non-interference');
      assert.match(rows.at(-1)[2], /^in internal affairs is a principle of relations/);
      await search(page, 'independence date:1981..1991');
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[3]), ['1981', '1990', '1991'], 'dates come from the names, inside archives too');
      const pdf = await page.evaluate(() => window.textx.documents().then((docs) => docs.find((d) => d.name === '1981-decree.pdf')));
      assert.equal(pdf.paragraphs, 3, 'PDF paragraphs follow the gaps between lines, and pages');
      await page.screenshot({ path: join(testOutput, `library-${delivery.name.replace(/\W+/g, '-')}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      assert.deepEqual(requests.filter((url) => !delivery.ownOrigin(server).test(url)), []);
      await page.close();
    });

    it('adds a folder with its paths as names, a drop, and pasted text', async () => {
      const { page, problems } = await open();
      await page.setInputFiles('#add-folder', join(dir, 'folder'));
      await waitForDocuments(page, 4);
      await search(page, 'sovereignty date:1950..1960');
      assert.deepEqual((await kwicRows(page)).map((cells) => cells[3]), ['1950', '1960']);

      // A drop of one file, made as the browser makes it.
      const dropped = await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Dropped text on sovereignty.'], '2001-dropped.txt', { type: 'text/plain' }));
        return transfer;
      });
      await page.dispatchEvent('body', 'dragenter', { dataTransfer: dropped });
      assert.equal(await page.evaluate(() => document.body.classList.contains('dropping')), true);
      await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
      await waitForDocuments(page, 5);
      assert.equal(await page.evaluate(() => document.body.classList.contains('dropping')), false);

      await page.click('#paste-open');
      assert.equal(await page.inputValue('#paste-name'), 'Pasted text 1');
      await page.click('#paste-form button[type=submit]');  // nothing pasted yet: refused, dialog stays
      assert.equal(await page.isVisible('#paste-dialog'), true);
      await page.fill('#paste-text', 'Pasted words about sovereignty and <script>window.pwned = 1</script>.');
      await page.click('#paste-form button[type=submit]');
      await waitForDocuments(page, 6);
      await search(page, 'sovereignty');
      const rows = await kwicRows(page);
      assert.deepEqual(rows.slice(-3).map((cells) => cells[3]), ['1960', '2001', 'Pasted text 1']);
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
