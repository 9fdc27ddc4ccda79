#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/query/concordance.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"

using textx::Corpus;
using textx::concordance;

namespace {

struct Hit {
  textx::DocId doc;
  std::uint32_t start, end;
  bool operator==(const Hit&) const = default;
};

// The naive answer: tokenize each document afresh and compare folded words one by one.
std::vector<Hit> naive_hits(const Corpus& corpus, const std::string& query) {
  std::vector<std::string> keys;
  for (const textx::WordSpan& w : textx::find_words(query))
    keys.push_back(textx::key_of(query.substr(w.start, w.end - w.start)));
  std::vector<Hit> hits;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const std::string& text = corpus.document(id).text;
    const auto words = textx::find_words(text);
    for (std::size_t i = 0; i + keys.size() <= words.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < keys.size() && match; ++k)
        match = textx::key_of(text.substr(words[i + k].start, words[i + k].end - words[i + k].start)) == keys[k];
      if (match) hits.push_back({id, words[i].start, words[i + keys.size() - 1].end});
    }
  }
  return hits;
}

std::vector<Hit> index_hits(const Corpus& corpus, const std::string& query) {
  const auto result = concordance(corpus, query, {});
  REQUIRE(result.ok());
  std::vector<Hit> hits;
  for (const textx::KwicRow& row : result.value().rows) hits.push_back({row.doc, row.start, row.end});
  CHECK(result.value().total == hits.size());
  return hits;
}

}  // namespace

TEST_CASE("concordance finds every occurrence case-insensitively, with context and offsets") {
  const Corpus corpus = textx::testing::mini_corpus();
  const auto result = concordance(corpus, "Independence", {});
  REQUIRE(result.ok());
  const textx::Concordance& c = result.value();
  CHECK(c.query == "Independence");
  CHECK(c.total == 8);  // "independence’s" is one word of its own
  REQUIRE(c.rows.size() == 8);

  const textx::KwicRow& first = c.rows[0];
  CHECK(first.doc == 0);
  CHECK(corpus.document(0).text.substr(first.start, first.end - first.start) == "independence");
  CHECK(first.match == "independence");
  CHECK(first.left == "all kinds of dominationist forces, thus sheltering the");  // 8 words; newline shown as a space
  CHECK(first.right == "of nations around the world. The peculiarity of");  // crosses the paragraph break
  CHECK(c.rows[2].match == "Independence");  // surface form kept
}

TEST_CASE("concordance matches phrases token by token, across punctuation as the tokenizer splits it") {
  const Corpus corpus = textx::testing::mini_corpus();
  const auto phrase = concordance(corpus, "international relations", {});
  REQUIRE(phrase.ok());
  CHECK(phrase.value().total == 2);
  const auto hyphen = concordance(corpus, "non-interference", {});
  REQUIRE(hyphen.ok());
  REQUIRE(hyphen.value().total == 1);
  CHECK(hyphen.value().rows[0].match == "non-interference");
}

TEST_CASE("offset and limit page the rows while total stays exact") {
  const Corpus corpus = textx::testing::mini_corpus();
  textx::ConcordanceOptions options;
  options.offset = 2;
  options.limit = 3;
  const auto page = concordance(corpus, "independence", options);
  REQUIRE(page.ok());
  CHECK(page.value().total == 8);
  REQUIRE(page.value().rows.size() == 3);
  const auto all = concordance(corpus, "independence", {});
  CHECK(page.value().rows[0].start == all.value().rows[2].start);

  options.offset = 100;
  CHECK(concordance(corpus, "independence", options).value().rows.empty());
  options.context = 0;
  options.offset = 0;
  const auto bare = concordance(corpus, "independence", options);
  CHECK(bare.value().rows[0].left.empty());
  CHECK(bare.value().rows[0].right.empty());
}

TEST_CASE("queries without words or with bad options are errors with plain messages") {
  const Corpus corpus = textx::testing::mini_corpus();
  for (const char* query : {"", "   ", "\u2013 ,.", "\U0001F600"}) {
    CAPTURE(query);
    const auto result = concordance(corpus, query, {});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "query.empty");
  }
  CHECK(concordance(corpus, std::string("a\0b", 3), {}).error().code == "query.invalid");
  textx::ConcordanceOptions wide;
  wide.context = textx::kMaxContextTokens + 1;
  CHECK(concordance(corpus, "independence", wide).error().to_string() ==
        "[options.context] Context can be at most 100 words on each side; asked for 101.");
}

TEST_CASE("an unknown word has no hits and is not an error") {
  const Corpus corpus = textx::testing::mini_corpus();
  const auto result = concordance(corpus, "xylophone", {});
  REQUIRE(result.ok());
  CHECK(result.value().total == 0);
  CHECK(result.value().rows.empty());
}

TEST_CASE("index search agrees with a naive scan on the mini corpus") {
  const Corpus corpus = textx::testing::mini_corpus();
  for (const char* query : {"independence", "the", "international relations", "of the", "U.S", "1,000",
                            "m\u00e1jer", "\u56fd", "the international situation is", "nations are equal"}) {
    CAPTURE(query);
    CHECK(index_hits(corpus, query) == naive_hits(corpus, query));
  }
}

TEST_CASE("index search agrees with a naive scan on random text") {
  std::mt19937 rng(20261123);
  const std::vector<std::string> vocabulary = {"peace", "Peace", "PEACE", "war", "non", "aligned", "state's",
                                               "U.S.", "1,000", "m\u00e1jer", "\u2013", "\u201cquoted\u201d"};
  const std::vector<std::string> separators = {" ", "  ", "\n", "\n\n", ", ", "-", "\u00a0", "\r\n"};
  Corpus corpus;
  for (int d = 0; d < 20; ++d) {
    std::string text;
    const int words = static_cast<int>(rng() % 400);
    for (int w = 0; w < words; ++w)
      text += vocabulary[rng() % vocabulary.size()] + separators[rng() % separators.size()];
    REQUIRE(corpus.add_document({.name = "random-" + std::to_string(d)}, text).ok());
  }
  for (const char* query : {"peace", "peace war", "non-aligned", "state's", "U.S", "1,000", "peace peace peace",
                            "quoted", "M\u00e1jer war"}) {
    CAPTURE(query);
    CHECK(index_hits(corpus, query) == naive_hits(corpus, query));
  }
}
