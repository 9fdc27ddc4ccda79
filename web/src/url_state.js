// The page's state in the URL fragment, so a link or a bookmark reopens the same view and back/forward
// work: #view=collocates&q=independence&left=5&right=5&measure=logdice. Without `view` the view is the
// concordance, so the older links (#q=…&sort=…) open as before. Options at their defaults are left out.
export const kViews = ['concordance', 'reader', 'frequency', 'ngrams', 'collocates', 'dispersion', 'trend', 'keyness', 'diff', 'reuse'];

// Every option with its default; the views read them from the state, the controls write them.
export const kDefaults = {
  q: '',
  sort: '',       // concordance sort keys, comma-separated
  doc: '',        // reader: the document's name
  at: '',         // reader: UTF-16 offset of the hit to show
  order: '',      // tables: column and direction, "frequency" or "-frequency" (descending)
  min: '',        // tables: least frequency ('' for the core's default)
  stop: '',       // tables: '1' to leave out function words
  size: '3',      // n-grams
  with: '',       // n-grams: '1' for only those holding a match of the query
  left: '5',      // collocates window
  right: '5',
  measure: 'logdice',
  by: 'year',     // trend period
  target: '',     // keyness selections, in the query language's filter syntax
  reference: '',
  a: '',          // diff: the first document's name
  b: '',          // diff: the second document's name
  words: '',      // reuse: least shared words ('' for the core's default)
  para: '',       // reuse: paragraph of `doc` (from 1) whose passages are sought; '' for corpus-wide
};

export function stateFromHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = { view: kViews.includes(params.get('view')) ? params.get('view') : 'concordance' };
  for (const [name, fallback] of Object.entries(kDefaults)) state[name] = params.get(name) ?? fallback;
  return state;
}

export function hashFromState(state) {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'concordance') params.set('view', state.view);
  for (const [name, fallback] of Object.entries(kDefaults)) {
    const value = state[name] ?? fallback;
    if (name === 'q' ? value !== '' || !state.view || state.view === 'concordance' : value !== fallback) params.set(name, value);
  }
  return `#${params}`;
}
