// The dispersion plot: one row per document, a tick per hit at its position in the document (first token
// index / tokens), each tick a link to the reader at that hit; DP and Juilland's D above it.
import { element } from './element.js';
import { downloadPng, downloadSvg } from './export.js';
import { formatNumber } from './table_view.js';
import { svg } from './svg.js';

// The plot's width in SVG units is the width it is shown at (at most kLabelWidth + kPlotWidth + kCountWidth),
// so its text keeps its size on a phone instead of shrinking with the drawing.
const kLabelWidth = 170;
const kPlotWidth = 560;
const kCountWidth = 70;
const kMinWidth = 300;
const kRowHeight = 22;
const kDenseRowHeight = 12;  // with many documents, so that a corpus such as the SOTU (233) fits on a few screens
// Above this many hits the ticks are drawn as one path per document, without links: a link per hit would
// put hundreds of thousands of elements in the page for a word such as "the" over the State of the Union.
const kMaxLinkedTicks = 3000;

export class DispersionView {
  constructor(panel) {
    this.status_ = panel.querySelector('#dispersion-status');
    this.figures_ = panel.querySelector('#dispersion-figures');
    this.plot_ = panel.querySelector('#dispersion-plot');
    this.exports_ = panel.querySelector('#dispersion-exports');
    panel.querySelector('#dispersion-svg').addEventListener('click', () => downloadSvg(this.plot_.querySelector('svg'), this.fileName_));
    panel.querySelector('#dispersion-png').addEventListener('click', () => downloadPng(this.plot_.querySelector('svg'), this.fileName_));
    this.shown_ = null;
    this.watchWidth_();
  }

  message(text, isError = false) {
    this.shown_ = null;
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
    this.plot_.replaceChildren();
    this.figures_.replaceChildren();
    this.exports_.hidden = true;
  }

  // result: the wire-format dispersion; readerLink(doc, startUtf16) is the fragment opening the reader there.
  render(result, labels, readerLink) {
    this.shown_ = { result, labels, readerLink };
    this.fileName_ = `dispersion-${result.query}`.replace(/[^\p{L}\p{N}-]+/gu, '_');
    const { total } = result;
    this.status_.classList.remove('error');
    this.status_.textContent = `${formatNumber(total.hits)} ${total.hits === 1 ? 'hit' : 'hits'} for “${result.query}” in ${total.range} of ${total.documents} documents.` +
      (total.hits > kMaxLinkedTicks ? ` Ticks open the reader when there are at most ${formatNumber(kMaxLinkedTicks)} hits.` : ' Each tick opens the reader at its hit.');
    const figure = (term, value, digits, title) => [element('dt', { textContent: term, title }), element('dd', { textContent: formatNumber(value, digits) })];
    this.figures_.replaceChildren(
      ...figure('DP', result.dp, 3, 'Gries\'s deviation of proportions: 0 even, towards 1 concentrated'),
      ...figure('DP normalised', result.dp_norm, 3, 'DP divided by its largest possible value'),
      ...figure('Juilland\'s D', result.juilland_d, 3, '1 even, 0 concentrated'),
      ...figure('Per million', total.per_million, 1, 'hits per million words'),
    );
    const rows = result.documents;
    const rowHeight = rows.length > 40 ? kDenseRowHeight : kRowHeight;
    const height = rows.length * rowHeight + 28;
    const width = this.plotWidth_();
    const labelWidth = width < kLabelWidth + kPlotWidth + kCountWidth ? Math.round(width * 0.3) : kLabelWidth;
    const countWidth = width < kLabelWidth + kPlotWidth + kCountWidth ? 44 : kCountWidth;
    const plotWidth = width - labelWidth - countWidth;
    const labelChars = Math.max(6, Math.min(24, Math.floor(labelWidth / 7)));
    // Linked ticks make the plot a group of links; without them it is one image.
    const linked = total.hits <= kMaxLinkedTicks;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: linked ? 'group' : 'img', class: `plot dispersion-plot${rowHeight === kDenseRowHeight ? ' dense' : ''}` });
    chart.setAttribute('aria-labelledby', 'dispersion-plot-title');
    chart.append(svg('title', { id: 'dispersion-plot-title', textContent: `Where “${result.query}” occurs in each document` }));
    rows.forEach((row, i) => {
      const y = 8 + i * rowHeight;
      const label = labels.get(row.doc)?.label || row.doc;
      const group = svg('g', { class: 'dispersion-row' });
      const textY = y + rowHeight / 2 + 3;
      group.append(
        svg('text', { x: labelWidth - 8, y: textY, class: 'axis-label', 'text-anchor': 'end', textContent: label.length > labelChars ? `${label.slice(0, labelChars - 1)}…` : label }, [svg('title', { textContent: labels.get(row.doc)?.description || row.doc })]),
        svg('rect', { x: labelWidth, y: y + 2, width: plotWidth, height: rowHeight - 4, class: 'barcode-ground' }),
        svg('text', { x: labelWidth + plotWidth + 8, y: textY, class: 'axis-label', textContent: formatNumber(row.hits) }),
      );
      if (!linked) {
        const d = row.positions.map((position) => `M${(labelWidth + position * plotWidth).toFixed(1)} ${y + 2}v${rowHeight - 4}`).join('');
        if (d) group.append(svg('path', { d, class: 'tick-path' }));
        chart.append(group);
        return;
      }
      row.positions.forEach((position, k) => {
        const x = labelWidth + position * plotWidth;
        const link = svg('a', { href: readerLink(row.doc, row.starts_utf16[k]), class: 'tick' }, [
          svg('title', { textContent: `${label}: hit ${k + 1} of ${row.hits}, ${Math.round(position * 100)}% through; open in the reader` }),
          svg('rect', { x: x - 1, y: y + 2, width: 2, height: rowHeight - 4 }),
        ]);
        group.append(link);
      });
      chart.append(group);
    });
    const axisY = 8 + rows.length * rowHeight + 12;
    chart.append(
      svg('text', { x: labelWidth, y: axisY, class: 'axis-label', textContent: 'start' }),
      svg('text', { x: labelWidth + plotWidth / 2, y: axisY, class: 'axis-label', 'text-anchor': 'middle', textContent: plotWidth < 320 ? 'position' : 'position in the document' }),
      svg('text', { x: labelWidth + plotWidth, y: axisY, class: 'axis-label', 'text-anchor': 'end', textContent: 'end' }),
    );
    this.plot_.replaceChildren(chart);
    this.exports_.hidden = false;
  }

  // The width to draw at: the plot area's, within bounds (the largest when the view is hidden).
  plotWidth_() {
    const shown = this.plot_.clientWidth;
    return shown ? Math.max(kMinWidth, Math.min(kLabelWidth + kPlotWidth + kCountWidth, Math.floor(shown))) : kLabelWidth + kPlotWidth + kCountWidth;
  }

  // Draws the plot again when the area's width asks for another drawing (a phone turned, a window resized).
  watchWidth_() {
    new ResizeObserver(() => {
      if (!this.shown_) return;
      const svgWidth = this.plot_.querySelector('svg')?.viewBox.baseVal.width;
      if (svgWidth !== this.plotWidth_()) this.render(this.shown_.result, this.shown_.labels, this.shown_.readerLink);
    }).observe(this.plot_);
  }
}
