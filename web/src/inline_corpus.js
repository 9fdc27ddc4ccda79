// The corpus carried inside the single-file page: an inert <script type="application/json" id="textx-corpus">
// block. The build (web/build.mjs) writes the sample corpus with it; a saved session writes the reader's
// corpus and view with it. Shared by both so that one rule decides what may stand inside the block.
//
// The JSON is the shape of a manifest whose entries carry their text:
//   {"name", "documents": [{"file", "title", "date", "source", "text"} | {…, "base64", "encoding"?, "read_as"?}],
//    "snapshot"?: {"saved": ISO 8601 time, "state": "#q=…"}}
// "text" holds a file that is valid UTF-8; "base64" the bytes of any other file, read as the page first read
// them ("read_as": the encoding the reader chose; "encoding": text the page had already extracted).

export const kInlineCorpusId = 'textx-corpus';

// The block's content. Every '<' is written \u003c (JSON allows it in strings), so no text — a document
// holding "</script>" or "<!--" — can end the element or open a comment in it.
export function inlineCorpusJson(corpus) {
  return JSON.stringify(corpus).replace(/</g, '\\u003c');
}

// The whole <script> element, as the build places it in the page.
export function inlineCorpusElement(corpus) {
  return `<script type="application/json" id="${kInlineCorpusId}">${inlineCorpusJson(corpus)}</script>`;
}

// `html` (a single-file page) with `corpus` in place of the corpus it carries, or null when it carries none.
// The block's content holds no '<', so its end is the first "</script>" after its start.
export function withInlineCorpus(html, corpus) {
  const open = `<script type="application/json" id="${kInlineCorpusId}">`;
  const start = html.indexOf(open);
  const end = start < 0 ? -1 : html.indexOf('</script>', start + open.length);
  if (end < 0) return null;
  return html.slice(0, start) + inlineCorpusElement(corpus) + html.slice(end + '</script>'.length);
}
