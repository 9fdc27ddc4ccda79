// The query language evaluated on the index, cross-checked against naive scans over freshly tokenized text.
#include <doctest/doctest.h>


#include <functional>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/query/concordance.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/naive_query.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;

namespace {

using namespace textx::testing;

// Every document's keys, computed afresh from its text.
std::vector<std::vector<std::string>> all_keys(const Corpus& corpus) {
  std::vector<std::vector<std::string>> out;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const std::string& text = corpus.document(id).text;
    std::vector<std::string> keys;
    for (const auto& w : textx::find_words(text)) keys.push_back(textx::key_of(text.substr(w.start, w.end - w.start)));
    out.push_back(std::move(keys));
  }
  return out;
}

std::vector<Hit> indexed(const Corpus& corpus, const std::string& query, textx::ConcordanceOptions options = {}) {
  const auto result = textx::concordance(corpus, query, options);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().to_string()));
  std::vector<Hit> hits;
  for (const auto& row : result.value().rows) hits.push_back({row.doc, row.first_token, row.token_count});
  CHECK(result.value().total == hits.size());
  return hits;
}

Corpus random_corpus() {
  std::mt19937 rng(20261123);
  const std::vector<std::string> vocabulary = {"peace", "Peace", "PEACE", "war", "non", "aligned", "state's", "U.S.",
                                               "1,000", "m\u00e1jer", "independence", "independent", "of", "the",
                                               "\u201cquoted\u201d", "security", "organisation", "organization"};
  const std::vector<std::string> separators = {" ", "  ", "\n", "\n\n", ", ", "-", "\u00a0", "\r\n", ". "};
  Corpus corpus;
  for (int d = 0; d < 25; ++d) {
    std::string text;
    const int words = static_cast<int>(rng() % 500);
    for (int w = 0; w < words; ++w) text += vocabulary[rng() % vocabulary.size()] + separators[rng() % separators.size()];
    REQUIRE(corpus.add_document({.name = "random-" + std::to_string(d)}, text).ok());
  }
  return corpus;
}

struct Case {
  const char* query;
  Pattern pattern;
};

std::vector<Case> cases() {
  return {
      {"independence", {word("independence")}},
      {"peace war", {word("peace"), word("war")}},
      {"non-aligned", {word("non"), word("aligned")}},
      {"independ*", {key_regex("independ.*")}},
      {"organi?ation", {key_regex("organi.ation")}},
      {"*ence", {key_regex(".*ence")}},
      {"the * of", {word("the"), any(), word("of")}},
      {"* of", {any(), word("of")}},
      {"peace * *", {word("peace"), any(), any()}},
      {"/independen(ce|t)/", {key_regex("independen(ce|t)")}},
      {"/p[aeiou]+ce/ war", {key_regex("p[aeiou]+ce"), word("war")}},
      {"M\u00c1JER", {word("majer")}},
  };
}

// Alternatives of equal length: the union of the alternatives' hits.
std::vector<Hit> naive_union(const Corpus& corpus, const std::vector<Pattern>& alternatives) {
  std::set<Hit> all;
  for (const auto& alternative : alternatives)
    for (const Hit& h : naive(fresh_tokens(corpus), alternative)) all.insert(h);
  return {all.begin(), all.end()};
}

}  // namespace

TEST_CASE("words, phrases, wildcards, gaps and regular expressions agree with a naive scan") {
  for (const Corpus& corpus : {textx::testing::mini_corpus(), random_corpus()}) {
    for (const Case& c : cases()) {
      CAPTURE(c.query);
      CHECK(indexed(corpus, c.query) == naive(fresh_tokens(corpus), c.pattern));
    }
  }
}

TEST_CASE("alternatives agree with the union of their parts") {
  const Corpus corpus = random_corpus();
  CHECK(indexed(corpus, "peace|war") == naive_union(corpus, {{word("peace")}, {word("war")}}));
  CHECK(indexed(corpus, "(peace|war) of") ==
        naive_union(corpus, {{word("peace"), word("of")}, {word("war"), word("of")}}));
  CHECK(indexed(corpus, "(non aligned)|(the state's)") ==
        naive_union(corpus, {{word("non"), word("aligned")}, {word("the"), word("state's")}}));
}

