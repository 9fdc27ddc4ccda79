// A course page talking to the textx explorer in an <iframe> through its postMessage API
// (README, "Embedding"; docs/wire-format.md, "Embedding messages").
//
// Where the explorer and the corpus are. Serving the repository's root (after scripts/build), the defaults
// open the built site and the manifest beside this page. ?explorer=URL and ?corpus=URL point elsewhere; the
// corpus must be on the explorer's own site, as the explorer reads nothing from other sites.
const params = new URLSearchParams(location.search);
const explorerUrl = new URL(params.get('explorer') || '../../dist/site/index.html', location.href);
const corpusUrl = new URL(params.get('corpus') || 'manifest.json', location.href);

const frame = document.getElementById('explorer');
const src = new URL(explorerUrl);
src.searchParams.set('corpus', corpusUrl.href);
src.searchParams.set('allow-origin', location.origin);  // the explorer answers this page, and only this page
frame.src = src.href;

// Requests carry an id; the explorer's answer carries it back. Answers are taken only from the explorer's
// origin, so another frame cannot pose as it.
let nextId = 1;
const pending = new Map();
window.addEventListener('message', (event) => {
  if (event.origin !== explorerUrl.origin || event.source !== frame.contentWindow) return;
  const { type, id, result, error } = event.data || {};
  if (type !== 'textx' || !pending.has(id)) return;
  const { resolve, reject } = pending.get(id);
  pending.delete(id);
  if (error) reject(Object.assign(new Error(error.message), { code: error.code }));
  else resolve(result);
});

// Sends {type: 'textx', id, action, ...fields} to the explorer; resolves to its result, rejects with its error.
function ask(action, fields = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    frame.contentWindow.postMessage({ type: 'textx', id, action, ...fields }, explorerUrl.origin);
  });
}

// The explorer listens from the moment its page has run: wait for the frame's load, then for its corpus.
const explorerReady = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
  .then(() => ask('ready'));

const total = document.getElementById('total');
const hits = document.getElementById('hits');
const log = document.getElementById('log');

document.getElementById('ask').addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = document.getElementById('query').value;
  try {
    await explorerReady;
    // Any of the explorer's queries: concordance, frequency, ngrams, collocates, dispersion, keyness, trend, …
    const result = await ask('concordance', { request: { query, context: 6, limit: 20 } });
    total.textContent = `${result.total} ${result.total === 1 ? 'hit' : 'hits'} for “${result.query}”`;
    hits.replaceChildren(...result.hits.map((hit) => {
      const item = document.createElement('li');
      const mark = document.createElement('mark');
      mark.textContent = hit.match;
      item.append(`${hit.left} `, mark, ` ${hit.right} (${hit.doc})`);
      return item;
    }));
    await ask('show', { state: { view: 'concordance', q: query } });  // the explorer shows the same query
  } catch (error) {
    total.textContent = error.message;  // a malformed query is answered with the position and a plain message
    hits.replaceChildren();
  }
});

document.getElementById('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await explorerReady;
    const [added] = await ask('addDocuments', {
      documents: [{ name: document.getElementById('note-name').value, text: document.getElementById('note-text').value }],
    });
    log.textContent = added.error ? added.error.message : `Added ${added.name}: ${added.tokens} words.`;
  } catch (error) {
    log.textContent = error.message;
  }
});

explorerReady.then(
  (corpus) => { log.textContent = `The explorer has loaded “${corpus.name}”: ${corpus.documents} documents.`; },
  (error) => { log.textContent = error.message; },
);
