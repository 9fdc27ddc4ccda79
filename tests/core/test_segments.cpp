#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/segments.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/reference_text_model.hpp"

using textx::find_segments;

namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<textx::TextSpan>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

std::vector<std::string> paragraphs(std::string_view text) { return texts(text, find_segments(text).paragraphs); }
std::vector<std::string> sentences(std::string_view text) { return texts(text, find_segments(text).sentences); }

}  // namespace

TEST_CASE("blank lines separate paragraphs; a hard-wrapped paragraph's lines stay together") {
  const std::string text =
      "Skip to content\n\n\n"
      "The closing decree of the KWP Central Committee\u2019s 6th Congress\n"
      "(Point number 4 \u2013 foreign policy)\n"
      "   \t\n"
      "  It fought strongly to reinforce unity. Our nation established\n"
      "diplomatic relations with 66 countries.  \n";
  CHECK(paragraphs(text) == std::vector<std::string>{
                                "Skip to content",
                                "The closing decree of the KWP Central Committee\u2019s 6th Congress\n"
                                "(Point number 4 \u2013 foreign policy)",
                                "It fought strongly to reinforce unity. Our nation established\n"
                                "diplomatic relations with 66 countries.",
                            });
  // A line end inside a paragraph is not the end of a sentence.
  CHECK(sentences(text) == std::vector<std::string>{
                               "Skip to content",
                               "The closing decree of the KWP Central Committee\u2019s 6th Congress\n"
                               "(Point number 4 \u2013 foreign policy)",
                               "It fought strongly to reinforce unity.",
                               "Our nation established\ndiplomatic relations with 66 countries.",
                           });
}

TEST_CASE("CRLF, CR and U+2029 line and paragraph ends") {
  CHECK(paragraphs("One.\r\n\r\nTwo.\r\nstill two.\r\n") == std::vector<std::string>{"One.", "Two.\r\nstill two."});
  CHECK(paragraphs("One.\r\rTwo.\rstill two.") == std::vector<std::string>{"One.", "Two.\rstill two."});
  CHECK(paragraphs("One.\u2029Two.") == std::vector<std::string>{"One.", "Two."});
  CHECK(sentences("One.\r\n\r\nTwo.\r\nstill two.") == std::vector<std::string>{"One.", "Two.\r\nstill two."});
}

TEST_CASE("without blank lines, short lines are paragraphs and hard-wrapped lines are one block") {
  CHECK(paragraphs("Title\nFirst line.\nSecond line.\n") == std::vector<std::string>{"Title", "First line.", "Second line."});
  const std::string wrapped =
      "Under the wise guidance of the Great Leader our party was conducting\n"
      "a correct foreign policy in the reported period, actively expanded its\n"
      "foreign affairs, and achieved great successes in areas of international\n"
      "relations.\n";
  CHECK(paragraphs(wrapped).size() == 1);
  CHECK(sentences(wrapped).size() == 1);
}

TEST_CASE("a document on one long line is divided into units of whole sentences") {
  std::string speech;
  for (int i = 0; i < 200; ++i) speech += "Sentence number " + std::to_string(i) + " speaks of the Union and its people. ";
  const auto segments = find_segments(speech);
  CHECK(segments.sentences.size() == 200);
  REQUIRE(segments.paragraphs.size() > 3);
  std::size_t next_start = 0;
  for (std::size_t i = 0; i < segments.paragraphs.size(); ++i) {
    const auto& p = segments.paragraphs[i];
    CHECK(p.start >= next_start);
    if (i + 1 < segments.paragraphs.size()) CHECK(p.end - p.start >= textx::kUnitBytes);
    CHECK(p.end - p.start < textx::kUnitBytes + 100);
    CHECK(speech.substr(p.start, 8) == "Sentence");
    CHECK(speech[p.end - 1] == '.');
    next_start = p.end;
  }
  CHECK(segments.paragraphs.back().end == speech.size() - 1);  // trailing space trimmed
}

TEST_CASE("text without content has no paragraphs or sentences") {
  for (const char* text : {"", " ", "\n\n\n", "\r\n \t \r\n", "\u00a0\u3000"}) {
    CAPTURE(text);
    const auto segments = find_segments(text);
    CHECK(segments.paragraphs.empty());
    CHECK(segments.sentences.empty());
  }
}

TEST_CASE("sentences in Korean, Chinese and Arabic text") {
  CHECK(sentences("\ub3c5\ub9bd\uc740 \uc911\uc694\ud558\ub2e4. \ud3c9\ud654\ub97c \uc6d0\ud55c\ub2e4!").size() == 2);
  CHECK(sentences("\u72ec\u7acb\u662f\u57fa\u7840\u3002\u548c\u5e73\u5171\u5904\uff01\u4e3a\u4ec0\u4e48\uff1f").size() == 3);
  CHECK(sentences("\u0627\u0644\u0627\u0633\u062a\u0642\u0644\u0627\u0644 \u0645\u0647\u0645. \u0647\u0644 \u062a\u0648\u0627\u0641\u0642\u061f \u0646\u0639\u0645").size() == 3);
}

TEST_CASE("find_segments agrees with the reference implementation on random text") {
  textx::testing::RandomText random(2311);
  const auto same = [](const std::vector<textx::TextSpan>& a, const std::vector<textx::TextSpan>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i].start != b[i].start || a[i].end != b[i].end) return false;
    return true;
  };
  const auto check = [&](const std::string& text) {
    CAPTURE(text);
    const auto got = find_segments(text);
    const auto expected = textx::reference::find_segments(text);
    REQUIRE(same(got.paragraphs, expected.paragraphs));
    REQUIRE(same(got.sentences, expected.sentences));
  };
  for (int i = 0; i < 5000; ++i) check(random.uniform(random.below(60)));
  for (int i = 0; i < 2000; ++i) check(random.prose(random.below(600)));
  for (int i = 0; i < 100; ++i) check(random.prose(3000 + random.below(9000)));  // long paragraphs: units
  for (int i = 0; i < 100; ++i) {
    // Hard-wrapped and one-paragraph-per-line texts without blank lines.
    std::string text;
    const std::size_t lines = 1 + random.below(8);
    for (std::size_t l = 0; l < lines; ++l) {
      std::string line = random.prose(20 + random.below(90));
      for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
      text += line + (random.below(2) ? "\n" : "\r\n");
    }
    check(text);
  }
}
