// The explorer page: starts the analysis worker, loads the opening corpus, wires the views, keeps the
// query in the URL fragment, and exposes window.textx for tests and same-origin embedders and a postMessage
// API for embedders on other origins.
import './pristine_page.js';  // first: copies the page before anything changes it (saved sessions)
import { inlineCorpus, inlineOpeningCorpus, manifestCorpus, openingCorpus, pastedDocument, readFiles } from './corpus_source.js';
import { allowedOrigins, listenForEmbedder } from './embed_api.js';
import { formatCount } from './format.js';
import { bindLibraryInput } from './library_input.js';
import { MemoryStore, openLibraryStore } from './library_store.js';
import { documentFor, manifestOf, matchManifest, nameIndex, parseManifest } from './manifest.js';
import { sessionHtml } from './session.js';
import { mark, markWorkerMoments } from './startup_marks.js';
import { isSingleFile, startAnalysisWorker, takeEarlyWorker } from './start_worker.js';
import { startExplorer } from './explore.js';
import { embedAction, scriptingApi } from './scripting_api.js';
import { StopControl } from './stop_control.js';
import { renderDocumentList } from './views/document_list.js';
import { downloadHtml, downloadJson } from './views/export.js';
import { WorkerClient } from './worker_client.js';

mark('page-script');

// A saved session (session.js) opens with the corpus and view inside it, and keeps what the reader adds or
// edits in memory only: it never reads or writes the library this browser keeps for other pages.
const snapshot = inlineCorpus()?.snapshot ?? null;
if (snapshot && !location.hash && typeof snapshot.state === 'string') history.replaceState(null, '', snapshot.state);
const embedding = allowedOrigins(location.search);

let client = null;  // the analysis worker's client; replaced when the worker restarts
const storePromise = snapshot
  ? Promise.resolve(new MemoryStore('This is a saved session: documents you add or edit now are kept until the page is closed; save the session again to keep them.'))
  : openLibraryStore();
// Documents an embedder added through the API: kept for the visit (the embedder adds them again next time).
const transient = new MemoryStore();
let corpusTitle = '';       // the opening corpus's name
let openingEntries = new Map();  // name → the opening manifest's entry, for saving a manifest
const documentList = document.getElementById('document-list');
const corpusName = document.getElementById('corpus-name');
const libraryStatus = document.getElementById('library-status');
const documentLabels = new Map();  // name → {label, description} for concordance rows and plots

// Title, date and source from the reader's edits over those a document came with.
const withEdits = (edits) => (doc) => (edits.has(doc.info.name) ? { ...doc, info: { ...doc.info, ...edits.get(doc.info.name) } } : doc);

function showLibraryStatus(text, isError = false) {
  libraryStatus.textContent = text;
  libraryStatus.classList.toggle('error', isError);
}

// Adds documents in the worker, read in `encoding` ('' to detect), and redraws the library. Rejected files
// are named (with `earlier` problems met while reading them), the rest are kept; with `keep`, the accepted
// ones are also stored so that they survive a reload and a restart of the worker; with `visit`, they are
// kept in memory for the visit. Resolves to the worker's answer per document.
async function addDocuments(documents, { encoding = '', earlier = [], keep = false, visit = false } = {}) {
  const copies = keep || visit ? documents.map((doc) => ({ ...doc, readAs: doc.readAs ?? encoding, bytes: doc.bytes.slice(0) })) : [];
  const added = await client.request('addDocuments', { documents, encoding }, documents.map((doc) => doc.bytes));
  const accepted = copies.filter((_, i) => !added[i].error);
  if (visit) await transient.add(accepted);
  else if (keep) {
    const store = await storePromise;
    await store.add(accepted).catch((error) =>
      earlier.push({ message: `[store.failed] The new documents could not be stored for next time (${error.message}).` }));
  }
  const problems = earlier.map((problem) => problem.message).concat(added.filter((doc) => doc.error).map((doc) => doc.error.message));
  await refreshLibrary(problems);
  return added;
}

// Changes documents' titles, dates and sources in the worker and in storage, then redraws the library and
// the view (dates move documents in Trend and date: selections). edits: [{doc: name, title?, date?, source?}].
// Resolves to the worker's answer per edit.
async function editDocuments(edits, notice = '') {
  const results = await client.request('setDocumentInfo', { edits });
  const done = edits.filter((_, i) => !results[i].error);
  const problems = results.filter((result) => result.error).map((result) => result.error.message);
  await (await storePromise).setEdits(done).catch((error) =>
    problems.push(`[store.failed] The changes could not be stored for next time (${error.message}).`));
  await refreshLibrary(problems, notice, { noticeIsError: false });
  explorer.showCurrent();
  return results;
}

