// The analysis worker. It owns the wasm core and the corpus, and answers requests {id, action, ...args}
// with {id, result} or {id, error: {code, message}} (the protocol of sql.js's worker).
// TextxCore is defined by the core module, which the build places before this code in the same script.
/* global TextxCore */
import { bytesOfBase64 } from '../base64.js';
import { kCoreQueries } from '../core_queries.js';
import { crashCause } from '../worker_client.js';

// When this worker reached its steps, in milliseconds since the epoch (the page marks them: startup_marks.js).
const moments = [];
const moment = (name) => moments.push([name, performance.timeOrigin + performance.now()]);
moment('script');

// The core's WebAssembly: in base64 ahead of this script (the single file, start_worker.js), or the file
// textx-core.wasm beside it (a hosted page).
const corePromise = startCore(typeof self.textxCoreWasm === 'string' ? { base64: self.textxCoreWasm } : { url: new URL('textx-core.wasm', self.location.href).href })
  .then((core) => {
    moment('core-ready');
    return core;
  });
let corpus = null;

// The core module, compiled and instantiated from `wasm` by this worker (the module's own loader would
// fetch it, and a data: URL decodes three times slower through fetch).
function startCore(wasm) {
  return new Promise((resolve, reject) => {
    const instantiate = (imports) => {
      if (wasm.url) {
        const download = () => fetch(wasm.url).then((answer) => {
          if (!answer.ok) throw new Error(`The engine's file ${wasm.url} could not be loaded: the server answered ${answer.status}.`);
          return answer;
        });
        // Compiled as it downloads; downloaded again and compiled whole if the server does not call it
        // application/wasm (streaming refuses other types).
        return WebAssembly.instantiateStreaming(download(), imports)
          .catch(() => download().then((answer) => answer.arrayBuffer()).then((bytes) => WebAssembly.instantiate(bytes, imports)));
      }
      return WebAssembly.instantiate(bytesOfBase64(wasm.base64), imports);
    };
    TextxCore({
      instantiateWasm(imports, receiveInstance) {
        instantiate(imports).then(({ instance, module }) => receiveInstance(instance, module), reject);
        return {};  // the exports come later, through receiveInstance
      },
    }).then(resolve, reject);
  });
}

// Parses a JSON answer from the core; core errors become thrown values the dispatcher passes on.
function answer(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw value.error;
  return value;
}

// The bytes decoded from `encoding` by the browser and re-encoded as UTF-8 for the core, which then reports
// that encoding; or an error for a label the browser does not know.
function transcode(bytes, encoding, name) {
  let decoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    return { error: { code: 'load.encoding', message: `[load.encoding] This browser cannot read the encoding "${encoding}", chosen for ${name}.` } };
  }
  return { info: { encoding }, bytes: new TextEncoder().encode(decoder.decode(bytes)) };
}

