#include <doctest/doctest.h>

#include <map>
#include <string>

#include "core/stats/frequency.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"

using textx::Corpus;

TEST_CASE("frequency list worked by hand on a tiny corpus") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "Peace and peace. M\u00e1jer, MAJER!").ok());
  REQUIRE(corpus.add_document({.name = "b"}, "War and PEACE").ok());
  const textx::FrequencyList list = textx::frequency_list(corpus, {});
  CHECK(list.tokens == 8);
  CHECK(list.types == 4);
  REQUIRE(list.rows.size() == 4);
  // peace 3 (range 2), and 2 (range 2), majer 2 (range 1), war 1; ties alphabetical by key.
  CHECK(list.rows[0].word == "peace");
  CHECK(list.rows[0].frequency == 3);
  CHECK(list.rows[0].range == 2);
  CHECK(list.rows[0].per_million == doctest::Approx(375000.0));
  CHECK(list.rows[1].word == "and");
  CHECK(list.rows[2].word == "m\u00e1jer");  // first occurrence, case-folded, accent and composition kept
  CHECK(list.rows[2].frequency == 2);
  CHECK(list.rows[2].range == 1);
  CHECK(list.rows[3].word == "war");

  textx::FrequencyOptions options;
  options.min_frequency = 2;
  options.skip_stop_words = true;
  options.limit = 1;
  const textx::FrequencyList filtered = textx::frequency_list(corpus, options);
  CHECK(filtered.types == 2);  // peace, majer ("and" is a stop word, "war" too rare)
  REQUIRE(filtered.rows.size() == 1);
  CHECK(filtered.rows[0].word == "peace");
}

TEST_CASE("frequency list agrees with a naive count and leaves out removed documents") {
  Corpus corpus = textx::testing::mini_corpus();
  REQUIRE(corpus.remove_document(2));
  std::map<std::string, std::size_t> naive;
  std::size_t tokens = 0;
  for (textx::DocId id = 0; id < 2; ++id) {
    const std::string& text = corpus.document(id).text;
    for (const auto& w : textx::find_words(text)) {
      ++naive[textx::key_of(text.substr(w.start, w.end - w.start))];
      ++tokens;
    }
  }
  const textx::FrequencyList list = textx::frequency_list(corpus, {});
  CHECK(list.tokens == tokens);
  CHECK(list.types == naive.size());
  for (const auto& row : list.rows) {
    CAPTURE(row.word);
    CHECK(row.frequency == naive[std::string(corpus.key_text(row.key))]);
  }
}

TEST_CASE("the stop-word list holds the commonest English function words, in key form") {
  for (const char* word : {"the", "of", "and", "to", "a", "in", "is", "that", "which", "upon"}) CHECK(textx::is_stop_word(word));
  for (const char* word : {"independence", "peace", "The", ""}) CHECK_FALSE(textx::is_stop_word(word));
}
