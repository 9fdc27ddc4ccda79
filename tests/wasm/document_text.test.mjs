// corpus.documentText: a document's text and paragraph spans in UTF-16, lined up with the concordance's
// start_utf16/end_utf16, for the page's reader.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cliConcordance } from '../helpers/cli.mjs';
import { coreModule, seedCorpus } from '../helpers/paths.mjs';

const require = createRequire(import.meta.url);
let core;
before(async () => {
  core = await require(coreModule)();
});

function seedCorpusHandle() {
  const manifest = JSON.parse(readFileSync(join(seedCorpus, 'manifest.json'), 'utf8'));
  const corpus = new core.Corpus();
  for (const doc of manifest.documents) {
    corpus.addDocument(JSON.stringify({ name: doc.file, title: doc.title, date: doc.date }), readFileSync(join(seedCorpus, doc.file)));
  }
  return { corpus, manifest };
}
const documentText = (corpus, request) => JSON.parse(corpus.documentText(JSON.stringify(request)));

describe('corpus.documentText', () => {
  it('gives the text as read, with paragraphs whose UTF-16 spans hold the concordance hits', () => {
    const { corpus, manifest } = seedCorpusHandle();
    const byName = documentText(corpus, { doc: manifest.documents[0].file });
    const byIndex = documentText(corpus, { doc: 0 });
    assert.deepEqual(byName, byIndex);
    assert.equal(byName.title, manifest.documents[0].title);
    assert.equal(byName.date, '1980-10');
    // The seed files use LF and blank lines between paragraphs: the text is the file, the paragraphs its blocks.
    const file = readFileSync(join(seedCorpus, manifest.documents[0].file), 'utf8');
    assert.equal(byName.text, file);
    const blocks = file.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
    assert.deepEqual(byName.paragraphs.map(([start, end]) => byName.text.slice(start, end).trim()), blocks);
    assert.equal(JSON.parse(corpus.documents())[0].paragraphs, byName.paragraphs.length);
    // Every hit's UTF-16 span reads the match, inside its paragraph (the text has curly quotes, no-break
    // spaces and an accented name, so UTF-8 and UTF-16 offsets differ).
    for (const query of ['independence', 'Májer', 'non-interference']) {
      for (const hit of cliConcordance(query).hits) {
        const text = documentText(corpus, { doc: hit.doc });
        assert.equal(text.text.slice(hit.start_utf16, hit.end_utf16), hit.match, query);
        const [start, end] = text.paragraphs[hit.paragraph];
        assert.ok(start <= hit.start_utf16 && hit.end_utf16 <= end, `${query} lies in paragraph ${hit.paragraph}`);
      }
    }
  });

  it('names an unknown document and a malformed request in plain words', () => {
    const { corpus } = seedCorpusHandle();
    assert.deepEqual(documentText(corpus, { doc: 'nope.txt' }).error, {
      code: 'document.unknown', message: '[document.unknown] There is no document "nope.txt" in the corpus.' });
    assert.equal(documentText(corpus, { doc: 2 }).error.code, 'document.unknown');
    for (const bad of [{}, { doc: -1 }, { doc: 1.5 }, { doc: null }, []]) {
      assert.equal(documentText(corpus, bad).error.code, 'request.invalid', JSON.stringify(bad));
    }
    assert.equal(JSON.parse(corpus.documentText('not json')).error.code, 'request.invalid');
  });
});
