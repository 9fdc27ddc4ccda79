#pragma once
// Reads Unicode's break test files (WordBreakTest.txt, SentenceBreakTest.txt): each case is a line such as
// "÷ 0041 × 0308 ÷ 0020 ÷ # comment", giving code points and where boundaries must (÷) and must not (×) fall.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text/utf8.hpp"

namespace textx::testing {

struct BreakTestCase {
  int line = 0;
  std::string text;                       // UTF-8
  std::vector<std::size_t> boundaries;    // byte offsets, 0 and text.size() included
};

// Every case of the file at `path`; an empty list if it cannot be read.
inline std::vector<BreakTestCase> read_break_tests(const std::string& path) {
  std::vector<BreakTestCase> cases;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    BreakTestCase c;
    c.line = number;
    std::istringstream fields(line);
    std::string field;
    while (fields >> field) {
      if (field == "\xC3\xB7") {  // ÷
        c.boundaries.push_back(c.text.size());
      } else if (field != "\xC3\x97") {  // × marks a non-boundary; anything else is a code point
        append_utf8(c.text, static_cast<char32_t>(std::stoul(field, nullptr, 16)));
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Checks `boundaries(text)` against every case of the Unicode break test file `file_name` (under the UCD's
// auxiliary folder), which must hold at least `at_least` cases, and prints the pass count. Call from a
// doctest test case.
template <class Boundaries>
void check_break_conformance(const std::string& ucd_dir, const char* file_name, std::size_t at_least,
                             Boundaries boundaries) {
  const auto cases = read_break_tests(ucd_dir + "/auxiliary/" + file_name);
  REQUIRE(cases.size() >= at_least);
  std::size_t passed = 0;
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const std::vector<std::size_t> found = boundaries(c.text);
    CHECK(found == c.boundaries);
    passed += found == c.boundaries;
  }
  std::printf("%s: %zu of %zu cases pass\n", file_name, passed, cases.size());
  CHECK(passed == cases.size());
}

}  // namespace textx::testing