// Redraws the library from the worker's list, with `problems` after the summary.
async function refreshLibrary(problems = [], notice = '', { noticeIsError = true } = {}) {
  const all = await client.request('documents');
  for (const doc of all) {
    const title = doc.title || doc.name;
    documentLabels.set(doc.name, { label: doc.date || title, description: [doc.date, title, doc.name].filter((part, i, all) => part && all.indexOf(part) === i).join(' · ') });
  }
  renderDocumentList(documentList, all, { onEdit: editOne });
  explorer.setDocuments(all);
  const words = all.reduce((sum, doc) => sum + doc.tokens, 0);
  const summary = [notice, `${formatCount(all.length)} ${all.length === 1 ? 'document' : 'documents'}, ${formatCount(words)} words.`].filter(Boolean).join(' ');
  showLibraryStatus(problems.length ? `${summary} Not added: ${problems.join(' ')}` : summary, problems.length > 0 || (notice !== '' && noticeIsError));
}

// The document list's Edit form: one document's title, date and source.
async function editOne(name, fields) {
  const [result] = await editDocuments([{ doc: name, ...fields }], `Saved the details of ${fields.title || name}.`);
  if (result.error) throw new Error(result.error.message);
}

// Starts the analysis worker and loads into it the opening corpus and every stored document. Resolves to
// the problems met. A worker that crashes (a trap, memory exhausted) is started again the same way, so
// nothing the reader loaded is lost.
async function startEngine() {
  const { opening, complete } = startEngineParts();
  await opening;
  return (await complete).problems;
}

// startEngine in two parts: {opening, complete}. `opening` settles once the opening corpus is indexed: the
// views can answer from then on. `complete` resolves to {problems, changed} once the stored documents and
// the reader's edits are in too (changed: whether there were any). The opening corpus does not wait for the
// library's storage, which a new browser profile takes a while to create; the single file hands it to the
// worker in this very task (and the worker, started by boot.js, is usually still compiling the core).
function startEngineParts() {
  const early = takeEarlyWorker();
  const engine = new WorkerClient(early?.worker ?? startAnalysisWorker());
  client = engine;
  mark('worker-created');
  engine.onCrash = (error) => restartEngine(error);
  if (early?.failure) queueMicrotask(() => engine.failed(early.failure));
  const opening = (async () => {
    const corpus = inlineOpeningCorpus() ?? (await openingCorpus());
    corpusTitle = corpus.name;
    openingEntries = corpus.entries;
    corpusName.textContent = corpus.name;
    mark('opening-sent');
    await engine.request('addDocuments', { documents: corpus.documents }, corpus.documents.map((doc) => doc.bytes));
    mark('opening-indexed');
    return corpus;
  })();
  const complete = (async () => {
    const store = await storePromise;
    mark('store-opened');
    const edits = await store.edits().catch(() => new Map());
    const corpus = await opening;
    const openingEdits = corpus.documents.filter((doc) => edits.has(doc.info.name)).map((doc) => ({ doc: doc.info.name, ...edits.get(doc.info.name) }));
    if (openingEdits.length) await engine.request('setDocumentInfo', { edits: openingEdits });
    const stored = [...(await store.all()), ...(await transient.all())].map(withEdits(edits));
    const problems = [];
    if (stored.length) {
      const added = await engine.request('addDocuments', { documents: stored }, stored.map((doc) => doc.bytes));
      for (const doc of added) if (doc.error) problems.push(doc.error.message);
    }
    return { problems, changed: openingEdits.length > 0 || stored.length > 0 };
  })();
  complete.catch(() => {});  // its failure is the caller's to report, once it awaits it
  return { opening, complete };
}

// Starts the engine again after it crashed (`error`) or was stopped by the reader (no error). Resolves to
// null once it started again with every document, or to the Error saying it could not.
let restarting = null;
function restartEngine(error = null) {
  restarting ??= (async () => {
    const what = error ? error.message.replace(/^\[worker\.crashed\] /, '') : 'You stopped the analysis engine.';
    showLibraryStatus(`${what} Starting it again and loading the documents…`, true);
    try {
      const problems = await startEngine();
      await refreshLibrary(problems, `${what.replace(/\.$/, '')}; it was started again and your documents were loaded again.`);
      return null;
    } catch (failure) {
      const error = new Error(`The analysis engine stopped and could not be restarted: ${failure.message} Reload the page.`);
      showLibraryStatus(error.message, true);
      return error;
    } finally {
      restarting = null;
    }
  })();
  return restarting;
}

