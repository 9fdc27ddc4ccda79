// The wasm core from node: loads through require(), answers like the CLI, and turns bad input into
// error values with plain messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { cliConcordance, cliFrequency, cliStats } from '../helpers/cli.mjs';
import { seedCorpus } from '../helpers/paths.mjs';
import { loadCore, seedCorpusHandle } from '../helpers/wasm_core.mjs';

let core;

const concord = (corpus, request) => JSON.parse(corpus.concordance(JSON.stringify(request)));
const add = (corpus, name, bytes, encoding) => JSON.parse(corpus.addDocument(JSON.stringify({ name, encoding }), bytes));

before(async () => {
  core = await loadCore();
});

describe('the wasm core', () => {
  it('lists the seed documents with their metadata and word counts', () => {
    const corpus = seedCorpusHandle(core);
    const documents = JSON.parse(corpus.documents());
    assert.deepEqual(documents.map((doc) => doc.name), [
      '1980-10-kwp-6th-congress-closing-decree.txt',
      '2023-02-03-independence-basis-of-international-relations.txt',
    ]);
    assert.equal(documents[0].date, '1980-10');
    assert.equal(documents[0].bytes, 13323);
    assert.ok(documents[0].tokens > 1000);
    assert.equal(documents[0].replacements, 0);
    assert.deepEqual([documents[0].encoding, documents[0].bom, documents[0].format], ['UTF-8', false, 'text']);
    // The index's memory depends on the build (wasm has 4-byte pointers) and on how documents were added.
    const withoutMemory = ({ documents, total: { index_bytes, vocabulary_bytes, segments, ...total } }) =>
      ({ documents, total, memory: [index_bytes > vocabulary_bytes, vocabulary_bytes > 0, segments >= 1] });
    const stats = JSON.parse(corpus.stats());
    assert.deepEqual(withoutMemory(stats), withoutMemory(cliStats()));
    assert.deepEqual(withoutMemory(stats).memory, [true, true, true]);
    corpus.delete();
  });

  it('gives the same concordance as the CLI for words, phrases, accents and misses', () => {
    const corpus = seedCorpusHandle(core);
    for (const query of ['independence', 'INDEPENDENCE', 'non-interference', 'international relations', 'Májer',
      'Juche', 'the', 'xylophone']) {
      assert.deepEqual(concord(corpus, { query }), cliConcordance(query), query);
    }
    assert.deepEqual(concord(corpus, { query: 'independence', context: 3, offset: 5, limit: 4 }),
      cliConcordance('independence', '--context', '3', '--offset', '5', '--limit', '4'));
    assert.deepEqual(concord(corpus, { query: 'Independence', case_sensitive: true }),
      cliConcordance('Independence', '--case-sensitive'));
    assert.deepEqual(concord(corpus, { query: 'Majer', diacritic_sensitive: true }),
      cliConcordance('Majer', '--diacritic-sensitive'));
    assert.equal(concord(corpus, { query: 'MAJER' }).total, 1);
    corpus.delete();
  });

  it('answers the query language, sorting and character context exactly as the CLI does', () => {
    const corpus = seedCorpusHandle(core);
    for (const query of ['independen*', 'organi?ation', 'the * of', 'independence|sovereignty', '(mutual respect)|equality',
      'peace NEAR/5 security', '/imperialis(m|t)s?/', 'independence doc:2023*', 'independence date:..1999']) {
      assert.deepEqual(concord(corpus, { query }), cliConcordance(query), query);
    }
    assert.deepEqual(concord(corpus, { query: 'independence', sort: ['R1', 'R2', 'R3'], limit: 5 }),
      cliConcordance('independence', '--sort', 'R1,R2,R3', '--limit', '5'));
    assert.deepEqual(concord(corpus, { query: 'Juche', context: 20, context_unit: 'characters' }),
      cliConcordance('Juche', '--context-chars', '20'));
  });

  it('pages a sorted concordance from the order it keeps, as the CLI pages it, until the corpus or request changes', () => {
    const corpus = seedCorpusHandle(core);
    const sort = ['R1', 'R2', 'R3'];
    const all = concord(corpus, { query: 'the', sort });
    assert.deepEqual(all, cliConcordance('the', '--sort', 'R1,R2,R3'));
    assert.ok(all.total > 100);
    // Page by page (the order kept between calls), and in any order of pages.
    const pages = [];
    for (const offset of [100, 0, 50, all.total - 3]) {
      const page = concord(corpus, { query: 'the', sort, offset, limit: 50 });
      assert.equal(page.total, all.total);
      assert.deepEqual(page.hits, all.hits.slice(offset, offset + 50), `offset ${offset}`);
      pages.push(page);
    }
    assert.deepEqual(concord(corpus, { query: 'the', sort, offset: 7, limit: 9, context: 2 }),
      cliConcordance('the', '--sort', 'R1,R2,R3', '--offset', '7', '--limit', '9', '--context', '2'));
    // Another sort, options or query is a new order; so is a change to the corpus.
    assert.deepEqual(concord(corpus, { query: 'the', sort: ['L1'], limit: 20 }),
      cliConcordance('the', '--sort', 'L1', '--limit', '20'));
    assert.deepEqual(concord(corpus, { query: 'The', sort, case_sensitive: true, limit: 20 }),
      cliConcordance('The', '--sort', 'R1,R2,R3', '--case-sensitive', '--limit', '20'));
    assert.deepEqual(concord(corpus, { query: 'the', sort, limit: 5 }).hits, all.hits.slice(0, 5));
    add(corpus, 'more.txt', Buffer.from('The aardvark. The aardvark again.'));
    const grown = concord(corpus, { query: 'the', sort });
    assert.equal(grown.total, all.total + 2);
    assert.deepEqual(grown.hits.filter((hit) => hit.doc !== 'more.txt'), all.hits);
    assert.deepEqual(grown.hits.filter((hit) => hit.doc === 'more.txt').map((hit) => hit.right),
      ['aardvark again', 'aardvark. The aardvark again'], 'R2 "again" before R2 "the"');
    assert.equal(concord(corpus, { query: 'the', sort, context: 101 }).error.code, 'options.context');
    corpus.delete();
  });

  it('reports byte offsets that point at the match in the UTF-8 text', () => {
    const corpus = seedCorpusHandle(core);
    const bytes = readFileSync(join(seedCorpus, '1980-10-kwp-6th-congress-closing-decree.txt'));
    const { hits } = concord(corpus, { query: 'Májer' });
    assert.equal(hits.length, 1);
    assert.equal(bytes.subarray(hits[0].start, hits[0].end).toString('utf8'), 'Májer');
    assert.equal(hits[0].end - hits[0].start, 6, 'á is two bytes');
    corpus.delete();
  });

  it('answers malformed queries and requests with error values, never a throw', () => {
    const corpus = seedCorpusHandle(core);
    assert.equal(concord(corpus, { query: '' }).error.code, 'query.empty');
    assert.equal(concord(corpus, { query: '“…”' }).error.message,
      '[query.empty] The query has no words to search for; type a word such as independence.');
    assert.equal(concord(corpus, { query: 'a', context: 101 }).error.code, 'options.context');
    assert.equal(concord(corpus, { query: 'a', limit: -1 }).error.code, 'request.invalid');
    assert.equal(concord(corpus, { query: 'a', offset: 'x' }).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.concordance('not json')).error.code, 'request.invalid');
    assert.equal(JSON.parse(corpus.concordance('{}')).error.code, 'request.invalid');
    assert.equal(concord(corpus, { query: 'a', case_sensitive: 'yes' }).error.code, 'request.invalid');
    assert.equal(concord(corpus, { query: 'x'.repeat(100000) }).error.code, 'query.too_complex');
    assert.deepEqual(concord(corpus, { query: '(peace' }).error,
      { code: 'query.syntax', message: '[query.syntax] At character 1: this parenthesis is never closed.' });
    assert.equal(concord(corpus, { query: 'peace', sort: ['R9'] }).error.code, 'options.sort');
    assert.equal(concord(corpus, { query: 'peace', context_unit: 'lines' }).error.code, 'request.invalid');
    corpus.delete();
  });

  it('gives the same frequency list as the CLI, with its filters', () => {
    const corpus = seedCorpusHandle(core);
    const frequency = (request) => JSON.parse(corpus.frequency(JSON.stringify(request)));
    assert.deepEqual(frequency({}), cliFrequency());
    assert.deepEqual(frequency({ min: 3, stop_words: true, limit: 20 }), cliFrequency('--min', '3', '--stop-words', '--limit', '20'));
    const independence = frequency({}).rows.find((row) => row.word === 'independence');
    assert.equal(independence.frequency, cliConcordance('independence').total);
    assert.equal(frequency({ min: -1 }).error.code, 'request.invalid');
    corpus.delete();
  });

  it('adds a batch of documents as one segment, reporting each document in turn', () => {
    const corpus = new core.Corpus();
    const names = ['a.txt', 'scan.png', 'b.txt'];
    const bytes = [Buffer.from('Peace and independence.'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), Buffer.from('Peace again.')];
    const answers = JSON.parse(corpus.addDocuments(JSON.stringify(names.map((name) => ({ name }))), bytes));
    assert.deepEqual(answers.map((a) => a.error ? a.error.code : a.name), ['a.txt', 'load.binary', 'b.txt']);
    assert.equal(concord(corpus, { query: 'peace' }).total, 2);
    assert.equal(JSON.parse(corpus.addDocuments('[{"name": "x"}]', [])).error.code, 'request.invalid');
    corpus.delete();
  });

  it('refuses binary files by name and keeps every document already loaded', () => {
    const corpus = seedCorpusHandle(core);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    assert.deepEqual(add(corpus, 'scan <1>.png', png).error, {
      code: 'load.binary',
      message: '[load.binary] scan <1>.png is a PNG image, not a text file.',
    });
    assert.equal(JSON.parse(corpus.documents()).length, 2);
    assert.equal(concord(corpus, { query: 'independence' }).total, cliConcordance('independence').total);
    assert.equal(JSON.parse(corpus.addDocument('not json', new Uint8Array([65]))).error.code, 'request.invalid');
    corpus.delete();
  });

  it('detects encodings, repairs damaged UTF-8, accepts empty files and keeps astral characters intact', () => {
    const corpus = new core.Corpus();
    const damaged = add(corpus, 'damaged.txt', Buffer.concat([Buffer.from('Májer – “a” '), Buffer.from([0xff]), Buffer.from(' b')]));
    assert.deepEqual([damaged.encoding, damaged.replacements, damaged.tokens], ['UTF-8', 1, 3]);
    const latin = add(corpus, 'latin.txt', new Uint8Array([0x4d, 0xe1, 0x6a, 0x65, 0x72, 0x20, 0x93, 0x61, 0x94]));
    assert.deepEqual([latin.encoding, latin.replacements, latin.tokens], ['windows-1252', 0, 2]);
    assert.equal(concord(corpus, { query: 'MAJER' }).total, 2, 'both spellings of Májer match, accents and case ignored');
    const utf16 = add(corpus, 'utf16.txt', Buffer.from('\ufeffIndependence day', 'utf16le'));
    assert.deepEqual([utf16.encoding, utf16.bom, utf16.tokens], ['UTF-16LE', true, 2]);
    const transcoded = add(corpus, 'euc-kr.txt', Buffer.from('독립 \ufffd'), 'EUC-KR');
    assert.deepEqual([transcoded.encoding, transcoded.replacements, transcoded.tokens], ['EUC-KR', 1, 1]);
    const html = add(corpus, 'page.html', Buffer.from('<p>Concord &amp; <b>unity</b><script>alert(1)</script></p><p>again</p>'));
    assert.deepEqual([html.format, html.paragraphs, html.tokens], ['html', 2, 3]);
    assert.equal(add(corpus, 'empty.txt', new Uint8Array()).tokens, 0);
    add(corpus, 'emoji.txt', new TextEncoder().encode('😀 peace 𠀀 peace'));
    const { hits } = concord(corpus, { query: 'peace', context: 1 });
    assert.deepEqual(hits.map((hit) => [hit.start, hit.left, hit.right]), [[5, '', '𠀀'], [16, '𠀀', '']]);  // context counts words: the emoji is none, 𠀀 is one
    // UTF-16 offsets index the JavaScript string of the text: the emoji and 𠀀 are two units each.
    assert.deepEqual(hits.map((hit) => [hit.start_utf16, hit.end_utf16]), [[3, 8], [12, 17]]);
    const text = '😀 peace 𠀀 peace';
    assert.deepEqual(hits.map((hit) => text.slice(hit.start_utf16, hit.end_utf16)), ['peace', 'peace']);
    corpus.delete();
  });
});
