// The hostile inputs of docs/security.md through the page, as a reader gives them: files through the picker
// and a drop, queries through the search box. Each refused file is named in the library's status with its
// reason; after each case the corpus answers the same query with the same total, and the documents added
// before are still there. Also: a 200 MB file, many tiny files, stopping a long request, a trap in the
// engine (restarted with every document), the Content-Security-Policy at work, and no network request for
// any of it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { openPage, search } from '../helpers/explorer_page.mjs';
import { full, hostileFiles, hostileQueries, oneLine, scratchFolder, tinyFiles } from '../helpers/hostile_inputs.mjs';
import { singleFilePage, siteDir } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;
let scratch;

before(async () => {
  scratch = scratchFolder('page');
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});

after(async () => {
  await browser?.close();
  await server?.close();
  scratch?.remove();
});

const kSummary = /^[\d,]+ documents?, [\d,]+ words\./;
const status = (page) => page.textContent('#library-status');
const total = (page, query = 'independence') => page.evaluate((q) => window.textx.concordance(q, { limit: 0 }).then((r) => r.total), query);
const documentNames = (page) => page.evaluate(() => window.textx.documents().then((docs) => docs.map((doc) => doc.name)));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

// Gives `paths` to the file picker and waits until the library is drawn again; returns the status line.
async function pick(page, paths, timeout = 120_000) {
  await page.$eval('#library-status', (node) => { node.textContent = 'picking'; });
  await page.setInputFiles('#add-files', paths);
  await page.waitForFunction((summary) => new RegExp(summary).test(document.querySelector('#library-status').textContent), kSummary.source, { timeout });
  return status(page);
}

// The analysis engine's worker (the one holding the wasm core).
async function engineWorker(page) {
  const workers = await Promise.all(page.workers().map(async (worker) => [worker, await worker.evaluate(() => typeof TextxCore).catch(() => '')]));
  return workers.find(([, type]) => type === 'function')[0];
}

// Waits until the engine has been started again after a stop or a crash; returns the status line.
async function restarted(page) {
  await page.waitForFunction(() => /it was started again and your documents were loaded again\. [\d,]+ documents?/.test(document.querySelector('#library-status').textContent), null, { timeout: 60_000 });
  return status(page);
}

