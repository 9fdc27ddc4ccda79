// The explorer inside an iframe on another loopback origin, as a course website frames it: files added
// through the picker and by a drop, every view answering as the CLI does for the same files, a concordance
// row opening the reader, a reload finding the corpus still there, the console clean and no request beyond
// the two sites. A frame on the same site (127.0.0.1, another port) keeps the documents in the browser's
// storage; a cross-site frame (the course on localhost) is refused storage by Chromium and says so.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from '../helpers/browser.mjs';
import { watchPage } from '../helpers/explorer_page.mjs';
import { cli, seedCorpus, siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

const dir = join(testOutput, 'framed');
const kDecree = '1980-10-kwp-6th-congress-closing-decree.txt';
let browser;
let explorerSite;  // dist/site on 127.0.0.1:A
let courseSite;    // the course page on 127.0.0.1:B (and, as localhost:B, on another site)
let framesOpened = 0;

// Two documents of the reader's own: a dated note quoting a paragraph of the 1980 decree (so Reuse and Diff
// have something to show) and a dropped one.
const decreeParagraphs = readFileSync(join(seedCorpus, kDecree), 'utf8').split(/\n\s*\n/).filter((p) => p.split(/\s+/).length > 40);
const kNote = ['Seminar notes on independence and sovereignty.', decreeParagraphs[3], 'Independence, again: the word the seminar kept returning to.'].join('\n\n');
const kDropped = 'A dropped reading on independence and the Non-Aligned Movement.';

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'files', '2024-03-01-seminar-notes.txt'), kNote);
  writeFileSync(join(dir, 'files', '2024-03-02-dropped.txt'), kDropped);
  for (const name of ['manifest.json', kDecree, '2023-02-03-independence-basis-of-international-relations.txt']) copyFileSync(join(seedCorpus, name), join(dir, 'files', name));
  browser = await launchBrowser();
  explorerSite = await serveStatic(siteDir);
  courseSite = await serveStatic(dir);
});
after(async () => {
  await browser?.close();
  await Promise.all([explorerSite?.close(), courseSite?.close()]);
});

// The CLI over the seeds and both added files: what every view must agree with.
const cliJson = (...args) => JSON.parse(execFileSync(cli, [...args, '--json', join(dir, 'files', 'manifest.json'),
  join(dir, 'files', '2024-03-01-seminar-notes.txt'), join(dir, 'files', '2024-03-02-dropped.txt')], { encoding: 'utf8' }));

