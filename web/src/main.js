// The explorer page: starts the analysis worker, loads the opening corpus, wires the views, keeps the
// query in the URL fragment, and exposes window.textx for tests and same-origin embedders.
import { openingCorpus, pastedDocument, readFiles } from './corpus_source.js';
import { bindLibraryInput } from './library_input.js';
import { openLibraryStore } from './library_store.js';
import { startWorker } from './start_worker.js';
import { startExplorer } from './explore.js';
import { StopControl } from './stop_control.js';
import { renderDocumentList } from './views/document_list.js';
import { WorkerClient } from './worker_client.js';

let client = null;  // the analysis worker's client; replaced when the worker restarts
const storePromise = openLibraryStore();
const documentList = document.getElementById('document-list');
const corpusName = document.getElementById('corpus-name');
const libraryStatus = document.getElementById('library-status');
const documentLabels = new Map();  // name → {label, description} for concordance rows and plots

function showLibraryStatus(text, isError = false) {
  libraryStatus.textContent = text;
  libraryStatus.classList.toggle('error', isError);
}

// Adds documents in the worker, read in `encoding` ('' to detect), and redraws the library. Rejected files
// are named (with `earlier` problems met while reading them), the rest are kept; with `keep`, the accepted
// ones are also stored so that they survive a reload and a restart of the worker.
async function addDocuments(documents, { encoding = '', earlier = [], keep = false } = {}) {
  const copies = keep ? documents.map((doc) => ({ ...doc, readAs: doc.readAs ?? encoding, bytes: doc.bytes.slice(0) })) : [];
  const added = await client.request('addDocuments', { documents, encoding }, documents.map((doc) => doc.bytes));
  if (keep) {
    const store = await storePromise;
    await store.add(copies.filter((_, i) => !added[i].error)).catch((error) =>
      earlier.push({ message: `[store.failed] The new documents could not be stored for next time (${error.message}).` }));
  }
  const problems = earlier.map((problem) => problem.message).concat(added.filter((doc) => doc.error).map((doc) => doc.error.message));
  await refreshLibrary(problems);
}

// Redraws the library from the worker's list, with `problems` after the summary.
async function refreshLibrary(problems = [], notice = '') {
  const all = await client.request('documents');
  for (const doc of all) {
    const title = doc.title || doc.name;
    documentLabels.set(doc.name, { label: doc.date || title, description: [doc.date, title, doc.name].filter((part, i, all) => part && all.indexOf(part) === i).join(' · ') });
  }
  renderDocumentList(documentList, all);
  explorer.setDocuments(all);
  const words = all.reduce((sum, doc) => sum + doc.tokens, 0);
  const summary = [notice, `${all.length.toLocaleString('en')} ${all.length === 1 ? 'document' : 'documents'}, ${words.toLocaleString('en')} words.`].filter(Boolean).join(' ');
  showLibraryStatus(problems.length ? `${summary} Not added: ${problems.join(' ')}` : summary, problems.length > 0 || notice !== '');
}

// Starts the analysis worker and loads into it the opening corpus and every stored document. Resolves to
// the problems met. A worker that crashes (a trap, memory exhausted) is started again the same way, so
// nothing the reader loaded is lost.
async function startEngine() {
  client = new WorkerClient(startWorker());
  client.onCrash = (error) => restartEngine(error);
  const corpus = await openingCorpus();
  corpusName.textContent = corpus.name;
  await client.request('addDocuments', { documents: corpus.documents }, corpus.documents.map((doc) => doc.bytes));
  const store = await storePromise;
  const stored = await store.all();
  const problems = [];
  if (stored.length) {
    const added = await client.request('addDocuments', { documents: stored }, stored.map((doc) => doc.bytes));
    for (const doc of added) if (doc.error) problems.push(doc.error.message);
  }
  return problems;
}

// Starts the engine again after it crashed (`error`) or was stopped by the reader (no error).
let restarting = null;
function restartEngine(error = null) {
  restarting ??= (async () => {
    const what = error ? error.message.replace(/^\[worker\.crashed\] /, '') : 'You stopped the analysis engine.';
    showLibraryStatus(`${what} Starting it again and loading the documents…`, true);
    try {
      const problems = await startEngine();
      await refreshLibrary(problems, `${what.replace(/\.$/, '')}; it was started again and your documents were loaded again.`);
    } catch (failure) {
      showLibraryStatus(`The analysis engine stopped and could not be restarted: ${failure.message} Reload the page.`, true);
    } finally {
      restarting = null;
    }
  })();
  return restarting;
}