describe('hostile input through the page, from file://', () => {
  let page;
  let problems;
  let requests;
  let baseline;
  const added = [];

  before(async () => {
    ({ page, problems, requests } = await openPage(browser, pathToFileURL(singleFilePage).href));
    baseline = await total(page);
    assert.ok(baseline > 0);
  });

  after(async () => {
    // The page asked for nothing over the network: only its own file, and the blob: and data: URLs of its workers and wasm.
    assert.deepEqual(requests.filter((url) => !/^(file|blob|data):/.test(url)), []);
    assert.deepEqual(problems.filter((p) => !/Content Security Policy|Content-Security-Policy/.test(p)), []);
    await page?.close();
  });

  for (const file of hostileFiles()) {
    const label = file.name.length > 40 ? 'a file name with HTML and path characters' : file.name;
    it(`${label}: ${file.answer ? 'refused by name' : 'added'}; nothing loaded before is lost`, async () => {
      const path = join(scratch.dir, file.name);
      writeFileSync(path, file.bytes);
      const before = await documentNames(page);
      const started = performance.now();
      const shown = await pick(page, path);
      if (file.answer) {
        const message = (file.pageAnswer ?? file.answer)(file.name);
        assert.equal(shown, `${before.length} documents, ${shown.match(/, ([\d,]+) words/)[1]} words. Not added: ${message}`);
        assert.deepEqual(await documentNames(page), before);
      } else {
        assert.match(shown, new RegExp(`^${before.length + 1} documents, [\\d,]+ words\\.$`));
        const docs = await page.evaluate(() => window.textx.documents());
        const doc = docs.at(-1);
        assert.equal(doc.name, file.name);
        assert.ok(file.check(doc), JSON.stringify(doc));
        added.push(file.name);
      }
      assert.equal(await total(page), baseline);
      console.log(`# page: ${label} in ${seconds(started)} s`);
    });
  }

  it('a dropped file whose name holds markup and path parts keeps it as text', async () => {
    const before = (await documentNames(page)).length;
    const name = '../../<b id="bold">x</b>/<img src=x onerror="window.pwned=1">.txt';
    const transfer = await page.evaluateHandle((n) => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped words.'], n, { type: 'text/plain' }));
      return data;
    }, name);
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await page.waitForFunction((n) => document.querySelectorAll('.document').length === n, before + 1);
    assert.equal((await documentNames(page)).at(-1), name);
    assert.equal(await page.$$eval('.document-title', (nodes) => nodes.at(-1).textContent), name);
    assert.equal(await page.evaluate(() => document.querySelector('#bold, .document img') === null && window.pwned === undefined), true);
    added.push(name);
    assert.equal(await total(page), baseline);
  });

  it('a 200 MB file is refused by its size without being read; the page stays responsive', async () => {
    const path = join(scratch.dir, 'large.txt');
    writeFileSync(path, Buffer.alloc(200 * 1024 * 1024, 'a'));
    const started = performance.now();
    const shown = await pick(page, path);
    assert.match(shown, / Not added: \[load\.too_large\] large\.txt is 200 MB, more than the 128 MB one document can hold here; split it into smaller files and add those\.$/);
    console.log(`# page: 200 MB file refused in ${seconds(started)} s`);
    assert.equal(await total(page), baseline);
  });

  it(`${full ? '50,000' : '2,000'} tiny files through the picker are all added`, async () => {
    const count = full ? 50_000 : 2_000;
    const folder = tinyFiles(join(scratch.dir, `many-${count}`), count);
    const digits = String(count).length;
    const paths = Array.from({ length: count }, (_, i) => join(folder, `${String(i + 1).padStart(digits, '0')}.txt`));
    const before = (await documentNames(page)).length;
    const started = performance.now();
    const shown = await pick(page, paths, 600_000);
    assert.match(shown, new RegExp(`^${(before + count).toLocaleString('en')} documents, `));
    assert.equal(await total(page, 'pile'), count);
    assert.equal(await total(page), baseline);
    console.log(`# page: ${count} files added in ${seconds(started)} s`);
  });

  for (const { query, answer, total: expected } of hostileQueries) {
    it(`the query ${query.length > 30 ? `${query.slice(0, 30)}… (${query.length} characters)` : query}: ${answer ? 'refused with the reason' : 'answered'}`, async () => {
      await search(page, query);
      const shown = await page.textContent('#search-status');
      if (answer) assert.equal(shown, answer);
      else assert.match(shown, new RegExp(`^${expected} hits for`));
      assert.equal(await total(page), baseline);
    });
  }

  it('a long request can be stopped: the engine starts again with every document', async () => {
    const names = await documentNames(page);
    // The engine is kept busy for a minute, as one long call into wasm (a statistic over a large corpus)
    // keeps it; the reader's next request waits behind it, and the Stop line appears.
    await (await engineWorker(page)).evaluate(() => setTimeout(() => {
      for (const end = Date.now() + 60_000; Date.now() < end;);
    }));
    await page.evaluate(() => { location.hash = '#view=frequency'; });
    await page.waitForSelector('#engine-busy:not([hidden])', { timeout: 10_000 });
    const started = performance.now();
    await page.click('#stop-work');
    const shown = await restarted(page);
    assert.match(shown, /^You stopped the analysis engine; it was started again and your documents were loaded again\. [\d,]+ documents, /);
    assert.ok(performance.now() - started < 50_000, 'restarted long before the busy minute was over');
    assert.match(await page.textContent('#frequency'), /\[request\.stopped\] Stopped at your request; the documents are being loaded again\./);
    assert.equal(await page.isHidden('#engine-busy'), true);
    assert.deepEqual(await documentNames(page), names);
    await page.evaluate(() => { location.hash = '#view=concordance&q=independence'; });
    assert.equal(await total(page), baseline);
    console.log(`# page: stopped and restarted with ${names.length} documents in ${seconds(started)} s`);
  });

  it('a trap in the engine: the page says so in plain words, starts it again and loads every document', async () => {
    const names = await documentNames(page);
    await (await engineWorker(page)).evaluate(() => self.onmessage({ data: { id: 0, action: 'trapForTesting' } }));
    const shown = await restarted(page);
    assert.match(shown, /^The analysis engine stopped: it met an internal error \(RuntimeError: unreachable\); it was started again and your documents were loaded again\. /);
    assert.deepEqual(await documentNames(page), names);
    assert.equal(await total(page), baseline);
    for (const name of added) assert.ok(names.includes(name), name);
  });

  it('memory exhausted for real (the engine takes all 4 GB): the page says so in plain words, starts it again and loads every document', async () => {
    const names = await documentNames(page);
    await (await engineWorker(page)).evaluate(() => self.onmessage({ data: { id: 0, action: 'exhaustMemoryForTesting' } }));
    // The trap test before this one left its own "started again" line: wait for this one's.
    await page.waitForFunction(() => /ran out of memory/.test(document.querySelector('#library-status').textContent), null, { timeout: 60_000 });
    const shown = await restarted(page);
    assert.match(shown, /^The analysis engine stopped: it ran out of memory \(the browser gives it at most 4 GB\); it was started again and your documents were loaded again\. /);
    assert.deepEqual(await documentNames(page), names);
    assert.equal(await total(page), baseline);
  });

  it('runs no script the page did not bring: inline scripts, event attributes, string timers and javascript: links are refused by its policy', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.pwnedBy = "inline script";';
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.pwnedBy = "event attribute";');
      image.src = 'data:,not-an-image';
      const link = document.createElement('a');
      link.href = 'javascript:window.pwnedBy = "javascript: link"';
      const box = document.createElement('div');
      box.id = 'injected-box';
      box.append(script, image, link);
      document.body.append(box);
      link.click();
      setTimeout('window.pwnedBy = "string timer";');  // eslint-disable-line no-implied-eval
    });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.pwnedBy), undefined);
    assert.ok(problems.filter((p) => /Content Security Policy/.test(p)).length >= 3, problems.join('\n'));
    await page.evaluate(() => document.getElementById('injected-box').remove());
  });
});

describe('hostile input through the page over http', () => {
  it('local files, a zip bomb among them, cause no request beyond the page\'s own worker scripts', async () => {
    const { page, problems, requests } = await openPage(browser, server.url);
    const opened = requests.length;
    const bomb = hostileFiles().find((file) => file.name === 'bomb.zip');
    writeFileSync(join(scratch.dir, 'bomb.zip'), bomb.bytes);
    writeFileSync(join(scratch.dir, 'line.txt'), oneLine(100_000));
    const shown = await pick(page, [join(scratch.dir, 'bomb.zip'), join(scratch.dir, 'line.txt')]);
    assert.match(shown, new RegExp(`^3 documents, [\\d,]+ words\\. Not added: \\[load\\.zip_limit\\] bomb\\.zip unpacks to more than 256 MB`));
    const later = requests.slice(opened).map((url) => url.replace(server.url, ''));
    assert.deepEqual(later.filter((url) => !/^(blob|data):/.test(url)), ['textx-extract-worker.js']);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
