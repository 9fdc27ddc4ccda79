#pragma once
// Word tokens and their matching keys.
//
// Provisional rules, to be replaced by UAX #29 word boundaries and full Unicode folding in the text-model
// issue: a word is a run of letters and digits (any non-ASCII code point outside the punctuation, symbol
// and space blocks counts as a letter), joined across one apostrophe, full stop or colon between letters
// (`Leader’s`, `U.S`) and one comma or full stop between digits (`1,000`, `3.5`). Han and Hiragana
// characters are one word each. Keys fold ASCII case only.
#include <cstdint>
#include <string>
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

// The matching key of a word: the form two words share when a case-insensitive search treats them as equal.
std::string fold_key(std::string_view word);

}  // namespace textx
