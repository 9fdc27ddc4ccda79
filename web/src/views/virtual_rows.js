// A table body that draws only the rows in view: any number of rows (a concordance of "the" has 150,000)
// scroll at the cost of the ~50 drawn. Rows have one fixed height; two spacer row groups above and below the
// drawn rows give the scroller its full height. Rows come from fetchPage(offset, limit) a page at a time,
// one request in flight, the rows in view first, so a fast scroll never queues pages it has left behind.
// Keyboard: one row is in the tab order (roving tabindex); arrows, PageUp/PageDown, Home/End move it, Enter
// opens it. The table carries aria-rowcount and each row its aria-rowindex, so assistive technology knows
// the real size. Browsers cap an element's height (Chromium near 33 million pixels, Firefox near 18
// million): beyond kMaxScrollPixels the scroll position maps to rows proportionally.

export const kPageRows = 100;
// Rows drawn beyond each edge of the view. The drawn rows change only when the view comes within kMargin
// rows of their edge, then kOverscan rows either side are drawn again: each change of the table's rows
// repaints it (~2 ms here), so scrolling changes them every dozen rows or so rather than every row.
const kOverscan = 16;
const kMargin = 2;
const kMaxCachedPages = 60;       // 6,000 rows kept; the farthest pages are forgotten first
const kMaxScrollPixels = 8_000_000;

export class VirtualRows {
  // scroller: the element that scrolls (holding the table); table: its <table>, whose header row is row 1;
  // makeRow(): a new empty <tr>; fillRow(tr, item) fills it, fillRow(tr, null) shows it as loading;
  // onOpen(item, index) is called on a click or Enter on a loaded row.
  constructor({ scroller, table, body, makeRow, fillRow, onOpen }) {
    this.scroller_ = scroller;
    this.table_ = table;
    this.body_ = body;
    this.makeRow_ = makeRow;
    this.fillRow_ = fillRow;
    this.onOpen_ = onOpen;
    this.top_ = spacer(table, body, 'beforebegin');
    this.bottom_ = spacer(table, body, 'afterend');
    this.rows_ = new Map();  // index → drawn <tr>, in index order in the body
    this.pages_ = new Map(); // page number → items
    this.total_ = 0;
    this.run_ = 0;
    this.active_ = 0;        // the row in the tab order
    this.pinned_ = null;     // {scrollTop, y}: the exact position last scrolled to by keyboard
    this.rowHeight_ = 0;
    this.loading_ = null;    // the page being fetched
    this.range_ = null;      // {start, end} drawn, {first, last} in view
    this.drawn_ = null;      // {start, end} of the rows drawn
    this.onError = () => {};
    table.tabIndex = -1;     // holds the focus when the focused row scrolls out and is taken away
    scroller.addEventListener('scroll', () => this.draw_(), { passive: true });
    body.addEventListener('click', (event) => {
      const row = event.target.closest('tr');
      if (row) this.open_(Number(row.dataset.index));
    });
    table.addEventListener('keydown', (event) => this.key_(event));
    body.addEventListener('focusin', (event) => {
      const row = event.target.closest('tr');
      if (row) this.setActive_(Number(row.dataset.index));
    });
    // A new size (the window, or the panel shown again after another tab) draws the rows it now holds.
    new ResizeObserver(() => this.resized_()).observe(scroller);
  }

  get total() {
    return this.total_;
  }

  // Shows `total` rows, the first page already at hand; fetchPage(offset, limit) resolves to later ones.
  show(total, firstPage, fetchPage) {
    ++this.run_;
    this.total_ = total;
    this.fetch_ = fetchPage;
    this.pages_.clear();
    this.pages_.set(0, firstPage);
    this.loading_ = null;
    this.active_ = 0;
    this.pinned_ = null;
    for (const row of this.rows_.values()) row.remove();
    this.rows_.clear();
    this.drawn_ = null;
    this.table_.setAttribute('aria-rowcount', String(total + 1));
    this.scroller_.scrollTop = 0;
    this.rowHeight_ = 0;
    this.draw_();
  }

  // The item at `index` if its page is loaded.
  item(index) {
    return this.pages_.get(Math.floor(index / kPageRows))?.[index % kPageRows];
  }

  // Moves the tab-order row to `index`, scrolls it into view and focuses it.
  focusRow(index) {
    if (!this.total_) return;
    this.setActive_(Math.max(0, Math.min(this.total_ - 1, index)));
    this.scrollIntoView_(this.active_);
    this.rows_.get(this.active_)?.focus({ preventScroll: true });
  }

