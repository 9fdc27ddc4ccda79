// The views and the state that links them: the URL fragment (url_state.js) says which view shows what;
// every control writes the fragment, and every change of the fragment (a link, back/forward, a reload)
// shows the view it names. Computation happens in the worker; views render its answers.
import { kRowsPerAnswer } from './limits.js';
import { hashFromState, stateFromHash } from './url_state.js';
import { ConcordanceView, kPageRows } from './views/concordance_view.js';
import { DiffView } from './views/diff_view.js';
import { DispersionView } from './views/dispersion_view.js';
import { element } from './views/element.js';
import { ReaderView } from './views/reader_view.js';
import { ReuseView } from './views/reuse_view.js';
import { TableView, formatNumber } from './views/table_view.js';
import { ViewTabs } from './views/tabs.js';
import { TrendView } from './views/trend_view.js';

// Views that show nothing without a query.
const kNeedsQuery = new Set(['concordance', 'collocates', 'dispersion', 'trend']);
const plural = (n, one, many) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const fileSafe = (text) => text.replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 60);

// The doc: filter selecting the document `name`. The filter syntax has no escape for a quote, so a quote
// becomes `?` (any one character); `*` and `?` in a name are wildcards too, so such a filter may select
// a few more documents with names of the same shape.
export const docFilter = (name) => `doc:"${name.replace(/"/g, '?')}"`;

// Table columns per view; `word` columns are links to the concordance.
const kColumns = {
  frequency: [
    { key: 'word', label: 'Word', word: true },
    { key: 'frequency', label: 'Frequency' },
    { key: 'per_million', label: 'Per million', digits: 1 },
    { key: 'range', label: 'Documents' },
  ],
  ngrams: [
    { key: 'ngram', label: 'N-gram', word: true },
    { key: 'frequency', label: 'Frequency' },
    { key: 'per_million', label: 'Per million', digits: 1 },
    { key: 'range', label: 'Documents' },
  ],
  collocates: [
    { key: 'word', label: 'Collocate', word: true },
    { key: 'observed', label: 'Together' },
    { key: 'left', label: 'Before' },
    { key: 'right', label: 'After' },
    { key: 'frequency', label: 'Frequency' },
    { key: 'expected', label: 'Expected', digits: 2 },
    { key: 'log_dice', label: 'logDice', digits: 2 },
    { key: 'log_likelihood', label: 'Log-likelihood', digits: 2 },
    { key: 'mi', label: 'MI', digits: 2 },
    { key: 't_score', label: 't-score', digits: 2 },
  ],
  keyness: [
    { key: 'word', label: 'Keyword', word: true },
    { key: 'target_frequency', label: 'Target' },
    { key: 'reference_frequency', label: 'Reference' },
    { key: 'target_per_million', label: 'Target per million', digits: 1 },
    { key: 'reference_per_million', label: 'Reference per million', digits: 1 },
    { key: 'log_likelihood', label: 'Log-likelihood', digits: 2 },
    { key: 'log_ratio', label: 'Log ratio', digits: 2 },
  ],
};
const kMeasureColumns = { logdice: 'log_dice', ll: 'log_likelihood', mi: 'mi', t: 't_score' };
const kMeasureNames = { logdice: 'logDice', ll: 'log-likelihood', mi: 'mutual information', t: 't-score' };

// The core's request for a table view from the page state.
function tableRequest(view, state) {
  const common = {};
  if (state.min !== '') common.min = Number(state.min);
  if (state.stop) common.stop_words = true;
  if (view === 'ngrams') return { ...common, size: Number(state.size), ...(state.with && state.q ? { query: state.q } : {}) };
  if (view === 'collocates') return { ...common, query: state.q, left: Number(state.left), right: Number(state.right), measure: state.measure };
  if (view === 'keyness') return { ...common, target: state.target, ...(state.reference ? { reference: state.reference } : {}) };
  return common;
}

