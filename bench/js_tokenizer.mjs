// The JavaScript baseline the text model is compared with: what a page would do without the wasm core.
// Each text is lower-cased with toLowerCase(), its words found with a Unicode RegExp (letters and digits,
// joined across an apostrophe or a period: "don't", "U.S"), and each word mapped to an id in a Map.
//
// jsTokenizerBench is self-contained (no imports, no closures) so that run_bench.mjs can run the very same
// function in node and, through its source text, in Chromium.

// texts: strings; bytes: their total UTF-8 size (MB/s are counted in UTF-8 bytes, like the core's).
// Returns {best_seconds, median_seconds, bytes, mb_per_s, tokens, ids}, best of `repeats` passes.
export function jsTokenizerBench(texts, bytes, repeats) {
  const word = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
  // One document per call, as the core's benchmark does.
  function tokenize(text, ids) {
    const lower = text.toLowerCase();
    let tokens = 0;
    word.lastIndex = 0;
    for (let match = word.exec(lower); match !== null; match = word.exec(lower)) {
      const w = match[0];
      if (!ids.has(w)) ids.set(w, ids.size);
      ++tokens;
    }
    return tokens;
  }
  const times = [];
  let tokens = 0;
  let ids = new Map();
  for (let r = 0; r < Math.max(1, repeats); ++r) {
    ids = new Map();
    tokens = 0;
    const start = performance.now();
    for (const text of texts) tokens += tokenize(text, ids);
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  return {
    best_seconds: best,
    median_seconds: times[Math.floor(times.length / 2)],
    bytes,
    mb_per_s: bytes / best / 1e6,
    tokens,
    ids: ids.size,
  };
}
