#include <doctest/doctest.h>

#include "core/text/utf8.hpp"

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
