#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/text/fold.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/reference_text_model.hpp"

using textx::key_of;
using textx::MatchOptions;
using textx::to_nfd;

namespace {

std::string utf8_of(const std::string& hex_code_points) {
  std::string out;
  std::istringstream in(hex_code_points);
  std::string hex;
  while (in >> hex) textx::append_utf8(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
  return out;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, separator)) fields.push_back(field);
  return fields;
}

constexpr MatchOptions kExact{true, true};
constexpr MatchOptions kCaseOnly{false, true};  // ignore case, keep diacritics

}  // namespace

TEST_CASE("conformance: NFD of every case of NormalizationTest.txt") {
  std::ifstream in(TEXTX_NORMALIZATION_TEST);
  REQUIRE(in.good());
  std::string line;
  std::size_t cases = 0, passed = 0;
  bool in_part1 = false;
  std::set<char32_t> part1;
  while (std::getline(in, line)) {
    if (line.starts_with("@Part")) in_part1 = line.starts_with("@Part1");
    line = line.substr(0, line.find('#'));
    const auto f = split(line, ';');
    if (f.size() < 5) continue;
    const std::string c1 = utf8_of(f[0]), c2 = utf8_of(f[1]), c3 = utf8_of(f[2]), c4 = utf8_of(f[3]), c5 = utf8_of(f[4]);
    if (in_part1) part1.insert(static_cast<char32_t>(std::stoul(f[0], nullptr, 16)));
    // NFD: c3 == toNFD(c1) == toNFD(c2) == toNFD(c3); c5 == toNFD(c4) == toNFD(c5).
    const bool ok = to_nfd(c1) == c3 && to_nfd(c2) == c3 && to_nfd(c3) == c3 && to_nfd(c4) == c5 && to_nfd(c5) == c5;
    CAPTURE(line);
    CHECK(ok);
    ++cases;
    passed += ok;
  }
  // Part 1's rule: every code point not listed there is its own NFD.
  std::size_t unlisted = 0, unlisted_passed = 0;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || part1.count(cp)) continue;
    std::string s;
    textx::append_utf8(s, cp);
    ++unlisted;
    unlisted_passed += to_nfd(s) == s;
  }
  std::printf("NormalizationTest.txt (NFD): %zu of %zu cases pass, %zu of %zu unlisted code points unchanged\n",
              passed, cases, unlisted_passed, unlisted);
  CHECK(cases > 19000);
  CHECK(passed == cases);
  CHECK(unlisted_passed == unlisted);
}

TEST_CASE("conformance: every full case folding of CaseFolding.txt, through the key") {
  std::ifstream in(TEXTX_UCD_DIR "/CaseFolding.txt");
  REQUIRE(in.good());
  std::string line;
  std::size_t cases = 0, passed = 0;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    const auto f = split(line, ';');
    if (f.size() < 3) continue;
    const std::string status = f[1].substr(f[1].find_first_not_of(' '));
    if (status != "C" && status != "F") continue;
    const char32_t code = static_cast<char32_t>(std::stoul(f[0], nullptr, 16));
    const std::string folded = utf8_of(f[2]);
    std::string original;
    textx::append_utf8(original, code);
    // Canonical caseless matching: the code point and its folding share a key, which is the NFD of the folding.
    const std::string key = key_of(original, kCaseOnly);
    const bool ok = key == to_nfd(folded) && key_of(folded, kCaseOnly) == key;
    CAPTURE(line);
    CHECK(ok);
    ++cases;
    passed += ok;
  }
  std::printf("CaseFolding.txt (C+F): %zu of %zu foldings pass\n", passed, cases);
  CHECK(cases > 1400);
  CHECK(passed == cases);
}

TEST_CASE("default keys ignore case and diacritics; NFC and NFD always match") {
  for (const char* spelling : {"Majer", "M\u00e1jer", "M\u00c1JER", "Ma\u0301jer", "MA\u0301JER", "majer"}) {
    CAPTURE(spelling);
    CHECK(key_of(spelling) == "majer");
  }
  CHECK(key_of("Stra\u00dfe") == key_of("STRASSE"));
  CHECK(key_of("\u0130stanbul") == "istanbul");               // İ folds to i + combining dot, dot dropped
  CHECK(key_of("\u00c9COLE") == key_of("e\u0301cole"));
  CHECK(key_of("\u0391\u0398\u0397\u039d\u0391") == key_of("\u03b1\u03b8\u03b7\u03bd\u03b1"));  // Greek
  CHECK(key_of("\u041c\u041e\u0421\u041a\u0412\u0410") == "\u043c\u043e\u0441\u043a\u0432\u0430");  // Cyrillic
  CHECK(key_of("\u0627\u0644\u0652\u0643\u0650\u062a\u064e\u0627\u0628") ==
        "\u0627\u0644\u0643\u062a\u0627\u0628");  // Arabic harakat dropped
  CHECK(key_of("\u0928\u092e\u0938\u094d\u0924\u0947") ==
        "\u0928\u092e\u0938\u094d\u0924\u0947");  // Devanagari virama is part of the word, kept
  CHECK(key_of("\ud55c\uad6d") == to_nfd("\ud55c\uad6d"));    // Hangul keys are decomposed jamo
  CHECK(key_of("\ud55c\uad6d") == key_of(to_nfd("\ud55c\uad6d")));
  CHECK(key_of("") == "");
}

TEST_CASE("sensitive keys keep what they are asked to keep, and stay canonical") {
  CHECK(key_of("M\u00e1jer", kExact) == "Ma\u0301jer");
  CHECK(key_of("Ma\u0301jer", kExact) == key_of("M\u00e1jer", kExact));
  CHECK(key_of("M\u00e1jer", kExact) != key_of("m\u00e1jer", kExact));
  CHECK(key_of("M\u00c1JER", kCaseOnly) == "ma\u0301jer");
  CHECK(key_of("M\u00e1jer", kCaseOnly) != key_of("Majer", kCaseOnly));
  CHECK(key_of("M\u00e1jer", MatchOptions{true, false}) == "Majer");
  // Marks in either order are one canonical spelling: dot below (220) sorts before dot above (230).
  CHECK(key_of("d\u0307\u0323", kExact) == key_of("d\u0323\u0307", kExact));
  CHECK(key_of("\u1e0b\u0323", kExact) == "d\u0323\u0307");
}

TEST_CASE("append_key's ASCII path agrees with the reference, and a non-ASCII word keeps what precedes it") {
  textx::testing::RandomText random(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string word = i % 2 ? random.uniform(random.below(12)) : random.prose(random.below(12));
    CAPTURE(word);
    std::string expected;
    const bool ascii = textx::reference::ascii_key(word, expected);
    std::string key = "prefix";
    textx::append_key(key, word);
    if (ascii) {
      CHECK(key == "prefix" + expected);
      std::string sensitive = "prefix";
      textx::append_key(sensitive, word, {.case_sensitive = true});
      CHECK(sensitive == "prefix" + word);
    } else {
      CHECK(key == "prefix" + key_of(word));
      CHECK(key_of(word) == key_of(to_nfd(word)));
    }
  }
}
