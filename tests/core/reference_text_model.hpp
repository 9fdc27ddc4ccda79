#pragma once
// The text model as it was before its ASCII fast paths (word and sentence scanners, segments, UTF-8
// repair, ASCII keys), kept verbatim as the reference the fast paths are checked against on random text
// (the "agrees with the reference" cases of test_word_breaks.cpp, test_sentence_breaks.cpp, test_segments.cpp,
// test_utf8.cpp and test_fold.cpp, on random_text.hpp's text). Only the names changed: all is in textx::reference.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/segments.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx::reference {

inline std::vector<std::size_t> sentence_boundaries(std::string_view text);

// ---- word boundaries (core/text/word_breaks.cpp) ----
namespace word {

using unicode::CharInfo;
using unicode::WordBreak;
using WB = WordBreak;

inline bool is_ah_letter(WB p) { return p == WB::kALetter || p == WB::kHebrew_Letter; }
inline bool is_mid_num_let_q(WB p) { return p == WB::kMidNumLet || p == WB::kSingle_Quote; }
inline bool is_newline(WB p) { return p == WB::kNewline || p == WB::kCR || p == WB::kLF; }
inline bool is_ignorable(WB p) { return p == WB::kExtend || p == WB::kFormat || p == WB::kZWJ; }

// Word_Break of the first code point at or after `pos` that WB4 does not skip; kOther at the end of text
// (no rule looks for "end of text" in that position).
inline WB next_effective(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const WB p = unicode::char_info(next_code_point(text, pos)).word_break();
    if (!is_ignorable(p)) return p;
  }
  return WB::kOther;
}


class WordScanner {
 public:
  explicit WordScanner(std::string_view text) : text_(text) {}
  std::size_t next();
  bool segment_has_word_content() const { return segment_has_content_; }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool segment_has_content_ = false;
};

inline std::size_t WordScanner::next() {
  if (pos_ >= text_.size()) return npos;
  // State about the text before the candidate boundary: the raw previous code point, and the last two
  // code points that WB4 does not absorb (the "effective" ones the later rules look at).
  CharInfo first = unicode::char_info(next_code_point(text_, pos_));
  WB prev_raw = first.word_break();
  WB prev = prev_raw, prev2 = WB::kOther;
  std::size_t ri_run = prev == WB::kRegional_Indicator ? 1 : 0;  // regional indicators ending at prev
  segment_has_content_ = first.word_content();

  while (pos_ < text_.size()) {
    std::size_t after = pos_;
    const CharInfo info = unicode::char_info(next_code_point(text_, after));
    const WB cur = info.word_break();
    bool join;
    bool absorbed = false;  // WB4: cur attaches to prev and is invisible to the rules that follow
    if (prev_raw == WB::kCR && cur == WB::kLF) {
      join = true;  // WB3
    } else if (is_newline(prev_raw) || is_newline(cur)) {
      join = false;  // WB3a, WB3b
    } else if (prev_raw == WB::kZWJ && info.extended_pictographic()) {
      join = true;  // WB3c
    } else if (prev_raw == WB::kWSegSpace && cur == WB::kWSegSpace) {
      join = true;  // WB3d
    } else if (is_ignorable(cur)) {
      join = absorbed = true;  // WB4
    } else if (is_ah_letter(prev) && is_ah_letter(cur)) {
      join = true;  // WB5
    } else if (is_ah_letter(prev) && (cur == WB::kMidLetter || is_mid_num_let_q(cur)) &&
               is_ah_letter(next_effective(text_, after))) {
      join = true;  // WB6
    } else if (is_ah_letter(prev2) && (prev == WB::kMidLetter || is_mid_num_let_q(prev)) && is_ah_letter(cur)) {
      join = true;  // WB7
    } else if (prev == WB::kHebrew_Letter && cur == WB::kSingle_Quote) {
      join = true;  // WB7a
    } else if (prev == WB::kHebrew_Letter && cur == WB::kDouble_Quote &&
               next_effective(text_, after) == WB::kHebrew_Letter) {
      join = true;  // WB7b
    } else if (prev2 == WB::kHebrew_Letter && prev == WB::kDouble_Quote && cur == WB::kHebrew_Letter) {
      join = true;  // WB7c
    } else if ((prev == WB::kNumeric || is_ah_letter(prev)) && (cur == WB::kNumeric || is_ah_letter(cur))) {
      join = true;  // WB8, WB9, WB10
    } else if (prev2 == WB::kNumeric && (prev == WB::kMidNum || is_mid_num_let_q(prev)) && cur == WB::kNumeric) {
      join = true;  // WB11
    } else if (prev == WB::kNumeric && (cur == WB::kMidNum || is_mid_num_let_q(cur)) &&
               next_effective(text_, after) == WB::kNumeric) {
      join = true;  // WB12
    } else if (prev == WB::kKatakana && cur == WB::kKatakana) {
      join = true;  // WB13
    } else if ((is_ah_letter(prev) || prev == WB::kNumeric || prev == WB::kKatakana || prev == WB::kExtendNumLet) &&
               cur == WB::kExtendNumLet) {
      join = true;  // WB13a
    } else if (prev == WB::kExtendNumLet && (is_ah_letter(cur) || cur == WB::kNumeric || cur == WB::kKatakana)) {
      join = true;  // WB13b
    } else if (prev == WB::kRegional_Indicator && cur == WB::kRegional_Indicator && ri_run % 2 == 1) {
      join = true;  // WB15, WB16
    } else {
      join = false;  // WB999
    }
    if (!join) return pos_;

    pos_ = after;
    prev_raw = cur;
    segment_has_content_ = segment_has_content_ || info.word_content();
    if (absorbed) continue;
    ri_run = cur == WB::kRegional_Indicator ? ri_run + 1 : 0;
    prev2 = prev;
    prev = cur;
  }
  return pos_;
}

}  // namespace word

