// The embedding API across origins: the example course page (examples/embed/) on one loopback origin frames
// the hosted explorer on another and talks to it by postMessage. The explorer answers the origin its address
// allows, with request ids and errors as values, and fetches nothing for documents given to it; a page on an
// origin it does not allow, or one that tries allow-origin=*, gets no answer at all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from '../helpers/browser.mjs';
import { watchPage } from '../helpers/explorer_page.mjs';
import { cli, root, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let explorerSite;  // the repository on 127.0.0.1:A: the built site and the example corpus
let courseSite;    // the repository again on localhost:B: the example course page
let otherSite;     // a page on 127.0.0.1:C that the explorer was not told to trust
const dir = join(testOutput, 'embedding');
const manifest = join(root, 'examples', 'embed', 'manifest.json');

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  browser = await launchBrowser();
  explorerSite = await serveStatic(root);
  courseSite = await serveStatic(root);
  otherSite = await serveStatic(dir);
});

after(async () => {
  await browser?.close();
  await Promise.all([explorerSite?.close(), courseSite?.close(), otherSite?.close()]);
});

const courseOrigin = () => courseSite.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
// The explorer as the example frames it: the corpus beside the example, this course page's origin allowed.
function explorerAddress(allowOrigin = courseOrigin()) {
  const address = new URL(`${explorerSite.url}dist/site/index.html`);
  address.searchParams.set('corpus', `${explorerSite.url}examples/embed/manifest.json`);
  address.searchParams.set('allow-origin', allowOrigin);
  return address.href;
}

const cliJson = (...args) => JSON.parse(execFileSync(cli, [...args, manifest], { encoding: 'utf8' }));

