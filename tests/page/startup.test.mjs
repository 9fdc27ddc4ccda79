// The page's start: its controls work before the analysis engine is ready, a query typed meanwhile (even
// before the page's script ran) is answered once it is, and the page marks the moments of its start
// (startup_marks.js) on one clock. As a single file from disk and as a hosted site.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { cliConcordance } from '../helpers/cli.mjs';
import { deliveries, watchPage } from '../helpers/explorer_page.mjs';
import { singleFilePage, siteDir } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

let pagesOpened = 0;

// A page whose init script runs `setup` before any of the page's own scripts, recording what must stay clean.
async function openWith(url, setup) {
  const own = new URL(url);
  own.searchParams.set('startup-page', String(++pagesOpened));
  const page = await browser.context.newPage();
  const { problems } = watchPage(page);
  await page.addInitScript(setup);
  await page.goto(own.href, { waitUntil: 'domcontentloaded' });
  return { page, problems };
}

// Holds every answer of the first worker the page starts (the analysis engine) until the test calls
// window.__releaseEngine(): the engine as slow to start as a test needs.
function holdEngine() {
  const NativeWorker = window.Worker;
  const held = [];
  let released = false;
  window.__releaseEngine = () => {
    released = true;
    for (const deliver of held.splice(0)) deliver();
  };
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      if (window.__engine) return;
      window.__engine = this;
      let handler = null;
      Object.defineProperty(this, 'onmessage', { get: () => handler, set: (value) => { handler = value; } });
      this.addEventListener('message', (event) => {
        if (released) handler?.(event);
        else held.push(() => handler?.(event));
      });
    }
  };
}

const statusText = (page) => page.textContent('#search-status');

