#include "core/text/word_breaks.hpp"

#include <array>
#include <cstdint>

#include "core/text/ascii_swar.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

using unicode::CharInfo;
using unicode::WordBreak;
using WB = WordBreak;

bool is_ah_letter(WB p) { return p == WB::kALetter || p == WB::kHebrew_Letter; }
bool is_mid_num_let_q(WB p) { return p == WB::kMidNumLet || p == WB::kSingle_Quote; }
bool is_newline(WB p) { return p == WB::kNewline || p == WB::kCR || p == WB::kLF; }
bool is_ignorable(WB p) { return p == WB::kExtend || p == WB::kFormat || p == WB::kZWJ; }

// Properties of the code point at `pos`, advancing past it; ASCII takes neither decoding nor the two-stage
// table.
CharInfo info_at(std::string_view text, std::size_t& pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    ++pos;
    return unicode::ascii_char_info(b);
  }
  return unicode::char_info(next_code_point(text, pos));
}

// Word_Break of the first code point at or after `pos` that WB4 does not skip; kOther at the end of text
// (no rule looks for "end of text" in that position).
WB next_effective(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const WB p = info_at(text, pos).word_break();
    if (!is_ignorable(p)) return p;
  }
  return WB::kOther;
}

// The fast paths' classes of each ASCII byte, derived from its generated properties (0 for bytes >= 0x80).
enum : std::uint8_t {
  // ALetter or Numeric (all of them word content). After any AHLetter or Numeric, and between two of them,
  // there is no boundary: WB5 and WB8-WB10 join them, and no earlier rule applies (none is CR, a newline,
  // WSegSpace, ignorable or Extended_Pictographic).
  kRun = 1,
  // After an ALetter or Numeric, a boundary comes before this byte whatever follows: it is no joiner of
  // WB4, WB5, WB6, WB8-WB10, WB12 or WB13a (MidLetter, MidNumLet, Single_Quote, MidNum, ExtendNumLet,
  // Extend/Format/ZWJ), and WB7a-WB7c, WB13 and WB15 cannot join it to an ALetter or Numeric; so WB3a/WB3b
  // or WB999 break.
  kBreaksAfterRun = 2,
  // As the first code point of a segment, followed by an ASCII letter or digit, a boundary comes between
  // them: with nothing before it only WB13b (ExtendNumLet) could join them, WB3a breaks after a newline, and
  // every other rule needs AHLetter or Numeric before the boundary.
  kBreaksBeforeRun = 4,
  // General_Category L* or N*.
  kWordContent = 8,
};

std::array<std::uint8_t, 256> ascii_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (unsigned b = 0; b < 0x80; ++b) {
    const CharInfo info = unicode::ascii_char_info(static_cast<unsigned char>(b));
    const WB p = info.word_break();
    const bool pictographic = info.extended_pictographic();
    if ((p == WB::kALetter || p == WB::kNumeric) && !pictographic && info.word_content()) classes[b] |= kRun;
    if ((p == WB::kOther || p == WB::kCR || p == WB::kLF || p == WB::kNewline || p == WB::kWSegSpace ||
         p == WB::kDouble_Quote) && !pictographic)
      classes[b] |= kBreaksAfterRun;
    if (p != WB::kALetter && p != WB::kNumeric && p != WB::kHebrew_Letter && p != WB::kExtendNumLet &&
        p != WB::kRegional_Indicator && p != WB::kZWJ && !is_ignorable(p))
      classes[b] |= kBreaksBeforeRun;
    if (info.word_content()) classes[b] |= kWordContent;
  }
  return classes;
}

const std::array<std::uint8_t, 256> kAsciiClass = ascii_classes();

std::uint8_t ascii_class(std::string_view text, std::size_t pos) {
  return kAsciiClass[static_cast<unsigned char>(text[pos])];
}

// kRun eight bytes at a time: ASCII digits and letters (checked against kAsciiClass below).
swar::Word run_lanes(swar::Word v) {
  const swar::Word digit = swar::low7_at_least(v, '0') & swar::low7_at_most(v, '9');
  const swar::Word folded = v | swar::broadcast(0x20);
  const swar::Word letter = swar::low7_at_least(folded, 'a') & swar::low7_at_most(folded, 'z');
  return swar::ascii(v) & (digit | letter);
}

const bool kSwarRun =
    swar::swar_matches_table(run_lanes, [](unsigned char b) { return (kAsciiClass[b] & kRun) != 0; });

