// The wasm core's n-gram clusters, collocates and frequency paging from node: the CLI's exact JSON for the
// same options, and error values (never a throw) for options out of range, bad queries and bad requests.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { cliCollocates, cliFrequency, cliNgrams } from '../helpers/cli.mjs';
import { loadCore, seedCorpusHandle } from '../helpers/wasm_core.mjs';

let core;

before(async () => {
  core = await loadCore();
});

describe('the wasm core: n-grams, collocates and frequency paging', () => {
  it('gives the same n-gram lists as the CLI', () => {
    const corpus = seedCorpusHandle(core);
    const ngrams = (request) => JSON.parse(corpus.ngrams(JSON.stringify(request)));
    assert.deepEqual(ngrams({}), cliNgrams());
    assert.deepEqual(ngrams({ size: 2, offset: 10, limit: 20 }), cliNgrams('--size', '2', '--offset', '10', '--limit', '20'));
    assert.deepEqual(ngrams({ min_size: 2, max_size: 8, min: 2, min_range: 2 }),
      cliNgrams('--min-size', '2', '--max-size', '8', '--min', '2', '--min-range', '2'));
    assert.deepEqual(ngrams({ min_size: 4, stop_words: true, cross_sentences: true, limit: 50 }),
      cliNgrams('--min-size', '4', '--stop-words', '--cross-sentences', '--limit', '50'));
    assert.deepEqual(ngrams({ max_size: 3, query: 'independence date:..1999' }),
      cliNgrams('--max-size', '3', '--query', 'independence date:..1999'));
    assert.deepEqual(ngrams({ size: 2, query: 'Independence', case_sensitive: true }),
      cliNgrams('--size', '2', '--query', 'Independence', '--case-sensitive'));
    corpus.delete();
  });

  // Scores included, to the bit: the wasm C library's log, log2 and sqrt round as the native one does here.
  it('gives the same collocates as the CLI, for every measure and window', () => {
    const corpus = seedCorpusHandle(core);
    const collocates = (request) => JSON.parse(corpus.collocates(JSON.stringify(request)));
    assert.deepEqual(collocates({ query: 'independence' }), cliCollocates('independence'));
    for (const measure of ['ll', 'mi', 't', 'logdice']) {
      assert.deepEqual(collocates({ query: 'the', measure, left: 3, right: 1, min: 2, stop_words: true, limit: 30 }),
        cliCollocates('the', '--measure', measure, '--left', '3', '--right', '1', '--min', '2', '--stop-words', '--limit', '30'));
    }
    assert.deepEqual(collocates({ query: 'non-interference|sovereignty', left: 10, right: 10, cross_sentences: true, offset: 3 }),
      cliCollocates('non-interference|sovereignty', '--left', '10', '--right', '10', '--cross-sentences', '--offset', '3'));
    assert.deepEqual(collocates({ query: 'peace NEAR/5 security doc:1980*', right: 0 }),
      cliCollocates('peace NEAR/5 security doc:1980*', '--right', '0'));
    corpus.delete();
  });

  it('pages the frequency list as the CLI does', () => {
    const corpus = seedCorpusHandle(core);
    const frequency = (request) => JSON.parse(corpus.frequency(JSON.stringify(request)));
    assert.deepEqual(frequency({ offset: 10, limit: 5 }), cliFrequency('--offset', '10', '--limit', '5'));
    assert.equal(frequency({ offset: 'x' }).error.code, 'request.invalid');
    corpus.delete();
  });

  it('answers options out of range, bad queries and bad requests with error values', () => {
    const corpus = seedCorpusHandle(core);
    const ngrams = (request) => JSON.parse(corpus.ngrams(JSON.stringify(request)));
    const collocates = (request) => JSON.parse(corpus.collocates(JSON.stringify(request)));
    assert.deepEqual(ngrams({ size: 1 }).error,
      { code: 'options.size', message: '[options.size] N-grams are 2 to 8 words long; 1 is out of range.' });
    assert.equal(ngrams({ size: 9 }).error.code, 'options.size');
    assert.equal(ngrams({ min_size: 5, max_size: 4 }).error.code, 'options.size');
    assert.equal(ngrams({ size: 3, min_size: 2 }).error.code, 'options.size');
    assert.equal(ngrams({ size: -2 }).error.code, 'request.invalid');
    assert.equal(ngrams({ limit: 'all' }).error.code, 'request.invalid');
    assert.equal(ngrams({ stop_words: 'yes' }).error.code, 'request.invalid');
    assert.equal(ngrams({ query: 7 }).error.code, 'request.invalid');
    assert.equal(ngrams({ query: '(peace' }).error.code, 'query.syntax');
    assert.equal(JSON.parse(corpus.ngrams('not json')).error.code, 'request.invalid');
    assert.deepEqual(collocates({ query: 'peace', left: 0, right: 0 }).error, {
      code: 'options.window',
      message: '[options.window] The window runs from 1 to 10 words on either side (L0 R0 was asked); at least one side must be wider than 0.',
    });
    assert.equal(collocates({ query: 'peace', left: 11 }).error.code, 'options.window');
    assert.equal(collocates({ query: 'peace', measure: 'dice' }).error.code, 'options.measure');
    assert.equal(collocates({ query: 'peace', measure: 3 }).error.code, 'options.measure');
    assert.deepEqual(collocates({ query: '(peace' }).error,
      { code: 'query.syntax', message: '[query.syntax] At character 1: this parenthesis is never closed.' });
    assert.equal(collocates({ query: '“…”' }).error.code, 'query.empty');
    assert.equal(collocates({}).error.code, 'request.invalid');
    assert.equal(collocates({ query: 'peace', offset: -1 }).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.collocates('[]')).error.code, 'request.invalid');
    corpus.delete();
  });

  it('answers an empty corpus with empty lists', () => {
    const corpus = new core.Corpus();
    assert.deepEqual(JSON.parse(corpus.ngrams('{"min_size": 2, "max_size": 8}')), { query: '', tokens: 0, total: 0, rows: [] });
    const none = JSON.parse(corpus.collocates('{"query": "peace"}'));
    assert.deepEqual([none.tokens, none.node_frequency, none.span, none.total, none.rows], [0, 0, 0, 0, []]);
    corpus.delete();
  });
});
