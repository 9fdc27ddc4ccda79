// What a reader loaded survives: a reload (IndexedDB), a crash of the analysis worker (restarted and
// reloaded), and a page where storage is forbidden (kept in memory, with a notice). Forgetting is explicit.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { kwicRows, openPage, search } from '../helpers/explorer_page.mjs';
import { singleFilePage, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
const dir = join(testOutput, 'persistence');

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'site'), { recursive: true });
  writeFileSync(join(dir, '1999-notes.txt'), 'Notes on sovereignty and the principle of equality.\n');
  cpSync(singleFilePage, join(dir, 'site', 'textx.html'));
  writeFileSync(join(dir, 'site', 'sandboxed.html'),
    '<!doctype html><title>Course</title><iframe id="explorer" sandbox="allow-scripts" src="textx.html" width="900" height="600"></iframe>');
  browser = await launchBrowser();
  server = await serveStatic(join(dir, 'site'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const status = (page) => page.textContent('#library-status');
const documentCount = (page) => page.$$eval('.document', (nodes) => nodes.length);

describe('the loaded corpus', () => {
  it('survives a reload from file://, and is forgotten only when the reader asks', async () => {
    // A query string of its own keeps this test's library apart from other file:// pages.
    const url = `${pathToFileURL(singleFilePage).href}?library=persistence-test`;
    const { page, problems } = await openPage(browser, url, { shared: true });
    await page.click('#forget-added');  // start from the opening corpus whatever an earlier run left
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));
    await page.setInputFiles('#add-files', join(dir, '1999-notes.txt'));
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 3);

    await page.reload();
    await page.evaluate(() => window.textx.ready);
    assert.equal(await documentCount(page), 3);
    assert.match(await status(page), /^3 documents, 2,485 words\.$/);
    await search(page, 'sovereignty date:1999');
    assert.deepEqual((await kwicRows(page)).map((cells) => cells[3]), ['1999']);

    await page.click('#forget-added');
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 2);
    await page.reload();
    await page.evaluate(() => window.textx.ready);
    assert.equal(await documentCount(page), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('is loaded again when the analysis worker crashes, and the page says what happened', async () => {
    const url = `${pathToFileURL(singleFilePage).href}?library=crash-test`;
    const { page } = await openPage(browser, url, { shared: true });
    await page.click('#forget-added');
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));
    await page.setInputFiles('#add-files', join(dir, '1999-notes.txt'));
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 3);

    const workers = await Promise.all(page.workers().map(async (worker) => [worker, await worker.evaluate(() => typeof TextxCore)]));
    const engine = workers.find(([, type]) => type === 'function')[0];
    await engine.evaluate(() => setTimeout(() => { throw new Error('simulated crash'); }));
    await page.waitForFunction(() => /started again and your documents were loaded again/.test(document.querySelector('#library-status').textContent));
    assert.match(await status(page), /^The analysis engine stopped: it met an internal error \(Error: simulated crash\); it was started again and your documents were loaded again\. 3 documents, 2,485 words\.$/);
    await search(page, 'sovereignty');
    assert.equal((await kwicRows(page)).at(-1)[3], '1999', 'the document added before the crash is back');
    await page.click('#forget-added');
    await page.close();
  });

  it('is kept in memory, with a notice, in a sandboxed frame where storage is forbidden', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}sandboxed.html`);
    const frame = page.frame({ url: /textx\.html/ });
    await frame.waitForFunction(() => window.textx && document.querySelector('.document'));
    await frame.evaluate(() => window.textx.ready);
    assert.match(await frame.textContent('#library-status'), /^Documents you add are kept only until this page is closed: the browser does not let it store them here \(.*\)\. 2 documents, 2,477 words\.$/);
    await frame.setInputFiles('#add-files', join(dir, '1999-notes.txt'));
    await frame.waitForFunction(() => document.querySelectorAll('.document').length === 3);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
