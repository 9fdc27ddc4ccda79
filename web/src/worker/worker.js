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

const actions = {
  // documents: [{info: {name, title, date, source}, bytes: ArrayBuffer}]. Each document is added or
  // reported on its own: one bad file never stops the others.
  async addDocuments({ documents }) {
    const core = await corePromise;
    corpus ??= new core.Corpus();
    return documents.map(({ info, bytes }) => {
      const summary = JSON.parse(corpus.addDocument(JSON.stringify(info), new Uint8Array(bytes)));
      return summary.error ? { name: info.name, error: summary.error } : summary;
    });
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
  }
};
