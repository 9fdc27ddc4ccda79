// The text of a PDF page from its positioned text items (pdf.js getTextContent): lines rebuilt from the
// items' baselines, paragraphs where the gap between lines is clearly wider than the page's usual line
// spacing, pages separated by paragraph breaks. PDFs carry no paragraph marks, so this is a judgement:
// blank-line-separated paragraphs are what the core needs to number paragraphs and align versions.

// items: [{str, x, y, height, hasEOL}], y growing upwards (PDF user space), in content order.
// Returns the page's paragraphs.
export function pageParagraphs(items) {
  const lines = [];
  let line = null;
  for (const item of items) {
    if (!line || Math.abs(item.y - line.y) > Math.max(1, 0.5 * (item.height || line.height || 1))) {
      line = { y: item.y, height: item.height || 0, text: '' };
      lines.push(line);
    }
    line.text += item.str;
    line.height = Math.max(line.height, item.height || 0);
    if (item.hasEOL) line = null;
  }
  const texts = lines.filter((l) => l.text.trim());
  if (!texts.length) return [];
  // The usual spacing: the median of downward gaps between consecutive lines.
  const gaps = [];
  for (let i = 1; i < texts.length; ++i) {
    const gap = texts[i - 1].y - texts[i].y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  const paragraphs = [];
  let current = texts[0].text.trim();
  for (let i = 1; i < texts.length; ++i) {
    const gap = texts[i - 1].y - texts[i].y;
    // A wider gap, or a jump upwards (a new column), starts a paragraph.
    if (gap <= 0 || (usual > 0 && gap > 1.4 * usual)) {
      paragraphs.push(current);
      current = texts[i].text.trim();
    } else {
      current += `\n${texts[i].text.trim()}`;
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

// pages: [[item]] → the document's text, paragraphs separated by blank lines.
export function pdfText(pages) {
  return pages.flatMap(pageParagraphs).join('\n\n');
}
