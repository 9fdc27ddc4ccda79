// Our paragraph diff (wasm: build/wasm/textx-core.js) side by side with diff-match-patch (diff_main +
// diff_cleanupSemantic, with its default 1 s timeout and with none) and jsdiff (diffWords), on the same
// pairs, in node and in headless Chromium (Debian's, through tests/helpers/browser.mjs): the licence
// versions and the generated 1,000-paragraph documents that textx_diff_bench writes. Figures only, never a
// test. `scripts/bench diff` builds, writes the pairs and runs this.
//
//   build/native/textx_diff_bench --write DIR --repeats 1 && node bench/diff_peers_bench.mjs DIR
//       [--repeats N] [--cap-seconds S] [--module FILE] [--no-chromium] [--json FILE]
//
// Every tool gets the same two JS strings (the files read as UTF-8). Our two rows:
//   "textx from text"  TextEncoder on both strings, diffBytes (adds both to a fresh corpus: decoding,
//                      paragraphs, words; then alignment, word diffs, the JSON) and JSON.parse of the answer:
//                      all a caller with two strings pays, like the peers. The ratios are against this row.
//   "textx diff"       Corpus.diff on a corpus already holding both documents, and JSON.parse: what the
//                      page's Diff view pays (its documents are loaded when the corpus is built).
// Both are timed after one untimed pass over all pairs (see warmUp), medians of --repeats runs (default 7).
// A peer's time is its library calls alone (diff_main + diff_cleanupSemantic, or diffWords); turning
// its output into runs for the checks below is not timed.
//
// Moves: our diff reports `moved` pairs. The peers have no such notion; for every paragraph our diff found
// moved, this says what the peer made of it, by where the paragraph's characters (spaces aside) landed: 90 %
// or more in the peer's deleted runs at its old place and in inserted runs at its new place ("deleted +
// inserted": a deletion and an insertion, not linked), 90 % or more in equal runs on both sides ("kept in
// place": the text it jumped over is deleted and inserted instead), or anything else ("split up": matched
// piecemeal). "kept" is the share of the new text's characters in the peer's equal runs (for textx: in
// paragraphs kept whole and in equal word runs, moved paragraphs included). A diff that gave up at its
// timeout deletes the whole old text and inserts the whole new one: it keeps nothing and shows every move as
// "deleted + inserted" trivially.
// A peer's run is measured in a node worker first and given up after --cap-seconds (default 60); what was
// given up in node is not tried in Chromium, and what took over 2 s is run once.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CASES = ['GPL-2->GPL-3', 'LGPL-2.1->LGPL-3', 'MPL-1.1->MPL-2.0', 'sotu-1000'];
const PEERS = ['dmp (1 s timeout)', 'dmp (no timeout)', 'jsdiff diffWords'];
// Browser builds of the peers, loaded into the page as classic scripts (jsdiff's package exports do not
// list its dist/ file, so it is found next to its package.json).
const paths = {
  jsdiff: join(dirname(require.resolve('diff/package.json')), 'dist', 'diff.js'),
  dmp: require.resolve('diff-match-patch'),
};