for (const delivery of deliveries) {
  const url = () => delivery.url(server, pathToFileURL(singleFilePage).href);

  describe(`the start of the page as a ${delivery.name}`, () => {
    it('works before the engine is ready: a query typed meanwhile waits, says so, and is answered once it is', async () => {
      const { page, problems } = await openWith(url(), holdEngine);
      await page.fill('#query', 'independence');
      await page.waitForFunction(() => document.getElementById('search-status').textContent !== '');
      assert.equal(await statusText(page), 'Searching for “independence” as soon as the documents are loaded…');
      assert.match(await page.evaluate(() => location.hash), /q=independence/, 'the address follows the query at once');

      // The tabs respond too, and the concordance comes back with the query still waiting.
      await page.click('#tab-frequency');
      assert.equal(await page.getAttribute('#tab-frequency', 'aria-selected'), 'true');
      assert.equal(await page.isVisible('#frequency'), true);
      await page.click('#tab-concordance');
      assert.equal(await page.isVisible('#concordance'), true);
      assert.equal(await statusText(page), 'Searching for “independence” as soon as the documents are loaded…');
      assert.equal(await page.evaluate(() => performance.getEntriesByName('textx:queryable').length), 0, 'the engine was held');

      await page.evaluate(() => window.__releaseEngine());
      await page.waitForFunction(() => /^[\d,]+ hits? for “independence”/.test(document.getElementById('search-status').textContent));
      const expected = cliConcordance('independence');
      assert.equal(await statusText(page), `${expected.total} hits for “independence” in 2 documents`);
      await page.evaluate(() => window.textx.ready);
      assert.deepEqual(problems, [], 'the console stays empty');
      await page.close();
    });

    // Replaces the first workers the page starts (the analysis engine, then its restarts; as many as the
    // address's `broken` says) by one that fails as it loads.
    const breakEngines = () => () => {
      const NativeWorker = window.Worker;
      let broken = 0;
      window.Worker = class extends NativeWorker {
        constructor(...args) {
          if (broken >= Number(new URL(location.href).searchParams.get('broken'))) super(...args);
          // From disk, a worker whose script throws; hosted (where the policy allows only the site's own
          // scripts), a worker script the server does not have.
          else if (location.protocol === 'file:') super(URL.createObjectURL(new Blob(['throw new Error("a broken engine for the test");'], { type: 'text/javascript' })));
          else super(new URL('missing-engine.js', location.href));
          ++broken;
        }
      };
    };
    const withBroken = (count) => {
      const address = new URL(url());
      address.searchParams.set('broken', String(count));
      return address.href;
    };

    it('starts an engine that failed as it started again, and answers a query typed meanwhile with the new one', async () => {
      const { page, problems } = await openWith(withBroken(1), breakEngines());
      await page.fill('#query', 'independence');
      await page.press('#query', 'Enter');
      await page.waitForFunction(() => /^[\d,]+ hits? for “independence”/.test(document.getElementById('search-status').textContent));
      assert.equal(await statusText(page), `${cliConcordance('independence').total} hits for “independence” in 2 documents`);
      await page.evaluate(() => window.textx.ready);
      // (Over http Chromium gives the worker's error event no message.)
      assert.match(await page.textContent('#library-status'),
        /^The analysis engine stopped: it met an internal error \((Error: a broken engine for the test|no details given)\); it was started again and your documents were loaded again\. 2 documents, /);
      assert.deepEqual(problems.filter((p) => !/broken engine|missing-engine|404/.test(p)), [], 'nothing else goes wrong');
      await page.close();
    });

    it('says so in the view, not only in the library, when the engine cannot be started at all', async () => {
      const { page, problems } = await openWith(withBroken(2), breakEngines());
      await page.fill('#query', 'independence');
      await page.press('#query', 'Enter');
      await page.waitForSelector('#search-status.error');
      const failure = /^The analysis engine stopped and could not be restarted: \[worker\.crashed\] The analysis engine stopped: it met an internal error \((Error: a broken engine for the test|no details given)\)\. Reload the page\.$/;
      assert.match(await statusText(page), failure);
      assert.match(await page.textContent('#library-status'), failure);
      assert.deepEqual(problems.filter((p) => !/broken engine|missing-engine|404/.test(p)), [], 'nothing else goes wrong');
      await page.close();
    });

    it('answers a query typed before its script ran', async () => {
      // The search box is drawn while the browser still reads the rest of the page: a reader can type in it
      // before the page's script is there to listen.
      const { page, problems } = await openWith(url(), () => {
        new MutationObserver((_, observer) => {
          const box = document.getElementById('query');
          if (!box) return;
          box.value = 'sovereignty';
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.evaluate(() => window.textx.ready);
      await page.waitForFunction(() => /^[\d,]+ hits? for “sovereignty”/.test(document.getElementById('search-status').textContent));
      assert.equal(await statusText(page), `${cliConcordance('sovereignty').total} hits for “sovereignty” in 2 documents`);
      assert.equal(await page.inputValue('#query'), 'sovereignty', 'what was typed is kept');
      assert.match(await page.evaluate(() => location.hash), /q=sovereignty/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('marks the moments of its start, the worker\'s on the page\'s clock, in the order they happen', async () => {
      const { page, problems } = await openWith(url(), () => {});
      await page.evaluate(() => window.textx.ready);
      await page.waitForFunction(() => performance.getEntriesByName('textx:worker:opening-indexed').length > 0);
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('textx:')).map((mark) => [mark.name.slice(6), mark.startTime])));
      const order = ['page-script', 'worker-created', 'opening-sent', 'worker:opening-received', 'worker:opening-indexed', 'opening-indexed', 'queryable', 'ready'];
      for (const name of [...order, 'worker:script', 'worker:core-ready', 'store-opened']) assert.ok(marks[name] > 0, `${name} is marked`);
      // The worker's clock starts when the worker does; each clock is coarsened by the browser (to 0.1 ms),
      // so moments of the two threads are compared within a millisecond.
      const before = (a, b) => marks[a] <= marks[b] + (a.startsWith('worker:') !== b.startsWith('worker:') ? 1 : 0);
      for (let i = 1; i < order.length; ++i) assert.ok(before(order[i - 1], order[i]), `${order[i - 1]} (${marks[order[i - 1]]}) before ${order[i]} (${marks[order[i]]})`);
      assert.ok(before('worker:script', 'worker:core-ready') && before('worker:core-ready', 'worker:opening-indexed'));
      if (delivery.name.startsWith('single file')) {
        assert.ok(marks['worker-started-early'] <= marks['page-script'], 'the single file starts its worker before its page script runs');
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
