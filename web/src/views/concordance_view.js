// The concordance (KWIC) view: a search form, a status line with the exact total, and a table of every hit
// with left context, match, right context and document, drawn a screenful at a time (virtual_rows.js) so
// that 100,000 rows scroll smoothly. bind() wires the form; render*() draw results. A click or Enter on a
// row calls onOpen(hit), which opens it in the reader; CSV and JSON save every row in the order shown.
import { formatCount } from '../format.js';
import { element } from './element.js';
import { downloadCsv, downloadJson } from './export.js';
import { VirtualRows, kPageRows } from './virtual_rows.js';

export { kPageRows };

// The columns of `textx concord --csv`.
const kCsvColumns = ['doc', 'paragraph', 'start', 'end', 'left', 'match', 'right'].map((key) => ({ key, label: key }));

export class ConcordanceView {
  constructor(root) {
    this.form_ = root.querySelector('#search-form');
    this.input_ = root.querySelector('#query');
    this.sort_ = root.querySelector('#sort');
    this.status_ = root.querySelector('#search-status');
    this.scroller_ = root.querySelector('#kwic-scroll');
    this.table_ = root.querySelector('#kwic');
    this.exports_ = root.querySelector('#kwic-exports');
    this.onOpen = () => {};
    this.documents_ = new Map();
    this.rows_ = new VirtualRows({
      scroller: this.scroller_,
      table: this.table_,
      body: root.querySelector('#kwic-rows'),
      makeRow: () => this.makeRow_(),
      fillRow: (row, hit) => this.fillRow_(row, hit),
      onOpen: (hit) => this.onOpen(hit),
    });
    this.rows_.onError = (error) => this.renderError(error);
    root.querySelector('#kwic-csv').addEventListener('click', () => this.export_('csv'));
    root.querySelector('#kwic-json').addEventListener('click', () => this.export_('json'));
  }

  // Calls onSearch(query, sort) when the reader submits a non-empty query or changes the order; sort is a
  // comma-separated list of sort keys ('' for text order). Calls onType(query) as the reader types (the
  // query trimmed, possibly empty); not while an input method is still composing a character.
  bind(onSearch, onType = () => {}) {
    const submit = () => {
      const query = this.input_.value.trim();
      if (query) onSearch(query, this.sort_.value);
    };
    this.form_.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    this.sort_.addEventListener('change', submit);
    this.input_.addEventListener('input', (event) => {
      if (!event.isComposing) onType(this.input_.value.trim());
    });
    this.input_.addEventListener('compositionend', () => onType(this.input_.value.trim()));
  }

  setQuery(query, sort) {
    if (this.input_.value.trim() !== query) this.input_.value = query;
    this.sort_.value = sort;
  }

  focus() {
    this.input_.focus();
  }

  renderMessage(text) {
    this.status_.textContent = text;
    this.status_.classList.remove('error');
  }

  // A message in place of any rows shown.
  clear(text) {
    this.renderMessage(text);
    this.hideRows_();
  }

  renderError(error) {
    this.status_.textContent = error.message;
    this.status_.classList.add('error');
    this.hideRows_();
  }

  hideRows_() {
    this.scroller_.hidden = true;
    this.exports_.hidden = true;
    this.source_ = null;
  }

  // result: the wire-format concordance {query, total, hits} for the first rows; documents maps document
  // names to {label, description}: a short label for the cell and a full description for its tooltip.
  // source: {fetchPage(offset, limit) → hits, fetchAll() → the whole answer, fileName}.
  render(result, documents, source) {
    this.documents_ = documents;
    this.source_ = source;
    const count = `${formatCount(result.total)} ${result.total === 1 ? 'hit' : 'hits'}`;
    let text = `${count} for “${result.query}”`;
    if (result.total > 0 && result.hits.length === result.total) {
      const documentCount = new Set(result.hits.map((hit) => hit.doc)).size;
      text += ` in ${documentCount} ${documentCount === 1 ? 'document' : 'documents'}`;
    }
    this.renderMessage(text);
    // The match column is as wide as the longest match in the first rows, within bounds, so phrases are not
    // clipped; it stays so while scrolling.
    const longest = result.hits.reduce((most, hit) => Math.max(most, hit.match.length), 5);
    this.table_.style.setProperty('--match-chars', String(Math.min(longest, 40)));
    this.scroller_.hidden = result.total === 0;
    this.exports_.hidden = result.total === 0;
    this.rows_.show(result.total, result.hits, source.fetchPage);
  }

  // Moves the keyboard focus to row `index` (from 0), scrolled into view.
  focusRow(index) {
    this.rows_.focusRow(index);
  }

  makeRow_() {
    const cell = (className, inner) => element('td', { className }, [inner]);
    return element('tr', { className: 'kwic-row' }, [
      cell('kwic-left', element('div', { className: 'cell clip-start' })),
      cell('kwic-match', element('div', { className: 'cell' }, [element('mark')])),
      cell('kwic-right', element('div', { className: 'cell' })),
      cell('kwic-doc', element('div', { className: 'cell' })),
    ]);
  }

  // Fills a row with `hit`, or shows it as loading (null).
  fillRow_(row, hit) {
    const [left, match, right, doc] = row.cells;
    if (!hit) {
      left.firstChild.textContent = '';
      match.firstChild.firstChild.textContent = '…';
      right.firstChild.textContent = '';
      doc.firstChild.textContent = '';
      row.title = '';
      doc.title = '';
      return;
    }
    const { label, description } = this.documents_.get(hit.doc) || { label: hit.doc, description: hit.doc };
    left.firstChild.textContent = hit.left;
    match.firstChild.firstChild.textContent = hit.match;
    right.firstChild.textContent = hit.right;
    doc.firstChild.textContent = label;
    row.title = `Read this in ${description}`;
    doc.title = description;
  }

  // Every row (not only those drawn), in the order shown, as `textx concord --csv` or `--json` gives them.
  async export_(format) {
    const source = this.source_;
    if (!source) return;
    const before = this.status_.textContent;
    this.renderMessage(`Preparing ${formatCount(this.rows_.total)} rows…`);
    try {
      const all = await source.fetchAll();
      if (source !== this.source_) return;
      this.renderMessage(before);
      if (format === 'csv') downloadCsv(kCsvColumns, all.hits, source.fileName);
      else downloadJson(all, source.fileName);
    } catch (error) {
      if (source === this.source_) this.renderError(error);
    }
  }
}