// Runs where the libraries are (node or a page): self-contained, so that it can be passed to page.evaluate.
// In node each time also has the process's CPU time (process.cpuUsage: every thread, V8's background
// compilation and GC included), which other work on the machine does not inflate; a page has no such clock.
function measurePeer(libs, tool, a, b, moved, repeats) {
  const cpuNow = () => (typeof process === 'object' && process.cpuUsage ? ((u) => (u.user + u.system) / 1e3)(process.cpuUsage()) : NaN);
  const run = () => {
    let dmp;
    if (tool.startsWith('dmp')) {
      dmp = new libs.DiffMatchPatch();
      dmp.Diff_Timeout = tool.includes('no timeout') ? 0 : 1;
    }
    const cpu = cpuNow();
    const start = performance.now();
    let raw;
    let mainMs = 0;
    if (dmp) {
      raw = dmp.diff_main(a, b);
      mainMs = performance.now() - start;
      dmp.diff_cleanupSemantic(raw);
    } else {
      raw = libs.Diff.diffWords(a, b);
    }
    return { ms: performance.now() - start, cpuMs: cpuNow() - cpu, mainMs, raw };
  };
  const times = [];
  const cpuTimes = [];
  let last;
  for (let r = 0; r < repeats; ++r) {
    last = run();
    times.push(last.ms);
    cpuTimes.push(last.cpuMs);
    if (last.ms > 2000) break;
  }
  const runs = tool.startsWith('dmp')
    ? last.raw.map(([op, text]) => ({ op: op < 0 ? 'delete' : op > 0 ? 'insert' : 'equal', text }))
    : last.raw.map((p) => ({ op: p.removed ? 'delete' : p.added ? 'insert' : 'equal', text: p.value }));
  times.sort((x, y) => x - y);
  cpuTimes.sort((x, y) => x - y);
  // What became of each moved paragraph, by where its characters landed. Whitespace is left out: jsdiff's
  // equal runs carry the new text's spacing, so only the other characters line up on both sides.
  const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
  const sideOps = (text, op) => {
    const marks = new Uint8Array(text.length);  // per UTF-16 unit: 1 in an equal run, 2 in a delete or insert
    let at = 0;
    for (const r of runs) {
      if (r.op !== 'equal' && r.op !== op) continue;
      const mark = r.op === 'equal' ? 1 : 2;
      // Walk the run's non-space characters over the side's, skipping the side's own spacing.
      for (let i = 0; i < r.text.length; ++i) {
        if (isSpace(r.text.charCodeAt(i))) continue;
        while (at < text.length && isSpace(text.charCodeAt(at))) ++at;
        if (at < text.length) marks[at++] = mark;
      }
    }
    return marks;
  };
  const oldMarks = sideOps(a, 'delete');
  const newMarks = sideOps(b, 'insert');
  // Every non-space character of both texts should have been walked over; if not, the checks are off.
  let unwalked = 0;
  for (const [marks, text] of [[oldMarks, a], [newMarks, b]])
    for (let i = 0; i < text.length; ++i) if (!marks[i] && !isSpace(text.charCodeAt(i))) ++unwalked;
  const share = (marks, text, [start, end], mark) => {
    let all = 0;
    let hit = 0;
    for (let i = start; i < end; ++i) {
      if (isSpace(text.charCodeAt(i))) continue;
      ++all;
      if (marks[i] === mark) ++hit;
    }
    return all ? hit / all : 0;
  };
  const moves = { deletedInserted: 0, keptInPlace: 0, splitUp: 0 };
  for (const m of moved) {
    if (share(oldMarks, a, m.a, 2) >= 0.9 && share(newMarks, b, m.b, 2) >= 0.9) ++moves.deletedInserted;
    else if (share(oldMarks, a, m.a, 1) >= 0.9 && share(newMarks, b, m.b, 1) >= 0.9) ++moves.keptInPlace;
    else ++moves.splitUp;
  }
  return {
    best: times[0],
    median: times[times.length >> 1],
    cpuMedian: cpuTimes[cpuTimes.length >> 1],
    runs: times.length,
    edits: runs.filter((r) => r.op !== 'equal').length,
    // How much of the new text the peer found in common with the old (a diff that gave up keeps nothing).
    keptPercent: (100 * runs.reduce((sum, r) => sum + (r.op === 'equal' ? r.text.length : 0), 0)) / Math.max(1, b.length),
    hitTimeout: tool.includes('1 s') && last.mainMs >= 1000,
    moves,
    unwalked,
  };
}

// Our two rows (see the header), from the same strings as the peers. Returns the times, the summary and
// where the moved paragraphs are (UTF-16 offsets into the strings).
function measureOurs(core, a, b, repeats) {
  const cpuNow = () => (typeof process === 'object' && process.cpuUsage ? ((u) => (u.user + u.system) / 1e3)(process.cpuUsage()) : NaN);
  const check = (diff) => {
    if (diff.error) throw new Error(`textx: ${diff.error.message}`);
    return diff;
  };
  const timed = (f) => {
    const times = [];
    const cpuTimes = [];
    let value;
    for (let r = 0; r < repeats; ++r) {
      const cpu = cpuNow();
      const start = performance.now();
      value = f();
      times.push(performance.now() - start);
      cpuTimes.push(cpuNow() - cpu);
      check(value);
    }
    times.sort((x, y) => x - y);
    cpuTimes.sort((x, y) => x - y);
    return [{ best: times[0], median: times[times.length >> 1], cpuMedian: cpuTimes[cpuTimes.length >> 1], runs: times.length }, value];
  };
  const encoder = new TextEncoder();
  const [fromText] = timed(() =>
    JSON.parse(core.diffBytes('{"name": "a"}', encoder.encode(a), '{"name": "b"}', encoder.encode(b), '{}')));
  const corpus = new core.Corpus();
  check(JSON.parse(corpus.addDocument('{"name": "a"}', encoder.encode(a))));
  check(JSON.parse(corpus.addDocument('{"name": "b"}', encoder.encode(b))));
  const [inCorpus, diff] = timed(() => JSON.parse(corpus.diff('{"a": 0, "b": 1}')));
  corpus.delete();
  // The new text in common with the old, as for the peers: paragraphs kept whole, and the equal word runs
  // of the others (moved ones included, which a peer cannot keep).
  let kept = 0;
  for (const p of diff.pairs) {
    if (!p.a || !p.b) continue;
    if (p.words) kept += p.words.reduce((sum, w) => sum + (w.op === 'equal' ? w.text.length : 0), 0);
    else kept += p.b.end_utf16 - p.b.start_utf16;
  }
  return {
    fromText,
    diff: inCorpus,
    keptPercent: (100 * kept) / Math.max(1, b.length),
    summary: diff.summary,
    moved: diff.pairs.filter((p) => p.op === 'moved')
      .map((p) => ({ a: [p.a.start_utf16, p.a.end_utf16], b: [p.b.start_utf16, p.b.end_utf16] })),
  };
}

