#pragma once
// Sentence boundaries as UAX #29 defines them (Unicode 15.0, rules SB1-SB998).
#include <cstddef>
#include <string_view>
#include <vector>

namespace textx {

// Every sentence boundary of valid UTF-8 `text`, 0 and text.size() included (just {0} for empty text).
std::vector<std::size_t> sentence_boundaries(std::string_view text);

}  // namespace textx
