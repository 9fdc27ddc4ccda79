#include <doctest/doctest.h>

#include <cstdio>

#include "core/text/word_breaks.hpp"
#include "core/text/words.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/reference_text_model.hpp"
#include "tests/core/ucd_test_file.hpp"

TEST_CASE("conformance: every case of WordBreakTest.txt") {
  textx::testing::check_break_conformance(TEXTX_UCD_DIR, "WordBreakTest.txt", 1823,
                                          [](std::string_view text) { return textx::word_boundaries(text); });
}

TEST_CASE("word boundaries of plain sentences") {
  CHECK(textx::word_boundaries("non-aligned U.S.") == std::vector<std::size_t>{0, 3, 4, 11, 12, 15, 16});
  CHECK(textx::word_boundaries("") == std::vector<std::size_t>{0});
  CHECK(textx::word_boundaries("a") == std::vector<std::size_t>{0, 1});
}

namespace {

std::vector<textx::reference::WordBoundary> scanned(std::string_view text) {
  std::vector<textx::reference::WordBoundary> out;
  textx::WordBoundaryScanner scanner(text);
  for (std::size_t b = scanner.next(); b != textx::WordBoundaryScanner::npos; b = scanner.next())
    out.push_back({b, scanner.segment_has_word_content()});
  return out;
}

void check_against_reference(const std::string& text) {
  CAPTURE(text);
  const auto expected = textx::reference::word_boundaries(text);
  REQUIRE(scanned(text) == expected);
  std::vector<textx::WordSpan> words;
  std::size_t start = 0;
  for (const auto& b : expected) {
    if (b.word) words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(b.offset)});
    start = b.offset;
  }
  const auto found = textx::find_words(text);
  REQUIRE(found.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    CHECK(found[i].start == words[i].start);
    CHECK(found[i].end == words[i].end);
  }
}

}  // namespace

TEST_CASE("the ASCII fast paths of the word scanner agree with the reference rules on random text") {
  textx::testing::RandomText random(20261123);
  for (int i = 0; i < 20000; ++i) check_against_reference(random.uniform(random.below(40)));
  for (int i = 0; i < 3000; ++i) check_against_reference(random.prose(random.below(300)));
  // Every pair and triple of ASCII bytes, alone and after a letter or a digit.
  for (unsigned a = 0; a < 0x80; ++a) {
    for (unsigned b = 0; b < 0x80; ++b) {
      const std::string pair{static_cast<char>(a), static_cast<char>(b)};
      for (const char* context : {"", "a", "1", "\u05D0"}) {
        check_against_reference(context + pair);
        check_against_reference(context + pair + "a");
        check_against_reference(context + pair + "1");
      }
    }
  }
}