// Boundaries after 0, each with whether the segment it ends is a word token.
struct WordBoundary {
  std::size_t offset;
  bool word;
  bool operator==(const WordBoundary&) const = default;
};

inline std::vector<WordBoundary> word_boundaries(std::string_view text) {
  std::vector<WordBoundary> out;
  word::WordScanner scanner(text);
  for (std::size_t b = scanner.next(); b != word::WordScanner::npos; b = scanner.next())
    out.push_back({b, scanner.segment_has_word_content()});
  return out;
}

// ---- sentence boundaries (core/text/sentence_breaks.cpp) ----
namespace sentence {

using SB = unicode::SentenceBreak;

inline bool is_para_sep(SB p) { return p == SB::kSep || p == SB::kCR || p == SB::kLF; }
inline bool is_sa_term(SB p) { return p == SB::kSTerm || p == SB::kATerm; }
inline bool is_ignorable(SB p) { return p == SB::kExtend || p == SB::kFormat; }

inline SB property_at(std::string_view text, std::size_t& pos) {
  return unicode::char_info(next_code_point(text, pos)).sentence_break();
}

// SB8's look-ahead from `pos`: whether ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower follows.
// Extend and Format are not in the excluded set, so SB5 needs no special care here. The scan stops at the
// next SATerm at the latest, and SB8 is only tried after an SATerm, so no text is scanned twice.
inline bool lower_follows(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const SB p = property_at(text, pos);
    if (p == SB::kLower) return true;
    if (p == SB::kOLetter || p == SB::kUpper || is_para_sep(p) || is_sa_term(p)) return false;
  }
  return false;
}


class SentenceScanner {
 public:
  explicit SentenceScanner(std::string_view text) : text_(text) {}
  std::size_t next();
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  enum class TermContext : std::uint8_t { kNone, kAfterTerm, kAfterSpace };
  void consume(unicode::SentenceBreak cur, bool absorbed);

  std::string_view text_;
  std::size_t pos_ = 0;
  unicode::SentenceBreak prev_raw_{};
  unicode::SentenceBreak prev_{};
  unicode::SentenceBreak prev2_{};
  TermContext context_ = TermContext::kNone;
  bool term_is_aterm_ = false;
};

inline void SentenceScanner::consume(SB cur, bool absorbed) {
  prev_raw_ = cur;
  if (absorbed) return;  // SB5: invisible to the rules, so it changes none of their context
  prev2_ = prev_;
  prev_ = cur;
  if (is_sa_term(cur)) {
    context_ = TermContext::kAfterTerm;
    term_is_aterm_ = cur == SB::kATerm;
  } else if (cur == SB::kClose && context_ == TermContext::kAfterTerm) {
    // still SATerm Close*
  } else if (cur == SB::kSp && context_ != TermContext::kNone) {
    context_ = TermContext::kAfterSpace;
  } else {
    context_ = TermContext::kNone;
  }
}

