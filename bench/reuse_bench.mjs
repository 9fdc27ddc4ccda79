// Text-reuse timings of the wasm core (build/wasm/textx-core.js) in node and in headless Chromium, on the
// State of the Union corpus (or another folder of .txt files): the shingle index built by the first request,
// one paragraph's search for a spread of paragraphs (timed on a second pass, once V8 has optimised the hot
// functions, as a page would after its first searches), then the corpus-wide search. Figures only.
//
//   node bench/reuse_bench.mjs [--corpus FOLDER] [--module build/wasm/textx-core.js] [--queries N] [--no-chromium]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = {
  corpus: join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data'),
  module: join(root, 'build', 'wasm', 'textx-core.js'),
  queries: 300,
  chromium: true,
};
for (let i = 2; i < process.argv.length; ++i) {
  const flag = process.argv[i];
  if (flag === '--no-chromium') options.chromium = false;
  else if (flag === '--corpus') options.corpus = resolve(process.argv[++i]);
  else if (flag === '--module') options.module = resolve(process.argv[++i]);
  else if (flag === '--queries') options.queries = Number(process.argv[++i]);
  else throw new Error(`unknown argument ${flag}`);
}

// Runs where the module is (node or a page): self-contained, so that it can be passed to page.evaluate.
async function measureReuse(core, names, buffers, queries) {
  const corpus = new core.Corpus();
  corpus.addDocuments(JSON.stringify(names.map((name) => ({ name }))), buffers);
  const documents = JSON.parse(corpus.documents());
  const time = (f) => {
    const start = performance.now();
    const value = f();
    return [performance.now() - start, value];
  };
  const ask = (request) => {
    const answer = JSON.parse(corpus.reuse(JSON.stringify(request)));
    if (answer.error) throw new Error(answer.error.message);
    return answer;
  };
  const [first] = time(() => ask({ doc: names[0], paragraph: 0 }));
  const requests = [];
  for (let i = 0; requests.length < queries; ++i) {
    const doc = documents[i % documents.length];
    if (doc.paragraphs > 0) requests.push({ doc: doc.name, paragraph: (i * 7) % doc.paragraphs });
  }
  const passes = [];
  for (let pass = 0; pass < 2; ++pass) {
    const times = [];
    let matches = 0;
    let slowest = { ms: 0 };
    for (const request of requests) {
      const [ms, answer] = time(() => ask(request));
      times.push(ms);
      matches += answer.total;
      if (ms > slowest.ms) slowest = { ms, doc: request.doc, paragraph: request.paragraph, regions: answer.regions };
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    passes.push({ median: at(0.5), p95: at(0.95), max: times[times.length - 1], matches, slowest });
  }
  const [wide, all] = time(() => JSON.parse(corpus.sharedPassages('{}')));
  corpus.delete();
  return {
    documents: documents.length,
    tokens: documents.reduce((sum, doc) => sum + doc.tokens, 0),
    first,
    passes,
    corpusWide: { ms: wide, total: all.total, truncated: all.truncated },
  };
}

async function inChromium(names, texts) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>textx reuse bench</title>');
    await page.addScriptTag({ content: readFileSync(options.module, 'utf8') });
    await page.addScriptTag({ content: `window.measureReuse = ${measureReuse.toString()};` });
    const result = await page.evaluate(async ({ names, texts, queries }) => {
      const encoder = new TextEncoder();
      const report = await window.measureReuse(await TextxCore(), names, texts.map((t) => encoder.encode(t)), queries);
      return { ...report, userAgent: navigator.userAgent };
    }, { names, texts, queries: options.queries });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

function print(where, r) {
  const [cold, warm] = r.passes;
  const f = (x) => x.toFixed(2);
  console.log(`${where}: ${r.documents} documents, ${r.tokens} tokens`);
  console.log(`  first request (builds the shingle index, then searches): ${r.first.toFixed(1)} ms`);
  console.log(`  one paragraph, ${options.queries} paragraphs: median ${f(warm.median)} ms, p95 ${f(warm.p95)} ms, ` +
    `max ${f(warm.max)} ms (first pass: median ${f(cold.median)}, p95 ${f(cold.p95)}, max ${f(cold.max)} ms); ` +
    `slowest ${warm.slowest.doc} paragraph ${warm.slowest.paragraph} (${warm.slowest.regions} regions)`);
  console.log(`  corpus-wide: ${r.corpusWide.ms.toFixed(0)} ms, ${r.corpusWide.total} shared passages` +
    `${r.corpusWide.truncated ? ' (truncated at the region bound)' : ''}`);
}

const names = readdirSync(options.corpus).filter((name) => name.endsWith('.txt')).sort();
const buffers = names.map((name) => readFileSync(join(options.corpus, name)));
const core = await createRequire(import.meta.url)(options.module)();
print('wasm in node', await measureReuse(core, names, buffers, options.queries));
if (options.chromium) {
  const result = await inChromium(names, buffers.map((b) => b.toString('utf8')));
  print(`wasm in ${result.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}`, result);
}
