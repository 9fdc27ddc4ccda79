// The page as a reader meets it, in Debian's headless Chromium (`scripts/bench page` runs this after
// building). Figures only: nothing here passes or fails on speed.
//
//   1. Start, ms from navigation start, from file:// (dist/textx.html) and over http (dist/site/): the
//      controls on screen (first contentful paint) and wired (the page script ran), the analysis worker's
//      steps, queryable (the sample corpus indexed and listed: the views answer), textx.ready (the documents
//      stored in this browser loaded too) and a first query answered. Each page's own marks (textx:…,
//      web/src/startup_marks.js) give the steps. Measured for the first page of new browsers, each with a
//      profile of its own (--fresh N: the slowest start, nothing cached and no IndexedDB database yet), and
//      for pages opened one after the other in one browser (--repeats N). Also in new browsers: a query
//      entered as soon as the search box has the focus, to its hits shown.
//   2. The State of the Union addresses (233 files, 10.7 MB) picked through the file picker: from the
//      input's change event to the worker's index answering (queryable), and to the library listing them.
//   3. Typing: each keystroke to the first screen of rows painted (the frame after the rows are in the DOM),
//      typing queries over the State of the Union at 120 ms a key.
//   4. Scrolling the 151,510 rows of "the" (text order and sorted by R1,R2,R3): frame times while a script
//      scrolls at a reading pace, at a fling and by jumps (a scrollbar dragged), each frame timed with
//      requestAnimationFrame; frames over 1.5 × 16.7 ms count as dropped; rows still loading in view counted.
//   5. The size of dist/textx.html.
//
//   node bench/page_bench.mjs [--repeats N] [--fresh N] [--start-only] [--json FILE]
//
// Measured in the page: an init script (never part of the page) marks when window.textx.ready resolves and
// times each request to the analysis worker; performance.now() is milliseconds from navigation start.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.mjs';
import { singleFilePage, siteDir, sotuDir } from '../tests/helpers/paths.mjs';
import { serveStatic } from '../tests/helpers/static_server.mjs';

const kTypedQueries = ['independence', 'the people', 'will', 'united states', 'the'];
const kKeyDelay = 120;
const kFrame = 1000 / 60;

function parseArgs(argv) {
  const options = { repeats: 5, fresh: 7, startOnly: false, json: null };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--repeats' && Number(argv[i + 1]) >= 1) options.repeats = Number(argv[++i]);
    else if (argv[i] === '--fresh' && Number(argv[i + 1]) >= 1) options.fresh = Number(argv[++i]);
    else if (argv[i] === '--start-only') options.startOnly = true;
    else if (argv[i] === '--json' && argv[i + 1]) options.json = resolve(argv[++i]);
    else throw new Error(`unknown or incomplete argument ${argv[i]} (see the header of bench/page_bench.mjs)`);
  }
  return options;
}

// Runs in the page before its own script: marks textx.ready and the first query, and times worker requests.
function instrument() {
  const bench = { requests: [], workers: [] };
  window.__bench = bench;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      bench.workers.push(performance.now());
      const sent = new Map();
      const post = NativeWorker.prototype.postMessage;
      this.postMessage = (message, transfer) => {
        if (message && message.id !== undefined) sent.set(message.id, { action: message.action, sent: performance.now() });
        return post.call(this, message, transfer);
      };
      this.addEventListener('message', ({ data }) => {
        const request = sent.get(data?.id);
        if (request) bench.requests.push({ ...request, answered: performance.now() });
      });
    }
  };
  Object.defineProperty(window, 'textx', {
    configurable: true,
    set(api) {
      Object.defineProperty(window, 'textx', { value: api, writable: true, configurable: true });
      bench.scriptRan = performance.now();
      api.ready.then(async () => {
        bench.ready = performance.now();
        await api.concordance('independence', { limit: 100 });
        bench.firstQuery = performance.now();
      });
    },
  });
}

const median = (values) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const percentile = (values, p) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

