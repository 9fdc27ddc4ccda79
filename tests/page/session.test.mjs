// Saved sessions: "Save session" writes the single-file page with the reader's documents, their details and
// the view inside; the file opens from disk in another browser with the same corpus and view, runs under the
// same Content-Security-Policy, touches no stored library, and asks the network for nothing. Saved from the
// single file and from the hosted page framed by a course site on another loopback origin.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { kwicRows, openPage, search, watchPage } from '../helpers/explorer_page.mjs';
import { seedCorpus, singleFilePage, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let explorerSite;  // the hosted page, on one loopback origin
let courseSite;    // a course page framing it, on another
const dir = join(testOutput, 'session');
// Text that must stay text: it would end a <script> element, open a comment, or run if it were markup.
const hostile = 'On independence: </script><script>window.pwned = 1</script> <!-- and <script type="application/json"> -->\n\n' +
  'A second paragraph on independence and sovereignty.\n';

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'course'), { recursive: true });
  writeFileSync(join(dir, '1999-hostile.txt'), hostile);
  // windows-1252 (an é as one byte 0xE9): not UTF-8, so the session carries the file's bytes.
  writeFileSync(join(dir, '1960-cp1252.txt'), Buffer.from('Ind\xe9pendance, independence and r\xe9publique.\n', 'latin1'));
  browser = await launchBrowser();
  explorerSite = await serveStatic(siteDir);
  courseSite = await serveStatic(join(dir, 'course'));
  const framed = new URL(`${explorerSite.url}index.html`);
  framed.hash = 'q=independence&sort=R1,R2,R3';
  writeFileSync(join(dir, 'course', 'lesson.html'),
    `<!doctype html><title>Lesson</title><link rel="icon" href="data:,"><iframe id="explorer" title="Text explorer" src="${framed.href}" width="1000" height="700"></iframe>`);
});

after(async () => {
  await browser?.close();
  await explorerSite?.close();
  await courseSite?.close();
});

// The sample corpus's name, as its manifest gives it; a saved session's title starts with it.
const corpusName = () => JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8')).name;

const entries = (target) => target.$$eval('.document', (nodes) => nodes.map((node) => [
  node.dataset.name, node.querySelector('.document-title').textContent, node.querySelector('.document-meta').textContent]));

// Clicks Save session in `target` (a page or frame of `page`) and keeps the download as `name` in the test folder.
async function saveSession(page, target, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), target.click('#save-session')]);
  assert.match(download.suggestedFilename(), /^Independence_in_DPRK_foreign-policy_texts_1980_and_2023-session-\d{4}-\d\d-\d\d\.html$/);
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

// Opens a saved session from disk in a browser of its own (a fresh profile: another machine, as far as
// storage goes) and hands it to `check`.
async function inAnotherBrowser(path, check) {
  const other = await launchBrowser();
  try {
    const { page, problems, requests } = await openPage(other, pathToFileURL(path).href, { shared: true });
    await check(page);
    assert.deepEqual(problems, [], 'the console stays empty');
    assert.deepEqual(requests.filter((address) => !/^(file:|blob:|data:)/.test(address)), [], 'no network request');
    await page.close();
  } finally {
    await other.close();
  }
}

// The page script and the policy allowing it by hash: the same in a session as in the page it was saved from.
function pageScriptAndPolicy(html) {
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const scripts = html.split('<script>');
  return { policy, script: scripts[scripts.length - 1].split('</script>')[0], classic: scripts.length - 1 };
}

