// The reader: one document, its paragraphs numbered, the current query's hits marked. Marks are built from
// the hits' UTF-16 offsets (the text's own indexing in JavaScript); text reaches the DOM only as text nodes.
import { formatCount } from '../format.js';
import { element } from './element.js';

export class ReaderView {
  constructor(panel) {
    this.select_ = panel.querySelector('#reader-doc');
    this.status_ = panel.querySelector('#reader-status');
    this.text_ = panel.querySelector('#reader-text');
    this.previous_ = panel.querySelector('#reader-previous');
    this.next_ = panel.querySelector('#reader-next');
    this.heading_ = panel.querySelector('#reader-title');
    this.marks_ = [];
    this.current_ = -1;
    this.previous_.addEventListener('click', () => this.step_(-1));
    this.next_.addEventListener('click', () => this.step_(1));
  }

  // Calls onDocument(name) when the reader picks another document, and onReuse(name, paragraph from 0) when
  // they ask for the passages like one paragraph.
  bind(onDocument, onReuse = () => {}) {
    this.select_.addEventListener('change', () => onDocument(this.select_.value));
    this.onReuse_ = onReuse;
  }

  setDocuments(documents, labels) {
    const chosen = this.select_.value;
    this.select_.replaceChildren(...documents.map((doc) =>
      element('option', { value: doc.name, textContent: labels.get(doc.name)?.description || doc.name })));
    if (chosen) this.select_.value = chosen;
  }

  message(text, isError = false) {
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
  }

  // reading: the worker's reader answer; at: UTF-16 start of the hit to bring into view ('' for the first).
  render(reading, query, at) {
    this.select_.value = reading.name;
    this.heading_.textContent = reading.title || reading.name;
    const hits = reading.hits.slice().sort((a, b) => a[0] - b[0]);
    const count = hits.length;
    if (reading.error) this.message(reading.error.message, true);
    else if (!query) this.message(`${formatCount(reading.paragraphs.length)} paragraphs. Search for a word to mark it here.`);
    else this.message(`${formatCount(count)} ${count === 1 ? 'hit' : 'hits'} for “${query}” in this document.`);
    let h = 0;
    const items = reading.paragraphs.map(([start, end], i) => {
      const parts = [];
      let from = start;
      while (h < hits.length && hits[h][1] <= start) ++h;
      for (let k = h; k < hits.length && hits[k][0] < end; ++k) {
        const s = Math.max(hits[k][0], from);
        const e = Math.min(hits[k][1], end);
        if (e <= s) continue;
        if (s > from) parts.push(reading.text.slice(from, s));
        const mark = element('mark', { textContent: reading.text.slice(s, e) });
        mark.dataset.start = String(hits[k][0]);
        parts.push(mark);
        from = e;
      }
      if (from < end) parts.push(reading.text.slice(from, end));
      // The button's label is drawn by CSS, so the paragraph's text (and a copy of it) stays the document's alone.
      const like = element('button', { type: 'button', className: 'reuse-like', title: `Passages of other documents like paragraph ${i + 1}` });
      like.setAttribute('aria-label', `Passages like paragraph ${i + 1}`);
      like.addEventListener('click', () => this.onReuse_(reading.name, i));
      const item = element('li', { value: i + 1 }, [...parts, like]);
      item.id = `paragraph-${i + 1}`;
      item.dataset.start = String(start);
      item.dataset.end = String(end);
      return item;
    });
    this.text_.replaceChildren(...items);
    this.marks_ = Array.from(this.text_.querySelectorAll('mark'));
    this.previous_.disabled = this.next_.disabled = this.marks_.length === 0;
    const wanted = this.marks_.findIndex((mark) => mark.dataset.start === String(at));
    this.current_ = -1;
    for (const item of this.text_.querySelectorAll('li.current')) item.classList.remove('current');
    if (wanted >= 0) this.show_(wanted);
    else {
      this.text_.scrollTop = 0;
      // An offset that is no hit (a link from the reuse view) brings its paragraph into view.
      const place = at === '' ? NaN : Number(at);
      const item = items.find((li) => Number(li.dataset.start) <= place && place < Number(li.dataset.end));
      if (item) {
        item.classList.add('current');
        item.scrollIntoView({ block: 'center' });
      }
    }
  }

  show_(i) {
    this.marks_[this.current_]?.classList.remove('current');
    this.current_ = i;
    const mark = this.marks_[i];
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    this.status_.dataset.hit = String(i + 1);
  }

  step_(direction) {
    if (!this.marks_.length) return;
    this.show_((this.current_ + direction + this.marks_.length) % this.marks_.length);
  }
}