const ready = (async () => {
  showLibraryStatus('Loading the corpus…');
  const problems = await startEngine();
  await refreshLibrary(problems, (await storePromise).notice);
})();
// A request running long can be stopped: the engine is ended (the request fails with a note saying so)
// and started again with every document.
const stopControl = new StopControl(document.getElementById('engine-busy'), document.getElementById('stop-work'), () => {
  client.terminate({ code: 'request.stopped', message: '[request.stopped] Stopped at your request; the documents are being loaded again.' });
  restartEngine();
});
// The views; refreshLibrary reaches them only after the first await above, once this has run.
const explorer = startExplorer({ request: (action, args) => stopControl.track(client.request(action, args)), labels: documentLabels, ready });

ready.then(() => explorer.showCurrent(), (error) => showLibraryStatus(error.message, true));

const progress = document.getElementById('library-progress');
const cancelButton = document.getElementById('cancel-load');
let loading = null;  // the AbortController of the load in progress

// Reads and adds files, showing progress; the reader can cancel while files are being read.
async function addFiles(files, names) {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  progress.hidden = false;
  cancelButton.hidden = false;
  progress.max = files.length;
  progress.value = 0;
  showLibraryStatus(`Reading ${files.length} ${files.length === 1 ? 'file' : 'files'}…`);
  try {
    await ready;
    const read = await readFiles(files, {
      names,
      signal: controller.signal,
      onProgress(done, total) {
        progress.value = done;
        showLibraryStatus(`Reading ${done} of ${total} files…`);
      },
    });
    if (read.cancelled) {
      showLibraryStatus('Adding files was cancelled; the documents already loaded are unchanged.');
      return;
    }
    cancelButton.hidden = true;
    progress.removeAttribute('value');  // indeterminate while the core indexes
    showLibraryStatus(`Indexing ${read.documents.length} ${read.documents.length === 1 ? 'document' : 'documents'}…`);
    await addDocuments(read.documents, { encoding: document.getElementById('encoding').value.trim(), earlier: read.problems, keep: true });
  } catch (error) {
    showLibraryStatus(error.message, true);
  } finally {
    if (loading === controller) {
      loading = null;
      progress.hidden = true;
      cancelButton.hidden = true;
    }
  }
}
cancelButton.addEventListener('click', () => loading?.abort());

// Forgets the documents the reader added (here and in storage): the engine starts again with the
// opening corpus alone.
document.getElementById('forget-added').addEventListener('click', async () => {
  try {
    await ready;
    await (await storePromise).clear();
    client.terminate();
    showLibraryStatus('Forgetting the documents you added…');
    const problems = await startEngine();
    await refreshLibrary(problems);
    explorer.showCurrent();
  } catch (error) {
    showLibraryStatus(error.message, true);
  }
});

bindLibraryInput({
  add: addFiles,
  async addPasted(text, name) {
    try {
      await ready;
      await addDocuments([pastedDocument(text, name)], { keep: true });
    } catch (error) {
      showLibraryStatus(error.message, true);
    }
  },
});

// Scripting API for tests and same-origin embedders; documented in the README.
window.textx = {
  // Resolves once the opening corpus is indexed; rejects with a message if it could not be loaded.
  ready,
  // The concordance of `query` in the wire format (docs/wire-format.md), the same JSON as
  // `textx concord --json`. options: {context, offset, limit}. Rejects with the core's message on bad queries.
  async concordance(query, options = {}) {
    await ready;
    return client.request('concordance', { request: { query, ...options } });
  },
  // One document's text and paragraph spans (UTF-16), as corpus.documentText answers (docs/wire-format.md).
  async documentText(doc) {
    await ready;
    const reading = await client.request('reader', { doc, query: '' });
    const { hits: _, error: __, ...text } = reading;
    return text;
  },
  // Summaries of the loaded documents.
  async documents() {
    await ready;
    return client.request('documents');
  },
};
