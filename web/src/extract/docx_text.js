// The text of a Word document (.docx, Office Open XML) from its word/document.xml: one paragraph per <w:p>,
// separated by blank lines as the core expects. Runs are joined, tabs and line breaks kept; deleted text of
// tracked changes (w:delText) and field codes (w:instrText) are not text the reader sees, so they are left out.

const kEntities = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// XML character references and the five predefined entities; anything else is kept as written.
export function decodeXmlText(text) {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return Object.hasOwn(kEntities, name) ? kEntities[name] : whole;
  });
}

// Paragraph texts of a WordprocessingML body, in order, empty ones dropped.
export function wordParagraphs(xml) {
  const paragraphs = [];
  let current = '';
  let inText = false;  // between <w:t> and </w:t>
  const tag = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (inText) current += decodeXmlText(xml.slice(last, m.index));
    last = tag.lastIndex;
    const [, closing, prefix = '', local, rest] = m;
    if (prefix !== 'w:') continue;
    const selfClosing = rest.endsWith('/');
    if (local === 't') inText = !closing && !selfClosing;
    else if (closing && local === 'p') {
      if (current.trim()) paragraphs.push(current.trim());
      current = '';
    } else if (!closing) {
      if (local === 'tab') current += '\t';
      else if (local === 'br' || local === 'cr') current += '\n';
      else if (local === 'noBreakHyphen') current += '\u2011';
    }
  }
  if (current.trim()) paragraphs.push(current.trim());
  return paragraphs;
}

// The document's title from docProps/core.xml (<dc:title>), or ''.
export function coreTitle(xml) {
  const m = /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(xml || '');
  return m ? decodeXmlText(m[1]).trim() : '';
}

// {text, title} of a .docx given its parts (name → Uint8Array); throws a coded error when it has no body.
export function docxText(parts, name) {
  const body = parts.get('word/document.xml');
  if (!body) {
    throw { code: 'load.docx', message: `[load.docx] ${name} is not a Word document: it has no word/document.xml.` };
  }
  const decoder = new TextDecoder('utf-8');
  const core = parts.get('docProps/core.xml');
  return { text: wordParagraphs(decoder.decode(body)).join('\n\n'), title: coreTitle(core ? decoder.decode(core) : '') };
}