const actions = {
  // documents: [{info: {name, title, date, source, encoding?}, bytes: ArrayBuffer}]; encoding: '' to let the
  // core detect each file's encoding, or a label the browser's TextDecoder knows (EUC-KR, Shift_JIS, KOI8-R…)
  // that the reader chose; a document's own `readAs` overrides it. Documents whose info names an encoding
  // (text the page extracted) keep it. Each document is added or reported on its own: one bad file never stops the others.
  async addDocuments({ documents, encoding = '' }) {
    const opening = corpus === null;
    if (opening) moment('opening-received');
    const core = await corePromise;
    corpus ??= new core.Corpus();
    // Files the browser cannot decode are reported here; the rest go to the core as one batch (one index
    // segment), which reports on each document in turn.
    const results = new Array(documents.length);
    const batch = [];
    documents.forEach(({ info, bytes, readAs }, i) => {
      const chosen = readAs ?? encoding;
      const read = chosen && !info.encoding ? transcode(bytes, chosen, info.name) : { info, bytes: new Uint8Array(bytes) };
      if (read.error) results[i] = { name: info.name, error: read.error };
      else batch.push({ i, info: { ...info, ...read.info }, bytes: read.bytes });
    });
    const answers = JSON.parse(corpus.addDocuments(JSON.stringify(batch.map((d) => d.info)), batch.map((d) => d.bytes)));
    if (answers.error) throw answers.error;
    batch.forEach((d, k) => {
      results[d.i] = answers[k].error ? { name: d.info.name, error: answers[k].error } : answers[k];
    });
    tableCache.clear();
    if (opening) moment('opening-indexed');
    return results;
  },

  // The moments this worker marked so far: [[name, milliseconds since the epoch]].
  async startupMoments() {
    return moments;
  },

  async documents() {
    await corePromise;
    return corpus ? answer(corpus.documents()) : [];
  },

  // edits: [{doc: name, title?, date?, source?}], the reader's changes. Answers, per edit, the document's
  // new summary or {name, error}.
  async setDocumentInfo({ edits }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    tableCache.clear();  // keyness and trend selections may read the dates
    return edits.map((edit) => {
      const summary = JSON.parse(corpus.setDocumentInfo(JSON.stringify(edit)));
      return summary.error ? { name: edit.doc, error: summary.error } : summary;
    });
  },

  // One of the core's query methods by name (core_queries.js), answered in the core's JSON
  // (docs/wire-format.md), for the scripting and embedding API. request: the method's request object.
  async core({ method, request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    if (!kCoreQueries.includes(method)) throw { code: 'worker.action', message: `[worker.action] Unknown method ${method}.` };
    return answer(method === 'stats' ? corpus.stats() : corpus[method](JSON.stringify(request ?? {})));
  },

  // One page of a table view. kind: frequency|ngrams|collocates|keyness; request: the core's request without
  // offset/limit; sort: {column, descending} or null for the core's order; offset/limit: the rows wanted
  // (limit null: all, for export). Answers the core's JSON with `rows` cut to the page and `row_count`, the
  // number of rows in the whole answer.
  async table({ kind, request, sort = null, offset = 0, limit = null }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    if (!Object.hasOwn(tableKinds, kind)) throw { code: 'worker.action', message: `[worker.action] Unknown table ${kind}.` };
    if (!sort?.column && limit !== null) {
      // In the core's own order a page is the core's offset and limit: cheap even where the whole answer
      // is huge (3-word n-grams over the State of the Union: a million rows, 100 MB of JSON).
      const page = answer(tableKinds[kind]({ ...request, offset, limit }));
      return { ...page, row_count: kind === 'frequency' ? page.types : page.total };
    }
    const cached = fullTable(kind, request);
    const rows = sortedRows(cached, sort?.column, sort?.descending);
    return { ...cached.value, row_count: rows.length, rows: rows.slice(offset, limit === null ? undefined : offset + limit) };
  },

  async dispersion({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(corpus.dispersion(JSON.stringify(request)));
  },

  async trend({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(corpus.trend(JSON.stringify(request)));
  },

  // A document's text and paragraphs ({name, title, date, text, paragraphs}) with the UTF-16 spans of
  // `query`'s hits in it (none for an empty query; a bad query's error is returned as `error`, the text still shown).
  async reader({ doc, query }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    const text = answer(corpus.documentText(JSON.stringify({ doc })));
    let hits = [];
    let error = null;
    if (query) {
      // The doc: filter narrows the search; names are compared exactly after, as a filter is a pattern (a
      // quote, which the filter syntax cannot hold, becomes ? for any one character). Should the narrowed
      // query not parse, the query is tried as the reader wrote it.
      const narrowed = `${query} doc:"${text.name.replace(/"/g, '?')}"`;
      const search = (q) => answer(corpus.concordance(JSON.stringify({ query: q, context: 0 }))).hits;
      try {
        let found;
        try {
          found = search(narrowed);
        } catch {
          found = search(query);
        }
        hits = found.filter((hit) => hit.doc === text.name).map((hit) => [hit.start_utf16, hit.end_utf16]);
      } catch (failure) {
        error = failure;
      }
    }
    return { ...text, hits, error };
  },

  // request: {a, b, …options} as Corpus.diff takes it (docs/diff.md).
  async diff({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(corpus.diff(JSON.stringify(request)));
  },

  // request: reuse options (docs/reuse.md); with `doc` (and `paragraph`) the passages repeating that
  // paragraph (Corpus.reuse), without it every passage two documents share (Corpus.sharedPassages).
  async reuse({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(request.doc === undefined ? corpus.sharedPassages(JSON.stringify(request)) : corpus.reuse(JSON.stringify(request)));
  },

  // Makes the core trap, as a bug or exhausted memory would: tests/page/hostile.test.mjs sends this from
  // inside the worker to check that the page starts the engine again with every document. The page never
  // sends it.
  async trapForTesting() {
    (await corePromise).trapForTesting();
  },

  // Makes the core run out of memory for real (it allocates until the 4 GB a page's wasm may have are gone):
  // the same test checks the page's account of it and the restart. The page never sends it.
  async exhaustMemoryForTesting() {
    (await corePromise).exhaustMemoryForTesting();
  },

  // request: {query, context?, offset?, limit?}, answered in the wire format of docs/wire-format.md.
  async concordance({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(corpus.concordance(JSON.stringify(request)));
  },
};

// The tables the views page through. In the core's order each page is asked of the core; sorted by another
// column, the last full answer of each kind is kept, so paging, re-sorting and exporting do not recompute
// it. The page receives at most one page of rows at a time (all of them only to export).
const tableKinds = {
  frequency: (request) => corpus.frequency(JSON.stringify(request)),
  ngrams: (request) => corpus.ngrams(JSON.stringify(request)),
  collocates: (request) => corpus.collocates(JSON.stringify(request)),
  keyness: (request) => corpus.keyness(JSON.stringify(request)),
};
const tableCache = new Map();  // kind → {key, value, sorted: {key, rows}}

function fullTable(kind, request) {
  const key = JSON.stringify(request);
  let cached = tableCache.get(kind);
  if (!cached || cached.key !== key) {
    const { offset, limit, ...all } = request;  // paging is the worker's business, not the core's
    cached = { key, value: answer(tableKinds[kind](all)), sorted: null };
    tableCache.set(kind, cached);
  }
  return cached;
}

// Rows in the order the reader chose: by `column` (ascending or not), ties kept in the core's order.
function sortedRows(cached, column, descending) {
  const rows = cached.value.rows;
  if (!column) return rows;
  const key = `${column}:${descending}`;
  if (cached.sorted?.key === key) return cached.sorted.rows;
  const order = rows.map((row, i) => i);
  const text = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  order.sort((a, b) => {
    const x = rows[a][column];
    const y = rows[b][column];
    let c;
    if (x === y) c = 0;
    else if (x === null || x === undefined) c = 1;  // undefined values (an infinite ratio) last either way
    else if (y === null || y === undefined) c = -1;
    else c = (typeof x === 'number' ? x - y : text.compare(String(x), String(y))) * (descending ? -1 : 1);
    return c || a - b;
  });
  const sorted = order.map((i) => rows[i]);
  cached.sorted = { key, rows: sorted };
  return sorted;
}

self.onmessage = async ({ data }) => {
  const { id, action, ...args } = data;
  try {
    if (!Object.hasOwn(actions, action)) throw { code: 'worker.action', message: `[worker.action] Unknown action ${action}.` };
    self.postMessage({ id, result: await actions[action](args) });
  } catch (error) {
    // A trap or an exhausted memory leaves the wasm core unusable: the request fails with a plain account of
    // it, then the whole worker fails, so the page starts a fresh one and loads the documents again.
    const fatal = error instanceof WebAssembly.RuntimeError || error instanceof RangeError || /^Aborted\(/.test(String(error?.message));
    const reported = fatal
      ? { code: 'worker.crashed', message: `[worker.crashed] The analysis engine ${crashCause(`${error.name}: ${error.message}`)} on this request. It is being started again and your documents loaded again.` }
      : error && error.code ? error : { code: 'worker.failed', message: `[worker.failed] ${error && error.message ? error.message : error}` };
    self.postMessage({ id, error: reported });
    if (fatal) {
      setTimeout(() => {
        throw error;
      });
    }
  }
};
