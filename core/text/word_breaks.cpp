#include "core/text/word_breaks.hpp"

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

// Word_Break of the first code point at or after `pos` that WB4 does not skip; kOther at the end of text
// (no rule looks for "end of text" in that position).
WB next_effective(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const WB p = unicode::char_info(next_code_point(text, pos)).word_break();
    if (!is_ignorable(p)) return p;
  }
  return WB::kOther;
}

}  // namespace

std::size_t WordBoundaryScanner::next() {
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

std::vector<std::size_t> word_boundaries(std::string_view text) {
  std::vector<std::size_t> boundaries{0};
  WordBoundaryScanner scanner(text);
  for (std::size_t b = scanner.next(); b != WordBoundaryScanner::npos; b = scanner.next()) boundaries.push_back(b);
  return boundaries;
}

}  // namespace textx
