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

TEST_CASE("find_words splits at spaces and punctuation and keeps byte offsets") {
  const std::string text = "On the international stage, our party";
  const auto spans = textx::find_words(text);
  REQUIRE(spans.size() == 6);
  CHECK(spans[3].start == 21);
  CHECK(spans[3].end == 26);
  CHECK(words_of(text) == std::vector<std::string>{"On", "the", "international", "stage", "our", "party"});
}

TEST_CASE("find_words follows the table of provisional word rules") {
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
      {"M\u00e1jer", {"M\u00e1jer"}},
      {"a\u00a0b", {"a", "b"}},
      {"\u4e2d\u56fd\u4eba", {"\u4e2d", "\u56fd", "\u4eba"}},
      {"\U0001F600smile\U0001F600", {"smile"}},
      {"___ snake_case", {"snake_case"}},
      {"\uFFFDword", {"word"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(words_of(c.text) == c.words);
  }
}

TEST_CASE("fold_key makes ASCII case irrelevant and leaves other letters as they are") {
  CHECK(textx::fold_key("INDEPENDENCE") == "independence");
  CHECK(textx::fold_key("Independence") == textx::fold_key("independence"));
  CHECK(textx::fold_key("M\u00e1jer") == "m\u00e1jer");
}
