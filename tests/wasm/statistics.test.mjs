// Dispersion, keyness and trend from the wasm core: the same JSON as the CLI for the same requests, and
// errors as values with the CLI's messages.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cliDispersion, cliKeyness, cliTrend } from '../helpers/cli.mjs';
import { cli, seedCorpus } from '../helpers/paths.mjs';
import { loadCore, seedCorpusHandle } from '../helpers/wasm_core.mjs';

let core;

const ask = (corpus, method, request) => JSON.parse(corpus[method](typeof request === 'string' ? request : JSON.stringify(request)));

// The CLI's error for the same arguments: "textx: <message>" on stderr.
const cliError = (...args) => spawnSync(cli, [...args, seedCorpus], { encoding: 'utf8' }).stderr.replace(/^textx: /, '').trimEnd();

before(async () => {
  core = await loadCore();
});

describe('the wasm core: dispersion, keyness, trend', () => {
  it('gives the same dispersion as the CLI', () => {
    const corpus = seedCorpusHandle(core);
    for (const query of ['independence', 'non-interference', 'the', 'mutual respect', 'independen*', 'xylophone',
      'independence doc:2023*', 'peace NEAR/5 security']) {
      assert.deepEqual(ask(corpus, 'dispersion', { query }), cliDispersion(query), query);
    }
    assert.deepEqual(ask(corpus, 'dispersion', { query: 'Independence', case_sensitive: true }),
      cliDispersion('Independence', ['--case-sensitive']));
    assert.deepEqual(ask(corpus, 'dispersion', { query: 'Majer', diacritic_sensitive: true }),
      cliDispersion('Majer', ['--diacritic-sensitive']));
    corpus.delete();
  });

  it('gives the same keywords as the CLI for every option', () => {
    const corpus = seedCorpusHandle(core);
    const cases = [
      [{ target: 'doc:2023*' }, ['--target', 'doc:2023*']],
      [{ target: 'date:..1999', reference: 'date:2000..', negative: true }, ['--target', 'date:..1999', '--reference', 'date:2000..', '--negative']],
      [{ target: 'doc:1980*', min: 4, stop_words: true, offset: 3, limit: 10 },
        ['--target', 'doc:1980*', '--min', '4', '--stop-words', '--offset', '3', '--limit', '10']],
      [{ target: 'doc:1980*', reference: null, limit: 0 }, ['--target', 'doc:1980*', '--limit', '0']],
    ];
    for (const [request, flags] of cases) assert.deepEqual(ask(corpus, 'keyness', request), cliKeyness(...flags), flags.join(' '));
    corpus.delete();
  });

  it('gives the same trend as the CLI by year, decade and month', () => {
    const corpus = seedCorpusHandle(core);
    assert.deepEqual(ask(corpus, 'trend', { query: 'independence' }), cliTrend('independence'));
    for (const by of ['year', 'decade', 'month']) {
      assert.deepEqual(ask(corpus, 'trend', { query: 'sovereignty|independence', by }), cliTrend('sovereignty|independence', ['--by', by]), by);
    }
    corpus.delete();
  });

  it('answers bad requests, malformed queries and refused selections with error values', () => {
    const corpus = seedCorpusHandle(core);
    for (const [method, request] of [
      ['dispersion', {}], ['dispersion', 'not json'], ['dispersion', { query: 3 }], ['dispersion', { query: 'a', case_sensitive: 'yes' }],
      ['trend', { query: 'a', by: 'century' }], ['trend', { query: 'a', by: 1 }], ['trend', []],
      ['keyness', {}], ['keyness', { target: 'doc:a', reference: 5 }], ['keyness', { target: 'doc:a', min: -1 }],
      ['keyness', { target: 'doc:a', negative: 'no' }], ['keyness', 'null'],
    ]) {
      assert.equal(ask(corpus, method, request).error.code, 'request.invalid', `${method} ${JSON.stringify(request)}`);
    }
    assert.equal(ask(corpus, 'dispersion', { query: '(peace' }).error.message, cliError('dispersion', '(peace'));
    assert.equal(ask(corpus, 'trend', { query: '' }).error.code, 'query.empty');
    for (const [request, flags] of [
      [{ target: 'date:abc' }, ['--target', 'date:abc']],
      [{ target: 'doc:1999*' }, ['--target', 'doc:1999*']],
      [{ target: 'doc:*' }, ['--target', 'doc:*']],
      [{ target: 'doc:*', reference: 'doc:2023*' }, ['--target', 'doc:*', '--reference', 'doc:2023*']],
    ]) {
      const { error } = ask(corpus, 'keyness', request);
      assert.equal(error.message, cliError('keyness', ...flags));
      assert.match(error.message, new RegExp(`^\\[${error.code.replace('.', '\\.')}\\] `));
    }
    corpus.delete();
  });

  it('gives UTF-16 offsets beside byte offsets for text with astral characters, and copes with an empty corpus', () => {
    const corpus = new core.Corpus();
    const text = '😀 peace 𠀀 peace';
    corpus.addDocument(JSON.stringify({ name: '1990-emoji.txt' }), new TextEncoder().encode(text));
    const [doc] = ask(corpus, 'dispersion', { query: 'peace' }).documents;
    assert.deepEqual(doc.starts, [5, 16]);
    assert.deepEqual(doc.starts_utf16.map((start) => text.slice(start, start + 5)), ['peace', 'peace']);
    corpus.delete();

    const empty = new core.Corpus();
    assert.deepEqual(ask(empty, 'dispersion', { query: 'peace' }).documents, []);
    assert.deepEqual(ask(empty, 'trend', { query: 'peace' }).periods, []);
    assert.equal(ask(empty, 'keyness', { target: 'doc:*' }).error.code, 'keyness.empty');
    empty.delete();
  });
});