function tableSummary(view, state, answer) {
  if (view === 'frequency') return `${plural(answer.types, 'different word', 'different words')} among ${plural(answer.tokens, 'word', 'words')} in all.`;
  if (view === 'ngrams') {
    const holding = answer.query ? ` holding “${answer.query}”` : '';
    return `${plural(answer.total, `different ${state.size}-word sequence`, `different ${state.size}-word sequences`)}${holding} among ${plural(answer.tokens, 'word', 'words')}.`;
  }
  if (view === 'collocates') {
    return `${plural(answer.total, 'collocate', 'collocates')} of “${answer.query}” (${plural(answer.node_frequency, 'hit', 'hits')}; ` +
      `${answer.window.left} words before, ${answer.window.right} after), ranked by ${kMeasureNames[answer.measure] || answer.measure}.`;
  }
  const reference = answer.reference.selection === null ? 'the rest of the corpus' : answer.reference.selection;
  return `${plural(answer.total, 'keyword', 'keywords')} of ${answer.target.selection} (${plural(answer.target.documents, 'document', 'documents')}, ` +
    `${plural(answer.target.tokens, 'word', 'words')}) against ${reference} (${plural(answer.reference.documents, 'document', 'documents')}, ` +
    `${plural(answer.reference.tokens, 'word', 'words')}).`;
}

