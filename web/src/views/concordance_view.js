// The concordance (KWIC) view: a search form, a status line with the exact total, and one table row per hit
// with left context, match, right context and document. bind() wires the form; render*() draw results.
// Rows are in the tab order: a click or Enter on one calls onOpen(hit), which opens it in the reader.
import { element } from './element.js';

export const kMaxRowsShown = 1000;

export class ConcordanceView {
  constructor(root) {
    this.form_ = root.querySelector('#search-form');
    this.input_ = root.querySelector('#query');
    this.sort_ = root.querySelector('#sort');
    this.status_ = root.querySelector('#search-status');
    this.rows_ = root.querySelector('#kwic-rows');
    this.table_ = root.querySelector('#kwic');
    this.onOpen = () => {};
  }

  // Calls onSearch(query, sort) when the reader submits a non-empty query or changes the order; sort is a
  // comma-separated list of sort keys ('' for text order).
  bind(onSearch) {
    const submit = () => {
      const query = this.input_.value.trim();
      if (query) onSearch(query, this.sort_.value);
    };
    this.form_.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    this.sort_.addEventListener('change', submit);
  }

  setQuery(query, sort) {
    this.input_.value = query;
    this.sort_.value = sort;
  }

  focus() {
    this.input_.focus();
  }

  renderMessage(text) {
    this.status_.textContent = text;
    this.status_.classList.remove('error');
  }

  renderError(error) {
    this.status_.textContent = error.message;
    this.status_.classList.add('error');
    this.rows_.replaceChildren();
    this.table_.hidden = true;
  }

  // result: the wire-format concordance {query, total, hits}; documents maps document names to
  // {label, description}: a short label for the cell and a full description for its tooltip.
  render(result, documents) {
    const shown = result.hits.slice(0, kMaxRowsShown);
    const count = `${result.total.toLocaleString('en')} ${result.total === 1 ? 'hit' : 'hits'}`;
    const documentCount = new Set(result.hits.map((hit) => hit.doc)).size;
    let text = `${count} for “${result.query}”`;
    if (result.total > 0 && shown.length === result.total) text += ` in ${documentCount} ${documentCount === 1 ? 'document' : 'documents'}`;
    if (shown.length < result.total) text += ` (showing the first ${shown.length.toLocaleString('en')})`;
    this.renderMessage(text);
    this.rows_.replaceChildren(...shown.map((hit) => this.row_(hit, documents)));
    // The match column is as wide as the longest match shown, within bounds, so phrases are not clipped.
    const longest = shown.reduce((most, hit) => Math.max(most, hit.match.length), 4);
    this.table_.style.setProperty('--match-chars', String(Math.min(longest, 40)));
    this.table_.hidden = shown.length === 0;
  }

  row_(hit, documents) {
    const { label, description } = documents.get(hit.doc) || { label: hit.doc, description: hit.doc };
    const row = element('tr', { tabIndex: 0, className: 'kwic-row', title: `Read this in ${description}` }, [
      element('td', { className: 'kwic-left' }, [element('div', { className: 'clip-start', textContent: hit.left })]),
      element('td', { className: 'kwic-match' }, [element('mark', { textContent: hit.match })]),
      element('td', { className: 'kwic-right' }, [element('span', { textContent: hit.right })]),
      element('td', { className: 'kwic-doc', textContent: label, title: description }),
    ]);
    row.addEventListener('click', () => this.onOpen(hit));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.onOpen(hit);
    });
    return row;
  }
}