inline std::size_t SentenceScanner::next() {
  if (pos_ >= text_.size()) return npos;
  // The code point after the boundary starts the sentence. It is never absorbed by SB5: there is no X before
  // it at the start of text (SB1), and a boundary before Extend or Format can only follow a ParaSep (SB4).
  consume(property_at(text_, pos_), false);

  while (pos_ < text_.size()) {
    std::size_t after = pos_;
    const SB cur = property_at(text_, after);
    const bool after_term = context_ != TermContext::kNone;
    bool join;
    bool absorbed = false;
    if (prev_raw_ == SB::kCR && cur == SB::kLF) {
      join = true;  // SB3
    } else if (is_para_sep(prev_raw_)) {
      join = false;  // SB4
    } else if (is_ignorable(cur)) {
      join = absorbed = true;  // SB5
    } else if (prev_ == SB::kATerm && cur == SB::kNumeric) {
      join = true;  // SB6
    } else if ((prev2_ == SB::kUpper || prev2_ == SB::kLower) && prev_ == SB::kATerm && cur == SB::kUpper) {
      join = true;  // SB7
    } else if (after_term && (cur == SB::kSContinue || is_sa_term(cur))) {
      join = true;  // SB8a
    } else if (context_ == TermContext::kAfterTerm && (cur == SB::kClose || cur == SB::kSp || is_para_sep(cur))) {
      join = true;  // SB9
    } else if (after_term && (cur == SB::kSp || is_para_sep(cur))) {
      join = true;  // SB10
    } else if (after_term && term_is_aterm_ && cur != SB::kOLetter && cur != SB::kUpper &&
               lower_follows(text_, pos_)) {
      // SB8, tried after SB8a-SB10 since it only matters where SB11 would break. The ruled-out starts are
      // checked first so that the common ". Next" costs no scan.
      join = true;
    } else if (after_term) {
      join = false;  // SB11 (a ParaSep ending the sentence was joined by SB9/SB10 and breaks by SB4)
    } else {
      join = true;  // SB998
    }
    if (!join) return pos_;

    pos_ = after;
    consume(cur, absorbed);
  }
  return pos_;
}

}  // namespace sentence

inline std::vector<std::size_t> sentence_boundaries(std::string_view text) {
  std::vector<std::size_t> boundaries{0};
  sentence::SentenceScanner scanner(text);
  for (std::size_t b = scanner.next(); b != sentence::SentenceScanner::npos; b = scanner.next()) boundaries.push_back(b);
  return boundaries;
}

// ---- paragraphs and sentences (core/text/segments.cpp) ----
namespace segments {

struct Line {
  std::size_t start = 0;
  std::size_t end = 0;        // before the line break
  bool blank = true;          // only whitespace
  bool paragraph_end = false; // ended by U+2029 PARAGRAPH SEPARATOR
  std::size_t chars = 0;      // code points, for the hard-wrap test
};

inline bool is_space_code_point(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F;
}

// Lines ended by LF, CRLF, CR, NEL, U+2028 or U+2029.
inline std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  Line line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      if (cp == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
      line.end = at;
      line.paragraph_end = cp == 0x2029;
      lines.push_back(line);
      line = Line{pos};
      continue;
    }
    ++line.chars;
    if (!is_space_code_point(cp)) line.blank = false;
  }
  line.end = text.size();
  lines.push_back(line);
  return lines;
}

// Shrinks [start, end) past whitespace and line breaks at either end.
inline TextSpan trimmed(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t first = end;
  std::size_t last = start;
  std::size_t pos = start;
  while (pos < end) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_space_code_point(cp) || cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) continue;
    if (first == end) first = at;
    last = pos;
  }
  if (first == end) return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)};
  return {static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last)};
}

