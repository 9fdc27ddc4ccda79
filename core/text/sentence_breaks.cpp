#include "core/text/sentence_breaks.hpp"

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

using SB = unicode::SentenceBreak;

bool is_para_sep(SB p) { return p == SB::kSep || p == SB::kCR || p == SB::kLF; }
bool is_sa_term(SB p) { return p == SB::kSTerm || p == SB::kATerm; }
bool is_ignorable(SB p) { return p == SB::kExtend || p == SB::kFormat; }

SB property_at(std::string_view text, std::size_t& pos) {
  return unicode::char_info(next_code_point(text, pos)).sentence_break();
}

// SB8's look-ahead from `pos`: whether ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower follows.
// Extend and Format are not in the excluded set, so SB5 needs no special care here. The scan stops at the
// next SATerm at the latest, and SB8 is only tried after an SATerm, so no text is scanned twice.
bool lower_follows(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const SB p = property_at(text, pos);
    if (p == SB::kLower) return true;
    if (p == SB::kOLetter || p == SB::kUpper || is_para_sep(p) || is_sa_term(p)) return false;
  }
  return false;
}

}  // namespace

void SentenceBoundaryScanner::consume(SB cur, bool absorbed) {
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

std::size_t SentenceBoundaryScanner::next() {
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

std::vector<std::size_t> sentence_boundaries(std::string_view text) {
  std::vector<std::size_t> boundaries{0};
  SentenceBoundaryScanner scanner(text);
  for (std::size_t b = scanner.next(); b != SentenceBoundaryScanner::npos; b = scanner.next()) {
    boundaries.push_back(b);
  }
  return boundaries;
}

}  // namespace textx
