#pragma once
// A document's reading units: paragraphs, and the sentences inside them.
//
// Paragraphs are separated by blank lines (lines holding only whitespace) or U+2029 PARAGRAPH SEPARATOR;
// the lines of one paragraph are one hard-wrapped paragraph, rejoined. A text with no blank lines at all
// has one paragraph per line, unless its lines look hard-wrapped (most of them 40 to 100 characters
// long), in which case they are one block. Any paragraph longer than kLongParagraphBytes (the State of
// the Union texts are one line per speech) is divided at sentence boundaries into units of about
// kUnitBytes. Sentences follow UAX #29 within each paragraph, with its line breaks read as spaces.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace textx {

inline constexpr std::size_t kLongParagraphBytes = 4000;
inline constexpr std::size_t kUnitBytes = 1500;

// A stretch of text as UTF-8 byte offsets [start, end), trimmed of surrounding whitespace.
struct TextSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

struct Segments {
  std::vector<TextSpan> paragraphs;
  std::vector<TextSpan> sentences;  // in order; each lies within one paragraph
};

// Paragraphs and sentences of valid UTF-8 `text` (size < 2^32). Empty lists for text without any
// non-whitespace character.
Segments find_segments(std::string_view text);

}  // namespace textx
