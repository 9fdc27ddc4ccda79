// The JavaScript peers of the index benchmark, what a page would use without the wasm core. Each function is
// self-contained (no imports, no closures) so that run_index_bench.mjs runs the very same code in node and,
// through its source text, in Chromium.

// A RegExp scan producing KWIC lines: for each word, /\bword\b/gi over every text, each match giving
// {doc, left, match, right} with `width` characters of context. Two variants: `all` builds every line,
// `page` counts every match (the exact total) but builds only the first `pageRows` lines. Median of
// `repeats` runs each (fewer when a variant takes over 2 s in all).
export function regexpKwicBench(texts, words, repeats, pageRows, width) {
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  function scan(re, rowLimit) {
    const rows = [];
    let total = 0;
    for (let doc = 0; doc < texts.length; ++doc) {
      const text = texts[doc];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (total++ < rowLimit) {
          const start = m.index;
          const end = start + m[0].length;
          rows.push({ doc, left: text.slice(Math.max(0, start - width), start), match: m[0],
            right: text.slice(end, end + width) });
        }
      }
    }
    return { total, rows: rows.length };
  }
  function time(re, rowLimit) {
    const times = [];
    let result = null;
    while (times.length < repeats && times.reduce((a, b) => a + b, 0) < 2000) {
      const start = performance.now();
      result = scan(re, rowLimit);
      times.push(performance.now() - start);
    }
    return { ...result, runs: times.length, ms: median(times) };
  }
  return words.map((word) => {
    const re = new RegExp(`\\b${word}\\b`, 'gi');
    return { word, all: time(re, Infinity), page: time(re, pageRows) };
  });
}

// MiniSearch, FlexSearch and lunr, each with its defaults, indexing the same documents ({id, text}) and
// answering a word and a phrase. libs: {MiniSearch, FlexSearch, lunr} (the loaded modules); bytes: the
// texts' UTF-8 size. Indexing: best of `repeats` passes (fewer when they take over 10 s in all); queries:
// median of `repeats`. Each answer is a list of documents (MiniSearch: {id, score, terms, queryTerms,
// match}; FlexSearch: ids; lunr: {ref, score, matchData}), never positions of a phrase: `results` counts
// the documents returned.
export function searchLibrariesBench(libs, texts, bytes, repeats, queries) {
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  const docs = texts.map((text, id) => ({ id: String(id), text }));
  const engines = {
    minisearch: {
      build() {
        const index = new libs.MiniSearch({ fields: ['text'] });
        index.addAll(docs);
        return index;
      },
      search: (index, query) => index.search(query),
    },
    flexsearch: {
      build() {
        const index = new libs.FlexSearch.Index();
        for (const doc of docs) index.add(doc.id, doc.text);
        return index;
      },
      // FlexSearch returns at most `limit` ids (100 by default): ask for all of them.
      search: (index, query) => index.search(query, { limit: docs.length }),
    },
    lunr: {
      build() {
        return libs.lunr(function build() {
          this.ref('id');
          this.field('text');
          for (const doc of docs) this.add(doc);
        });
      },
      search: (index, query) => index.search(query),
    },
  };
  const out = {};
  for (const [name, engine] of Object.entries(engines)) {
    const times = [];
    let index = null;
    while (times.length < repeats && times.reduce((a, b) => a + b, 0) < 10000) {
      index = null;
      const start = performance.now();
      index = engine.build();
      times.push(performance.now() - start);
    }
    const best = Math.min(...times);
    const answers = queries.map((query) => {
      const queryTimes = [];
      let results = null;
      for (let run = 0; run < repeats; ++run) {
        const start = performance.now();
        results = engine.search(index, query);
        queryTimes.push(performance.now() - start);
      }
      return { query, results: results.length, ms: median(queryTimes) };
    });
    out[name] = { passes: times.length, best_seconds: best / 1e3, mb_per_s: bytes / best / 1e3, queries: answers };
  }
  return out;
}
