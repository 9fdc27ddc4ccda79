// A statistics table: a status line with the exact totals, sortable column headers, one page of rows at a
// time with "Show more", words that run a concordance when clicked, and CSV/JSON export. Rows come from the
// worker a page at a time (see the worker's `table` action); nothing here holds more than what is shown.
import { formatCount } from '../format.js';
import { element } from './element.js';
import { downloadCsv, downloadJson } from './export.js';

export const kPageRows = 100;

export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  return formatCount(value, digits);
}

export class TableView {
  // columns: [{key, label, digits?, word?: true}]; word columns are buttons calling onWord(text).
  // onOrder(order) is called when the reader sorts by a header: "key" ascending, "-key" descending, '' the
  // core's order.
  constructor(container, { name, columns, onWord, onOrder }) {
    this.name_ = name;
    this.columns_ = columns;
    this.onWord_ = onWord;
    this.onOrder_ = onOrder;
    this.status_ = element('p', { className: 'status', role: 'status' });
    this.status_.setAttribute('aria-live', 'polite');
    this.head_ = element('tr');
    this.body_ = element('tbody');
    this.table_ = element('table', { className: 'stats-table', hidden: true }, [element('thead', {}, [this.head_]), this.body_]);
    this.more_ = element('button', { type: 'button', className: 'more', hidden: true, textContent: 'Show more' });
    this.more_.addEventListener('click', () => this.more_page_());
    const csv = element('button', { type: 'button', textContent: 'CSV' });
    const json = element('button', { type: 'button', textContent: 'JSON' });
    csv.addEventListener('click', () => this.export_('csv'));
    json.addEventListener('click', () => this.export_('json'));
    this.exports_ = element('div', { className: 'exports', hidden: true }, [element('span', { textContent: 'Save table as' }), csv, json]);
    container.replaceChildren(this.status_, this.exports_, element('div', { className: 'table-scroll' }, [this.table_]), this.more_);
    this.run_ = 0;
  }

  message(text, isError = false) {
    ++this.run_;
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
    this.table_.hidden = true;
    this.more_.hidden = true;
    this.exports_.hidden = true;
  }

  // fetchPage(offset, limit, sort) resolves to the worker's table answer; summary(answer) is the status line;
  // coreOrder names the column the core's own order follows (largest first), shown as sorted when `order` is ''.
  async show({ fetchPage, summary, order, fileName, coreOrder = '' }) {
    const run = ++this.run_;
    this.fetch_ = fetchPage;
    this.sort_ = order ? { column: order.replace(/^-/, ''), descending: order.startsWith('-') } : null;
    this.fileName_ = fileName;
    this.status_.classList.remove('error');
    this.status_.textContent = 'Counting…';
    try {
      const first = await fetchPage(0, kPageRows, this.sort_);
      if (run !== this.run_) return;
      this.status_.textContent = summary(first);
      this.renderHead_(order || (coreOrder && `-${coreOrder}`));
      this.body_.replaceChildren(...first.rows.map((row) => this.row_(row)));
      this.shown_ = first.rows.length;
      this.count_ = first.row_count;
      this.table_.hidden = first.row_count === 0;
      this.exports_.hidden = first.row_count === 0;
      this.updateMore_();
    } catch (error) {
      if (run === this.run_) this.message(error.message, true);
    }
  }

  renderHead_(order) {
    this.head_.replaceChildren(...this.columns_.map((column) => {
      const sorted = order === column.key ? 'ascending' : order === `-${column.key}` ? 'descending' : 'none';
      const button = element('button', { type: 'button', textContent: column.label, className: 'sort-button' });
      // Numbers sort largest first on the first click, words alphabetically.
      const next = sorted === 'none' ? (column.word ? column.key : `-${column.key}`) : sorted === 'descending' ? column.key : `-${column.key}`;
      button.addEventListener('click', () => this.onOrder_(next));
      const th = element('th', { scope: 'col', className: column.word ? 'word' : 'number' }, [button]);
      th.setAttribute('aria-sort', sorted);
      return th;
    }));
  }

  row_(row) {
    return element('tr', {}, this.columns_.map((column) => {
      if (column.word) {
        const button = element('button', { type: 'button', className: 'word-link', textContent: row[column.key] });
        button.title = `Concordance of “${row[column.key]}”`;
        button.addEventListener('click', () => this.onWord_(row[column.key]));
        return element('td', { className: 'word' }, [button]);
      }
      return element('td', { className: 'number', textContent: formatNumber(row[column.key], column.digits) });
    }));
  }

  updateMore_() {
    const left = this.count_ - this.shown_;
    this.more_.hidden = left <= 0;
    this.more_.textContent = `Show ${formatCount(Math.min(left, kPageRows))} more (${formatCount(left)} not shown)`;
  }

  async more_page_() {
    const run = this.run_;
    const page = await this.fetch_(this.shown_, kPageRows, this.sort_);
    if (run !== this.run_) return;
    this.body_.append(...page.rows.map((row) => this.row_(row)));
    this.shown_ += page.rows.length;
    this.updateMore_();
  }

  // Every row (not only those shown), in the order shown.
  async export_(format) {
    const all = await this.fetch_(0, null, this.sort_);
    const { row_count: _, ...value } = all;
    if (format === 'csv') downloadCsv(this.columns_, all.rows, this.fileName_);
    else downloadJson(value, this.fileName_);
  }
}
