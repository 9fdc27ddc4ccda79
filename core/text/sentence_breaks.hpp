#pragma once
// Sentence boundaries as UAX #29 defines them (Unicode 15.0, rules SB1-SB998), checked against every case of
// Unicode's SentenceBreakTest.txt.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace textx {

namespace unicode {
enum class SentenceBreak : std::uint8_t;  // core/text/unicode_properties.hpp
}  // namespace unicode

// Walks valid UTF-8 text from boundary to boundary in linear time: what the rules need to know about the
// text behind a candidate boundary is kept up to date as the scanner advances, never rescanned.
class SentenceBoundaryScanner {
 public:
  explicit SentenceBoundaryScanner(std::string_view text) : text_(text) {}
  // With line_breaks_as_spaces, CR and LF are read as spaces (Sentence_Break Sp): the boundaries are those of
  // a copy of the text with each CR and LF replaced by a space.
  SentenceBoundaryScanner(std::string_view text, bool line_breaks_as_spaces)
      : text_(text), line_breaks_as_spaces_(line_breaks_as_spaces) {}

  // Advances to the next boundary and returns its byte offset, or npos when the end of text was the last
  // boundary. The first call returns the end of the first sentence (offset 0 is always a boundary).
  std::size_t next();

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  // How the text before the candidate boundary ends, in the terms of SB8-SB11.
  enum class TermContext : std::uint8_t {
    kNone,        // not after a sentence terminator
    kAfterTerm,   // SATerm Close*
    kAfterSpace,  // SATerm Close* Sp+
  };

  void consume(unicode::SentenceBreak cur, bool absorbed);

  std::string_view text_;
  std::size_t pos_ = 0;
  // The raw previous code point's property, and the last two that SB5 does not absorb.
  // Value-initialized, they are kOther until set.
  unicode::SentenceBreak prev_raw_{};
  unicode::SentenceBreak prev_{};
  unicode::SentenceBreak prev2_{};
  TermContext context_ = TermContext::kNone;
  bool term_is_aterm_ = false;  // the SATerm that context_ refers to is an ATerm (SB8 wants ATerm only)
  bool line_breaks_as_spaces_ = false;
};

// Every sentence boundary of valid UTF-8 `text`, 0 and text.size() included (just {0} for empty text); with
// line_breaks_as_spaces, as if each CR and LF were a space.
std::vector<std::size_t> sentence_boundaries(std::string_view text, bool line_breaks_as_spaces = false);

}  // namespace textx
