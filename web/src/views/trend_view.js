// The trend chart: hits per million words by period (year, decade or month), an SVG line with labelled
// axes, and the same figures as a table (the chart's text alternative).
import { element } from './element.js';
import { downloadCsv, downloadJson, downloadPng, downloadSvg } from './export.js';
import { formatNumber } from './table_view.js';
import { svg } from './svg.js';

// The chart's width in SVG units is the width it is shown at (at most kWidth), so its text keeps its size
// on a phone instead of shrinking with the drawing.
const kWidth = 720;
const kMinWidth = 300;
const kHeight = 300;
const kMargin = { left: 64, right: 20, top: 16, bottom: 48 };
const kColumns = [
  { key: 'period', label: 'Period' },
  { key: 'documents', label: 'Documents' },
  { key: 'tokens', label: 'Words' },
  { key: 'hits', label: 'Hits' },
  { key: 'per_million', label: 'Per million', digits: 1 },
];

// About five round steps covering [0, top].
function niceStep(top) {
  const rough = top / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough);
}

export class TrendView {
  constructor(panel) {
    this.status_ = panel.querySelector('#trend-status');
    this.plot_ = panel.querySelector('#trend-plot');
    this.table_ = panel.querySelector('#trend-table');
    this.exports_ = panel.querySelector('#trend-exports');
    const chart = () => this.plot_.querySelector('svg');
    panel.querySelector('#trend-svg').addEventListener('click', () => downloadSvg(chart(), this.fileName_));
    panel.querySelector('#trend-png').addEventListener('click', () => downloadPng(chart(), this.fileName_));
    panel.querySelector('#trend-csv').addEventListener('click', () => downloadCsv(kColumns, this.result_.periods, this.fileName_));
    panel.querySelector('#trend-json').addEventListener('click', () => downloadJson(this.result_, this.fileName_));
    this.result_ = null;
    // Drawn again when the area's width asks for another drawing (a phone turned, a window resized).
    new ResizeObserver(() => {
      const chart = this.plot_.querySelector('svg');
      if (chart && this.result_ && chart.viewBox.baseVal.width !== this.chartWidth_()) this.plot_.replaceChildren(this.chart_(this.result_));
    }).observe(this.plot_);
  }

  // The width to draw at: the plot area's, within bounds (the largest when the view is hidden).
  chartWidth_() {
    const shown = this.plot_.clientWidth;
    return shown ? Math.max(kMinWidth, Math.min(kWidth, Math.floor(shown))) : kWidth;
  }

  message(text, isError = false) {
    this.result_ = null;
    this.status_.textContent = text;
    this.status_.classList.toggle('error', isError);
    this.plot_.replaceChildren();
    this.table_.replaceChildren();
    this.exports_.hidden = true;
  }

  render(result) {
    this.result_ = result;
    this.fileName_ = `trend-${result.query}-by-${result.by}`.replace(/[^\p{L}\p{N}-]+/gu, '_');
    const periods = result.periods;
    const notes = [];
    if (result.undated.documents) notes.push(`${result.undated.documents} undated ${result.undated.documents === 1 ? 'document' : 'documents'} (${formatNumber(result.undated.hits)} hits) not plotted`);
    if (result.year_only.documents) notes.push(`${result.year_only.documents} dated by year alone not plotted by month`);
    this.status_.classList.remove('error');
    this.status_.textContent = `${formatNumber(result.total.hits)} hits for “${result.query}”, per million words by ${result.by}, over ${periods.length} ${periods.length === 1 ? 'period' : 'periods'}.${notes.length ? ` ${notes.join('; ')}.` : ''}`;
    if (!periods.length) {
      this.plot_.replaceChildren();
      this.table_.replaceChildren();
      this.exports_.hidden = true;
      return;
    }
    this.plot_.replaceChildren(this.chart_(result));
    this.table_.replaceChildren(
      element('caption', { textContent: `Hits for “${result.query}” per million words, by ${result.by}` }),
      element('thead', {}, [element('tr', {}, kColumns.map((c) => element('th', { scope: 'col', textContent: c.label })))]),
      element('tbody', {}, periods.map((row) => element('tr', {}, kColumns.map((c, i) =>
        element(i === 0 ? 'th' : 'td', { textContent: i === 0 ? row.period : formatNumber(row[c.key], c.digits), className: i === 0 ? '' : 'number' }))))),
    );
    this.exports_.hidden = false;
  }

  chart_(result) {
    const periods = result.periods;
    const width = this.chartWidth_();
    const plotWidth = width - kMargin.left - kMargin.right;
    const plotHeight = kHeight - kMargin.top - kMargin.bottom;
    const top = Math.max(...periods.map((p) => p.per_million), 0);
    const step = niceStep(top);
    const yMax = Math.max(step, Math.ceil(top / step) * step);
    // Periods are placed by their time, so gaps between them (periods without documents) show as gaps.
    const times = periods.map((p) => {
      const [year, month] = p.period.replace(/s$/, '').split('-').map(Number);
      return year + (month ? (month - 1) / 12 : 0);
    });
    const first = times[0];
    const span = times[times.length - 1] - first;
    const x = (i) => kMargin.left + (span === 0 ? plotWidth / 2 : ((times[i] - first) * plotWidth) / span);
    const y = (value) => kMargin.top + plotHeight - (value / yMax) * plotHeight;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${kHeight}`, role: 'img', class: 'plot trend-plot' });
    chart.setAttribute('aria-labelledby', 'trend-plot-title');
    chart.append(svg('title', { id: 'trend-plot-title', textContent: `Hits for “${result.query}” per million words, by ${result.by}; the table below gives the figures` }));
    for (let value = 0; value <= yMax + step / 2; value += step) {
      chart.append(
        svg('line', { x1: kMargin.left, x2: kMargin.left + plotWidth, y1: y(value), y2: y(value), class: 'grid' }),
        svg('text', { x: kMargin.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis-label', textContent: formatNumber(value) }),
      );
    }
    // At most about one period label per 53 units (12 at full width), evenly spaced.
    const every = Math.ceil(periods.length / Math.max(2, Math.floor(plotWidth / 53)));
    periods.forEach((p, i) => {
      if (i % every === 0) chart.append(svg('text', { x: x(i), y: kMargin.top + plotHeight + 18, 'text-anchor': 'middle', class: 'axis-label', textContent: p.period }));
    });
    chart.append(
      svg('text', { x: kMargin.left + plotWidth / 2, y: kHeight - 6, 'text-anchor': 'middle', class: 'axis-title', textContent: result.by }),
      svg('text', { x: 14, y: kMargin.top + plotHeight / 2, 'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 14 ${kMargin.top + plotHeight / 2})`, textContent: 'hits per million words' }),
      svg('polyline', { points: periods.map((p, i) => `${x(i)},${y(p.per_million)}`).join(' '), class: 'trend-line' }),
      ...periods.map((p, i) => svg('circle', { cx: x(i), cy: y(p.per_million), r: 3.5, class: 'trend-point' }, [
        svg('title', { textContent: `${p.period}: ${formatNumber(p.per_million, 1)} per million (${formatNumber(p.hits)} hits in ${formatNumber(p.tokens)} words)` }),
      ])),
    );
    return chart;
  }
}
