// The wasm side of the index benchmark: the page's own module (textx-core.js, its Corpus API with JSON in and
// out) timed from JavaScript with performance.now(), in node and, through its source text, in Chromium.
// Self-contained (no imports, no closures) for that reason. The figures mirror bench/index_bench.cpp's.
//
// core: a loaded TextxCore module; docs: {names, arrays} (Uint8Array of each file); options: {copies,
// repeats, indexRepeats, queries: [{label, query, case_sensitive?, diacritic_sensitive?}], sortedQuery, pageRows,
// exportRows, screenRows, screenQueries}.
// Returns {corpora: [{label, documents, bytes, tokens, index_batch, index_single, single_segments, queries,
// queries_after_single, sorted_all, sorted_page, sorted_cached_page, sorted_export, screen, memory,
// heap_after_batch_bytes, heap_bytes}]} for the files and for `copies` copies of them (copy k of each file
// named "k/<name>"). Per corpus: the batch passes (the last corpus kept), the queries on it and its memory
// (Corpus.stats), then, that corpus deleted, the one-by-one passes and the queries on the last of them, so
// that the heap holds one corpus at a time.
export function wasmIndexBench(core, docs, options) {
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  const timing = (seconds, bytes) => ({
    passes: seconds.length,
    best_seconds: Math.min(...seconds),
    median_seconds: median(seconds),
    bytes,
    mb_per_s: bytes / Math.min(...seconds) / 1e6,
    median_mb_per_s: bytes / median(seconds) / 1e6,
  });
  const failed = (json) => json.startsWith('{"error"') ? json : null;

  // Every document once as one addDocuments call (what the page's worker does with a drop of files).
  function addBatch(corpus, names, arrays) {
    const infos = JSON.stringify(names.map((name) => ({ name })));
    const start = performance.now();
    const answer = corpus.addDocuments(infos, arrays);
    const seconds = (performance.now() - start) / 1e3;
    if (answer.includes('"error"')) throw new Error(`addDocuments: ${answer.slice(0, 300)}`);
    return seconds;
  }
  function addOneByOne(corpus, names, arrays) {
    const infos = names.map((name) => JSON.stringify({ name }));
    const start = performance.now();
    for (let i = 0; i < arrays.length; ++i) {
      const answer = corpus.addDocument(infos[i], arrays[i]);
      if (failed(answer)) throw new Error(`addDocument: ${answer}`);
    }
    return (performance.now() - start) / 1e3;
  }
  // One request, once to warm up (V8 first runs wasm code in its baseline tier: `first_ms`), then `repeats`
  // times: the call alone (a JSON string back) and the call + JSON.parse (`ms`, the median). `before`, if
  // given, runs untimed before each call.
  function timeQuery(corpus, label, request, before = null) {
    const calls = [];
    const parsed = [];
    let result = null;
    let jsonChars = 0;
    for (let run = 0; run <= options.repeats; ++run) {
      if (before) before();
      const start = performance.now();
      const json = corpus.concordance(JSON.stringify(request));
      const called = performance.now();
      result = JSON.parse(json);
      parsed.push(performance.now() - start);
      calls.push(called - start);
      jsonChars = json.length;
      if (result.error) return { label, query: request.query, error: result.error.message };
    }
    return { label, query: request.query, case_sensitive: Boolean(request.case_sensitive),
      diacritic_sensitive: Boolean(request.diacritic_sensitive), total: result.total, rows: result.hits.length,
      json_chars: jsonChars, first_ms: parsed[0], call_ms: median(calls.slice(1)), ms: median(parsed.slice(1)) };
  }
  // Every row of a sorted request as pages of `exportRows` (call + JSON.parse each), the order computed
  // afresh by the first page (`before` makes the kept order another one): what an export costs.
  function timeExport(corpus, request, before) {
    const times = [];
    let rows = 0;
    let chars = 0;
    for (let run = 0; run <= options.repeats; ++run) {
      before();
      const start = performance.now();
      rows = 0;
      chars = 0;
      for (let offset = 0, total = 1; offset < total; offset += options.exportRows) {
        const json = corpus.concordance(JSON.stringify({ ...request, offset, limit: options.exportRows }));
        const page = JSON.parse(json);
        if (page.error) return { query: request.query, error: page.error.message };
        total = page.total;
        rows += page.hits.length;
        chars += json.length;
      }
      times.push(performance.now() - start);
    }
    return { query: request.query, total: rows, json_chars: chars, first_ms: times[0], ms: median(times.slice(1)) };
  }

  // A first page of a query of options.queries, with its matching options when it has some.
  const queryRequest = ({ query, case_sensitive = false, diacritic_sensitive = false }) =>
    ({ query, limit: options.pageRows, case_sensitive, diacritic_sensitive });

  const large = { label: 'large', names: [], arrays: [] };
  for (let copy = 1; copy <= options.copies; ++copy) {
    docs.names.forEach((name, i) => {
      large.names.push(copy === 1 ? name : `${copy}/${name}`);
      large.arrays.push(docs.arrays[i]);
    });
  }
  const corpora = [{ label: 'sotu', names: docs.names, arrays: docs.arrays }, large];
  const out = [];
  for (const { label, names, arrays } of corpora) {
    const bytes = arrays.reduce((sum, array) => sum + array.length, 0);
    const batch = [];
    let corpus = null;
    let heapAfterBatch = 0;
    for (let pass = 0; pass < options.indexRepeats; ++pass) {
      if (corpus) corpus.delete();
      corpus = new core.Corpus();
      batch.push(addBatch(corpus, names, arrays));
      if (pass === 0) heapAfterBatch = core.HEAP8.buffer.byteLength;
    }
    const totals = JSON.parse(corpus.stats()).total;
    const report = { label, documents: names.length, bytes, text_bytes: totals.bytes, tokens: totals.tokens,
      keys: totals.distinct_keys, index_batch: timing(batch, bytes) };
    // The index's memory as the corpus reports it (Corpus.stats: index_bytes, of which vocabulary_bytes).
    report.memory = { tokens: totals.tokens, text_bytes: totals.bytes, index_bytes: totals.index_bytes,
      vocabulary_bytes: totals.vocabulary_bytes, segments: totals.segments,
      index_bytes_per_token: totals.index_bytes / totals.tokens };
    report.queries = options.queries.map((q) => timeQuery(corpus, q.label, queryRequest(q)));
    const sorted = { query: options.sortedQuery, sort: ['R1', 'R2', 'R3'] };
    // The kept sorted order (Corpus.concordance keeps the last one) made another query's, so that the timed
    // request sorts afresh, as a reader's first request does.
    const forget = () => corpus.concordance(JSON.stringify({ query: options.sortedQuery, sort: ['L1'], limit: 1 }));
    report.sorted_all = timeQuery(corpus, 'sorted R1,R2,R3', sorted, forget);
    report.sorted_page = timeQuery(corpus, 'sorted R1,R2,R3', { ...sorted, limit: options.pageRows }, forget);
    report.sorted_cached_page = timeQuery(corpus, 'sorted R1,R2,R3, kept order',
      { ...sorted, offset: Math.floor(report.sorted_page.total / 2), limit: options.pageRows });
    report.sorted_export = timeExport(corpus, sorted, forget);
    // The page's own first screen: it asks for `screenRows` rows (kMaxRowsShown), not a page of 50.
    report.screen = [...options.screenQueries.map((query) => timeQuery(corpus, 'screen', { query, limit: options.screenRows })),
      timeQuery(corpus, 'screen, sorted R1,R2,R3', { ...sorted, limit: options.screenRows }, forget)];
    corpus.delete();
    // One by one into a fresh corpus, the queried one gone (so that the heap holds one corpus at a time),
    // then the queries on the last one (segments merged in tiers).
    const single = [];
    const singlePasses = label === 'large' ? Math.min(2, options.indexRepeats) : options.indexRepeats;
    for (let pass = 0; pass < singlePasses; ++pass) {
      const other = new core.Corpus();
      single.push(addOneByOne(other, names, arrays));
      if (pass + 1 < singlePasses) {
        other.delete();
        continue;
      }
      report.single_segments = JSON.parse(other.stats()).total.segments;
      report.queries_after_single = options.queries.map((q) => timeQuery(other, q.label, queryRequest(q)));
      other.delete();
    }
    report.index_single = timing(single, bytes);
    // The module's memory (wasm memory grows and never shrinks): after the first batch, and at the end.
    report.heap_after_batch_bytes = heapAfterBatch;
    report.heap_bytes = core.HEAP8.buffer.byteLength;
    out.push(report);
  }
  return { corpora: out };
}