// A course page on `courseOrigin` framing the explorer; resolves to the page and the explorer's frame once
// its opening corpus is loaded.
async function openCourse(courseOrigin) {
  const page = await browser.context.newPage();
  const { problems, requests } = watchPage(page);
  const name = `course-${++framesOpened}.html`;
  writeFileSync(join(dir, name), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Seminar</title><h1>Seminar</h1>
<iframe id="explorer" title="Text explorer" style="width: 1200px; height: 800px" src="${explorerSite.url}index.html?test-page=framed-${framesOpened}"></iframe>`);
  await page.goto(`${courseOrigin}/${name}`);
  return { page, problems, requests, frame: await explorerFrame(page) };
}

async function explorerFrame(page) {
  const frame = await (await page.waitForSelector('#explorer')).contentFrame();
  await frame.waitForFunction(() => window.textx && document.querySelector('.document'));
  await frame.evaluate(() => window.textx.ready);
  return frame;
}

const documentCount = (frame) => frame.$$eval('.document', (nodes) => nodes.length);
async function waitForDocuments(frame, count) {
  await frame.waitForFunction((n) => document.querySelectorAll('.document').length === n, count);
}
async function waitForText(frame, selector, pattern) {
  await frame.waitForFunction(([s, source]) => new RegExp(source).test(document.querySelector(s)?.textContent || ''), [selector, pattern.source]);
  return frame.textContent(selector);
}
const number = (value) => value.toLocaleString('en');

describe('the explorer framed by a page on another loopback origin', () => {
  it('adds files by picker and drop, runs every view as the CLI does, opens a row in the reader and keeps the corpus over a reload', async () => {
    const { page, problems, requests, frame } = await openCourse(courseSite.url.replace(/\/$/, ''));
    assert.equal(await documentCount(frame), 2);
    await frame.setInputFiles('#add-files', join(dir, 'files', '2024-03-01-seminar-notes.txt'));
    await waitForDocuments(frame, 3);
    const dropped = await frame.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], '2024-03-02-dropped.txt', { type: 'text/plain' }));
      return transfer;
    }, kDropped);
    await frame.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await waitForDocuments(frame, 4);

    // Concordance, then a row to the reader.
    const concordance = cliJson('concord', 'independence');
    await frame.fill('#query', 'independence');
    await frame.press('#query', 'Enter');
    assert.equal(await waitForText(frame, '#search-status', /^[\d,]+ hits for “independence”/),
      `${number(concordance.total)} hits for “independence” in 4 documents`);
    await frame.click('#kwic-rows tr:first-child:not(.loading)');
    await frame.waitForSelector('#reader-text mark.current');
    assert.equal(await frame.getAttribute('#tab-reader', 'aria-selected'), 'true');
    assert.equal(await frame.inputValue('#reader-doc'), concordance.hits[0].doc);
    assert.equal(await frame.textContent('#reader-text mark.current'), concordance.hits[0].match);

    // The table views, the plots and the comparisons.
    await frame.click('#tab-frequency');
    const frequency = cliJson('freq');
    assert.equal(await waitForText(frame, '#frequency-table .status', /different words/), `${number(frequency.types)} different words among ${number(frequency.tokens)} words in all.`);
    assert.equal(await frame.textContent('#frequency-table tbody td'), frequency.rows[0].word);
    await frame.click('#tab-ngrams');
    const ngrams = cliJson('ngrams');
    assert.match(await waitForText(frame, '#ngrams-table .status', /sequences/), new RegExp(`^${number(ngrams.total)} different`));
    assert.equal(await frame.textContent('#ngrams-table tbody td'), ngrams.rows[0].ngram);
    await frame.click('#tab-collocates');
    const collocates = cliJson('collocates', 'independence');
    assert.match(await waitForText(frame, '#collocates-table .status', /collocates of/), new RegExp(`^${collocates.total} collocates of “independence” \\(${concordance.total} hits;`));
    await frame.click('#tab-dispersion');
    const dispersion = cliJson('dispersion', 'independence');
    await frame.waitForSelector('#dispersion-plot svg');
    assert.deepEqual(await frame.$$eval('.dispersion-row', (rows) => rows.map((row) => row.querySelectorAll('.tick').length)), dispersion.documents.map((doc) => doc.hits));
    await frame.click('#tab-trend');
    await frame.waitForSelector('#trend-plot svg');
    const trend = cliJson('trend', 'independence');
    assert.equal(await frame.$$eval('#trend-table tbody tr', (rows) => rows.length), trend.periods.length);
    await frame.click('#tab-keyness');
    await frame.selectOption('#keyness-target-doc', '2024-03-01-seminar-notes.txt');
    const keyness = cliJson('keyness', '--target', 'doc:"2024-03-01-seminar-notes.txt"');
    assert.match(await waitForText(frame, '#keyness-table .status', /keywords of/), new RegExp(`^${keyness.total} keywords of`));
    await frame.click('#tab-diff');
    await frame.selectOption('#diff-a', kDecree);
    await frame.selectOption('#diff-b', '2024-03-01-seminar-notes.txt');
    assert.match(await waitForText(frame, '#diff-status', / against .*: /), /1 equal/);
    await frame.click('#tab-reuse');
    const reuse = cliJson('reuse');
    assert.match(await waitForText(frame, '#reuse-status', /passage/), new RegExp(`^${reuse.total} passages shared by two documents`));
    const dates = { [kDecree]: '1980-10', '2024-03-01-seminar-notes.txt': '2024-03-01', '2023-02-03-independence-basis-of-international-relations.txt': '2023-02-03' };
    assert.deepEqual(await frame.$$eval('#reuse-list .reuse-where', (links) => links.map((a) => a.textContent)),
      reuse.matches.flatMap((m) => [m.source, m.target].map((side) => `${dates[side.doc]} ¶${side.paragraph + 1}`)),
      'the quoted paragraph is found again in the seminar notes, where the CLI finds it');

    // A reload of the course page: the framed explorer has its four documents back from its storage.
    await page.reload();
    const again = await explorerFrame(page);
    await waitForDocuments(again, 4);
    assert.deepEqual(problems, []);
    const origins = new Set(requests.map((url) => new URL(url).origin));
    for (const origin of origins) assert.ok([new URL(courseSite.url).origin, new URL(explorerSite.url).origin, 'null'].includes(origin) || /^(blob|data):/.test(origin), origin);
    await page.screenshot({ path: join(testOutput, 'framed-course-page.png'), fullPage: true });
    await again.click('#forget-added');
    await waitForDocuments(again, 2);
    await page.close();
  });

  it('on another site (the course on localhost) keeps added documents in memory and says so', async () => {
    const { page, problems, frame } = await openCourse(courseSite.url.replace('127.0.0.1', 'localhost').replace(/\/$/, ''));
    const status = await frame.textContent('#library-status');
    assert.match(status, /^Documents you add are kept only until this page is closed: the browser does not let it store them here \(.+\)\. 2 documents, 2,477 words\.$/);
    await frame.setInputFiles('#add-files', join(dir, 'files', '2024-03-01-seminar-notes.txt'));
    await waitForDocuments(frame, 3);
    await page.reload();
    const again = await explorerFrame(page);
    assert.equal(await documentCount(again), 2, 'memory only: the added document is gone after a reload, as the notice said');
    console.log(`# cross-site frame: ${status}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
