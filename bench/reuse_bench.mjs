// Text-reuse timings of the wasm core (build/wasm/textx-core.js) in node, on the State of the Union corpus
// (or another folder of .txt files): the shingle index built by the first request, then one paragraph's
// search for a spread of paragraphs (timed on a second pass), then the corpus-wide search. Figures only; nothing passes or fails.
//
//   node bench/reuse_bench.mjs [--corpus FOLDER] [--module build/wasm/textx-core.js] [--queries N]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = {
  corpus: join(root, 'node_modules', '@stdlib', 'datasets-sotu', 'data'),
  module: join(root, 'build', 'wasm', 'textx-core.js'),
  queries: 300,
};
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--corpus') options.corpus = resolve(value);
  else if (flag === '--module') options.module = resolve(value);
  else if (flag === '--queries') options.queries = Number(value);
  else throw new Error(`unknown argument ${flag}`);
}

const core = await createRequire(import.meta.url)(options.module)();
const corpus = new core.Corpus();
const names = readdirSync(options.corpus).filter((name) => name.endsWith('.txt')).sort();
const buffers = names.map((name) => readFileSync(join(options.corpus, name)));
corpus.addDocuments(JSON.stringify(names.map((name) => ({ name }))), buffers);
const documents = JSON.parse(corpus.documents());
const tokens = documents.reduce((sum, doc) => sum + doc.tokens, 0);
const bytes = buffers.reduce((sum, b) => sum + b.length, 0);

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

// The first request builds the shingle index; a second request on the same paragraph shows the search alone.
const [first] = time(() => ask({ doc: names[0], paragraph: 0 }));
const [again] = time(() => ask({ doc: names[0], paragraph: 0 }));

// A spread of paragraphs: every document in turn, a different paragraph each time.
const requests = [];
for (let i = 0; requests.length < options.queries; ++i) {
  const doc = documents[i % documents.length];
  if (doc.paragraphs > 0) requests.push({ doc: doc.name, paragraph: (i * 7) % doc.paragraphs });
}
// Two passes: the first lets V8 move the hot functions to its optimising tier (as a page would after its
// first few searches), the second is reported.
let times = [];
let matches = 0;
let slowest = null;
let firstPass = '';
for (let pass = 0; pass < 2; ++pass) {
  if (pass === 1) {
    times.sort((a, b) => a - b);
    firstPass = `first pass: median ${times[times.length >> 1].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`;
  }
  times = [];
  matches = 0;
  slowest = { ms: 0 };
  for (const request of requests) {
    const [ms, answer] = time(() => ask(request));
    times.push(ms);
    matches += answer.total;
    if (ms > slowest.ms) slowest = { ms, request, regions: answer.regions };
  }
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const [wide, all] = time(() => JSON.parse(corpus.sharedPassages('{}')));

console.log(`corpus: ${documents.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${tokens} tokens`);
console.log(`first request (builds the shingle index, then searches): ${first.toFixed(1)} ms; the same again: ${again.toFixed(2)} ms`);
console.log(`one paragraph, ${times.length} paragraphs: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, ` +
  `max ${times[times.length - 1].toFixed(2)} ms (${matches} matches in all; slowest: ${slowest.request.doc} ` +
  `paragraph ${slowest.request.paragraph}, ${slowest.regions} regions aligned; ${firstPass})`);
console.log(`corpus-wide: ${wide.toFixed(0)} ms, ${all.total} shared passages`);
corpus.delete();