// The end of the run of kRun bytes starting at `pos`.
[[gnu::always_inline]] inline std::size_t ascii_run_end(std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
  if (kSwarRun) {
    for (; pos + 8 <= size; pos += 8) {
      const swar::Word stops = ~run_lanes(swar::load(text.data() + pos)) & swar::kHigh;
      if (stops) return pos + swar::first(stops);
    }
  }
  while (pos < size && (ascii_class(text, pos) & kRun)) ++pos;
  return pos;
}

}  // namespace

// The common segments of ASCII text, a run of letters and digits or one space or punctuation mark before
// one, are found here; the rest by the full rules. Inlined into next() and next_word().
[[gnu::always_inline]] inline std::size_t WordBoundaryScanner::next_segment() {
  const std::size_t size = text_.size();
  if (pos_ >= size) return npos;
  const std::size_t run_end = ascii_run_end(text_, pos_);
  if (run_end > pos_) {
    if (run_end == size || (ascii_class(text_, run_end) & kBreaksAfterRun)) {
      pos_ = run_end;
      segment_has_content_ = true;
      return pos_;
    }
  } else if ((ascii_class(text_, pos_) & kBreaksBeforeRun) &&
             (pos_ + 1 == size || (ascii_class(text_, pos_ + 1) & kRun))) {
    segment_has_content_ = (ascii_class(text_, pos_) & kWordContent) != 0;
    return ++pos_;
  }
  return next_by_rules(run_end);
}

std::size_t WordBoundaryScanner::next() { return next_segment(); }

bool WordBoundaryScanner::next_word(std::size_t& start, std::size_t& end) {
  for (std::size_t from = pos_, to = next_segment(); to != npos; from = to, to = next_segment()) {
    if (segment_has_content_) {
      start = from;
      end = to;
      return true;
    }
  }
  return false;
}

// next() by the full rules, for a segment starting at pos_ whose first bytes up to `run_end` are ASCII
// letters and digits (run_end == pos_ when it does not start with one).
std::size_t WordBoundaryScanner::next_by_rules(std::size_t run_end) {
  const std::size_t size = text_.size();

  // State about the text before the candidate boundary: the raw previous code point, and the last two
  // code points that WB4 does not absorb (the "effective" ones the later rules look at).
  WB prev_raw, prev, prev2;
  std::size_t ri_run;  // regional indicators ending at prev
  if (run_end > pos_) {
    // Continue after the run: its last two code points are ASCII.
    prev = unicode::ascii_char_info(static_cast<unsigned char>(text_[run_end - 1])).word_break();
    prev2 = run_end - pos_ >= 2 ? unicode::ascii_char_info(static_cast<unsigned char>(text_[run_end - 2])).word_break()
                                : WB::kOther;
    prev_raw = prev;
    ri_run = 0;
    segment_has_content_ = true;
    pos_ = run_end;
  } else {
    const CharInfo first = info_at(text_, pos_);
    prev_raw = first.word_break();
    prev = prev_raw;
    prev2 = WB::kOther;
    ri_run = prev == WB::kRegional_Indicator ? 1 : 0;
    segment_has_content_ = first.word_content();
  }

  while (pos_ < size) {
    // Fast path inside the loop: ASCII letters and digits after AHLetter or Numeric join (WB5, WB8-WB10).
    if ((is_ah_letter(prev) || prev == WB::kNumeric) && (ascii_class(text_, pos_) & kRun)) {
      const std::size_t start = pos_;
      pos_ = ascii_run_end(text_, pos_);
      const WB last = unicode::ascii_char_info(static_cast<unsigned char>(text_[pos_ - 1])).word_break();
      prev2 = pos_ - start >= 2 ? unicode::ascii_char_info(static_cast<unsigned char>(text_[pos_ - 2])).word_break()
                                : prev;
      prev = prev_raw = last;
      ri_run = 0;
      segment_has_content_ = true;
      continue;
    }
    std::size_t after = pos_;
    const CharInfo info = info_at(text_, after);
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

std::vector<std::size_t> word_boundaries(std::string_view text) {
  std::vector<std::size_t> boundaries{0};
  WordBoundaryScanner scanner(text);
  for (std::size_t b = scanner.next(); b != WordBoundaryScanner::npos; b = scanner.next()) boundaries.push_back(b);
  return boundaries;
}

}  // namespace textx
