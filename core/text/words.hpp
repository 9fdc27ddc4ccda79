#pragma once
// Word tokens: the UAX #29 word segments that contain a letter, digit or ideograph. Punctuation and spaces
// are not tokens, so "non-aligned" gives "non" and "aligned", while "U.S." gives "U.S" and "Committee’s"
// stays one word.
#include <cstdint>
#include <string_view>
#include <vector>

namespace textx {

// A word as UTF-8 byte offsets [start, end) into its text.
struct WordSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

// Word tokens of valid UTF-8 `text`, in order. Returns an empty list when the text has no letter or digit.
// Precondition: text.size() < 2^32.
std::vector<WordSpan> find_words(std::string_view text);

}  // namespace textx
