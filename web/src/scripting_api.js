// The page's scripting API: window.textx for tests and same-origin embedders, and the same methods reached
// by postMessage (embed_api.js) from the origins the page's address allows. Documented in the README
// ("Embedding") and docs/wire-format.md ("Embedding messages").
import { kCoreQueries } from './core_queries.js';
import { embedError } from './embed_api.js';
import { hashFromState, stateFromHash } from './url_state.js';

const kInfoFields = ['title', 'date', 'source'];

// Documents given by a script: [{name, text} or {name, bytes: ArrayBuffer or typed array}, with title?,
// date?, source?] → the page's documents ({info, bytes, kind}), or an embed.request error naming what is wrong.
function scriptedDocuments(documents) {
  if (!Array.isArray(documents)) throw embedError('embed.request', 'addDocuments expects "documents": a list of {name, text} or {name, bytes}.');
  return documents.map((doc, i) => {
    const where = `Document ${i + 1}`;
    if (!doc || typeof doc !== 'object' || typeof doc.name !== 'string' || !doc.name) throw embedError('embed.request', `${where} needs a "name".`);
    const info = { name: doc.name, title: '', date: '', source: '' };
    for (const key of kInfoFields) {
      if (doc[key] === undefined) continue;
      if (typeof doc[key] !== 'string') throw embedError('embed.request', `${where} (${doc.name}): "${key}" must be a string.`);
      info[key] = doc[key];
    }
    // Text is UTF-8 once encoded here, and says so; bytes are read as a file is (encoding detected).
    if (typeof doc.text === 'string') return { info: { ...info, encoding: 'UTF-8' }, bytes: new TextEncoder().encode(doc.text).buffer, kind: 'text' };
    if (doc.bytes instanceof ArrayBuffer) return { info, bytes: doc.bytes.slice(0), kind: 'text' };
    if (ArrayBuffer.isView(doc.bytes)) return { info, bytes: new Uint8Array(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength).slice().buffer, kind: 'text' };
    throw embedError('embed.request', `${where} (${doc.name}) needs "text" (a string) or "bytes" (an ArrayBuffer or a typed array).`);
  });
}

// The API over the page's parts: ready (a Promise), request(action, args) to the analysis worker,
// addDocuments(documents) and editDocuments(edits) as main.js does them, corpusName() the opening corpus's name.
export function scriptingApi({ ready, request, addDocuments, editDocuments, corpusName }) {
  return {
    // Resolves once the opening corpus is indexed; rejects with a message if it could not be loaded.
    ready,
    // The concordance of `query` in the wire format (docs/wire-format.md), the same JSON as
    // `textx concord --json`. options: {context, offset, limit}. Rejects with the core's message on bad queries.
    async concordance(query, options = {}) {
      await ready;
      return request('concordance', { request: { query, ...options } });
    },
    // One document's text and paragraph spans (UTF-16), as corpus.documentText answers (docs/wire-format.md).
    async documentText(doc) {
      await ready;
      const { hits: _, error: __, ...text } = await request('reader', { doc, query: '' });
      return text;
    },
    // Summaries of the loaded documents.
    async documents() {
      await ready;
      return request('documents');
    },
    // Any of the core's queries by method name (core_queries.js) with its request, answered in the core's JSON.
    async run(method, query = {}) {
      if (!kCoreQueries.includes(method)) throw embedError('embed.action', `Unknown query "${method}"; use one of ${kCoreQueries.join(', ')}.`);
      await ready;
      return request('core', { method, request: query });
    },
    // Adds documents for this visit (see scriptedDocuments); resolves to a summary or {name, error} per document.
    async addDocuments(documents) {
      const read = scriptedDocuments(documents);
      await ready;
      return addDocuments(read);
    },
    // Changes a document's title, date or source (the fields given); resolves to its new summary.
    async setDocumentInfo(doc, fields = {}) {
      if (typeof doc !== 'string') throw embedError('embed.request', 'setDocumentInfo needs "doc", a document\'s name.');
      const edit = { doc };
      for (const key of kInfoFields) {
        if (fields?.[key] === undefined) continue;
        if (typeof fields[key] !== 'string') throw embedError('embed.request', `"${key}" must be a string.`);
        edit[key] = fields[key];
      }
      await ready;
      const [result] = await editDocuments([edit]);
      if (result.error) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result;
    },
    // Shows a view in the page: `state` holds fragment options (url_state.js), such as {view: 'trend', q: 'peace'}.
    // Resolves to the fragment shown.
    async show(state = {}) {
      if (!state || typeof state !== 'object') throw embedError('embed.request', 'show expects "state", such as {"view": "concordance", "q": "independence"}.');
      const strings = Object.fromEntries(Object.entries(state).map(([key, value]) => [key, String(value)]));
      const hash = hashFromState({ ...stateFromHash(location.hash), ...strings });
      await ready;
      if (location.hash !== hash) location.hash = hash;
      return hash;
    },
    // The opening corpus's name and the number of documents, once the corpus is loaded.
    async status() {
      await ready;
      return { name: corpusName(), documents: (await request('documents')).length };
    },
  };
}

// One postMessage request: its action names a method of `api`, its other fields are the arguments.
export function embedAction(api, action, message) {
  if (action === 'ready') return api.status();
  if (action === 'documents') return api.documents();
  if (action === 'addDocuments') return api.addDocuments(message.documents);
  if (action === 'setDocumentInfo') return api.setDocumentInfo(message.doc, message);
  if (action === 'show') return api.show(message.state);
  if (kCoreQueries.includes(action)) return api.run(action, message.request);
  throw embedError('embed.action', `Unknown action "${action}"; use ready, documents, addDocuments, setDocumentInfo, show or one of ${kCoreQueries.join(', ')}.`);
}
