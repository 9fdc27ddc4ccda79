#include <doctest/doctest.h>

#include "core/text/ascii_swar.hpp"
#include "core/text/utf16_offsets.hpp"
#include "core/text/utf8.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/reference_text_model.hpp"

using textx::repair_utf8;

TEST_CASE("repair_utf8 copies valid text unchanged and drops a UTF-8 byte-order mark") {
  const std::string text = "Imre M\u00e1jer \u2013 \U0001F600 \U00020000";
  CHECK(repair_utf8(text).text == text);
  CHECK(repair_utf8(text).replacements == 0);
  CHECK(repair_utf8("\xEF\xBB\xBFplain").text == "plain");
  CHECK(repair_utf8("").text.empty());
}

TEST_CASE("repair_utf8 replaces each maximal ill-formed subpart with one U+FFFD") {
  // Cases from Unicode 15 section 3.9, Table 3-8 and the surrounding text.
  struct Case {
    const char* bytes;
    const char* expected;
    std::size_t replacements;
  };
  const Case cases[] = {
      {"\x80", "\uFFFD", 1},                              // stray continuation byte
      {"a\xC3", "a\uFFFD", 1},                            // truncated two-byte sequence at the end
      {"\xC3\x28", "\uFFFD(", 1},                         // lead byte followed by ASCII
      {"\xC0\xAF", "\uFFFD\uFFFD", 2},                    // overlong: C0 is never valid
      {"\xE0\x80\xAF", "\uFFFD\uFFFD\uFFFD", 3},          // overlong three-byte form
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},          // surrogate U+D800
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4},  // above U+10FFFF
      {"\xE2\x80", "\uFFFD", 1},                          // truncated en dash: one maximal subpart
      {"\xF0\x9F\x98", "\uFFFD", 1},                      // truncated emoji
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd", 6},   // Table 3-8's example
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    const textx::RepairedText repaired = repair_utf8(c.bytes);
    CHECK(repaired.text == c.expected);
    CHECK(repaired.replacements == c.replacements);
  }
}

TEST_CASE("next_code_point and append_utf8 round-trip every length of encoding") {
  for (const char32_t cp : {U'A', U'\u00e1', U'\u2013', U'\U0001F600', U'\U00020000', U'\U0010FFFF'}) {
    std::string encoded;
    textx::append_utf8(encoded, cp);
    std::size_t pos = 0;
    CHECK(textx::next_code_point(encoded, pos) == cp);
    CHECK(pos == encoded.size());
    CHECK(textx::count_code_points(encoded) == 1);
  }
}

TEST_CASE("repair_utf8 agrees with the reference implementation on damaged random text") {
  textx::testing::RandomText random(42);
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = random.damaged_utf8(random.below(i < 10000 ? 40 : 400));
    if (random.below(10) == 0) bytes.insert(0, "\xEF\xBB\xBF");
    CAPTURE(bytes);
    const auto got = repair_utf8(bytes);
    const auto expected = textx::reference::repair_utf8(bytes);
    REQUIRE(got.text == expected.text);
    REQUIRE(got.replacements == expected.replacements);
  }
}

TEST_CASE("Utf16Offsets counts UTF-16 units at every code point, across its eight-byte ASCII steps") {
  textx::testing::RandomText random(16);
  for (int i = 0; i < 300; ++i) {
    const std::string text = i % 3 ? random.prose(random.below(2000)) : random.uniform(random.below(700));
    CAPTURE(text);
    const textx::Utf16Offsets offsets(text);
    std::size_t units = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      REQUIRE(offsets.to_utf16(text, pos) == units);
      units += textx::next_code_point(text, pos) >= 0x10000 ? 2 : 1;
    }
    CHECK(offsets.to_utf16(text, text.size()) == units);
  }
}

TEST_CASE("the eight-byte lane tests agree with byte-by-byte tests") {
  namespace swar = textx::swar;
  REQUIRE(swar::kAvailable);
  for (const unsigned char target : {0x00, 0x0A, 0x0D, 0x21, 0x2E, 0x3F, 0x7F}) {
    CHECK(swar::swar_matches_table([&](swar::Word v) { return swar::equal(v, target); },
                                   [&](unsigned char b) { return b == target; }));
  }
  for (const unsigned lo : {0x00u, 0x20u, 0x30u, 0x41u, 0x61u, 0x7Fu, 0x80u}) {
    for (const unsigned hi : {0x00u, 0x1Fu, 0x39u, 0x5Au, 0x7Au, 0x7Fu}) {
      CHECK(swar::swar_matches_table(
          [&](swar::Word v) { return swar::ascii(v) & swar::low7_at_least(v, lo) & swar::low7_at_most(v, hi); },
          [&](unsigned char b) { return b < 0x80 && b >= lo && b <= hi; }));
    }
  }
  // The first flagged lane is the first byte in memory.
  const char bytes[] = "abcdefgh";
  CHECK(swar::first(swar::equal(swar::load(bytes), 'd')) == 3);
  const char accented[] = "ab\xC3\xA9" "cdefgh";
  CHECK(swar::first(swar::load(accented) & swar::kHigh) == 2);
}