describe('the postMessage embedding API', () => {
  it('answers the course page its address allows: queries, documents given as text and bytes, errors as values', async () => {
    const page = await browser.context.newPage();
    const { problems, requests } = watchPage(page);
    const course = new URL(`${courseOrigin()}/examples/embed/index.html`);
    course.searchParams.set('explorer', `${explorerSite.url}dist/site/index.html`);
    course.searchParams.set('corpus', `${explorerSite.url}examples/embed/manifest.json`);
    await page.goto(course.href);
    await page.waitForFunction(() => /^The explorer has loaded/.test(document.getElementById('log').textContent));
    assert.equal(await page.textContent('#log'), 'The explorer has loaded “Two early annual messages to Congress”: 2 documents.');
    const frame = page.frame({ url: (address) => address.href.startsWith(`${explorerSite.url}dist/site/`) });
    assert.equal(new URL(frame.url()).searchParams.get('allow-origin'), courseOrigin());
    requests.length = 0;  // from here on, nothing is fetched

    // The example's form: a query, answered as the CLI answers it, and shown in the explorer too.
    await page.fill('#query', 'commerce');
    await page.click('#ask button');
    await page.waitForFunction(() => /hits? for/.test(document.getElementById('total').textContent));
    const expected = cliJson('concord', '--json', '--context', '6', '--limit', '20', 'commerce');
    assert.equal(await page.textContent('#total'), `${expected.total} hits for “commerce”`);
    assert.equal(await page.$$eval('#hits li', (items) => items.length), expected.hits.length);
    await frame.waitForFunction(() => document.getElementById('query').value === 'commerce' && document.querySelectorAll('#kwic-rows tr').length > 0);

    // The API itself, as the example's ask() sends it.
    const ask = (action, fields) => page.evaluate(([a, f]) => ask(a, f).then((result) => ({ result }), (error) => ({ error: [error.code, error.message] })), [action, fields]);
    assert.deepEqual((await ask('concordance', { request: { query: 'commerce', context: 6, limit: 20 } })).result, expected);
    assert.deepEqual((await ask('frequency', { request: { limit: 5 } })).result, cliJson('freq', '--json', '--limit', '5'));
    assert.deepEqual((await ask('trend', { request: { query: 'treaty', by: 'decade' } })).result, cliJson('trend', '--json', '--by', 'decade', 'treaty'));
    assert.deepEqual((await ask('concordance', { request: { query: 'peace NEAR/' } })).error[0], 'query.syntax');
    assert.deepEqual((await ask('launch', {})).error, ['embed.action',
      '[embed.action] Unknown action "launch"; use ready, documents, addDocuments, setDocumentInfo, show or one of concordance, frequency, ngrams, collocates, dispersion, keyness, trend, reuse, sharedPassages, diff, collate, documentText, stats.']);
    assert.deepEqual((await ask('addDocuments', { documents: [{ name: 'x.txt' }] })).error, ['embed.request',
      '[embed.request] Document 1 (x.txt) needs "text" (a string) or "bytes" (an ArrayBuffer or a typed array).']);

    // Documents given as text (the example's form) and as bytes, detected as the core detects files.
    await page.click('#add button');
    await page.waitForFunction(() => /^Added/.test(document.getElementById('log').textContent));
    assert.equal(await page.textContent('#log'), 'Added my-notes.txt: 9 words.');
    const bytes = await page.evaluate(() => ask('addDocuments', { documents: [
      { name: '1801-letter.txt', bytes: new Uint8Array([0x52, 0xe9, 0x70, 0x75, 0x62, 0x6c, 0x69, 0x71, 0x75, 0x65, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x63, 0x6f, 0x6d, 0x6d, 0x65, 0x72, 0x63, 0x65]), title: 'A letter' },
      { name: 'binary.bin', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).buffer },
    ] }));
    assert.equal(bytes[0].encoding, 'windows-1252');
    assert.equal(bytes[0].title, 'A letter');
    assert.equal(bytes[1].error.code, 'load.binary');
    assert.deepEqual((await ask('documents')).result.map((doc) => doc.name), ['1790-washington.txt', '1800-adams.txt', 'my-notes.txt', '1801-letter.txt']);
    assert.equal((await ask('setDocumentInfo', { doc: 'my-notes.txt', date: '1802' })).result.date, '1802');
    assert.equal((await ask('concordance', { request: { query: 'commerce date:1801..1802' } })).result.total, 2);
    await frame.waitForFunction(() => document.querySelectorAll('.document').length === 4);
    // The framed explorer starts at the frame's top: its header first, nothing scrolled.
    assert.deepEqual(await frame.evaluate(() => [scrollY, document.querySelector('.app-header').getBoundingClientRect().top]), [0, 0]);
    // Clicking the course page's buttons scrolled it down; Chromium paints only the part of a frame from
    // another origin that is on screen, so a full-page capture taken now shows the rest of the frame blank
    // (the "empty band" once seen at the top of the explorer). The capture is taken from the page's top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(testOutput, 'embedding-course-page.png'), fullPage: true });

    assert.deepEqual(requests, [], 'no request for documents given by the embedder');
    assert.deepEqual(problems, [], 'the console stays empty');
    await page.close();
  });

  it('gives nothing to a page on an origin it does not allow, nor to one that tries allow-origin=*', async () => {
    // The hostile page frames the explorer exactly as the course page does, and once more allowing "*".
    writeFileSync(join(dir, 'other.html'), `<!doctype html><title>Other</title><link rel="icon" href="data:,">
<iframe id="copied" src="${explorerAddress()}"></iframe>
<iframe id="star" src="${explorerAddress('*')}"></iframe>
<script>
  window.answers = [];
  window.addEventListener('message', (event) => window.answers.push(event.data));
  window.askAll = () => {
    for (const id of ['copied', 'star']) {
      const target = document.getElementById(id).contentWindow;
      for (const action of ['ready', 'documents', 'concordance']) {
        target.postMessage({ type: 'textx', id: 1, action, request: { query: 'commerce' } }, '*');
      }
    }
  };
</script>`);
    const page = await browser.context.newPage();
    const { problems } = watchPage(page);
    await page.goto(`${otherSite.url}other.html`);
    const frames = ['copied', 'star'].map((id) => page.frame({ url: (address) => address.href === explorerAddress(id === 'star' ? '*' : courseOrigin()) }));
    for (const frame of frames) await frame.evaluate(() => window.textx.ready);
    await page.evaluate(() => window.askAll());
    await page.waitForTimeout(500);  // an answer, if one were sent, comes back within milliseconds
    assert.deepEqual(await page.evaluate(() => window.answers), []);
    assert.match(await frames[1].textContent('#library-status'),
      /^The embedding API does not accept allow-origin “\*”: name each page allowed to talk to the explorer by its origin, such as https:\/\/course\.example \(no “\*”, no path\)\. 2 documents/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
