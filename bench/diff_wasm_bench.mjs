// Times the paragraph diff in wasm under node (dist/textx-core.js, Corpus.diff: alignment, word diffs and
// the JSON), on the pairs textx_diff_bench writes:
//
//   build/native/textx_diff_bench --write DIR && node bench/diff_wasm_bench.mjs DIR [--repeats N]
//
// Node stands in for Chromium here (plain loops run alike; see DESIGN.md). Figures, never a test.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--'));
const repeats = Number(args[args.indexOf('--repeats') + 1]) || 7;
if (!dir) {
  console.error('usage: node bench/diff_wasm_bench.mjs DIR [--repeats N]');
  process.exit(2);
}
const core = await createRequire(import.meta.url)(join(root, 'dist', 'textx-core.js'))();
const cases = readdirSync(dir).filter((name) => name.endsWith('.a.txt')).map((name) => name.slice(0, -6)).sort();
// Warm-up: V8 compiles wasm in two tiers; a first pass over the small cases lets the hot functions tier up.
for (const name of cases.filter((name) => !name.includes('10mb'))) {
  const corpus = new core.Corpus();
  corpus.addDocument(JSON.stringify({ name: 'a' }), readFileSync(join(dir, `${name}.a.txt`)));
  corpus.addDocument(JSON.stringify({ name: 'b' }), readFileSync(join(dir, `${name}.b.txt`)));
  corpus.diff('{"a": 0, "b": 1}');
  corpus.delete();
}
console.log(`${'case'.padEnd(24)}${'best ms'.padStart(10)}${'median ms'.padStart(11)}  JSON bytes`);
for (const name of cases) {
  const corpus = new core.Corpus();
  corpus.addDocument(JSON.stringify({ name: 'a' }), readFileSync(join(dir, `${name}.a.txt`)));
  corpus.addDocument(JSON.stringify({ name: 'b' }), readFileSync(join(dir, `${name}.b.txt`)));
  const times = [];
  let json = '';
  for (let r = 0; r < repeats; ++r) {
    const start = performance.now();
    json = corpus.diff('{"a": 0, "b": 1}');
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  console.log(`${name.padEnd(24)}${times[0].toFixed(2).padStart(10)}${times[times.length >> 1].toFixed(2).padStart(11)}  ${json.length}`);
  corpus.delete();
}
