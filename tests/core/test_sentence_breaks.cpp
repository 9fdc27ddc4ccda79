#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/sentence_breaks.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/reference_text_model.hpp"
#include "tests/core/ucd_test_file.hpp"

namespace {

// The sentences of `text`, cut at its boundaries.
std::vector<std::string_view> sentences(std::string_view text) {
  const auto boundaries = textx::sentence_boundaries(text);
  std::vector<std::string_view> pieces;
  for (std::size_t i = 1; i < boundaries.size(); ++i) {
    pieces.push_back(text.substr(boundaries[i - 1], boundaries[i] - boundaries[i - 1]));
  }
  return pieces;
}

}  // namespace

TEST_CASE("conformance: every case of SentenceBreakTest.txt") {
  textx::testing::check_break_conformance(TEXTX_UCD_DIR, "SentenceBreakTest.txt", 502,
                                          [](std::string_view text) { return textx::sentence_boundaries(text); });
}

TEST_CASE("sentence boundaries of prose") {
  struct Case {
    const char* name;
    std::string_view text;
    std::vector<std::string_view> sentences;
  };
  const Case cases[] = {
      // UAX #29 has no abbreviation list: "Mr. " followed by an uppercase word breaks (SB11), like any
      // sentence end. Only a following lowercase word (SB8) or "U.S"-style letter.Upper (SB7) holds.
      {"abbreviation before a capital", "Mr. Smith went to Washington. He arrived.",
       {"Mr. ", "Smith went to Washington. ", "He arrived."}},
      {"abbreviation before lowercase", "Mr. smith went home.", {"Mr. smith went home."}},
      // "U.S." holds together by SB7, but the final "." followed by " economy" joins only because
      // "economy" is lowercase (SB8); "3.5" holds by SB6.
      {"initialism and decimal", "The U.S. economy grew 3.5 percent. Next",
       {"The U.S. economy grew 3.5 percent. ", "Next"}},
      {"initialism before a capital", "The U.S. Congress met.", {"The U.S. ", "Congress met."}},
      // Closing punctuation after the terminator stays with the sentence (SB9), then the spaces (SB10).
      {"curly quotes", "He said \u201CNo.\u201D Then left.", {"He said \u201CNo.\u201D ", "Then left."}},
      {"parentheses", "(Really?) Yes!", {"(Really?) ", "Yes!"}},
      // A paragraph separator ends a sentence even without a terminator (SB4); CR LF is one separator (SB3).
      {"CRLF paragraphs", "First line\r\nSecond line\r\n\r\nThird.",
       {"First line\r\n", "Second line\r\n", "\r\n", "Third."}},
      {"terminator then CRLF", "Done.\r\nNext", {"Done.\r\n", "Next"}},
      // Ideographic full stop and fullwidth marks are STerm; CJK letters are OLetter, so no space is needed.
      {"Chinese", "\u4F60\u597D\u3002\u4F60\u5462\uFF1F\u597D\uFF01",
       {"\u4F60\u597D\u3002", "\u4F60\u5462\uFF1F", "\u597D\uFF01"}},
      {"Korean", "\uC548\uB155\uD558\uC138\uC694. \uBC18\uAC11\uC2B5\uB2C8\uB2E4!",
       {"\uC548\uB155\uD558\uC138\uC694. ", "\uBC18\uAC11\uC2B5\uB2C8\uB2E4!"}},
      {"Arabic question mark", "\u0643\u064A\u0641 \u062D\u0627\u0644\u0643\u061F \u0628\u062E\u064A\u0631.",
       {"\u0643\u064A\u0641 \u062D\u0627\u0644\u0643\u061F ", "\u0628\u062E\u064A\u0631."}},
      {"no terminator", "just words", {"just words"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(sentences(c.text) == c.sentences);
  }
}

TEST_CASE("sentence boundaries of empty and tiny text") {
  CHECK(textx::sentence_boundaries("") == std::vector<std::size_t>{0});
  CHECK(textx::sentence_boundaries("a") == std::vector<std::size_t>{0, 1});
  CHECK(textx::sentence_boundaries(".") == std::vector<std::size_t>{0, 1});
  CHECK(textx::sentence_boundaries("\n\n") == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("long runs of closing punctuation and spaces stay linear and correct") {
  // SB9/SB10 hold the whole run to the terminator; SB11 breaks before the next word.
  const std::string text = "End." + std::string(100000, ')') + std::string(100000, ' ') + "Next";
  CHECK(textx::sentence_boundaries(text) == std::vector<std::size_t>{0, text.size() - 4, text.size()});
  // SB8 looks past the digits for a lowercase letter; finding none, SB11 breaks before them.
  const std::string digits = "End. " + std::string(100000, '1') + " Next";
  CHECK(textx::sentence_boundaries(digits) == std::vector<std::size_t>{0, 5, digits.size()});
  const std::string lower = "End. " + std::string(100000, '1') + " next";
  CHECK(textx::sentence_boundaries(lower) == std::vector<std::size_t>{0, lower.size()});
}

TEST_CASE("the ASCII fast path of the sentence scanner agrees with the reference rules on random text") {
  textx::testing::RandomText random(1123);
  const auto check = [](const std::string& text) {
    CAPTURE(text);
    REQUIRE(textx::sentence_boundaries(text) == textx::reference::sentence_boundaries(text));
  };
  for (int i = 0; i < 20000; ++i) check(random.uniform(random.below(40)));
  for (int i = 0; i < 3000; ++i) check(random.prose(random.below(400)));
  for (unsigned a = 0; a < 0x80; ++a) {
    for (unsigned b = 0; b < 0x80; ++b) {
      const std::string pair{static_cast<char>(a), static_cast<char>(b)};
      for (const char* context : {"", "a", "A.", "etc. ", "Mr", "\u0301"}) {
        check(context + pair);
        check(context + pair + " a");
        check(context + pair + " A");
      }
    }
  }
}

TEST_CASE("reading line breaks as spaces gives the boundaries of a copy with spaces for CR and LF") {
  textx::testing::RandomText random(2024);
  for (int i = 0; i < 5000; ++i) {
    const std::string text = i % 2 ? random.prose(random.below(400)) : random.uniform(random.below(60));
    std::string flat = text;
    for (char& c : flat)
      if (c == '\n' || c == '\r') c = ' ';
    CAPTURE(text);
    REQUIRE(textx::sentence_boundaries(text, true) == textx::reference::sentence_boundaries(flat));
  }
}