TEST_CASE("an alternative that can match in several lengths is tried at each of them") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a.txt"}, "We speak of the united states, of the states and of the the states.").ok());
  const FreshTokens tokens = fresh_tokens(corpus);
  // Spelled out: of the states | of the united states | of the the states | of the the united states | xyzzy states.
  const std::vector<Pattern> spelled = {
      {word("of"), word("the"), word("states")},
      {word("of"), word("the"), word("united"), word("states")},
      {word("of"), word("the"), word("the"), word("states")},
      {word("of"), word("the"), word("the"), word("united"), word("states")},
      {word("xyzzy"), word("states")},
  };
  const std::vector<Hit> expected = naive_alternatives(tokens, spelled);
  REQUIRE(expected.size() == 3);  // the first needs "of" then "the united", not the shorter "the"
  CHECK(indexed(corpus, "(((of|(of the)) (the|(the united)))|xyzzy) states") == expected);
  CHECK(indexed(corpus, "(of|(of the)) (the|(the united)) states") == expected);
}

TEST_CASE("nested alternatives are matched in time linear in the query, not exponential") {
  // Twenty-one groups that each take one or two words, then "the": a matcher trying each way in turn
  // explores 2^21 paths per candidate (seconds each); the offsets kept side by side make it immediate.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "a ";
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a.txt"}, text + "the end").ok());
  std::string query;
  for (int i = 0; i < 21; ++i) query += "(a|(a a)) ";
  const std::vector<Hit> hits = indexed(corpus, query + "the");
  // From start i, the 200 - i words "a" split into 21 groups of one or two: 21 <= 200 - i <= 42.
  std::vector<Hit> expected;
  for (std::uint32_t i = 158; i <= 179; ++i) expected.push_back({0, i, 201 - i});
  CHECK(hits == expected);
}

TEST_CASE("NEAR finds the first side with the second within n words on either side") {
  const Corpus corpus = random_corpus();
  const auto keys = all_keys(corpus);
  for (const std::size_t n : {0u, 1u, 3u, 10u}) {
    CAPTURE(n);
    // Naive: each "peace" with a "security" at distance <= n (words strictly between them), either side.
    std::size_t expected = 0;
    for (const auto& doc : keys) {
      for (std::size_t i = 0; i < doc.size(); ++i) {
        if (doc[i] != "peace") continue;
        bool near = false;
        for (std::size_t j = 0; j < doc.size() && !near; ++j) {
          if (doc[j] != "security") continue;
          const std::size_t gap = j > i ? j - i - 1 : i - j - 1;
          near = gap <= n;
        }
        expected += near;
      }
    }
    const auto result = textx::concordance(corpus, "peace NEAR/" + std::to_string(n) + " security", {});
    REQUIRE(result.ok());
    CHECK(result.value().total == expected);
    for (const auto& row : result.value().rows) {
      const std::string match = textx::key_of(row.match);
      CHECK(match.find("peace") != std::string::npos);
      CHECK(match.find("security") != std::string::npos);
    }
  }
}

TEST_CASE("a query of gaps only is refused rather than listing every word") {
  const Corpus corpus = textx::testing::mini_corpus();
  for (const char* query : {"*", "* *", "*|*", "peace NEAR/3 *"}) {
    CAPTURE(query);
    const auto result = textx::concordance(corpus, query, {});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().to_string() ==
          "[query.too_broad] A query of only * (any word) matches every word of the corpus; add a word to look for.");
  }
}

TEST_CASE("document filters limit hits by name and by date") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "1980-decree.txt", .date = "1980-10"}, "independence and peace").ok());
  REQUIRE(corpus.add_document({.name = "2023-article.txt", .date = "2023-02-03"}, "independence today").ok());
  REQUIRE(corpus.add_document({.name = "undated.txt"}, "independence").ok());
  const auto total = [&](const std::string& q) { return textx::concordance(corpus, q, {}).value().total; };
  CHECK(total("independence") == 3);
  CHECK(total("independence doc:1980*") == 1);
  CHECK(total("independence doc:*.txt") == 3);
  CHECK(total("independence doc:1980* doc:undated*") == 2);
  CHECK(total("independence date:2000..") == 1);
  CHECK(total("independence date:..1999") == 1);
  CHECK(total("independence date:1980") == 1);
  CHECK(total("independence date:1980..2023") == 2);
}