// Whether text without blank lines is hard-wrapped prose rather than one paragraph per line.
inline bool looks_hard_wrapped(const std::vector<Line>& lines) {
  std::size_t content = 0, wrapped = 0;
  for (const Line& line : lines) {
    if (line.blank) continue;
    ++content;
    wrapped += line.chars >= 40 && line.chars <= 100;
  }
  return content >= 3 && wrapped * 4 >= content * 3;
}

// Sentence boundaries of a paragraph, with its line breaks read as spaces (a hard-wrapped line end is not
// the end of a sentence). Appends sentence spans in text offsets.
inline void append_sentences(std::string_view text, TextSpan paragraph, std::vector<TextSpan>& sentences) {
  std::string flat(text.substr(paragraph.start, paragraph.end - paragraph.start));
  for (char& c : flat)
    if (c == '\n' || c == '\r') c = ' ';
  const std::vector<std::size_t> bounds = reference::sentence_boundaries(flat);
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    const TextSpan s = trimmed(text, paragraph.start + bounds[i], paragraph.start + bounds[i + 1]);
    if (s.end > s.start) sentences.push_back(s);
  }
}

// Appends `block` as one paragraph, or, when it is long, as units of whole sentences of about kUnitBytes.
inline void append_paragraph(std::string_view text, TextSpan block, Segments& out) {
  const std::size_t first_sentence = out.sentences.size();
  append_sentences(text, block, out.sentences);
  if (block.end - block.start <= kLongParagraphBytes) {
    out.paragraphs.push_back(block);
    return;
  }
  TextSpan unit{block.start, block.start};
  for (std::size_t i = first_sentence; i < out.sentences.size(); ++i) {
    unit.end = out.sentences[i].end;
    const bool last = i + 1 == out.sentences.size();
    if (unit.end - unit.start >= kUnitBytes || last) {
      out.paragraphs.push_back(unit);
      if (!last) unit.start = out.sentences[i + 1].start;
    }
  }
}

}  // namespace segments

inline Segments find_segments(std::string_view text) {
  Segments out;
  using namespace segments;
  const std::vector<Line> lines = split_lines(text);
  bool any_blank = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) any_blank = any_blank || lines[i].blank || lines[i].paragraph_end;
  const bool line_per_paragraph = !any_blank && !looks_hard_wrapped(lines);

  std::size_t block_start = 0;
  bool in_block = false;
  const auto close_block = [&](std::size_t end) {
    if (!in_block) return;
    const TextSpan block = trimmed(text, block_start, end);
    if (block.end > block.start) append_paragraph(text, block, out);
    in_block = false;
  };
  for (const Line& line : lines) {
    if (line.blank) {
      close_block(line.start);
      continue;
    }
    if (!in_block) {
      block_start = line.start;
      in_block = true;
    }
    if (line.paragraph_end || line_per_paragraph) close_block(line.end);
  }
  close_block(text.size());
  return out;
}


// ---- UTF-8 repair (core/text/utf8.cpp) ----
namespace utf8 {

inline std::size_t well_formed_length(std::string_view s, std::size_t i, std::size_t& bad_len) {
  const auto at = [&](std::size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
  const int b0 = at(0);
  bad_len = 1;
  if (b0 < 0x80) return 1;
  int need = 0, lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // C0, C1, F5..FF and stray continuation bytes
  }
  for (int k = 1; k <= need; ++k) {
    const int b = at(k);
    const int min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) {
      bad_len = static_cast<std::size_t>(k);
      return 0;
    }
  }
  return static_cast<std::size_t>(need + 1);
}

}  // namespace utf8

inline RepairedText repair_utf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  RepairedText out;
  out.text.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // ASCII runs are the common case; copy them without per-byte classification.
    std::size_t run = i;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.text.append(bytes.data() + i, run - i);
    i = run;
    if (i == bytes.size()) break;
    std::size_t bad_len = 0;
    const std::size_t len = utf8::well_formed_length(bytes, i, bad_len);
    if (len > 0) {
      out.text.append(bytes.data() + i, len);
      i += len;
    } else {
      append_utf8(out.text, kReplacementChar);
      ++out.replacements;
      i += bad_len;
    }
  }
  return out;
}


// ---- the key of an ASCII word (core/text/fold.cpp): lower-cased by a bit ----
inline bool ascii_key(std::string_view word, std::string& key) {
  for (const char c : word)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  key.assign(word);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return true;
}

}  // namespace textx::reference
