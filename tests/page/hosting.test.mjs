// The page hosted on a course website: a corpus named in the URL, and a same-origin page embedding it in an
// iframe and scripting it through window.textx, as the README describes.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from '../helpers/browser.mjs';
import { siteDir, testOutput } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
const courseSite = join(testOutput, 'course-site');

before(async () => {
  // A course website: the explorer in textx/, the course's own corpus and an embedding page beside it.
  rmSync(courseSite, { recursive: true, force: true });
  cpSync(siteDir, join(courseSite, 'textx'), { recursive: true });
  mkdirSync(join(courseSite, 'week3'), { recursive: true });
  writeFileSync(join(courseSite, 'week3', 'manifest.json'), JSON.stringify({
    name: 'Week 3: the Bandung communiqué',
    documents: [{ file: 'bandung.txt', title: 'Final Communiqué of the Asian-African Conference', date: '1955-04-24' }],
  }));
  writeFileSync(join(courseSite, 'week3', 'bandung.txt'),
    'Respect for the sovereignty and territorial integrity of all nations.\n\n' +
    'Abstention from intervention or interference in the internal affairs of another country.\n');
  writeFileSync(join(courseSite, 'lesson.html'),
    '<!doctype html><title>Lesson</title><iframe id="explorer" title="Text explorer" ' +
    'src="textx/index.html?corpus=../week3/manifest.json#q=sovereignty" width="900" height="500"></iframe>');
  browser = await launchBrowser();
  server = await serveStatic(courseSite);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the hosted page', () => {
  it('opens the corpus named by ?corpus= and runs the query named in the fragment', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}textx/index.html?corpus=../week3/manifest.json#q=interference`);
    await page.evaluate(() => window.textx.ready);
    assert.equal(await page.textContent('#corpus-name'), 'Week 3: the Bandung communiqué');
    assert.deepEqual(await page.$$eval('.document-title', (nodes) => nodes.map((node) => node.textContent)),
      ['Final Communiqué of the Asian-African Conference']);
    await page.waitForSelector('#kwic-rows tr');
    assert.deepEqual(await page.$$eval('#kwic-rows mark', (marks) => marks.map((mark) => mark.textContent)), ['interference']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('says plainly when the named corpus cannot be fetched', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}textx/index.html?corpus=missing/manifest.json`);
    const message = await page.evaluate(() => window.textx.ready.then(() => null, (error) => error.message));
    assert.equal(message, '[corpus.fetch] Could not load the corpus manifest from /textx/missing/manifest.json: the server answered 404.');
    assert.equal(await page.textContent('#library-status'), message);
    await page.close();
  });

  it('can be embedded in an iframe and scripted by a same-origin page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}lesson.html`);
    const frame = page.frameLocator('#explorer');
    await frame.locator('#kwic-rows tr').first().waitFor();
    const total = await page.evaluate(async () => {
      const explorer = document.getElementById('explorer').contentWindow.textx;
      await explorer.ready;
      return (await explorer.concordance('internal affairs')).total;
    });
    assert.equal(total, 1);
    assert.equal(await frame.locator('#query').inputValue(), 'sovereignty');
    await page.close();
  });
});
