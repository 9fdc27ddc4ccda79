// corpus.setDocumentInfo: a reader's edits of a document's title, date and source reach the core, so that
// date: filters and trends follow them; bad requests are answered with error values.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { cliConcordance } from '../helpers/cli.mjs';
import { loadCore, seedCorpusHandle } from '../helpers/wasm_core.mjs';

let core;
before(async () => {
  core = await loadCore();
});

const call = (corpus, method, request) => JSON.parse(corpus[method](JSON.stringify(request)));
const article = '2023-02-03-independence-basis-of-international-relations.txt';

describe('corpus.setDocumentInfo', () => {
  it('changes the fields given, keeps the others, and answers the new summary', () => {
    const corpus = seedCorpusHandle(core);
    const before = JSON.parse(corpus.documents())[1];
    const summary = call(corpus, 'setDocumentInfo', { doc: article, title: 'Independence </script><!-- and relations', date: '1955-04-24' });
    assert.deepEqual(summary, { ...before, title: 'Independence </script><!-- and relations', date: '1955-04-24' });
    assert.deepEqual(JSON.parse(corpus.documents())[1], summary);
    assert.equal(call(corpus, 'documentText', { doc: article }).date, '1955-04-24');
    corpus.delete();
  });

  it('moves the document in date: filters and trends at once', () => {
    const corpus = seedCorpusHandle(core);
    const in2023 = cliConcordance('independence date:2023').total;
    assert.ok(in2023 > 0);
    assert.equal(call(corpus, 'concordance', { query: 'independence date:2023' }).total, in2023);
    // A sorted answer is kept for its next pages; an edit must not leave the old one in use.
    const sorted = { query: 'independence date:2023', sort: ['R1'], offset: 0, limit: 5 };
    assert.equal(call(corpus, 'concordance', sorted).total, in2023);
    call(corpus, 'setDocumentInfo', { doc: article, date: '1955' });
    assert.equal(call(corpus, 'concordance', sorted).total, 0);
    assert.equal(call(corpus, 'concordance', { query: 'independence date:2023' }).total, 0);
    assert.equal(call(corpus, 'concordance', { query: 'independence date:1950..1960' }).total, in2023);
    const trend = call(corpus, 'trend', { query: 'independence', by: 'decade' });
    assert.deepEqual(trend.periods.map((row) => row.period), ['1950s', '1980s']);
    // An empty date is read from the name again.
    assert.equal(call(corpus, 'setDocumentInfo', { doc: article, date: '' }).date, '2023-02-03');
    assert.equal(call(corpus, 'concordance', { query: 'independence date:2023' }).total, in2023);
    corpus.delete();
  });

  it('answers bad requests and unknown documents with error values', () => {
    const corpus = seedCorpusHandle(core);
    const before = corpus.documents();
    for (const request of ['', 'null', '[]', '{}', '{"doc": 1}', `{"doc": "${article}", "date": 1955}`, `{"doc": "${article}", "title": null}`]) {
      assert.equal(JSON.parse(corpus.setDocumentInfo(request)).error.code, 'request.invalid', request);
    }
    assert.deepEqual(call(corpus, 'setDocumentInfo', { doc: 'missing.txt', title: 'x' }).error,
      { code: 'document.unknown', message: '[document.unknown] There is no document "missing.txt" in the corpus.' });
    assert.equal(corpus.documents(), before, 'nothing changed');
    corpus.delete();
  });
});
