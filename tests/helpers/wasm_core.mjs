// The wasm core in node, as the wasm tests use it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { coreModule, seedCorpus } from './paths.mjs';

const require = createRequire(import.meta.url);

// The module (dist/textx-core.js), instantiated.
export function loadCore() {
  return require(coreModule)();
}

// A corpus with the seed documents added in manifest order, as the CLI and the page add them.
export function seedCorpusHandle(core) {
  const manifest = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
  const corpus = new core.Corpus();
  for (const doc of manifest.documents) {
    const info = { name: doc.file, title: doc.title, date: doc.date, source: doc.source };
    const summary = JSON.parse(corpus.addDocument(JSON.stringify(info), readFileSync(join(seedCorpus, doc.file))));
    assert.equal(summary.error, undefined, `seed document ${doc.file} loads`);
  }
  return corpus;
}
