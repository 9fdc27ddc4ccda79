#pragma once
// What every fuzz target shares: a check that stops the run (so libFuzzer saves the input as a crash) when
// a documented property of the code under test does not hold, a test for valid UTF-8, and cutting an input
// into its parts.
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/text/utf8.hpp"

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace textx::fuzz {

// The pieces of `text` between occurrences of `separator` (one piece when there is none).
inline std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t next = text.find(separator, at);
    parts.push_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return parts;
    at = next + separator.size();
  }
}

inline bool is_valid_utf8(std::string_view text) {
  const RepairedText repaired = repair_utf8(text);
  // repair_utf8 drops a leading byte-order mark, which is valid UTF-8 all the same.
  return repaired.replacements == 0 && (repaired.text == text || "\xEF\xBB\xBF" + repaired.text == text);
}

}  // namespace textx::fuzz
