// Text reuse: passages two documents share, ranked as the core ranks them (weight, then similarity), each
// shown on both sides with the shared words marked (<mark> built from the runs' UTF-16 offsets) and a link
// to the reader at each side.
import { element } from './element.js';
import { downloadJson } from './export.js';

// The passage `stretch` ({text, start_utf16, …}) as text nodes and <mark>s for the runs `shared` on `side`.
export function markedPassage(stretch, shared, side) {
  const parts = [];
  let from = 0;
  const runs = shared.map((run) => run[side]).sort((x, y) => x.start_utf16 - y.start_utf16);
  for (const run of runs) {
    const s = Math.max(run.start_utf16 - stretch.start_utf16, from);
    const e = Math.min(run.end_utf16 - stretch.start_utf16, stretch.text.length);
    if (e <= s) continue;
    if (s > from) parts.push(stretch.text.slice(from, s));
    parts.push(element('mark', { textContent: stretch.text.slice(s, e) }));
    from = e;
  }
  if (from < stretch.text.length) parts.push(stretch.text.slice(from));
  return parts;
}

export class ReuseView {
  constructor(panel) {
    this.status_ = panel.querySelector('#reuse-status');
    this.list_ = panel.querySelector('#reuse-list');
    this.exports_ = panel.querySelector('#reuse-exports');
    panel.querySelector('#reuse-json').addEventListener('click', () => downloadJson(this.result_, this.fileName_));
  }

  message(text, isError = false) {
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
    this.list_.replaceChildren();
    this.exports_.hidden = true;
  }

  // result: the core's reuse answer; labels: name → {label, description}; readerHash(doc, at): the link to
  // the reader at a UTF-16 offset.
  render(result, labels, readerHash) {
    this.result_ = result;
    const query = result.query;
    this.fileName_ = (query ? `reuse-${query.doc}-${query.paragraph + 1}` : 'reuse').replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 100);
    const shown = result.matches.length;
    const of = query ? `repeating ${query.doc} ¶${query.paragraph + 1}` : 'shared by two documents';
    const more = result.total > shown ? ` (the first ${shown} shown)` : '';
    this.status_.classList.remove('error');
    this.status_.textContent = `${result.total} ${result.total === 1 ? 'passage' : 'passages'} ${of}, with at least ${result.options.min_words} shared words${more}.${result.truncated ? ' The search reached a bound: some passages may be missing.' : ''}`;
    const side = (match, name) => {
      const stretch = match[name];
      const where = `${labels.get(stretch.doc)?.label || stretch.doc} ¶${stretch.paragraph + 1}${stretch.paragraph_last !== stretch.paragraph ? `–${stretch.paragraph_last + 1}` : ''}`;
      return element('div', { className: `reuse-side reuse-${name}` }, [
        element('a', { href: readerHash(stretch.doc, stretch.start_utf16), textContent: where, title: `Read ${stretch.doc} here`, className: 'reuse-where' }),
        element('blockquote', {}, markedPassage(stretch, match.shared, name)),
      ]);
    };
    this.list_.replaceChildren(...result.matches.map((match) => element('li', { className: 'reuse-match' }, [
      element('p', { className: 'reuse-figures', textContent: `${match.shared_words} shared words (${match.exact_words} exact), similarity ${match.similarity.toFixed(2)}` }),
      element('div', { className: 'reuse-pair' }, [side(match, 'source'), side(match, 'target')]),
    ])));
    this.exports_.hidden = shown === 0;
  }
}