// Waits for `step` of the page's start; if the engine crashed meanwhile and is being started again, waits
// for that instead (which loads every document), so that a query typed early is answered by the new engine
// rather than failing with the old one. Resolves to whether `step` itself succeeded; fails with what went
// wrong, the restart's failure if there was one.
async function unlessRestarted(step) {
  try {
    await step;
    return true;
  } catch (error) {
    if (!restarting) throw error;
    const failure = await restarting;
    if (failure) throw failure;
    return false;
  }
}

// The engine starts before anything else on the page is set up. `queryable`: the opening corpus is indexed
// and listed, and the views answer (a query typed earlier runs then). `ready` (window.textx.ready): the
// documents kept in this browser and the reader's edits are in too.
showLibraryStatus('Loading the corpus…');
const firstEngine = startEngineParts();
const queryable = (async () => {
  if (await unlessRestarted(firstEngine.opening)) await refreshLibrary();
  mark('queryable');
})();
const ready = (async () => {
  const started = await unlessRestarted(firstEngine.complete);
  const { problems, changed } = started ? await firstEngine.complete : { problems: [], changed: false };
  await queryable;
  const store = await storePromise;
  const notice = [store.notice, embedding.problem].filter(Boolean).join(' ');
  // Drawn again only if there is more to show: a new profile has nothing stored, and its first answer is
  // being drawn about now.
  if (changed || problems.length || notice) await refreshLibrary(problems, notice, { noticeIsError: !snapshot || embedding.problem !== '' });
  if (changed) explorer.showCurrent();
  mark('ready');
})();
ready.then(() => client.request('startupMoments')).then(markWorkerMoments, () => {});
// The query box takes the focus in a page of its own; a framed page leaves the focus to the embedding page
// (Chromium refuses autofocus in a cross-origin frame, with a console error). Focusing lays the page out:
// done before the first frame, where the browser lays it out anyway, and not in this script, whose task
// the analysis worker's start waits for.
if (window.top === window) requestAnimationFrame(() => document.getElementById('query').focus());
if (snapshot) {
  const note = document.getElementById('session-note');
  const saved = new Date(snapshot.saved);
  note.textContent = `Saved session of ${Number.isNaN(saved.getTime()) ? 'an unknown date' : saved.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  note.hidden = false;
}
// A request running long can be stopped: the engine is ended (the request fails with a note saying so)
// and started again with every document.
const stopControl = new StopControl(document.getElementById('engine-busy'), document.getElementById('stop-work'), () => {
  client.terminate({ code: 'request.stopped', message: '[request.stopped] Stopped at your request; the documents are being loaded again.' });
  restartEngine();
});
// The views; refreshLibrary reaches them only after the first await above, once this has run.
const explorer = startExplorer({ request: (action, args) => stopControl.track(client.request(action, args)), labels: documentLabels, ready: queryable });

queryable.then(() => explorer.showCurrent(), (error) => showLibraryStatus(error.message, true));
ready.catch((error) => showLibraryStatus(error.message, true));

const progress = document.getElementById('library-progress');
const cancelButton = document.getElementById('cancel-load');
let loading = null;  // the AbortController of the load in progress

const isManifestName = (name) => /(^|\/)manifest\.json$/i.test(name);

// Reads and adds files, showing progress; the reader can cancel while files are being read. A manifest.json
// among them (a corpus folder's) is not a document: it gives the documents their titles, dates and sources.
async function addFiles(files, names) {
  const picked = Array.from(files, (file, i) => ({ file, name: names[i] || file.webkitRelativePath || file.name }));
  const manifests = picked.filter(({ name }) => isManifestName(name));
  if (manifests.length) {
    const others = picked.filter(({ name }) => !isManifestName(name));
    if (others.length) await addFiles(others.map(({ file }) => file), others.map(({ name }) => name));
    for (const { file, name } of manifests) await applyManifestFile(file, name, name.slice(0, name.lastIndexOf('/') + 1));
    return;
  }
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

// Forgets the documents the reader added and the edits (here and in storage): the engine starts again
// with the opening corpus alone.
document.getElementById('forget-added').addEventListener('click', async () => {
  try {
    await ready;
    await (await storePromise).clear();
    await transient.clear();
    client.terminate();
    showLibraryStatus('Forgetting the documents you added and your edits…');
    const problems = await startEngine();
    await refreshLibrary(problems);
    explorer.showCurrent();
  } catch (error) {
    showLibraryStatus(error.message, true);
  }
});

const plural = (n, one, many) => `${formatCount(n)} ${n === 1 ? one : many}`;

// Gives the loaded documents the titles, dates and sources of `manifest` (matched by file name, see
// manifest.js; `base`: the manifest's folder when it came with its documents), and says what it did.
async function applyManifest(manifest, fileName, base = '') {
  const names = (await client.request('documents')).map((doc) => doc.name);
  const { edits, unmatched } = matchManifest(manifest, names, base);
  const notes = [`Applied ${fileName} to ${plural(edits.length, 'document', 'documents')}.`];
  if (unmatched.length) {
    const shown = unmatched.slice(0, 5).join(', ') + (unmatched.length > 5 ? `, and ${unmatched.length - 5} more` : '');
    notes.push(`${plural(unmatched.length, 'entry names', 'entries name')} no loaded document: ${shown}.`);
  }
  await editDocuments(edits, notes.join(' '));
}

async function applyManifestFile(file, name = file.name, base = '') {
  try {
    await ready;
    await applyManifest(parseManifest(await file.text(), name), name, base);
  } catch (error) {
    showLibraryStatus(error.message, true);
  }
}

const manifestInput = document.getElementById('apply-manifest');
manifestInput.addEventListener('change', async () => {
  const [file] = manifestInput.files;
  manifestInput.value = '';
  if (file) await applyManifestFile(file);
});

// A hosted page can also open a manifest on its own site: the documents it names that are not loaded are
// fetched (relative to it, as with ?corpus=) and kept; every document it names gets its details.
async function openHostedManifest(address) {
  const url = new URL(address, location.href);
  if (url.origin !== location.origin) {
    throw Object.assign(new Error(`[manifest.fetch] ${url.href} is not on this site; the page only reads manifests from ${location.origin}.`), { code: 'manifest.fetch' });
  }
  const index = nameIndex((await client.request('documents')).map((doc) => doc.name));
  showLibraryStatus(`Reading ${url.pathname}…`);
  const corpus = await manifestCorpus(url, { skip: (file) => documentFor(file, index) !== undefined });
  if (corpus.documents.length) await addDocuments(corpus.documents, { keep: true });
  await applyManifest(corpus.manifest, url.pathname);
}

const manifestDialog = document.getElementById('manifest-dialog');
const openManifestButton = document.getElementById('open-manifest');
openManifestButton.hidden = isSingleFile() || !/^https?:$/.test(location.protocol);
openManifestButton.addEventListener('click', () => {
  manifestDialog.showModal();
  document.getElementById('manifest-url').focus();
});
document.getElementById('manifest-cancel').addEventListener('click', () => manifestDialog.close());
document.getElementById('manifest-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const address = document.getElementById('manifest-url').value.trim();
  if (!address) return;
  manifestDialog.close();
  try {
    await ready;
    await openHostedManifest(address);
  } catch (error) {
    showLibraryStatus(error.message, true);
  }
});

// The loaded documents' details as a manifest.json, the shape the CLI and a hosted page read.
document.getElementById('save-manifest').addEventListener('click', async () => {
  try {
    await ready;
    downloadJson(manifestOf(corpusTitle, await client.request('documents'), openingEntries), 'manifest');
  } catch (error) {
    showLibraryStatus(error.message, true);
  }
});

// Every document fed to the engine, as it was first read: [{info, bytes, readAs?}].
async function sessionDocuments() {
  const corpus = await openingCorpus();
  return [...corpus.documents, ...(await (await storePromise).all()), ...(await transient.all())];
}

// The session as one HTML file: the single-file page with these documents and this view inside (session.js).
async function saveSession() {
  await ready;
  const html = await sessionHtml({
    name: corpusTitle,
    documents: await sessionDocuments(),
    summaries: await client.request('documents'),
    state: location.hash,
  });
  const fileName = `${(corpusTitle || 'textx').replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 60)}-session-${new Date().toISOString().slice(0, 10)}`;
  downloadHtml(html, fileName);
  return fileName;
}
const saveSessionButton = document.getElementById('save-session');
saveSessionButton.addEventListener('click', async () => {
  saveSessionButton.disabled = true;
  try {
    const fileName = await saveSession();
    showLibraryStatus(`Saved the session as ${fileName}.html: open it anywhere to see these documents and this view.`);
  } catch (error) {
    showLibraryStatus(error.message, true);
  } finally {
    saveSessionButton.disabled = false;
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

// Scripting API for tests and same-origin embedders (window.textx), also reached by postMessage from the
// origins the page's address allows (embed_api.js); documented in the README and docs/wire-format.md.
window.textx = scriptingApi({
  ready,
  request: (action, args) => client.request(action, args),
  addDocuments: (documents) => addDocuments(documents, { visit: true }),
  editDocuments,
  corpusName: () => corpusTitle,
});
listenForEmbedder(embedding.origins, (action, message) => embedAction(window.textx, action, message));
