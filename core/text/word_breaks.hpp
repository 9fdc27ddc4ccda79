#pragma once
// Word boundaries as UAX #29 defines them (Unicode 15.0, rules WB1-WB999), checked against every case of
// Unicode's WordBreakTest.txt.
#include <cstddef>
#include <string_view>
#include <vector>

namespace textx {

// Walks valid UTF-8 text from boundary to boundary.
class WordBoundaryScanner {
 public:
  explicit WordBoundaryScanner(std::string_view text) : text_(text) {}
  // Scans from `start`, which must be a word boundary of `text` (such as a token's start offset).
  WordBoundaryScanner(std::string_view text, std::size_t start) : text_(text), pos_(start) {}

  // Advances to the next boundary and returns its byte offset, or npos when the end of text was the last
  // boundary. The first call returns the end of the first segment (offset 0 is always a boundary).
  std::size_t next();

  // Advances past the next word token (a segment for which segment_has_word_content() holds), skipping
  // the other segments, and sets [start, end) to it; false when there is none left. next() and
  // next_word() calls may be mixed.
  bool next_word(std::size_t& start, std::size_t& end);

  // Whether the segment that ended at the boundary next() returned contains a letter, digit or ideograph
  // (General_Category L* or N*), which is what makes it a word token.
  bool segment_has_word_content() const { return segment_has_content_; }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::size_t next_segment();
  std::size_t next_by_rules(std::size_t run_end);

  std::string_view text_;
  std::size_t pos_ = 0;
  bool segment_has_content_ = false;
};

// Every boundary of `text`, 0 and text.size() included (just {0} for empty text).
std::vector<std::size_t> word_boundaries(std::string_view text);

}  // namespace textx
