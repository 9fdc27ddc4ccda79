// Documents' details in the page: title, date and source edited in the document list (by keyboard), reaching
// the core (date: filters, Trend) and kept over a reload; manifests saved in the shape the CLI reads, applied
// from a file, with a folder, and opened from the hosting site.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { kwicRows, openPage, search } from '../helpers/explorer_page.mjs';
import { cli, seedCorpus, singleFilePage, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
const dir = join(testOutput, 'metadata');
const article = '2023-02-03-independence-basis-of-international-relations.txt';
const decree = '1980-10-kwp-6th-congress-closing-decree.txt';

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'week3'), { recursive: true });
  writeFileSync(join(dir, 'week3', 'bandung.txt'), 'Respect for the sovereignty and territorial integrity of all nations.\n');
  writeFileSync(join(dir, 'week3', 'notes.txt'), 'Seminar notes on sovereignty.\n');
  writeFileSync(join(dir, 'week3', 'manifest.json'), JSON.stringify({
    name: 'Week 3',
    documents: [{ file: 'bandung.txt', title: 'Final Communiqué of the Asian-African Conference', date: '1955-04-24', source: 'Bandung' }],
  }));
  writeFileSync(join(dir, 'dates.json'), JSON.stringify({
    documents: [{ file: article, date: '1956', title: 'Restated' }, { file: 'absent.txt', date: '1900' }, 'not an entry'],
  }));
  writeFileSync(join(dir, 'bad.json'), '{"documents": "bandung.txt"}');
  cpSync(siteDir, join(dir, 'site'), { recursive: true });
  cpSync(join(dir, 'week3'), join(dir, 'site', 'week3'), { recursive: true });
  browser = await launchBrowser();
  server = await serveStatic(join(dir, 'site'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const entries = (page) => page.$$eval('.document', (nodes) => nodes.map((node) => ({
  name: node.dataset.name,
  title: node.querySelector('.document-title').textContent,
  meta: node.querySelector('.document-meta').textContent,
})));
const status = (page) => page.textContent('#library-status');
const waitForStatus = (page, pattern) => page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#library-status').textContent), pattern.source);

async function downloaded(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('a document\'s details', () => {
  it('are edited with the keyboard, reach date filters and Trend at once, and survive a reload', async () => {
    const url = `${pathToFileURL(singleFilePage).href}?library=metadata-edit-test`;
    const { page, problems, requests } = await openPage(browser, url, { shared: true });
    await page.click('#forget-added');  // whatever an earlier run left
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));

    const edit = page.locator(`.document[data-name="${article}"] .document-edit-button`);
    await edit.focus();
    await page.keyboard.press('Enter');
    assert.equal(await edit.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'title', 'the form opens on the title');
    assert.equal(await page.inputValue('.document-edit input[name=date]'), '2023-02-03');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Independence </script><!-- restated');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1955-13');  // no such month: refused in the form, nothing sent
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.validationMessage),
      'Write the date as a year (1980), a month (1980-10) or a day (1980-10-05), or leave it empty.');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1955-04-24');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Saved the details of Independence <\/script><!-- restated\. 2 documents/);
    assert.deepEqual((await entries(page))[1], { name: article, title: 'Independence </script><!-- restated', meta: '1955-04-24 · 479 words · 20 paragraphs · 3.2 KB · UTF-8' });
    assert.equal(await page.evaluate(() => document.activeElement.className), 'document-edit-button', 'the focus returns to the Edit button');
    await page.screenshot({ path: join(testOutput, 'metadata-edited.png'), fullPage: true });

    await search(page, 'independence date:1955');
    const rows = await kwicRows(page);
    assert.ok(rows.length > 0);
    assert.deepEqual([...new Set(rows.map((cells) => cells[3]))], ['1955-04-24'], 'the concordance labels hits with the new date');
    await search(page, 'independence date:2023');
    assert.match(await page.textContent('#search-status'), /^No hits|^0 hits/);
    await page.evaluate(() => { location.hash = '#view=trend&q=independence&by=decade'; });
    await page.waitForSelector('#trend-table tbody th');
    assert.deepEqual(await page.$$eval('#trend-table tbody th', (cells) => cells.map((cell) => cell.textContent)), ['1950s', '1980s']);

    await page.reload();
    await page.evaluate(() => window.textx.ready);
    assert.equal((await entries(page))[1].title, 'Independence </script><!-- restated', 'edits are kept with the library');
    const [summary] = (await page.evaluate(() => window.textx.documents())).filter((doc) => doc.name === article);
    assert.equal(summary.date, '1955-04-24');

    // Escape closes the form unchanged; an empty date is read from the name again.
    await page.click(`.document[data-name="${article}"] .document-edit-button`);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.document-edit').count(), 0);
    await page.click(`.document[data-name="${article}"] .document-edit-button`);
    await page.fill('.document-edit input[name=date]', '');
    await page.click('.document-edit button[type=submit]');
    await waitForStatus(page, /^Saved the details/);
    assert.match((await entries(page))[1].meta, /^2023-02-03 · /);

    await page.click('#forget-added');
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));
    assert.equal((await entries(page))[1].title, 'Independence the basis of international relations', 'forgetting forgets the edits too');
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((address) => !/^(file:|blob:|data:)/.test(address)), []);
    await page.close();
  });

  it('stay open with what was typed when the list is drawn again underneath (documents arriving)', async () => {
    const { page, problems } = await openPage(browser, pathToFileURL(singleFilePage).href);
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));
    await page.click(`.document[data-name="${decree}"] .document-edit-button`);
    await page.fill('.document-edit input[name=title]', 'Half-typed title');
    await page.focus('.document-edit input[name=source]');
    await page.evaluate(() => window.textx.addDocuments([{ name: 'arriving.txt', text: 'A document added while the form is open.' }]));
    await page.waitForFunction(() => /^3 documents/.test(document.querySelector('#library-status').textContent));
    assert.equal(await page.locator('.document-edit').count(), 1);
    assert.equal(await page.getAttribute('.document-edit', 'id').then((id) => page.locator(`#${id}`).locator('xpath=..').getAttribute('data-name')), decree);
    assert.equal(await page.inputValue('.document-edit input[name=title]'), 'Half-typed title');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'source', 'the focus stays in the field being typed in');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.document-edit').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('manifests', () => {
  it('are saved in the shape the CLI reads, with the edits and the fields the page does not use', async () => {
    const { page, problems } = await openPage(browser, pathToFileURL(singleFilePage).href);
    await page.evaluate((name) => window.textx.setDocumentInfo(name, { title: 'Retitled', source: '' }), article);
    const { name, text } = await downloaded(page, () => page.click('#save-manifest'));
    assert.equal(name, 'manifest.json');
    const saved = JSON.parse(text);
    const seed = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
    assert.equal(saved.name, seed.name);
    assert.deepEqual(saved.documents[0], seed.documents[0]);
    const { source: _, ...articleEntry } = seed.documents[1];
    assert.deepEqual(saved.documents[1], { ...articleEntry, title: 'Retitled' });

    // The CLI reads it beside the texts and describes the documents as the page does.
    const folder = join(dir, 'saved');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'manifest.json'), text);
    for (const file of [decree, article]) copyFileSync(join(seedCorpus, file), join(folder, file));
    const stats = JSON.parse(execFileSync(cli, ['stats', '--json', folder], { encoding: 'utf8' }));
    const inPage = await page.evaluate(() => window.textx.documents());
    assert.deepEqual(stats.documents, inPage);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('are applied from a file by file name, say which entries matched nothing, and refuse what is not a manifest', async () => {
    const { page, problems } = await openPage(browser, pathToFileURL(singleFilePage).href);
    await page.setInputFiles('#apply-manifest', join(dir, 'dates.json'));
    await waitForStatus(page, /^Applied dates\.json/);
    assert.equal(await status(page), 'Applied dates.json to 1 document. 2 entries name no loaded document: absent.txt, (an entry without a file). 2 documents, 2,477 words.');
    assert.deepEqual((await entries(page))[1], { name: article, title: 'Restated', meta: '1956 · 479 words · 20 paragraphs · 3.2 KB · UTF-8' });
    await search(page, 'independence date:1956');
    assert.ok((await kwicRows(page)).length > 0);

    await page.setInputFiles('#apply-manifest', join(dir, 'bad.json'));
    await waitForStatus(page, /manifest\.invalid/);
    assert.equal(await status(page), '[manifest.invalid] bad.json is not a corpus manifest: expected JSON with a "documents" array.');
    assert.equal((await entries(page))[1].title, 'Restated', 'nothing changed');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('added with their folder give its documents their details and are not documents themselves', async () => {
    const { page, problems } = await openPage(browser, pathToFileURL(singleFilePage).href);
    await page.setInputFiles('#add-folder', join(dir, 'week3'));
    await waitForStatus(page, /^Applied week3\/manifest\.json/);
    const added = (await entries(page)).slice(2);
    assert.deepEqual(added.map((entry) => [entry.name, entry.title]), [
      ['week3/bandung.txt', 'Final Communiqué of the Asian-African Conference'],
      ['week3/notes.txt', 'week3/notes.txt'],
    ]);
    assert.match(added[0].meta, /^1955-04-24 · /);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('on a hosted page, can be opened from the site: its documents are fetched beside it and kept', async () => {
    const { page, problems, requests } = await openPage(browser, `${server.url}index.html`);
    assert.equal(await page.isVisible('#open-manifest'), true);
    await page.click('#open-manifest');
    await page.fill('#manifest-url', 'week3/manifest.json');
    await page.press('#manifest-url', 'Enter');
    await waitForStatus(page, /^Applied \/week3\/manifest\.json/);
    assert.deepEqual((await entries(page)).slice(2).map((entry) => [entry.name, entry.title]),
      [['bandung.txt', 'Final Communiqué of the Asian-African Conference']]);
    assert.ok(requests.includes(`${server.url}week3/bandung.txt`));
    await page.reload();
    await page.evaluate(() => window.textx.ready);
    assert.equal((await entries(page)).length, 3, 'the fetched document is kept');

    await page.click('#open-manifest');
    await page.fill('#manifest-url', 'https://elsewhere.example/manifest.json');
    await page.press('#manifest-url', 'Enter');
    await waitForStatus(page, /manifest\.fetch/);
    assert.match(await status(page), /^\[manifest\.fetch\] https:\/\/elsewhere\.example\/manifest\.json is not on this site/);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((address) => !address.startsWith(server.url) && !/^(blob:|data:)/.test(address)), []);
    await page.close();
  });

  it('is offered from the site only on a hosted page', async () => {
    const { page } = await openPage(browser, pathToFileURL(singleFilePage).href);
    assert.equal(await page.isVisible('#open-manifest'), false);
    await page.close();
  });
});
