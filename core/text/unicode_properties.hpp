#pragma once
// Unicode character properties the text model needs, looked up in tables that
// scripts/generate_unicode_tables.py writes at build time from the Unicode Character Database
// (Debian's unicode-data, Unicode 15.0). Nothing here is typed by hand but the enumerations' names.
#include <cstdint>
#include <span>

namespace textx::unicode {

// Word_Break (UAX #29, WordBreakProperty.txt).
enum class WordBreak : std::uint8_t {
  kOther, kCR, kLF, kNewline, kExtend, kZWJ, kRegional_Indicator, kFormat, kKatakana, kHebrew_Letter,
  kALetter, kSingle_Quote, kDouble_Quote, kMidNumLet, kMidLetter, kMidNum, kNumeric, kExtendNumLet, kWSegSpace,
};

// Sentence_Break (UAX #29, SentenceBreakProperty.txt).
enum class SentenceBreak : std::uint8_t {
  kOther, kCR, kLF, kExtend, kSep, kFormat, kSp, kLower, kUpper, kOLetter, kNumeric, kATerm, kSContinue, kSTerm,
  kClose,
};

// Everything known about one code point, packed in 32 bits.
struct CharInfo {
  std::uint32_t bits;

  WordBreak word_break() const { return static_cast<WordBreak>(bits & 0x1F); }
  SentenceBreak sentence_break() const { return static_cast<SentenceBreak>((bits >> 5) & 0x0F); }
  // Extended_Pictographic (emoji-data.txt), used by the word-break rule WB3c.
  bool extended_pictographic() const { return bits & (1u << 9); }
  // General_Category L* or N*: what makes a segment a word token (letters, digits, ideographs).
  bool word_content() const { return bits & (1u << 10); }
  // A nonspacing mark of Script=Inherited (the shared combining diacritics, Arabic harakat): dropped when
  // matching ignores diacritics. Script-specific marks (Devanagari virama, Hebrew points) are kept.
  bool diacritic() const { return bits & (1u << 11); }
  // Has a canonical decomposition (Hangul syllables excluded: they decompose by algorithm).
  bool has_decomposition() const { return bits & (1u << 12); }
  // Has a full case folding (CaseFolding.txt status C or F) other than itself.
  bool has_case_folding() const { return bits & (1u << 13); }
  // Canonical_Combining_Class.
  std::uint8_t combining_class() const { return static_cast<std::uint8_t>(bits >> 16); }
};

// Properties of `cp`; code points beyond U+10FFFF get those of an unassigned code point.
CharInfo char_info(char32_t cp);

// char_info of U+0000..U+007F, for the ASCII fast paths: the same generated values, one load away.
extern const std::uint32_t kAsciiInfo[128];
inline CharInfo ascii_char_info(unsigned char b) { return CharInfo{kAsciiInfo[b & 0x7F]}; }

// The full canonical decomposition of `cp` (applied recursively, not yet canonically ordered), or an empty
// span when it has none. Hangul syllables are not covered: see decompose_hangul.
std::span<const char32_t> canonical_decomposition(char32_t cp);

// The full case folding of `cp` (status C and F), or an empty span when it folds to itself.
std::span<const char32_t> case_folding(char32_t cp);

}  // namespace textx::unicode
