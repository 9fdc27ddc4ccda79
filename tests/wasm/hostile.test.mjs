// The hostile inputs of docs/security.md through the wasm API, as the page's engine meets them: each file is
// added to a corpus holding the seed documents, and each query asked of it. A refused file gets the core's
// exact message as {"error"}; an accepted one its summary; either way the seed documents answer the same
// query with the same total. Also: the engine's limits (and the page's copy of them), the rows one
// concordance answer carries, and the trap the page's restart test relies on.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { kMaxContainerBytes, kMaxDocumentBytes, sizeProblem, sizeText } from '../../web/src/limits.js';
import { kZipLimits } from '../../web/src/extract/zip_entries.js';
import { full, hostileFiles, hostileQueries, oneWordParagraphs } from '../helpers/hostile_inputs.mjs';
import { loadCore, seedCorpusHandle } from '../helpers/wasm_core.mjs';

let core;
let corpus;
let baseline;
const total = (query) => JSON.parse(corpus.concordance(JSON.stringify({ query, limit: 0 }))).total;
const add = (name, bytes) => JSON.parse(corpus.addDocument(JSON.stringify({ name }), bytes));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

before(async () => {
  core = await loadCore();
  corpus = seedCorpusHandle(core);
  baseline = total('independence');
  assert.ok(baseline > 0);
});

describe('hostile files through the wasm API', () => {
  for (const file of hostileFiles()) {
    it(`${file.name.length > 40 ? 'a file name with HTML and path characters' : file.name}: ${file.answer ? 'refused by name' : 'read'}; the corpus answers as before`, () => {
      const before = JSON.parse(corpus.documents()).length;
      const answer = add(file.name, file.bytes);
      if (file.answer) {
        assert.deepEqual(answer, { error: { code: file.answer(file.name).match(/^\[([^\]]+)\]/)[1], message: file.answer(file.name) } });
        assert.equal(JSON.parse(corpus.documents()).length, before);
      } else {
        assert.equal(answer.error, undefined, JSON.stringify(answer.error));
        assert.equal(answer.name, file.name);
        assert.ok(file.check(answer), JSON.stringify(answer));
        assert.equal(JSON.parse(corpus.documents()).length, before + 1);
      }
      assert.equal(total('independence'), baseline);
    });
  }

  it('a 200 MB file is refused by its size at once, with the message the page gives before reading it', () => {
    const bytes = Buffer.alloc(200 * 1024 * 1024, 'a');
    const started = performance.now();
    const answer = add('large.txt', bytes);
    const message = '[load.too_large] large.txt is 200 MB, more than the 128 MB one document can hold here; split it into smaller files and add those.';
    assert.deepEqual(answer, { error: { code: 'load.too_large', message } });
    assert.equal(sizeProblem('large.txt', bytes.length, 'text').message, message);
    assert.equal(total('independence'), baseline);
    console.log(`# wasm: 200 MB file refused in ${seconds(started)} s`);
  });

  it('50,000 tiny files in one batch are all read', () => {
    const count = 50_000;
    const fresh = seedCorpusHandle(core);
    const infos = Array.from({ length: count }, (_, i) => ({ name: `pile/${i + 1}.txt` }));
    const bytes = infos.map((_, i) => Buffer.from(`File ${i + 1} of the pile.`));
    const started = performance.now();
    const answers = JSON.parse(fresh.addDocuments(JSON.stringify(infos), bytes));
    assert.equal(answers.filter((a) => a.error).length, 0);
    assert.equal(JSON.parse(fresh.concordance(JSON.stringify({ query: 'pile|independence', limit: 0 }))).total, count + baseline);
    console.log(`# wasm: ${count} files added in ${seconds(started)} s`);
    fresh.delete();
  });
});

describe('hostile queries through the wasm API', () => {
  for (const { query, answer, total: expected } of hostileQueries) {
    it(`${query.length > 30 ? `${query.slice(0, 30)}… (${query.length} characters)` : query}: ${answer ? 'refused with the reason' : 'answered'}`, () => {
      const started = performance.now();
      const result = JSON.parse(corpus.concordance(JSON.stringify({ query })));
      if (answer) assert.deepEqual(result, { error: { code: 'query.too_complex', message: answer } });
      else assert.equal(result.total, expected);
      assert.ok(performance.now() - started < 5000);
      assert.equal(total('independence'), baseline);
    });
  }
});