// One peer's measurement in a worker, given up after capSeconds (and if it runs out of memory).
function inWorker(data, capSeconds) {
  return new Promise((resolveResult) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    const timer = setTimeout(() => {
      worker.terminate();
      resolveResult({ capped: `given up after ${capSeconds} s` });
    }, capSeconds * 1000);
    worker.once('message', (result) => {
      clearTimeout(timer);
      worker.terminate();
      resolveResult(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolveResult({ capped: `failed: ${error.message.split('\n')[0]}` });
    });
  });
}

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function row(caseName, tool, r, ours, movedCount) {
  const head = `${caseName.padEnd(18)}${tool.padEnd(20)}`;
  if (r.capped) return `${head}${r.capped}`;
  const ratio = ours ? `${(r.median / ours.median).toFixed(r.median / ours.median < 10 ? 1 : 0)}×` : '';
  let moves;
  if (r.summary) moves = `${r.summary.moved} moved pairs found`;
  else if (!movedCount) moves = 'no moved paragraph to look for';
  else {
    const m = r.moves;
    moves = `of ${movedCount} moved: ${m.deletedInserted} deleted + inserted, ${m.keptInPlace} kept in place, ${m.splitUp} split up`;
    if (r.unwalked) moves += ` (${r.unwalked} characters not found in its runs: not to be trusted)`;
  }
  const kept = r.keptPercent === undefined ? '' : `${r.keptPercent.toFixed(0)} %`;
  const cpu = Number.isNaN(r.cpuMedian ?? NaN) ? '' : f(r.cpuMedian);
  return `${head}${f(r.median).padStart(9)}${f(r.best).padStart(9)}${cpu.padStart(9)}${String(r.runs).padStart(5)}${ratio.padStart(8)}` +
    `${String(r.edits ?? '').padStart(7)}${kept.padStart(6)}  ${moves}${r.hitTimeout ? ' (diff_main stopped at its 1 s timeout)' : ''}`;
}

function header(where) {
  console.log(`\n${where}`);
  console.log(`${'case'.padEnd(18)}${'tool'.padEnd(20)}${'median'.padStart(9)}${'best'.padStart(9)}${'cpu'.padStart(9)}${'runs'.padStart(5)}` +
    `${'×textx'.padStart(8)}${'edits'.padStart(7)}${'kept'.padStart(6)}  moves`);
}

function printOurs(c, ours) {
  const common = { summary: ours.summary, keptPercent: ours.keptPercent };
  console.log(row(c.name, 'textx from text', { ...ours.fromText, ...common }));
  console.log(row(c.name, 'textx diff', { ...ours.diff, ...common }));
}

