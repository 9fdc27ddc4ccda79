#pragma once
// Text of an HTML document, for reading and analysis: markup removed, block structure kept as blank lines.
#include <string>
#include <string_view>

namespace textx {

// Returns the visible text of `html` (valid UTF-8; the result is valid UTF-8), roughly as a browser would
// render it without CSS. Linear time and memory, no recursion: hostile input is safe.
//
// Layout:
// - Paragraphs are separated by one blank line ("\n\n"). Block elements (p, div, h1-h6, li, dt, dd,
//   blockquote, pre, table, tr, section, article, header, footer, nav, aside, main, figure, hr, form,
//   option, ...) end the paragraph before them and start a new one. No leading or trailing blank lines,
//   never two blank lines in a row.
// - <br> is a line break ("\n"); two or more in a row make one paragraph break.
// - Table cells (td, th) within a row are separated by a tab; empty cells leave no separator. Each row
//   is a paragraph.
// - Whitespace collapses as in browsers (runs of ASCII whitespace become one space, none at line edges).
//   Inside pre, listing, textarea and xmp it is kept, except the first newline after the start tag,
//   whitespace at line ends, and newlines beyond one blank line. CR and CRLF become LF there.
// - The first <title> (wherever it is) becomes the first paragraph, whitespace collapsed.
//
// Dropped with their content: script, style, noscript, iframe, noembed, noframes, template, svg and math
// (MathML markup is mostly layout and TeX annotations; an HTML tag such as <p> inside them ends them, as
// in browsers), comments, <![CDATA[...]]>, and up to the first '>' as in browsers: doctypes, <?...>
// processing instructions and other "<!", "<?", "</" + non-letter constructs. <head> itself is no container: everything in it that can carry text is dropped
// on its own, so a missing </head> cannot swallow the document. Attribute values never appear (no alt or
// title text). CSS and the `hidden` attribute are not applied.
//
// Character references: decimal and hex numeric ones (';' optional; 0, surrogates and values above
// U+10FFFF give U+FFFD; 0x80-0x9F are read as Windows-1252, as browsers do), and the named ones of HTML 4
// (Latin-1, typographic, Greek, arrows and a few math signs) plus &apos;. The Latin-1 names and amp, lt,
// gt, quot are also decoded without ';' ("&copy2024" -> "©2024"), as browsers do. Unknown names stay
// literal text.
//
// Malformed input: '<' not starting a tag, comment or declaration is literal text ("a < b"). A tag,
// quoted attribute value, comment or CDATA section left open at the end of input drops the rest of the
// input; an unclosed script or style drops the rest; an unclosed title or textarea keeps it as text.
std::string html_to_text(std::string_view html);

// Whether `bytes` look like an HTML document rather than plain text that mentions tags. True when, after
// an optional byte-order mark, whitespace, <?xml ...?> declaration and comments, they start with
// "<!doctype html", "<html", "<head" or "<body"; or when their first 4 KiB hold at least two block-level
// tags (such as <p> and </p>, or <div> and <br>). Inline tags like <b> never count.
bool looks_like_html(std::string_view bytes);

}  // namespace textx
