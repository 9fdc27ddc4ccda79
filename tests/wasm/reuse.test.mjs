// Text reuse through the wasm core: the same answers as `textx reuse --json`, the shingle index kept
// between calls and rebuilt when the corpus changes, and bad requests as error values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliReuse } from '../helpers/cli.mjs';
import { coreModule, seedCorpus } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
const decree = '1980-10-kwp-6th-congress-closing-decree.txt';
const article = '2023-02-03-independence-basis-of-international-relations.txt';
let core;
let corpus;

// The seed documents in manifest order, as the CLI adds them.
function seedCorpusHandle() {
  const manifest = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
  const handle = new core.Corpus();
  for (const doc of manifest.documents) {
    const info = { name: doc.file, title: doc.title, date: doc.date, source: doc.source };
    assert.equal(JSON.parse(handle.addDocument(JSON.stringify(info), readFileSync(join(seedCorpus, doc.file)))).error, undefined);
  }
  return handle;
}

const reuse = (request) => JSON.parse(corpus.reuse(JSON.stringify(request)));
const shared = (request) => JSON.parse(corpus.sharedPassages(JSON.stringify(request)));

before(async () => {
  core = await require(coreModule)();
  corpus = seedCorpusHandle();
});
after(() => corpus.delete());

describe('text reuse in the wasm core', () => {
  it('finds the shared passages corpus-wide exactly as the CLI does', () => {
    assert.deepEqual(shared({}), cliReuse());
    assert.deepEqual(shared({ min_words: 4, limit: 2 }), cliReuse('--min-words', '4', '--limit', '2'));
    assert.deepEqual(shared({ min_words: 2, ngram: 2, word_forms: false, skip_stop_words: false }),
      cliReuse('--min-words', '2', '--ngram', '2', '--exact-words', '--keep-stop-words'));
  });

  it('searches one paragraph, a whole document or a text exactly as the CLI does', () => {
    const top = reuse({ doc: article, paragraph: 16 });
    assert.deepEqual(top, cliReuse('--doc', article, '--paragraph', '16'));
    assert.equal(top.matches[0].target.doc, decree);
    assert.equal(top.matches[0].target.text, 'friendly and cooperative relations with many countries of the world');
    assert.deepEqual(reuse({ doc: decree, min_words: 4, same_document: true }),
      cliReuse('--doc', decree, '--min-words', '4', '--same-document'));
    const text = 'Our party works out its foreign policies according to its own judgment \u{1F600}';
    assert.deepEqual(reuse({ text, min_words: 4 }), cliReuse('--text', text, '--min-words', '4'));
  });

  it('rebuilds its shingle index when a document is added', () => {
    const paragraph = reuse({ doc: decree, paragraph: 27, min_words: 100 }).query;
    const bytes = readFileSync(join(seedCorpus, decree)).subarray(paragraph.start, paragraph.end);
    assert.equal(JSON.parse(corpus.addDocument(JSON.stringify({ name: 'copy.txt' }), bytes)).error, undefined);
    const found = reuse({ doc: decree, paragraph: 27 });
    assert.equal(found.matches[0].target.doc, 'copy.txt');
    assert.equal(found.matches[0].similarity, 1);
    assert.equal(found.matches[0].target.token_start, 0);
    assert.equal(found.matches[0].target.start, 3);  // after the opening quotation mark (3 bytes in UTF-8)
    assert.equal(found.matches[0].target.text, found.matches[0].source.text);
  });

  it('answers bad requests with error values', () => {
    for (const [request, code] of [
      [{}, 'request.invalid'],
      [{ doc: decree, text: 'both' }, 'request.invalid'],
      [{ doc: 7 }, 'request.invalid'],
      [{ doc: decree, paragraph: -1 }, 'request.invalid'],
      [{ doc: decree, min_words: 'many' }, 'request.invalid'],
      [{ doc: 'nope.txt' }, 'reuse.document'],
      [{ doc: decree, paragraph: 999 }, 'reuse.paragraph'],
      [{ doc: decree, ngram: 0 }, 'reuse.options'],
      [{ doc: decree, min_words: 0 }, 'reuse.options'],
      [{ text: ' \u2014 ' }, 'reuse.empty'],
    ]) {
      assert.equal(reuse(request).error?.code, code, JSON.stringify(request));
    }
    assert.equal(JSON.parse(corpus.reuse('not json')).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.sharedPassages('[]')).error.code, 'request.invalid');
    assert.equal(shared({ ngram: 99 }).error.code, 'reuse.options');
  });
});