  // Scroll geometry: the header's height, the rows' height, the height in view below the header, the
  // virtual height of every row and the physical height the spacers give, and their ratio.
  geometry_() {
    const rowHeight = this.rowHeight_ || 32;
    const head = this.table_.tHead?.offsetHeight || 0;
    const view = Math.max(rowHeight, this.scroller_.clientHeight - head);
    const virtual = this.total_ * rowHeight;
    const physical = Math.min(virtual, kMaxScrollPixels);
    const ratio = physical > view ? (virtual - view) / (physical - view) : 1;
    return { rowHeight, view, virtual, physical, ratio };
  }

  // Draws the rows in view (plus kOverscan either side) for the current scroll position.
  draw_() {
    if (!this.fetch_) return;
    const { rowHeight, view, virtual, physical, ratio } = this.geometry_();
    const scrollTop = this.scroller_.scrollTop;
    let y = this.pinned_ && Math.abs(this.pinned_.scrollTop - scrollTop) < 1 ? this.pinned_.y : scrollTop * ratio;
    y = Math.max(0, Math.min(y, virtual - view));
    const first = Math.floor(y / rowHeight);
    const within = y - first * rowHeight;
    const last = Math.min(this.total_, first + Math.ceil((view + within) / rowHeight)) - 1;
    const drawn = this.drawn_;
    if (ratio === 1 && drawn && this.rowHeight_ && drawn.start <= Math.max(0, first - kMargin) && drawn.end >= Math.min(this.total_, last + 1 + kMargin)) {
      // The rows in view and a few more are drawn where they belong (rows keep their places when the
      // whole table fits the browser's heights): nothing to change.
      this.range_ = { ...drawn, first, last: Math.min(this.total_, first + Math.ceil(view / rowHeight)) - 1 };
      this.updateTabStop_();
      this.loadPages_();
      return;
    }
    // The spacer above places row `first` at `within` above the top of the view.
    const above = Math.max(0, Math.min(kOverscan, first, Math.floor((scrollTop - within) / rowHeight)));
    const start = first - above;
    const end = Math.min(this.total_, first + Math.ceil((view + within) / rowHeight) + kOverscan);
    const top = Math.max(0, scrollTop - within - above * rowHeight);
    this.top_.style.height = `${top}px`;
    this.bottom_.style.height = `${Math.max(0, physical - top - (end - start) * rowHeight)}px`;
    this.placeRows_(start, end);
    this.drawn_ = { start, end };
    this.range_ = { start, end, first, last: Math.min(this.total_, first + Math.ceil(view / rowHeight)) - 1 };
    if (!this.rowHeight_ && this.rows_.size) {
      // The height the style gives a row, measured once shown: then drawn at that height.
      this.rowHeight_ = this.rows_.values().next().value.getBoundingClientRect().height;
      this.drawn_ = null;
      if (this.rowHeight_) return this.draw_();
    }
    this.updateTabStop_();
    this.loadPages_();
  }

  // A new size may come with a new row height (the phone's smaller type): measured again, the row at the
  // top of the view stays there.
  resized_() {
    if (!this.fetch_ || !this.range_ || !this.rowHeight_) return this.draw_();
    const { first } = this.range_;
    const before = this.rowHeight_;
    this.rowHeight_ = 0;
    this.draw_();
    if (this.rowHeight_ && this.rowHeight_ !== before) {
      const { ratio } = this.geometry_();
      const y = first * this.rowHeight_;
      this.scroller_.scrollTop = y / ratio;
      this.pinned_ = { scrollTop: this.scroller_.scrollTop, y };
      this.drawn_ = null;
      this.draw_();
    }
  }

  // Keeps the drawn rows [start, end) in the body: rows still wanted stay where they are (so the focused
  // one keeps the focus), new ones are added before and after them, then the others go. A focused row that
  // goes hands the focus on first, to the active row when drawn (the keyboard moved there) or else to the
  // table: Chromium moves a scroller whose focused element is taken away.
  placeRows_(start, end) {
    const gone = [...this.rows_].filter(([index]) => index < start || index >= end);
    for (const [index] of gone) this.rows_.delete(index);
    const kept = [...this.rows_.keys()];
    const low = kept.length ? Math.min(...kept) : end;
    const high = kept.length ? Math.max(...kept) + 1 : end;
    const before = [];
    for (let i = start; i < Math.min(low, end); ++i) before.push(this.newRow_(i));
    const after = [];
    for (let i = Math.max(high, start); i < end; ++i) after.push(this.newRow_(i));
    if (kept.length) {
      this.rows_.get(low).before(...before);
      this.rows_.get(high - 1).after(...after);
    } else {
      this.body_.append(...before, ...after);
    }
    if (gone.some(([, row]) => row.contains(document.activeElement))) {
      (this.rows_.get(this.active_) ?? this.table_).focus({ preventScroll: true });
    }
    for (const [, row] of gone) row.remove();
  }

