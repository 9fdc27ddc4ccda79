// The diff: two documents side by side (A left, B right), one row per aligned pair with its op, the
// similarity of changed pairs, and word edits marked as <del>/<ins> built from the core's word diff. A
// moved paragraph also leaves a row where it stood in A, linked both ways to the row where it landed.
// Text reaches the DOM only as text nodes; the HTML export escapes every text it writes.
import { element } from './element.js';
import { downloadHtml, downloadJson, escapeHtml } from './export.js';

export const kOps = ['equal', 'changed', 'moved', 'split', 'merged', 'inserted', 'deleted'];

// "¶3" or "¶3–5" for a side of a pair (paragraphs count from 1 on screen, from 0 in the JSON).
export function paragraphLabel(side) {
  if (!side) return '';
  const first = side.first + 1;
  return side.count > 1 ? `¶${first}–${first + side.count - 1}` : `¶${first}`;
}

// The pieces of one side of a pair: [{text, kind}] where kind is '' (same on both sides), 'del' or 'ins'.
export function sidePieces(pair, side) {
  if (side === 'a' && !pair.a) return [];
  if (side === 'b' && !pair.b) return [];
  if (!pair.words) return [{ text: side === 'b' ? pair.b_text ?? pair.text : pair.text, kind: '' }];
  const pieces = [];
  for (const edit of pair.words) {
    if (edit.op === 'equal') pieces.push({ text: side === 'b' ? edit.b_text ?? edit.text : edit.text, kind: '' });
    else if (edit.op === 'delete' && side === 'a') pieces.push({ text: edit.text, kind: 'del' });
    else if (edit.op === 'insert' && side === 'b') pieces.push({ text: edit.text, kind: 'ins' });
  }
  return pieces;
}

// The rows shown, in reading order: each pair, and for each moved pair a "moved from here" row placed
// after the pair holding the A paragraph just before it (at the top if none).
export function diffRows(result) {
  const rows = result.pairs.map((pair, i) => ({ pair, index: i, origin: false }));
  const moved = rows.filter((row) => row.pair.op === 'moved' && row.pair.a);
  for (const row of moved) {
    const before = row.pair.a.first;
    let at = -1;
    rows.forEach((other, k) => {
      const a = other.pair.a;
      if (!other.origin && other.pair.op !== 'moved' && a && a.first < before) at = k;
    });
    rows.splice(at + 1, 0, { pair: row.pair, index: row.index, origin: true });
  }
  return rows;
}

function similarityText(pair) {
  return pair.op === 'changed' || pair.op === 'moved' || pair.op === 'split' || pair.op === 'merged' ? pair.similarity.toFixed(2) : '';
}

export function summaryText(result) {
  const counts = kOps.filter((op) => result.summary[op]).map((op) => `${result.summary[op]} ${op}`);
  return `${result.a.name} (${result.a.paragraphs} paragraphs) against ${result.b.name} (${result.b.paragraphs} paragraphs): ${counts.join(', ') || 'nothing to compare'}.${result.word_diff_fell_back ? ' Some long passages were compared by a faster method that may mark more words than needed.' : ''}`;
}