async function main() {
  const args = process.argv.slice(2);
  const options = { repeats: 7, cap: 60, module: join(root, 'build', 'wasm', 'textx-core.js'), chromium: true,
    dir: undefined, json: undefined };
  for (let i = 0; i < args.length; ++i) {
    const count = () => {
      const n = Number(args[++i]);
      if (!(n > 0)) throw new Error(`${args[i - 1]} needs a positive number`);
      return n;
    };
    if (args[i] === '--repeats') options.repeats = Math.round(count());
    else if (args[i] === '--cap-seconds') options.cap = count();
    else if (args[i] === '--module') options.module = resolve(args[++i]);
    else if (args[i] === '--json') options.json = resolve(args[++i]);
    else if (args[i] === '--no-chromium') options.chromium = false;
    else if (!args[i].startsWith('--') && !options.dir) options.dir = resolve(args[i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  if (!options.dir) {
    console.error('usage: node bench/diff_peers_bench.mjs DIR [--repeats N] [--cap-seconds S] [--module FILE] [--no-chromium] [--json FILE]');
    process.exit(2);
  }
  const cases = CASES.map((name) => ({
    name,
    a: readFileSync(join(options.dir, `${name}.a.txt`), 'utf8'),
    b: readFileSync(join(options.dir, `${name}.b.txt`), 'utf8'),
  }));
  const versions = ['diff', 'diff-match-patch'].map((name) => `${name} ${require(`${name}/package.json`).version}`);
  const machine = `${cpus().length} × ${cpus()[0].model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;
  console.log(`textx wasm (${options.module}) against ${versions.join(', ')}; milliseconds: median and best of up to ` +
    `${options.repeats} runs, median CPU time (node only); ×textx: median over textx from text's median\n${machine}`);
  const results = { versions, machine, repeats: options.repeats, node: {}, chromium: {} };

  const core = await require(options.module)();
  const firstNode = warmUp(core, cases);
  results.firstCall = { node: firstNode };
  header(`wasm and peers in node ${process.version} (first call of a fresh module, untimed warm-up: ${f(firstNode)} ms)`);
  for (const c of cases) {
    const ours = measureOurs(core, c.a, c.b, options.repeats);
    c.moved = ours.moved;
    printOurs(c, ours);
    results.node[c.name] = { ours };
    for (const tool of PEERS) {
      const r = await inWorker({ tool, a: c.a, b: c.b, moved: c.moved, repeats: options.repeats }, options.cap);
      results.node[c.name][tool] = r;
      console.log(row(c.name, tool, r, ours.fromText, c.moved.length));
    }
  }
  if (options.chromium) await inChromium(cases, results, options);
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 1)}\n`);
}

async function inChromium(cases, results, options) {
  const { launchBrowser } = await import('../tests/helpers/browser.mjs');
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>textx diff peers bench</title>');
    await page.addScriptTag({ content: readFileSync(options.module, 'utf8') });
    await page.addScriptTag({ content: readFileSync(paths.jsdiff, 'utf8') });
    // diff-match-patch is a CommonJS file (module.exports = diff_match_patch): given a module object here.
    await page.addScriptTag({ content: `(function () { var module = { exports: {} }, exports = module.exports;\n` +
      `${readFileSync(paths.dmp, 'utf8')}\nwindow.DiffMatchPatch = module.exports; })();` });
    await page.addScriptTag({ content: [measurePeer, measureOurs, warmUp].map((fn) => `window.${fn.name} = ${fn.toString()};`).join('\n') });
    const { userAgent, first } = await page.evaluate(async (pairs) => {
      window.core = await TextxCore();
      return { userAgent: navigator.userAgent, first: window.warmUp(window.core, pairs) };
    }, cases.map(({ a, b }) => ({ a, b })));
    results.userAgent = userAgent;
    results.firstCall.chromium = first;
    header(`wasm and peers in ${userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} ` +
      `(first call of a fresh module, untimed warm-up: ${f(first)} ms)`);
    for (const c of cases) {
      const ours = await page.evaluate(({ a, b, repeats }) => window.measureOurs(window.core, a, b, repeats),
        { a: c.a, b: c.b, repeats: options.repeats });
      printOurs(c, ours);
      results.chromium[c.name] = { ours };
      for (const tool of PEERS) {
        const inNode = results.node[c.name][tool];
        if (inNode.capped) {
          console.log(`${row(c.name, tool, inNode)} in node; not tried here`);
          results.chromium[c.name][tool] = inNode;
          continue;
        }
        const repeats = inNode.best > 2000 ? 1 : options.repeats;
        const r = await page.evaluate(({ tool, a, b, moved, repeats }) =>
          window.measurePeer({ DiffMatchPatch: window.DiffMatchPatch, Diff: window.Diff }, tool, a, b, moved, repeats),
        { tool, a: c.a, b: c.b, moved: c.moved, repeats });
        results.chromium[c.name][tool] = r;
        console.log(row(c.name, tool, r, ours.fromText, c.moved.length));
      }
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

// V8 runs a new wasm module's code in its baseline tier first and optimises hot functions in the
// background; on a busy machine the first diffs can take several times their later time. One untimed pass
// over every pair before the timed ones, so that no pair pays it because it comes first; the first call's
// time is reported on its own (a page's first diff pays it).
function warmUp(core, pairs) {
  const encoder = new TextEncoder();
  let first;
  for (const { a, b } of pairs) {
    const start = performance.now();
    JSON.parse(core.diffBytes('{"name": "a"}', encoder.encode(a), '{"name": "b"}', encoder.encode(b), '{}'));
    first ??= performance.now() - start;
  }
  return first;
}

// The same file is the worker that measures a peer in node.
if (!isMainThread) {
  const { tool, a, b, moved, repeats } = workerData;
  const libs = { DiffMatchPatch: require('diff-match-patch'), Diff: require('diff') };
  parentPort.postMessage(measurePeer(libs, tool, a, b, moved, repeats));
} else {
  await main();
}