// request(action, args) asks the worker; labels maps document names to {label, description}; ready resolves
// once the corpus is loaded. Until then the controls work and a query waits for it.
export function startExplorer({ request, labels, ready }) {
  const tabs = new ViewTabs(document.getElementById('view-tabs'));
  const concordance = new ConcordanceView(document);
  const reader = new ReaderView(document.getElementById('reader'));
  const dispersion = new DispersionView(document.getElementById('dispersion'));
  const trend = new TrendView(document.getElementById('trend'));
  const diff = new DiffView(document.getElementById('diff'));
  const reuse = new ReuseView(document.getElementById('reuse'));
  const sortChoice = document.getElementById('sort-choice');
  const keynessDoc = document.getElementById('keyness-target-doc');
  let documents = [];
  let state = stateFromHash(location.hash);
  let latest = 0;  // answers to older requests are dropped
  let concordanceRunning = Promise.resolve();
  let isReady = false;
  ready.then(() => {
    isReady = true;
  }, () => {});

  // Moves to a new state: the fragment changes, and hashchange shows it (or it is shown now if unchanged).
  function go(changes) {
    if (history.state?.typing) history.replaceState(null, '');  // the query typed so far is kept as it is
    const next = { ...state, ...changes };
    if (next.view !== 'reader') next.at = '';
    const hash = hashFromState(next);
    if (location.hash === hash) show(next);
    else location.hash = hash;
  }
  const openConcordance = (word) => go({ view: 'concordance', q: word });
  const readerHash = (doc, at) => hashFromState({ ...state, view: 'reader', doc, at: String(at) });

  const tables = {};
  for (const view of Object.keys(kColumns)) {
    tables[view] = new TableView(document.getElementById(`${view}-table`), {
      name: view,
      columns: kColumns[view],
      onWord: openConcordance,
      onOrder: (order) => go({ order }),
    });
  }

  // Controls write the state; the option forms hold fields named as the state's options.
  // The Reuse tab, from another view, shows the whole corpus' shared passages, not a paragraph's.
  tabs.onSelect = (view) => go({ view, order: view === state.view ? state.order : '', para: view === 'reuse' && state.view !== 'reuse' ? '' : state.para });
  // The search form runs the query in the view shown.
  concordance.bind((query, sort) => go({ q: query, sort }), typed);
  concordance.onOpen = (hit) => go({ view: 'reader', doc: hit.doc, at: String(hit.start_utf16) });
  reader.bind((doc) => go({ doc, at: '' }), (doc, paragraph) => go({ view: 'reuse', doc, para: String(paragraph + 1) }));
  diff.bind((a, b) => go({ a, b }));
  for (const options of document.querySelectorAll('form.view-options')) {
    const read = (field) => (field.type === 'checkbox' ? (field.checked ? '1' : '') : field.value.trim());
    options.addEventListener('change', (event) => {
      if (event.target.name) go({ [event.target.name]: read(event.target) });
    });
    options.addEventListener('submit', (event) => {
      event.preventDefault();
      const changes = {};
      for (const field of options.elements) if (field.name) changes[field.name] = read(field);
      go(changes);
    });
  }
  keynessDoc.addEventListener('change', () => {
    if (keynessDoc.value) go({ target: docFilter(keynessDoc.value) });
  });

  // Typing in the concordance shows its answer at once. The address follows with one history entry per
  // query typed, not per keystroke: the first keystroke adds an entry, the next ones replace it, until
  // Enter or any other move (go) keeps it.
  function typed(query) {
    if (state.view !== 'concordance' || query === state.q) return;
    const next = { ...state, q: query };
    const hash = hashFromState(next);
    if (history.state?.typing) history.replaceState({ typing: true }, '', hash);
    else history.pushState({ typing: true }, '', hash);
    show(next);
  }

  // Puts the state's values in the controls.
  function fillControls() {
    concordance.setQuery(state.q, state.sort);
    sortChoice.hidden = state.view !== 'concordance';
    for (const options of document.querySelectorAll('form.view-options')) {
      for (const field of options.elements) {
        if (!field.name) continue;
        if (field.type === 'checkbox') field.checked = state[field.name] === '1';
        else field.value = state[field.name];
      }
    }
    const picked = documents.find((doc) => state.target === docFilter(doc.name));
    keynessDoc.value = picked ? picked.name : '';
  }

  async function show(next) {
    state = next;
    const run = ++latest;
    const current = () => run === latest;
    tabs.select(state.view);
    fillControls();
    const view = state.view;
    if (kNeedsQuery.has(view) && !state.q) {
      const prompt = 'Type a word or phrase and press Enter';
      if (view === 'concordance') concordance.clear(`${prompt} to see every occurrence in context.`);
      else if (view === 'collocates') tables.collocates.message(`${prompt} to see the words found near it.`);
      else if (view === 'dispersion') dispersion.message(`${prompt} to see where it occurs in each document.`);
      else trend.message(`${prompt} to see how often it occurs over time.`);
      return;
    }
    if (!isReady && view === 'concordance') concordance.renderMessage(`Searching for “${state.q}” as soon as the documents are loaded…`);
    try {
      await ready;  // an engine that cannot start fails every view with its message, below
      if (!current()) return;
      if (view === 'concordance') {
        // One query at a time: while one runs, a typist's newer keystrokes wait and only the last is sent.
        await concordanceRunning;
        if (!current()) return;
        const searching = setTimeout(() => current() && concordance.renderMessage(`Searching for “${state.q}”…`), 100);
        const base = { query: state.q, ...(state.sort ? { sort: state.sort.split(',') } : {}) };
        const fetchPage = (offset, limit) => request('concordance', { request: { ...base, offset, limit } });
        const first = fetchPage(0, kPageRows);
        concordanceRunning = first.catch(() => {});
        const result = await first.finally(() => clearTimeout(searching));
        if (current()) {
          concordance.render(result, labels, {
            fetchPage: (offset, limit) => fetchPage(offset, limit).then((answer) => answer.hits),
            fetchAll: () => allRows(fetchPage),
            fileName: `concordance-${fileSafe(state.q)}`,
          });
        }
      } else if (view === 'reader') {
        const doc = state.doc || documents[0]?.name;
        if (doc === undefined) return reader.message('There are no documents to read.');
        reader.message('Opening…');
        const reading = await request('reader', { doc, query: state.q });
        if (current()) reader.render(reading, state.q, state.at);
      } else if (view === 'dispersion') {
        dispersion.message(`Looking for “${state.q}”…`);
        const result = await request('dispersion', { request: { query: state.q } });
        if (current()) dispersion.render(result, labels, (doc, at) => readerHash(doc, at));
      } else if (view === 'trend') {
        trend.message(`Counting “${state.q}”…`);
        const result = await request('trend', { request: { query: state.q, by: state.by } });
        if (current()) trend.render(result);
      } else if (view === 'diff') {
        const a = state.a || documents[0]?.name;
        const b = state.b || documents[1]?.name || a;
        if (a === undefined) return diff.message('There are no documents to compare.');
        diff.choose(a, b);
        diff.message('Comparing…');
        const result = await request('diff', { request: { a, b } });
        if (current()) diff.render(result);
      } else if (view === 'reuse') {
        const reuseRequest = state.words === '' ? {} : { min_words: Number(state.words) };
        if (state.para !== '' && state.doc) Object.assign(reuseRequest, { doc: state.doc, paragraph: Number(state.para) - 1 });
        reuse.message('Looking for shared passages…');
        const result = await request('reuse', { request: reuseRequest });
        if (current()) reuse.render(result, labels, (doc, at) => readerHash(doc, at));
      } else if (view === 'keyness' && !state.target) {
        tables.keyness.message('Pick a document as the target, or write a selection such as date:2000..2023 or doc:1980*, to find the words it uses more than the rest.');
      } else {
        const tableRequestNow = tableRequest(view, state);
        const name = { frequency: 'frequency', ngrams: `ngrams-${state.size}`, collocates: `collocates-${fileSafe(state.q)}`, keyness: `keyness-${fileSafe(state.target)}` }[view];
        await tables[view].show({
          fetchPage: (offset, limit, sort) => request('table', { kind: view, request: tableRequestNow, sort, offset, limit }),
          summary: (answer) => tableSummary(view, state, answer),
          order: state.order,
          fileName: name,
          coreOrder: { frequency: 'frequency', ngrams: 'frequency', keyness: 'log_likelihood', collocates: kMeasureColumns[state.measure] }[view],
        });
      }
    } catch (error) {
      if (!current()) return;
      const views = { concordance, reader, dispersion, trend, diff, reuse };
      if (view === 'concordance') concordance.renderError(error);
      else (views[view] || tables[view]).message(error.message, true);
    }
  }

  window.addEventListener('hashchange', () => show(stateFromHash(location.hash)));
  // A query typed before the page's script ran (the search box is drawn while the browser still reads the
  // rest of the page) is taken as typed now.
  const typedEarly = document.getElementById('query').value.trim();
  if (typedEarly) typed(typedEarly);

  return {
    // Shows the state in the URL now (at start, and when the corpus changed).
    showCurrent: () => show(stateFromHash(location.hash)),
    // The documents' list changed: the reader and keyness pickers follow it.
    setDocuments(all) {
      documents = all;
      reader.setDocuments(all, labels);
      diff.setDocuments(all, labels);
      keynessDoc.replaceChildren(element('option', { value: '', textContent: '— a document —' }),
        ...all.map((doc) => element('option', { value: doc.name, textContent: labels.get(doc.name)?.description || doc.name })));
      fillControls();
    },
  };
}

// Every row of a concordance, for an export: the engine gives at most kRowsPerAnswer rows per answer, so a
// larger one is asked for in parts and put together as one answer (as `textx concord --json` writes it).
async function allRows(fetchPage) {
  const whole = await fetchPage(0, kRowsPerAnswer);
  while (whole.hits.length < whole.total) {
    const part = await fetchPage(whole.hits.length, kRowsPerAnswer);
    if (!part.hits.length) break;  // the corpus changed underneath; what was fetched is what there is
    for (const hit of part.hits) whole.hits.push(hit);
  }
  return whole;
}