describe('limits of the page\'s engine', () => {
  it('are the core\'s kBrowserLimits, and the page checks files against the same figures', () => {
    const limits = JSON.parse(core.limits());
    assert.deepEqual(limits, { document_bytes: 128 * 1024 ** 2, corpus_bytes: 512 * 1024 ** 2, corpus_tokens: 100_000_000, rows_per_answer: 100_000 });
    assert.equal(kMaxDocumentBytes, limits.document_bytes);
    assert.equal(kMaxContainerBytes, kZipLimits.totalBytes);
    for (const [bytes, text] of [[0, '0 bytes'], [1, '1 byte'], [1023, '1,023 bytes'], [1024, '1 KB'], [35 * 1024 + 600, '36 KB'],
      [1536 * 1024, '1.5 MB'], [200 * 1024 ** 2, '200 MB'], [4096 * 1024 ** 2, '4,096 MB']]) {
      assert.equal(sizeText(bytes), text);
    }
    assert.equal(sizeProblem('x.txt', kMaxDocumentBytes, 'text'), null);
    assert.equal(sizeProblem('x.zip', kMaxDocumentBytes + 1, 'zip'), null);
    assert.match(sizeProblem('x.zip', kMaxContainerBytes + 1, 'zip').message, /^\[load\.too_large\] x\.zip is 512 MB, more than the 512 MB the page reads/);
  });

  it('one concordance answer holds at most 100,000 rows; the total stays exact', () => {
    const fresh = new core.Corpus();
    fresh.addDocument(JSON.stringify({ name: 'paragraphs.txt' }), oneWordParagraphs(120_000));
    const all = JSON.parse(fresh.concordance(JSON.stringify({ query: 'w*' })));
    assert.equal(all.total, 120_000);
    assert.equal(all.hits.length, 100_000);
    const next = JSON.parse(fresh.concordance(JSON.stringify({ query: 'w*', offset: 100_000, limit: 100_000 })));
    assert.equal(next.hits.length, 20_000);
    assert.equal(next.hits[0].start, all.hits.at(-1).end + 2);
    assert.deepEqual(JSON.parse(fresh.concordance(JSON.stringify({ query: 'w*', limit: 100_001 }))), {
      error: { code: 'options.limit', message: '[options.limit] One answer holds at most 100,000 rows; ask for the next ones with "offset".' },
    });
    fresh.delete();
  });

  it(full ? 'a corpus past 512 MB of text, or 100 million words, is refused document by document, unchanged' : 'the corpus limits (512 MB, 100 million words) are tested at full size with TEXTX_HOSTILE_FULL=1', { skip: !full }, () => {
    const piece = (word) => Buffer.from(word.repeat(Math.ceil((127 * 1024 * 1024) / word.length))).subarray(0, 127 * 1024 * 1024);
    const heap = () => `${(core.HEAPU8.length / 1024 ** 3).toFixed(2)} GB`;
    let started = performance.now();
    const bytes = new core.Corpus();
    const long = piece('internationalization ');  // 21 bytes a word: the bytes limit comes first
    for (let i = 0; i < 4; ++i) assert.equal(JSON.parse(bytes.addDocument(JSON.stringify({ name: `part${i}.txt` }), long)).error, undefined);
    assert.deepEqual(JSON.parse(bytes.addDocument(JSON.stringify({ name: 'part4.txt' }), long)), { error: { code: 'load.corpus_full',
      message: '[load.corpus_full] part4.txt (127 MB of text) would bring the corpus to 635 MB, more than the 512 MB it can hold here; the documents already loaded are unchanged.' } });
    assert.equal(JSON.parse(bytes.concordance(JSON.stringify({ query: 'internationalization', limit: 0 }))).total, 4 * Math.floor(long.length / 21));
    console.log(`# wasm: 508 MB corpus (25 million words) loaded and the next 127 MB refused in ${seconds(started)} s; wasm memory ${heap()}`);
    bytes.delete();
    started = performance.now();
    const words = new core.Corpus();
    const short = piece('a ');  // 2 bytes a word: the words limit comes first
    assert.equal(JSON.parse(words.addDocument(JSON.stringify({ name: 'part0.txt' }), short)).error, undefined);
    assert.deepEqual(JSON.parse(words.addDocument(JSON.stringify({ name: 'part1.txt' }), short)), { error: { code: 'load.corpus_full',
      message: '[load.corpus_full] part1.txt (66,584,576 words) would bring the corpus to 133,169,152 words, more than the 100,000,000 it can hold here; the documents already loaded are unchanged.' } });
    assert.equal(JSON.parse(words.documents()).length, 1);
    console.log(`# wasm: 66.6 million words loaded and 66.6 million more refused in ${seconds(started)} s; wasm memory ${heap()}`);
    words.delete();
  });

  it('trapForTesting stops the module with a WebAssembly trap, as the page\'s restart test needs', () => {
    assert.throws(() => core.trapForTesting(), (error) => error instanceof WebAssembly.RuntimeError && /unreachable/.test(error.message));
  });

  it('running out of memory for real (4 GB taken) stops a module with a RangeError that says so, not a bare abort', async () => {
    const own = await loadCore();  // the module dies: not the one the other tests share
    const started = performance.now();
    assert.throws(() => own.exhaustMemoryForTesting(),
      (error) => error instanceof RangeError && error.message === 'Out of memory: the analysis engine needed more than the 4 GB a browser gives it.');
    const heapMiB = Math.round(own.HEAPU8.length / 2 ** 20);
    assert.ok(heapMiB > 4000, `the module's memory grew to ${heapMiB} MiB before the allocator gave up`);
    console.log(`# wasm: memory exhausted at ${heapMiB} MiB in ${seconds(started)} s`);
  });
});
