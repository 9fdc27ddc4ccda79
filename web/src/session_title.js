// The title a saved session carries (its <title>: the browser's tab, window list, bookmarks and history
// name it so): the corpus, its size and the view saved, e.g.
//   "textx — Independence in DPRK foreign-policy texts — 2 documents — concordance: independence".
import { stateFromHash } from './url_state.js';

const kViewNames = {
  concordance: 'concordance', reader: 'reader', frequency: 'frequency', ngrams: 'n-grams', collocates: 'collocates',
  dispersion: 'dispersion', trend: 'trend', keyness: 'keyness', diff: 'diff', reuse: 'reuse',
};

// name: the corpus's name ('' for none); documents: how many the session holds; hash: the view's fragment.
export function sessionTitle({ name, documents, hash }) {
  const state = stateFromHash(hash);
  return ['textx', (name || '').trim(), `${documents} ${documents === 1 ? 'document' : 'documents'}`, viewText(state)].filter(Boolean).join(' — ');
}

// The view and what it shows: its query, document or selection, as far as the view uses them.
function viewText(state) {
  const view = kViewNames[state.view];
  const what = {
    concordance: state.q, collocates: state.q, dispersion: state.q, trend: state.q,
    reader: [state.doc, state.q].filter(Boolean).join(', '),
    ngrams: state.with && state.q ? `${state.size} words holding ${state.q}` : `${state.size} words`,
    keyness: state.target,
    diff: state.a && state.b ? `${state.a} and ${state.b}` : '',
    reuse: state.para && state.doc ? `${state.doc}, paragraph ${state.para}` : '',
  }[state.view];
  return what ? `${view}: ${what}` : view;
}

// `html` (a single-file page) with `title` as the text of its <title> element, the first in the page (in
// its head, before any script). The text is escaped for HTML: a corpus or query holding "</title>" or "&"
// stays text. Returns null for a page without a title.
export function withTitle(html, title) {
  const start = html.indexOf('<title>');
  const end = start < 0 ? -1 : html.indexOf('</title>', start);
  if (end < 0) return null;
  const text = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `${html.slice(0, start)}<title>${text}${html.slice(end)}`;
}
