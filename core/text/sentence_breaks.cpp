#include "core/text/sentence_breaks.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/text/ascii_swar.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

using SB = unicode::SentenceBreak;

bool is_para_sep(SB p) { return p == SB::kSep || p == SB::kCR || p == SB::kLF; }
bool is_sa_term(SB p) { return p == SB::kSTerm || p == SB::kATerm; }
bool is_ignorable(SB p) { return p == SB::kExtend || p == SB::kFormat; }

// What the scanner knows of ASCII bytes, in one of two readings of the text: as it is, or with CR and LF
// read as spaces (Sp), as segments.cpp reads a paragraph whose line breaks are hard wraps.
struct AsciiTable {
  std::array<SB, 128> property{};
  // Bytes that SB998 joins to the text before them whenever that text is not after a sentence terminator
  // (TermContext::kNone) and does not end in a ParaSep, leaving it not after a terminator: every property
  // but SATerm (which starts a terminator context), ParaSep (SB4 breaks after it) and Extend/Format (SB5
  // absorbs them). Bytes >= 0x80 are never plain.
  std::array<bool, 256> plain{};
  // The ASCII bytes that are not plain, for an eight-at-a-time skip over plain bytes (if they are few).
  std::array<unsigned char, 6> stops{};
  bool swar = false;

  swar::Word stop_lanes(swar::Word v) const {
    swar::Word mask = ~swar::ascii(v) & swar::kHigh;
    for (const unsigned char stop : stops) mask |= swar::equal(v, stop);
    return mask;
  }
};

AsciiTable ascii_table(bool line_breaks_as_spaces) {
  AsciiTable table;
  std::vector<unsigned char> stops;
  for (unsigned b = 0; b < 0x80; ++b) {
    SB p = unicode::ascii_char_info(static_cast<unsigned char>(b)).sentence_break();
    if (line_breaks_as_spaces && (b == '\n' || b == '\r')) p = unicode::ascii_char_info(' ').sentence_break();
    table.property[b] = p;
    table.plain[b] = !is_sa_term(p) && !is_para_sep(p) && !is_ignorable(p);
    if (!table.plain[b]) stops.push_back(static_cast<unsigned char>(b));
  }
  if (stops.empty() || stops.size() > table.stops.size()) return table;  // no eight-at-a-time skip
  for (std::size_t i = 0; i < table.stops.size(); ++i) table.stops[i] = stops[std::min(i, stops.size() - 1)];
  table.swar = swar::swar_matches_table([&](swar::Word v) { return table.stop_lanes(v); },
                                        [&](unsigned char b) { return !table.plain[b]; });
  return table;
}

const std::array<AsciiTable, 2> kAsciiTables = {ascii_table(false), ascii_table(true)};

// Sentence_Break of the code point at `pos`, advancing past it; ASCII takes neither decoding nor the
// two-stage table.
SB property_at(const AsciiTable& ascii, std::string_view text, std::size_t& pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    ++pos;
    return ascii.property[b];
  }
  return unicode::char_info(next_code_point(text, pos)).sentence_break();
}

// The end of the run of plain bytes starting at `pos`.
std::size_t plain_run_end(const AsciiTable& ascii, std::string_view text, std::size_t pos) {
  const std::size_t size = text.size();
  if (ascii.swar) {
    for (; pos + 8 <= size; pos += 8) {
      const swar::Word stops = ascii.stop_lanes(swar::load(text.data() + pos));
      if (stops) return pos + swar::first(stops);
    }
  }
  while (pos < size && ascii.plain[static_cast<unsigned char>(text[pos])]) ++pos;
  return pos;
}

// SB8's look-ahead from `pos`: whether ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower follows.
// Extend and Format are not in the excluded set, so SB5 needs no special care here. The scan stops at the
// next SATerm at the latest, and SB8 is only tried after an SATerm, so no text is scanned twice.
bool lower_follows(const AsciiTable& ascii, std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const SB p = property_at(ascii, text, pos);
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
  const AsciiTable& ascii = kAsciiTables[line_breaks_as_spaces_];
  // The code point after the boundary starts the sentence. It is never absorbed by SB5: there is no X before
  // it at the start of text (SB1), and a boundary before Extend or Format can only follow a ParaSep (SB4).
  consume(property_at(ascii, text_, pos_), false);

  while (pos_ < text_.size()) {
    if (context_ == TermContext::kNone && !is_para_sep(prev_raw_) &&
        ascii.plain[static_cast<unsigned char>(text_[pos_])]) {
      // Fast path: inside a sentence, SB998 joins every plain ASCII byte and each leaves the context as it
      // is, so skip the run and set prev_ and prev2_ from its last two bytes.
      const std::size_t start = pos_;
      pos_ = plain_run_end(ascii, text_, pos_);
      const auto property = [&](std::size_t at) { return ascii.property[static_cast<unsigned char>(text_[at])]; };
      prev2_ = pos_ - start >= 2 ? property(pos_ - 2) : prev_;
      prev_ = prev_raw_ = property(pos_ - 1);
      continue;
    }
    std::size_t after = pos_;
    const SB cur = property_at(ascii, text_, after);
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
               lower_follows(ascii, text_, pos_)) {
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

std::vector<std::size_t> sentence_boundaries(std::string_view text, bool line_breaks_as_spaces) {
  std::vector<std::size_t> boundaries{0};
  SentenceBoundaryScanner scanner(text, line_breaks_as_spaces);
  for (std::size_t b = scanner.next(); b != SentenceBoundaryScanner::npos; b = scanner.next()) {
    boundaries.push_back(b);
  }
  return boundaries;
}

}  // namespace textx