  newRow_(index) {
    const row = this.makeRow_();
    row.dataset.index = String(index);
    row.setAttribute('aria-rowindex', String(index + 2));
    row.tabIndex = -1;
    row.classList.toggle('alt', index % 2 === 1);
    const item = this.item(index);
    this.fillRow_(row, item ?? null);
    row.classList.toggle('loading', item === undefined);
    this.rows_.set(index, row);
    return row;
  }

  // Exactly one drawn row is in the tab order: the active one if drawn, else the first in view.
  updateTabStop_() {
    const stop = this.rows_.has(this.active_) ? this.active_ : this.range_.first;
    for (const [index, row] of this.rows_) row.tabIndex = index === stop ? 0 : -1;
  }

  setActive_(index) {
    this.active_ = index;
    if (this.range_) this.updateTabStop_();
  }

  // Scrolls the least that shows row `index` whole, below the header.
  scrollIntoView_(index) {
    const { rowHeight, view, ratio } = this.geometry_();
    const scrollTop = this.scroller_.scrollTop;
    const y = this.pinned_ && Math.abs(this.pinned_.scrollTop - scrollTop) < 1 ? this.pinned_.y : scrollTop * ratio;
    let to = y;
    if (index * rowHeight < y) to = index * rowHeight;
    else if ((index + 1) * rowHeight > y + view) to = (index + 1) * rowHeight - view;
    if (to !== y) {
      this.scroller_.scrollTop = to / ratio;
      this.pinned_ = { scrollTop: this.scroller_.scrollTop, y: to };
    }
    this.draw_();
  }

  key_(event) {
    if (!this.total_ || event.altKey || event.metaKey) return;
    if (event.key === 'Enter') {
      if (event.target === this.table_ || event.target.closest('tr')) this.open_(this.active_);
      return;
    }
    const { rowHeight, view } = this.geometry_();
    const page = Math.max(1, Math.floor(view / rowHeight) - 1);
    const to = { ArrowDown: this.active_ + 1, ArrowUp: this.active_ - 1, PageDown: this.active_ + page,
      PageUp: this.active_ - page, Home: 0, End: this.total_ - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.focusRow(to);
  }

  open_(index) {
    const item = this.item(index);
    this.setActive_(index);
    if (item !== undefined) this.onOpen_(item, index);
  }

  // Asks for the first missing page among those drawn, then the pages either side; one request at a time,
  // and each answer draws its rows and asks for the next page wanted then.
  loadPages_() {
    if (this.loading_ !== null) return;
    const { start, end } = this.range_;
    if (end <= start) return;
    const from = Math.floor(start / kPageRows);
    const to = Math.floor((end - 1) / kPageRows);
    const wanted = [];
    for (let p = from; p <= to; ++p) wanted.push(p);
    wanted.push(to + 1, from - 1);
    const page = wanted.find((p) => p >= 0 && p * kPageRows < this.total_ && !this.pages_.has(p));
    if (page === undefined) return;
    const run = this.run_;
    this.loading_ = page;
    this.fetch_(page * kPageRows, kPageRows).then((items) => {
      if (run !== this.run_) return;
      this.loading_ = null;
      this.pages_.set(page, items);
      this.forgetFarPages_(page);
      for (const [index, row] of this.rows_) {
        if (Math.floor(index / kPageRows) !== page) continue;
        this.fillRow_(row, this.item(index) ?? null);
        row.classList.remove('loading');
      }
      this.loadPages_();
    }, (error) => {
      if (run !== this.run_) return;
      this.loading_ = null;
      this.onError(error);
    });
  }

  forgetFarPages_(near) {
    if (this.pages_.size <= kMaxCachedPages) return;
    const far = [...this.pages_.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const page of far.slice(0, this.pages_.size - kMaxCachedPages)) this.pages_.delete(page);
  }
}

// An empty row group beside `body` whose one cell's height stands for rows not drawn; hidden from
// assistive technology, which learns the real count from aria-rowcount.
function spacer(table, body, where) {
  const group = document.createElement('tbody');
  group.className = 'spacer';
  group.setAttribute('aria-hidden', 'true');
  const row = group.insertRow();
  const cell = row.insertCell();
  cell.colSpan = table.tHead?.rows[0]?.cells.length || 1;
  body.insertAdjacentElement(where, group);
  return cell;
}
