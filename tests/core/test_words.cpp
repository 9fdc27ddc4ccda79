#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/words.hpp"

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (const textx::WordSpan& w : textx::find_words(text)) out.push_back(text.substr(w.start, w.end - w.start));
  return out;
}

}  // namespace

TEST_CASE("find_words keeps byte offsets of each word") {
  const std::string text = "On the international stage, our party";
  const auto spans = textx::find_words(text);
  REQUIRE(spans.size() == 6);
  CHECK(spans[3].start == 21);
  CHECK(spans[3].end == 26);
  CHECK(words_of(text) == std::vector<std::string>{"On", "the", "international", "stage", "our", "party"});
}

TEST_CASE("word tokens are UAX #29 segments holding a letter, digit or ideograph") {
  struct Case {
    const char* text;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"", {}},
      {" \n\t ,.;", {}},
      {"non-aligned", {"non", "aligned"}},
      {"U.S. policy", {"U.S", "policy"}},
      {"Committee\u2019s 6th", {"Committee\u2019s", "6th"}},
      {"don't", {"don't"}},
      {"1,000 and 3.5", {"1,000", "and", "3.5"}},
      {"end. Next", {"end", "Next"}},
      {"\u201cNation of Juche\u201d", {"Nation", "of", "Juche"}},
      {"Point 4 \u2013 foreign", {"Point", "4", "foreign"}},
      {"M\u00e1jer Ma\u0301jer", {"M\u00e1jer", "Ma\u0301jer"}},  // a combining accent stays in its word
      {"a\u00a0b", {"a", "b"}},
      {"___ snake_case", {"snake_case"}},
      {"\U0001F600smile\U0001F44D\U0001F3FD", {"smile"}},  // emoji are not words
      {"\uFFFDword", {"word"}},
      {"e-mail: user@example.org", {"e", "mail", "user", "example.org"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(words_of(c.text) == c.words);
  }
}

TEST_CASE("word counts of Korean, Chinese, Japanese, Arabic, Russian and emoji sentences") {
  struct Case {
    const char* text;
    std::size_t words;
  };
  const Case cases[] = {
      // Korean: words are the space-separated eojeol (Hangul syllables join under WB5).
      {"\uc790\uc8fc\ub294 \uad6d\uc81c\uad00\uacc4\uc758 \uae30\ucd08\uc774\ub2e4.", 3},
      // Chinese: UAX #29 without a dictionary makes each ideograph a word.
      {"\u72ec\u7acb\u662f\u56fd\u9645\u5173\u7cfb\u7684\u57fa\u7840\u3002", 10},
      // Japanese: katakana runs join (WB13), hiragana and kanji are one character each.
      {"\u30a4\u30f3\u30bf\u30fc\u30cd\u30c3\u30c8\u306e\u81ea\u7531", 4},
      // Arabic with harakat: marks are Extend and stay inside their word.
      {"\u0627\u0644\u0627\u0633\u062a\u0642\u0644\u0627\u0644\u064f \u0623\u0633\u0627\u0633\u064f \u0627\u0644\u0639\u0644\u0627\u0642\u0627\u062a\u0650", 3},
      // Russian.
      {"\u041d\u0435\u0437\u0430\u0432\u0438\u0441\u0438\u043c\u043e\u0441\u0442\u044c \u2014 \u043e\u0441\u043d\u043e\u0432\u0430 \u043c\u0435\u0436\u0434\u0443\u043d\u0430\u0440\u043e\u0434\u043d\u044b\u0445 \u043e\u0442\u043d\u043e\u0448\u0435\u043d\u0438\u0439.", 4},
      // Emoji, flags and ZWJ sequences between words add no words.
      {"peace \U0001F54A\uFE0F \U0001F1F0\U0001F1F7 \U0001F468\u200D\U0001F469\u200D\U0001F467 unity", 2},
      // CJK Extension B ideographs are astral: still one word each.
      {"\U00020000\U00020001 a", 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(textx::find_words(c.text).size() == c.words);
  }
}