describe('a saved session', () => {
  it('opens from disk in another browser with the same documents, details and view, and leaves storage alone', async () => {
    const url = `${pathToFileURL(singleFilePage).href}?library=session-test`;
    const { page, problems } = await openPage(browser, url, { shared: true });
    await page.click('#forget-added');
    await page.waitForFunction(() => /^2 documents/.test(document.querySelector('#library-status').textContent));
    await page.setInputFiles('#add-files', [join(dir, '1999-hostile.txt'), join(dir, '1960-cp1252.txt')]);
    await page.waitForFunction(() => document.querySelectorAll('.document').length === 4);
    await page.evaluate(() => window.textx.setDocumentInfo('1999-hostile.txt', { title: 'A hostile </script> title', date: '1999-05', source: '<!-- a source -->' }));
    await page.evaluate(() => { location.hash = '#q=independence&sort=R1,R2,R3'; });
    await search(page, 'independence');
    const rows = await kwicRows(page);
    const documents = await entries(page);
    assert.deepEqual(documents[2], ['1960-cp1252.txt', '1960-cp1252.txt', '1960 · 4 words · 1 paragraph · 45 B · windows-1252']);
    const path = await saveSession(page, page, 'from-file.html');
    assert.match(await page.textContent('#library-status'), /^Saved the session as .*\.html: open it anywhere/);
    assert.equal(await page.title(), 'textx — text explorer', 'the page saved from keeps its own title');
    assert.deepEqual(problems, []);
    await page.close();

    const html = readFileSync(path, 'utf8');
    const delivered = pageScriptAndPolicy(readFileSync(singleFilePage, 'utf8'));
    assert.deepEqual(pageScriptAndPolicy(html), delivered, 'the same page script, allowed by the same hash');
    assert.equal(html.split('</script>').length, readFileSync(singleFilePage, 'utf8').split('</script>').length, 'no text ended a script element');

    await inAnotherBrowser(path, async (opened) => {
      assert.equal(decodeURIComponent(new URL(opened.url()).hash), '#q=independence&sort=R1,R2,R3', 'the view is the one saved');
      assert.equal(await opened.title(), `textx — ${corpusName()} — 4 documents — concordance: independence`, 'the title names the corpus and the view');
      await opened.waitForFunction((n) => document.querySelectorAll('#kwic-rows tr').length === n, rows.length);
      assert.deepEqual(await kwicRows(opened), rows);
      assert.deepEqual(await entries(opened), documents);
      assert.equal(await opened.inputValue('#query'), 'independence');
      assert.equal(await opened.inputValue('#sort'), 'R1,R2,R3');
      assert.match(await opened.textContent('#session-note'), /^Saved session of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      assert.match(await opened.textContent('#library-status'), /^This is a saved session: documents you add or edit now are kept until the page is closed/);
      assert.equal(await opened.evaluate(() => window.pwned), undefined, 'document text never runs');
      await opened.screenshot({ path: join(testOutput, 'session-reopened.png'), fullPage: true });

      // Nothing is read from or written to the browser's stored library; what is added lasts the visit.
      await opened.click('#paste-open');
      await opened.fill('#paste-text', 'Added to the session.');
      await opened.click('#paste-form button[type=submit]');
      await opened.waitForFunction(() => document.querySelectorAll('.document').length === 5);
      assert.deepEqual(await opened.evaluate(async () => (await indexedDB.databases()).map((db) => db.name)), []);
      await opened.reload();
      await opened.evaluate(() => window.textx.ready);
      assert.deepEqual(await entries(opened), documents);
    });
  });

  it('is saved from the hosted page framed by a course site on another origin, and opens from disk the same', async () => {
    const page = await browser.context.newPage();
    const { problems, requests } = watchPage(page);
    await page.goto(`${courseSite.url.replace('127.0.0.1', 'localhost')}lesson.html`);
    const frame = page.frame({ url: (address) => address.href.startsWith(explorerSite.url) });
    await frame.evaluate(() => window.textx.ready);
    await frame.setInputFiles('#add-files', join(dir, '1999-hostile.txt'));
    await frame.waitForFunction(() => document.querySelectorAll('.document').length === 3);
    await search(frame, 'independence');
    // The frame opened on this query: until the new answer comes, the status still shows the old one.
    await frame.waitForFunction(() => /in 3 documents$/.test(document.querySelector('#search-status').textContent), null, { timeout: 10_000 }).catch(() => {});
    assert.match(await frame.textContent('#search-status'), /in 3 documents$/);
    const rows = await kwicRows(frame);
    const documents = await entries(frame);
    const path = await saveSession(page, frame, 'from-frame.html');
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((address) => !address.startsWith(explorerSite.url) && !/^(http:\/\/localhost:\d+\/lesson\.html|blob:|data:)/.test(address)), []);
    await page.close();

    assert.deepEqual(pageScriptAndPolicy(readFileSync(path, 'utf8')), pageScriptAndPolicy(readFileSync(singleFilePage, 'utf8')));
    await inAnotherBrowser(path, async (opened) => {
      assert.equal(await opened.title(), `textx — ${corpusName()} — 3 documents — concordance: independence`);
      await opened.waitForFunction((n) => document.querySelectorAll('#kwic-rows tr').length === n, rows.length);
      assert.deepEqual(await kwicRows(opened), rows);
      assert.deepEqual(await entries(opened), documents);
    });
  });
});