TEST_CASE("case- and diacritic-sensitive matching narrows the default matches") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "M\u00e1jer Majer MAJER Ma\u0301jer m\u00e1jer").ok());
  const auto total = [&](const char* q, bool cs, bool ds) {
    textx::ConcordanceOptions o;
    o.match = {cs, ds};
    return textx::concordance(corpus, q, o).value().total;
  };
  CHECK(total("majer", false, false) == 5);
  CHECK(total("M\u00e1jer", true, true) == 2);   // NFC and NFD spellings are the same word
  CHECK(total("m\u00e1jer", false, true) == 3);  // case ignored, accent kept
  CHECK(total("Majer", true, false) == 3);       // accent ignored, case kept
}

TEST_CASE("rows sort by context words, the match and the document; paging applies after sorting") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "b"}, "x peace zebra. y peace apple. z peace mango").ok());
  REQUIRE(corpus.add_document({.name = "a"}, "a peace apple b. peace").ok());
  textx::ConcordanceOptions options;
  options.context = 1;
  const auto rights = [&](std::vector<textx::SortKey> sort) {
    options.sort = std::move(sort);
    std::vector<std::string> out;
    const auto result = textx::concordance(corpus, "peace", options);
    for (const auto& row : result.value().rows) out.push_back(row.left + "|" + row.right);
    return out;
  };
  using K = textx::SortKey;
  CHECK(rights({}) == std::vector<std::string>{"x|zebra", "y|apple", "z|mango", "a|apple", "b.|"});
  CHECK(rights({K::kR1}) == std::vector<std::string>{"b.|", "y|apple", "a|apple", "z|mango", "x|zebra"});
  CHECK(rights({K::kR1, K::kL1}) == std::vector<std::string>{"b.|", "a|apple", "y|apple", "z|mango", "x|zebra"});
  CHECK(rights({K::kDocument, K::kL1}) == std::vector<std::string>{"x|zebra", "y|apple", "z|mango", "a|apple", "b.|"});
  options.offset = 1;
  options.limit = 2;
  CHECK(rights({K::kR1}) == std::vector<std::string>{"y|apple", "a|apple"});
  CHECK(textx::parse_sort_key("r2") == K::kR2);
  CHECK_FALSE(textx::parse_sort_key("R4").has_value());
}

TEST_CASE("context by characters counts code points and collapses whitespace") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "\U0001F600\u00e9t\u00e9\n\nindependence  d\u00e9j\u00e0 vu").ok());
  textx::ConcordanceOptions options;
  options.unit = textx::ContextUnit::kCharacters;
  options.context = 5;
  const auto row = textx::concordance(corpus, "independence", options).value().rows.at(0);
  CHECK(row.left == "\u00e9t\u00e9");   // "été\n\n": five code points, whitespace trimmed
  CHECK(row.right == "d\u00e9j");        // "  déj"
  options.context = textx::kMaxContextChars + 1;
  CHECK(textx::concordance(corpus, "independence", options).error().code == "options.context");
}

TEST_CASE("the query language agrees with a naive scan on the State of the Union corpus") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  REQUIRE(corpus.live_document_count() == 233);

  const struct {
    const char* query;
    Pattern pattern;
  } sotu_cases[] = {
      {"union", {word("union")}},
      {"the state of the union", {word("the"), word("state"), word("of"), word("the"), word("union")}},
      {"the * of", {word("the"), any(), word("of")}},
      {"independ*", {key_regex("independ.*")}},
      {"/(re)?organi[sz]ation/", {key_regex("(re)?organi[sz]ation")}},
      {"*ism", {key_regex(".*ism")}},
  };
  for (const auto& c : sotu_cases) {
    CAPTURE(c.query);
    CHECK(indexed(corpus, c.query) == naive(fresh_tokens(corpus), c.pattern));
  }
}
