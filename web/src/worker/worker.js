// The analysis worker. It owns the wasm core and the corpus, and answers requests {id, action, ...args}
// with {id, result} or {id, error: {code, message}} (the protocol of sql.js's worker).
// TextxCore is defined by the core module, which the build places before this code in the same script.
/* global TextxCore */

const corePromise = TextxCore();
let corpus = null;

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
    return results;
  },

  async documents() {
    await corePromise;
    return corpus ? answer(corpus.documents()) : [];
  },

  // request: {query, context?, offset?, limit?}, answered in the wire format of docs/wire-format.md.
  async concordance({ request }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return answer(corpus.concordance(JSON.stringify(request)));
  },
};

self.onmessage = async ({ data }) => {
  const { id, action, ...args } = data;
  try {
    if (!Object.hasOwn(actions, action)) throw { code: 'worker.action', message: `[worker.action] Unknown action ${action}.` };
    self.postMessage({ id, result: await actions[action](args) });
  } catch (error) {
    const reported = error && error.code ? error : { code: 'worker.failed', message: `[worker.failed] ${error && error.message ? error.message : error}` };
    self.postMessage({ id, error: reported });
    // A trap or an exhausted memory leaves the wasm core unusable: fail the whole worker, so the page
    // starts a fresh one and loads the documents again.
    if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError || /^Aborted\(/.test(String(error?.message))) {
      setTimeout(() => {
        throw error;
      });
    }
  }
};
