#pragma once
// What every fuzz target shares: a check that stops the run (so libFuzzer saves the input as a crash) when
// a documented property of the code under test does not hold, and a test for valid UTF-8.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/text/utf8.hpp"

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace textx::fuzz {

inline bool is_valid_utf8(std::string_view text) {
  const RepairedText repaired = repair_utf8(text);
  // repair_utf8 drops a leading byte-order mark, which is valid UTF-8 all the same.
  return repaired.replacements == 0 && (repaired.text == text || "\xEF\xBB\xBF" + repaired.text == text);
}

}  // namespace textx::fuzz
