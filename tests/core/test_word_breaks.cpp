#include <doctest/doctest.h>

#include <cstdio>

#include "core/text/word_breaks.hpp"
#include "tests/core/ucd_test_file.hpp"

TEST_CASE("conformance: every case of WordBreakTest.txt") {
  const auto cases = textx::testing::read_break_tests(TEXTX_UCD_DIR "/auxiliary/WordBreakTest.txt");
  REQUIRE(cases.size() > 1800);
  std::size_t passed = 0;
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto boundaries = textx::word_boundaries(c.text);
    CHECK(boundaries == c.boundaries);
    passed += boundaries == c.boundaries;
  }
  std::printf("WordBreakTest.txt: %zu of %zu cases pass\n", passed, cases.size());
  CHECK(passed == cases.size());
}

TEST_CASE("word boundaries of plain sentences") {
  CHECK(textx::word_boundaries("non-aligned U.S.") == std::vector<std::size_t>{0, 3, 4, 11, 12, 15, 16});
  CHECK(textx::word_boundaries("") == std::vector<std::size_t>{0});
  CHECK(textx::word_boundaries("a") == std::vector<std::size_t>{0, 1});
}
