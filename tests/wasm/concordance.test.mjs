// The wasm core from node: loads through require(), answers like the CLI, and turns bad input into
// error values with plain messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cliConcordance } from '../helpers/cli.mjs';
import { coreModule, seedCorpus } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
let core;

// A corpus with the seed documents added in manifest order, as the CLI and the page add them.
function seedCorpusHandle() {
  const manifest = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
  const corpus = new core.Corpus();
  for (const doc of manifest.documents) {
    const info = { name: doc.file, title: doc.title, date: doc.date, source: doc.source };
    const summary = JSON.parse(corpus.addDocument(JSON.stringify(info), readFileSync(join(seedCorpus, doc.file))));
    assert.equal(summary.error, undefined, `seed document ${doc.file} loads`);
  }
  return corpus;
}

const concord = (corpus, request) => JSON.parse(corpus.concordance(JSON.stringify(request)));
const add = (corpus, name, bytes) => JSON.parse(corpus.addDocument(JSON.stringify({ name }), bytes));

before(async () => {
  core = await require(coreModule)();
});

describe('the wasm core', () => {
  it('lists the seed documents with their metadata and word counts', () => {
    const corpus = seedCorpusHandle();
    const documents = JSON.parse(corpus.documents());
    assert.deepEqual(documents.map((doc) => doc.name), [
      '1980-10-kwp-6th-congress-closing-decree.txt',
      '2023-02-03-independence-basis-of-international-relations.txt',
    ]);
    assert.equal(documents[0].date, '1980-10');
    assert.equal(documents[0].bytes, 13323);
    assert.ok(documents[0].tokens > 1000);
    assert.equal(documents[0].replacements, 0);
    corpus.delete();
  });

  it('gives the same concordance as the CLI for words, phrases, accents and misses', () => {
    const corpus = seedCorpusHandle();
    for (const query of ['independence', 'INDEPENDENCE', 'non-interference', 'international relations', 'Májer',
      'Juche', 'the', 'xylophone']) {
      assert.deepEqual(concord(corpus, { query }), cliConcordance(query), query);
    }
    assert.deepEqual(concord(corpus, { query: 'independence', context: 3, offset: 5, limit: 4 }),
      cliConcordance('independence', '--context', '3', '--offset', '5', '--limit', '4'));
    corpus.delete();
  });

  it('reports byte offsets that point at the match in the UTF-8 text', () => {
    const corpus = seedCorpusHandle();
    const bytes = readFileSync(join(seedCorpus, '1980-10-kwp-6th-congress-closing-decree.txt'));
    const { hits } = concord(corpus, { query: 'Májer' });
    assert.equal(hits.length, 1);
    assert.equal(bytes.subarray(hits[0].start, hits[0].end).toString('utf8'), 'Májer');
    assert.equal(hits[0].end - hits[0].start, 6, 'á is two bytes');
    corpus.delete();
  });

  it('answers malformed queries and requests with error values, never a throw', () => {
    const corpus = seedCorpusHandle();
    assert.equal(concord(corpus, { query: '' }).error.code, 'query.empty');
    assert.equal(concord(corpus, { query: '“…”' }).error.message,
      '[query.empty] The query has no words to search for; type a word such as independence.');
    assert.equal(concord(corpus, { query: 'a', context: 101 }).error.code, 'options.context');
    assert.equal(concord(corpus, { query: 'a', limit: -1 }).error.code, 'request.invalid');
    assert.equal(concord(corpus, { query: 'a', offset: 'x' }).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.concordance('not json')).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.concordance('{}')).error.code, 'request.invalid');
    assert.equal(concord(corpus, { query: 'x'.repeat(100000) }).total, 0);
    corpus.delete();
  });

  it('refuses binary files by name and keeps every document already loaded', () => {
    const corpus = seedCorpusHandle();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    assert.deepEqual(add(corpus, 'scan <1>.png', png).error, {
      code: 'load.binary',
      message: '[load.binary] scan <1>.png looks like a binary file (it contains NUL bytes), not text.',
    });
    assert.equal(JSON.parse(corpus.documents()).length, 2);
    assert.equal(concord(corpus, { query: 'independence' }).total, cliConcordance('independence').total);
    assert.equal(JSON.parse(corpus.addDocument('not json', new Uint8Array([65]))).error.code, 'request.invalid');
    corpus.delete();
  });

  it('repairs invalid UTF-8, accepts empty files and keeps astral characters intact', () => {
    const corpus = new core.Corpus();
    const broken = add(corpus, 'broken.txt', new Uint8Array([0x61, 0xc3, 0x28, 0x20, 0xff, 0x62]));
    assert.equal(broken.replacements, 2);
    assert.equal(broken.tokens, 2);
    assert.equal(add(corpus, 'empty.txt', new Uint8Array()).tokens, 0);
    add(corpus, 'emoji.txt', new TextEncoder().encode('😀 peace 𠀀 peace'));
    const { hits } = concord(corpus, { query: 'peace', context: 1 });
    assert.deepEqual(hits.map((hit) => [hit.start, hit.left, hit.right]), [[5, '', '𠀀'], [16, '𠀀', '']]);  // context counts words: the emoji is none, 𠀀 is one
    corpus.delete();
  });
});