// The whole diff as a standalone HTML file; every text from the documents goes through escapeHtml.
export function diffHtml(result) {
  const side = (pair, name) => sidePieces(pair, name).map((piece) =>
    (piece.kind ? `<${piece.kind}>${escapeHtml(piece.text)}</${piece.kind}>` : escapeHtml(piece.text))).join('');
  const rows = diffRows(result).map(({ pair, index, origin }) => {
    if (origin) return `<tr class="origin"><td>${escapeHtml(paragraphLabel(pair.a))}</td><td class="op">moved from here to <a href="#pair-${index + 1}">B ${escapeHtml(paragraphLabel(pair.b))}</a></td><td></td><td></td></tr>`;
    return `<tr id="pair-${index + 1}" class="${pair.op}"><td>${escapeHtml(paragraphLabel(pair.a))}</td><td class="text">${side(pair, 'a')}</td>` +
      `<td class="op">${escapeHtml(pair.op)} ${escapeHtml(similarityText(pair))}</td><td class="text">${side(pair, 'b')}</td><td>${escapeHtml(paragraphLabel(pair.b))}</td></tr>`;
  }).join('\n');
  const title = `${result.a.name} against ${result.b.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #fbfaf7; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 0.3rem 0.5rem; border-top: 1px solid #d0d7de; }
td.text { width: 45%; white-space: pre-wrap; }
td.op { color: #59636e; font-size: 0.85rem; white-space: nowrap; }
del { background: #ffd7d5; color: #82071e; }
ins { background: #ccffd8; color: #055d20; text-decoration: none; }
tr.origin td { color: #59636e; font-style: italic; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(summaryText(result))}</p>
<table>
<thead><tr><th>A</th><th>${escapeHtml(result.a.name)}</th><th>op</th><th>${escapeHtml(result.b.name)}</th><th>B</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

export class DiffView {
  constructor(panel) {
    this.selectA_ = panel.querySelector('#diff-a');
    this.selectB_ = panel.querySelector('#diff-b');
    this.status_ = panel.querySelector('#diff-status');
    this.rows_ = panel.querySelector('#diff-rows');
    this.exports_ = panel.querySelector('#diff-exports');
    panel.querySelector('#diff-html').addEventListener('click', () => downloadHtml(diffHtml(this.result_), this.fileName_));
    panel.querySelector('#diff-json').addEventListener('click', () => downloadJson(this.result_, this.fileName_));
  }

  // Calls onChoose(a, b) when the reader picks another document on either side.
  bind(onChoose) {
    const changed = () => onChoose(this.selectA_.value, this.selectB_.value);
    this.selectA_.addEventListener('change', changed);
    this.selectB_.addEventListener('change', changed);
  }

  setDocuments(documents, labels) {
    for (const select of [this.selectA_, this.selectB_]) {
      const chosen = select.value;
      select.replaceChildren(...documents.map((doc) =>
        element('option', { value: doc.name, textContent: labels.get(doc.name)?.description || doc.name })));
      if (chosen) select.value = chosen;
    }
  }

  choose(a, b) {
    this.selectA_.value = a;
    this.selectB_.value = b;
  }

  message(text, isError = false) {
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
    this.rows_.replaceChildren();
    this.exports_.hidden = true;
  }

  render(result) {
    this.result_ = result;
    this.fileName_ = `diff-${result.a.name}-${result.b.name}`.replace(/[^\p{L}\p{N}-]+/gu, '_').slice(0, 100);
    this.choose(result.a.name, result.b.name);
    this.status_.classList.remove('error');
    this.status_.textContent = summaryText(result);
    const text = (pair, side) => element('div', { className: `diff-text diff-${side}` }, sidePieces(pair, side).map((piece) =>
      (piece.kind ? element(piece.kind, { textContent: piece.text }) : piece.text)));
    const jump = (id) => {
      const target = this.rows_.querySelector(`#${id}`);
      for (const row of this.rows_.querySelectorAll('.highlight')) row.classList.remove('highlight');
      target.classList.add('highlight');
      target.scrollIntoView({ block: 'center' });
    };
    const link = (label, id) => {
      const anchor = element('a', { href: `#${id}`, textContent: label, className: 'diff-move-link' });
      // The page's fragment holds its state, so the link jumps by script rather than by changing the URL.
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        jump(id);
      });
      return anchor;
    };
    const rows = diffRows(result).map(({ pair, index, origin }) => {
      const id = `diff-pair-${index + 1}`;
      if (origin) {
        const row = element('li', { className: 'diff-row origin' }, [
          element('div', { className: 'diff-text diff-a' }, [element('span', { className: 'diff-number', textContent: `A ${paragraphLabel(pair.a)} ` }),
            'moved from here to ', link(`B ${paragraphLabel(pair.b)}`, id)]),
          element('div', { className: 'diff-op', textContent: 'moved' }),
          element('div', { className: 'diff-text diff-b' }),
        ]);
        row.id = `diff-origin-${index + 1}`;
        return row;
      }
      const op = element('div', { className: 'diff-op' }, [element('span', { className: 'diff-op-name', textContent: pair.op })]);
      const similarity = similarityText(pair);
      if (similarity) op.append(element('span', { className: 'diff-similarity', textContent: similarity, title: 'similarity' }));
      if (pair.op === 'moved') op.append(link(`from A ${paragraphLabel(pair.a)}`, `diff-origin-${index + 1}`));
      const number = (side) => element('span', { className: 'diff-number', textContent: pair[side] ? `${side.toUpperCase()} ${paragraphLabel(pair[side])} ` : '' });
      const a = text(pair, 'a');
      const b = text(pair, 'b');
      a.prepend(number('a'));
      b.prepend(number('b'));
      const row = element('li', { className: `diff-row ${pair.op}` }, [a, op, b]);
      row.id = id;
      row.dataset.op = pair.op;
      return row;
    });
    this.rows_.replaceChildren(...rows);
    this.exports_.hidden = false;
  }
}
