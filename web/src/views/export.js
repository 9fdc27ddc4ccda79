// Exports: tables as CSV and JSON, plots as SVG and PNG, saved through a built <a download> (works from
// file:// and over http; the Blob URL is a download, not a fetch, so the page's CSP is untouched).
export function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A leading =, +, - or @
// would make a spreadsheet read a word as a formula, so such text fields get a leading apostrophe.
export function toCsv(columns, rows) {
  const field = (value) => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => field(c.label)), ...rows.map((row) => columns.map((c) => field(row[c.key])))]
    .map((line) => line.join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(columns, rows, name) {
  download(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}

export function downloadJson(value, name) {
  download(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), `${name}.json`);
}

// A standalone copy of a plot: the page's colours (CSS variables) resolved into attributes, so the file
// looks the same outside the page.
function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  // Each element gets only the styles that differ from its parent's, so the file stays small.
  const properties = ['fill', 'stroke', 'stroke-width', 'font-size', 'font-weight', 'opacity'];
  originals.forEach((node, i) => {
    if (node.tagName === 'title') return;
    const style = getComputedStyle(node);
    const parent = i === 0 ? null : getComputedStyle(node.parentElement);
    for (const property of properties) {
      const value = style.getPropertyValue(property);
      if (!parent || parent.getPropertyValue(property) !== value) copies[i].style.setProperty(property, value);
    }
  });
  copy.style.setProperty('font-family', getComputedStyle(svg).getPropertyValue('font-family'));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const background = getComputedStyle(svg.closest('section') || document.body).backgroundColor;
  copy.style.setProperty('background', background);
  return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(svg, name) {
  download(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

// Draws the SVG on a canvas at twice its size through an Image loaded from a data: URL (the CSP's img-src
// allows data:), then saves the canvas as PNG.
export async function downloadPng(svg, name) {
  const text = standaloneSvg(svg);
  const box = svg.viewBox.baseVal;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = box.width * 2;
  canvas.height = box.height * 2;
  const context = canvas.getContext('2d');
  context.fillStyle = getComputedStyle(svg.closest('section') || document.body).backgroundColor;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  download(blob, `${name}.png`);
}

// Text made safe inside HTML element content and quoted attribute values: the five characters HTML gives
// meaning to become character references, everything else stays as written.
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function downloadHtml(html, name) {
  download(new Blob([html], { type: 'text/html;charset=utf-8' }), `${name}.html`);
}
