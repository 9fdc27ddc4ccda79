#pragma once
// What the text model counts as whitespace: the spaces and line breaks that separate paragraphs, are
// trimmed from every span, and (in a diff) are layout rather than wording.
namespace textx {

// Horizontal spaces: ASCII space and tabs, no-break and ideographic spaces, the U+2000 block, BOM/ZWNBSP.
inline bool is_space_code_point(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F;
}

// Line ends: LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
inline bool is_line_break_code_point(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

inline bool is_whitespace_code_point(char32_t cp) { return is_space_code_point(cp) || is_line_break_code_point(cp); }

}  // namespace textx