// Resolves once `condition` (a function run in the page) holds, checking every 10 ms. Not Playwright's
// waitForFunction: the first use of that injects Playwright's own script into the page, 15–20 ms of the
// page's main thread that a start-up figure must not include.
async function waitInPage(page, condition, arg = null) {
  // A string is evaluated by the debugger protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(`new Promise((resolve, reject) => {
    const holds = ${condition.toString()};
    const started = performance.now();
    const check = () => {
      if (holds(${JSON.stringify(arg)})) resolve();
      else if (performance.now() - started > 60000) reject(new Error('timed out waiting for a condition in the page'));
      else setTimeout(check, 10);
    };
    check();
  })`);
}

async function openInstrumented(browser, url) {
  const page = await browser.context.newPage();
  await page.addInitScript(instrument);
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await waitInPage(page, () => window.__bench?.firstQuery !== undefined);
  return { page, problems };
}

// The start-up moments of the page open in `page`, ms from navigation start: the browser's own, the bench's
// (init script) and the page's marks (textx:…, web/src/startup_marks.js; the worker's as textx:worker:…).
async function startFigures(page) {
  // The worker's marks come in a moment after textx.ready (the page asks the worker for them then); a page
  // built before the marks has none, and is given a second.
  await waitInPage(page, () => window.__bench?.firstQuery !== undefined &&
    (performance.getEntriesByName('textx:worker:opening-indexed').length > 0 || performance.now() - window.__bench.firstQuery > 1000));
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const bench = window.__bench;
    const marks = {};
    for (const entry of performance.getEntriesByType('mark')) if (entry.name.startsWith('textx:')) marks[entry.name.slice(6)] ??= entry.startTime;
    return {
      first_paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      dom_content_loaded: navigation.domContentLoadedEventEnd,
      script_ran: marks['page-script'] ?? bench.scriptRan,
      worker_started: bench.workers[0],
      worker_script: marks['worker:script'],
      core_ready: marks['worker:core-ready'],
      store_opened: marks['store-opened'],
      corpus_received: marks['worker:opening-received'],
      corpus_indexed: marks['worker:opening-indexed'] ?? bench.requests.find((r) => r.action === 'addDocuments')?.answered,
      queryable: marks.queryable,
      ready: bench.ready,
      first_query: bench.firstQuery,
    };
  });
}

const summarize = (runs) => {
  const summary = {};
  for (const key of Object.keys(runs[0])) {
    const values = runs.map((r) => r[key]).filter(Number.isFinite);
    summary[key] = { first: runs[0][key], median: median(values), min: Math.min(...values), max: Math.max(...values) };
  }
  return summary;
};

// 1. Start-up, `repeats` pages one after the other in one browser (the first of them its first page).
async function measureStart(browser, url, repeats) {
  const runs = [];
  for (let i = 0; i < repeats; ++i) {
    const { page } = await openInstrumented(browser, `${url}${url.includes('?') ? '&' : '?'}bench-start=${i}`);
    runs.push(await startFigures(page));
    await page.close();
  }
  return { runs, summary: summarize(runs) };
}

// 1b. The first page of `count` new browsers, each with a profile of its own (nothing cached, no IndexedDB
// database yet): a reader double-clicking the file with the browser closed, the slowest start.
async function measureFreshStart(url, count) {
  const runs = [];
  for (let i = 0; i < count; ++i) {
    const browser = await launchBrowser();
    try {
      const { page } = await openInstrumented(browser, url);
      runs.push(await startFigures(page));
    } finally {
      await browser.close();
    }
  }
  return { runs, summary: summarize(runs) };
}

// 1c. A query entered as soon as the search box has the focus (the page gives it the focus before its first
// frame), in a new browser each time: from navigation start to the word entered (at once, as pasted or
// completed by an input method: one input event), and to the concordance's status line giving its hits.
async function measureTypedEarly(url, count) {
  const runs = [];
  for (let i = 0; i < count; ++i) {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const typed = {};
        window.__typed = typed;
        document.addEventListener('input', () => {
          typed.typed ??= performance.now();
        }, { capture: true });
        const watch = () => {
          const status = document.getElementById('search-status');
          if (!status) return requestAnimationFrame(watch);
          new MutationObserver(() => {
            if (/^[\d,]+ hits? for “independence”/.test(status.textContent)) typed.answered ??= performance.now();
          }).observe(status, { childList: true, characterData: true, subtree: true });
        };
        watch();
      });
      await page.goto(url, { waitUntil: 'commit' });
      await waitInPage(page, () => document.activeElement?.id === 'query');
      await page.keyboard.insertText('independence');
      await waitInPage(page, () => window.__typed.answered !== undefined);
      runs.push(await page.evaluate(() => ({
        ...window.__typed,
        wait: window.__typed.answered - window.__typed.typed,
        script_ran: performance.getEntriesByName('textx:page-script')[0]?.startTime,
        queryable: performance.getEntriesByName('textx:queryable')[0]?.startTime,
      })));
    } finally {
      await browser.close();
    }
  }
  return { runs, summary: summarize(runs) };
}

// 2. The State of the Union through the picker.
async function measurePick(page) {
  const files = readdirSync(sotuDir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(sotuDir, name));
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  await page.evaluate(() => {
    const bench = window.__bench;
    bench.statuses = [];
    document.getElementById('add-files').addEventListener('change', () => {
      bench.picked = performance.now();
    }, { capture: true });
    new MutationObserver(() => bench.statuses.push([performance.now(), document.getElementById('library-status').textContent]))
      .observe(document.getElementById('library-status'), { childList: true, characterData: true, subtree: true });
  });
  await page.setInputFiles('#add-files', files);
  await page.waitForFunction((n) => new RegExp(`^${n} documents`).test(document.getElementById('library-status').textContent), files.length + 2, { timeout: 120_000 });
  const result = await page.evaluate(() => {
    const bench = window.__bench;
    const add = bench.requests.filter((r) => r.action === 'addDocuments').at(-1);
    const indexing = bench.statuses.find(([, text]) => /^Indexing/.test(text))?.[0];
    const listed = bench.statuses.find(([, text]) => /^\d+ documents/.test(text))?.[0];
    return {
      read_ms: indexing - bench.picked,
      index_ms: add.answered - add.sent,
      queryable_ms: add.answered - bench.picked,
      listed_ms: listed - bench.picked,
    };
  });
  return { files: files.length, bytes, ...result };
}

// 3. Typing: keystroke to first rows painted, for each prefix answered.
async function measureTyping(page) {
  await page.evaluate(() => {
    const bench = window.__bench;
    bench.keys = [];
    bench.painted = [];
    document.getElementById('query').addEventListener('keydown', (event) => bench.keys.push({ key: event.key, t: event.timeStamp }), { capture: true });
    const status = document.getElementById('search-status');
    new MutationObserver(() => {
      const found = status.textContent.match(/^[\d,]+ hits? for “(.*)”/);
      if (!found) return;
      const inDom = performance.now();
      requestAnimationFrame(() => bench.painted.push({ query: found[1], inDom, frame: performance.now() }));
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const keystrokes = [];
  for (const query of kTypedQueries) {
    await page.fill('#query', '');
    await page.waitForFunction(() => /^Type a word/.test(document.getElementById('search-status').textContent));
    await page.evaluate(() => {
      window.__bench.keys = [];
      window.__bench.painted = [];
    });
    await page.keyboard.type(query, { delay: kKeyDelay });
    await page.waitForFunction((q) => window.__bench.painted.some((p) => p.query === q), query, { timeout: 30_000 });
    const { keys, painted } = await page.evaluate(() => window.__bench);
    keys.forEach((key, i) => {
      const prefix = query.slice(0, i + 1).trim();
      if (query[i] === ' ' || !prefix) return;  // a space does not change the query
      const shown = painted.find((p) => p.query === prefix && p.inDom >= key.t);
      keystrokes.push({ query: prefix, rows_ms: shown ? shown.inDom - key.t : null, painted_ms: shown ? shown.frame - key.t : null });
    });
  }
  const painted = keystrokes.filter((k) => k.painted_ms !== null).map((k) => k.painted_ms);
  return { keystrokes, key_delay_ms: kKeyDelay, median_ms: median(painted), p95_ms: percentile(painted, 95), max_ms: Math.max(...painted), skipped: keystrokes.length - painted.length };
}

// Enter on a query (or a new order) to its first rows painted.
async function measureSubmit(page, query, sort = '') {
  await page.fill('#query', query);
  await page.waitForFunction((q) => document.getElementById('search-status').textContent.includes(`“${q}”`), query);
  await page.selectOption('#sort', '');
  await page.waitForFunction(() => !/sort=/.test(location.hash));
  await page.waitForFunction(() => /hits? for/.test(document.getElementById('search-status').textContent));
  return page.evaluate(async ([q, s]) => {
    const status = document.getElementById('search-status');
    const done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (!/hits? for/.test(status.textContent)) return;
        observer.disconnect();
        const inDom = performance.now();
        requestAnimationFrame(() => resolve({ inDom, frame: performance.now() }));
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const start = performance.now();
    if (s) {
      const select = document.getElementById('sort');
      select.value = s;
      select.dispatchEvent(new Event('change'));
    } else {
      document.getElementById('search-form').requestSubmit();
    }
    const { inDom, frame } = await done;
    return { query: q, sort: s, rows_ms: inDom - start, painted_ms: frame - start };
  }, [query, sort]);
}

// 4. Scrolling: `frames` frames of a script moving the KWIC scroller, frame times from requestAnimationFrame.
async function measureScroll(page, pattern, frames) {
  return page.evaluate(async ([kind, count]) => {
    const scroller = document.getElementById('kwic-scroll');
    const rowHeight = document.querySelector('#kwic-rows tr').getBoundingClientRect().height;
    const maxTop = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = maxTop / 2;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    // The page's own scroll listener (the drawing) runs between these two: at its target an event reaches
    // capturing listeners first, then the others in the order they were added.
    let draws = [];
    let drawStart = 0;
    const beforeDraw = () => {
      drawStart = performance.now();
    };
    const afterDraw = () => draws.push(performance.now() - drawStart);
    scroller.addEventListener('scroll', beforeDraw, { capture: true });
    scroller.addEventListener('scroll', afterDraw);
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      longTasks += list.getEntries().length;
    });
    observer.observe({ type: 'longtask' });
    const times = [];
    let loadingFrames = 0;
    let direction = 1;
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let last = await frame();
    draws = [];
    for (let i = 0; i < count; ++i) {
      if (kind === 'jump') scroller.scrollTop = random() * maxTop;
      else if (kind === 'still') {
        // No scrolling: the frames the machine itself drops.
      } else {
        const step = kind === 'read' ? 20 : 200;  // px a frame: 1,200 px/s (~40 rows/s), 12,000 px/s (a fling)
        if (scroller.scrollTop + step * direction > maxTop || scroller.scrollTop + step * direction < 0) direction = -direction;
        scroller.scrollTop += step * direction;
      }
      const now = await frame();
      times.push(now - last);
      last = now;
      // Rows still loading among those in view (drawn for the position set a frame before).
      const top = scroller.getBoundingClientRect().top;
      const bottom = top + scroller.clientHeight;
      if (Array.from(document.querySelectorAll('#kwic-rows tr.loading')).some((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > top && box.top < bottom;
      })) ++loadingFrames;
    }
    scroller.removeEventListener('scroll', beforeDraw, { capture: true });
    scroller.removeEventListener('scroll', afterDraw);
    observer.disconnect();
    return { times, draws, loadingFrames, longTasks, rowHeight, rows: Number(document.getElementById('kwic').getAttribute('aria-rowcount')) - 1 };
  }, [pattern, frames]);
}

// The page's main-thread processor time (not wall time: other programs on the machine do not inflate it)
// while `run()` runs, from a Chromium trace: all tasks, and painting, layout and style within them.
async function mainThreadCpu(page, run) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const main = events.filter((e) => e.ph === 'X' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const cpu = (names) => main.filter((e) => names.includes(e.name)).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  return { result, task_ms: cpu(['RunTask']), paint_ms: cpu(['Paint', 'PrePaint']), layout_ms: cpu(['Layout', 'UpdateLayoutTree']) };
}

function summarizeScroll(label, raw) {
  const dropped = raw.times.reduce((sum, t) => sum + (t > 1.5 * kFrame ? Math.round(t / kFrame) - 1 : 0), 0);
  return {
    label,
    rows: raw.rows,
    frames: raw.times.length,
    median_ms: median(raw.times),
    p95_ms: percentile(raw.times, 95),
    max_ms: Math.max(...raw.times),
    dropped,
    dropped_share: dropped / (raw.times.length + dropped),
    loading_share: raw.loadingFrames / raw.times.length,
    draw_median_ms: median(raw.draws),
    draw_p95_ms: percentile(raw.draws, 95),
    long_tasks: raw.longTasks,
  };
}

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => String(row[c]).length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const options = parseArgs(process.argv.slice(2));
const log = (text) => console.error(`page bench: ${text}`);
const browser = await launchBrowser();
const server = await serveStatic(siteDir);
const singleFileUrl = pathToFileURL(singleFilePage).href;
try {
  log(`start-up from file://, ${options.fresh} new browsers`);
  const startFresh = await measureFreshStart(singleFileUrl, options.fresh);
  log(`a query typed at once from file://, ${options.fresh} new browsers`);
  const typedEarly = await measureTypedEarly(singleFileUrl, options.fresh);
  log(`start-up from file://, ${options.repeats} loads`);
  const startFile = await measureStart(browser, singleFileUrl, options.repeats);
  log(`start-up over http, ${options.repeats} loads`);
  const startHttp = await measureStart(browser, server.url, options.repeats);

  const { page, problems } = await openInstrumented(browser, `${singleFileUrl}?bench=sotu`);
  const userAgent = await page.evaluate(() => navigator.userAgent);
  let pick = null;
  let typing = null;
  let submits = [];
  const scroll = [];
  if (!options.startOnly) {
    log('the State of the Union through the file picker');
    pick = await measurePick(page);
    log('typing');
    typing = await measureTyping(page);
    log('Enter and sort');
    submits = [await measureSubmit(page, 'will'), await measureSubmit(page, 'the'), await measureSubmit(page, 'the', 'R1,R2,R3')];
    log('scrolling "the"');
    await measureSubmit(page, 'the');
    // Each pattern twice: frame times alone, then processor time under a trace (which slows frames a little).
    const scrollRuns = async (order, patterns) => {
      for (const [kind, label, frames] of patterns) {
        const summary = summarizeScroll(label, await measureScroll(page, kind, frames));
        const traced = await mainThreadCpu(page, () => measureScroll(page, kind, frames));
        const perFrame = (ms) => ms / traced.result.times.length;
        scroll.push({ order, ...summary, cpu_ms_per_frame: perFrame(traced.task_ms), paint_ms_per_frame: perFrame(traced.paint_ms), layout_ms_per_frame: perFrame(traced.layout_ms) });
      }
    };
    await scrollRuns('text order', [['still', 'none (baseline: the machine)', 180], ['read', 'reading pace, 1,200 px/s', 180], ['fling', 'fling, 12,000 px/s', 180], ['jump', 'jumps (scrollbar dragged)', 120]]);
    await measureSubmit(page, 'the', 'R1,R2,R3');
    await scrollRuns('sorted R1,R2,R3', [['fling', 'fling, 12,000 px/s', 180], ['jump', 'jumps (scrollbar dragged)', 120]]);
  }
  await page.close();
  const size = statSync(singleFilePage).size;

  const out = [];
  out.push(`textx page benchmark; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fixed(totalmem() / 2 ** 30, 0)} GiB; ` +
    `${userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} headless, --disable-gpu; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  out.push('', `1. Start-up, ms from navigation start. New browser: median (min–max) of the first page of ${options.fresh} browsers, each with a new profile. ` +
    `Same browser: median of ${options.repeats} pages opened one after the other (first page in brackets). Target: interactive ≤ 300 ms from file:// in a new browser.`);
  const cell = (summary, key) => `${fixed(summary[key].median, 0)} (${fixed(summary[key].min, 0)}–${fixed(summary[key].max, 0)})`;
  const warmCell = (summary, key) => `${fixed(summary[key].median, 0)} (${fixed(summary[key].first, 0)})`;
  const startRows = [
    ['first contentful paint (controls on screen)', 'first_paint'], ['DOMContentLoaded', 'dom_content_loaded'],
    ['page script ran (controls wired)', 'script_ran'], ['analysis worker created', 'worker_started'], ['worker script ran', 'worker_script'],
    ['core compiled and ready in the worker', 'core_ready'], ['library storage (IndexedDB) open', 'store_opened'], ['sample corpus reached the worker', 'corpus_received'],
    ['sample corpus indexed', 'corpus_indexed'], ['queryable (views answer)', 'queryable'], ['textx.ready (library listed, stored documents loaded)', 'ready'],
    ['first query answered after textx.ready', 'first_query']]
    .map(([label, key]) => [label, cell(startFresh.summary, key), warmCell(startFile.summary, key), warmCell(startHttp.summary, key)]);
  out.push(table(['moment', 'file://, new browser', 'file://, same browser', 'http, same browser'], startRows));
  out.push(`"independence" entered as soon as the search box has the focus (file://, new browser): entered at ${cell(typedEarly.summary, 'typed')} ms, ` +
    `its hits shown at ${cell(typedEarly.summary, 'answered')} ms, ${cell(typedEarly.summary, 'wait')} ms later ` +
    `(page script ran at ${cell(typedEarly.summary, 'script_ran')} ms, queryable at ${cell(typedEarly.summary, 'queryable')} ms).`);
  if (!options.startOnly) {
    out.push('', `2. ${pick.files} State of the Union files (${fixed(pick.bytes / 1e6, 2)} MB) picked through the file picker, ms from the input's change event. Target: queryable ≤ 1,000 ms.`);
    out.push(table(['step', 'ms'], [['files read (File.arrayBuffer)', fixed(pick.read_ms, 0)], ['worker indexing (request to answer)', fixed(pick.index_ms, 0)],
      ['queryable (worker answered)', fixed(pick.queryable_ms, 0)], ['listed in the library (after storing for next time)', fixed(pick.listed_ms, 0)]]));
    out.push('', `3. Typing over the State of the Union, one key every ${kKeyDelay} ms: keystroke to the first rows in the DOM and to the next frame. Target: ≤ 50 ms.`);
    out.push(table(['query so far', 'rows in DOM', 'painted'], typing.keystrokes.map((k) => [k.query, fixed(k.rows_ms), fixed(k.painted_ms)])));
    out.push(`keystroke → painted: median ${fixed(typing.median_ms)} ms, p95 ${fixed(typing.p95_ms)} ms, max ${fixed(typing.max_ms)} ms; keystrokes not shown (a newer one came first): ${typing.skipped}`);
    out.push('', 'Enter (or a new order) to first rows painted:');
    out.push(table(['query', 'order', 'rows in DOM', 'painted'], submits.map((s) => [s.query, s.sort || 'text', fixed(s.rows_ms), fixed(s.painted_ms)])));
    out.push('', `4. Scrolling the ${scroll[0].rows.toLocaleString('en')} rows of "the" from the middle, frame times from requestAnimationFrame; "draw": the page's scroll handler. Target: 60 fps (16.7 ms).`);
    out.push(table(['order', 'scroll', 'frames', 'median ms', 'p95 ms', 'max ms', 'dropped', 'loading rows in view', 'draw median/p95 ms', 'long tasks', 'main CPU ms/frame (paint, layout)'],
      scroll.map((s) => [s.order, s.label, s.frames, fixed(s.median_ms), fixed(s.p95_ms), fixed(s.max_ms), `${s.dropped} (${fixed(100 * s.dropped_share)}%)`,
        `${fixed(100 * s.loading_share)}% of frames`, `${fixed(s.draw_median_ms, 2)}/${fixed(s.draw_p95_ms, 2)}`, s.long_tasks,
        `${fixed(s.cpu_ms_per_frame, 2)} (${fixed(s.paint_ms_per_frame, 2)}, ${fixed(s.layout_ms_per_frame, 2)})`])));
    out.push('"main CPU": the page\'s main thread\'s processor time per frame from a Chromium trace of a second run, which the machine\'s other jobs do not inflate (a frame has 16.7 ms).');
  }
  out.push('', `5. dist/textx.html: ${size.toLocaleString('en')} bytes (${fixed(size / 2 ** 20, 2)} MiB, ${fixed(size / 1e6, 2)} MB). Target: ≤ 3 MB.`);
  if (problems.length) out.push('', `page errors: ${problems.join('; ')}`);
  console.log(out.join('\n'));
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ start: { fresh: startFresh, typedEarly, file: startFile, http: startHttp }, pick, typing, submits, scroll, size, userAgent, loadavg: loadavg() }, null, 2));
  }
} finally {
  await browser.close();
  await server.close();
}
