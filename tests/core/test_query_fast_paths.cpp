// The first-page paths of find_match_page that do not list every match: case- and diacritic-sensitive words
// in key sequences (strict_form.hpp), NEAR of two key sequences (key_sequence_near.hpp) and alternatives of
// several words spelled out as key sequences (key_sequence_union.hpp). Each is cross-checked against a naive
// scan of freshly tokenized text and against find_matches (the general evaluation for NEAR and
// alternatives), whole and paged at several offsets, with document filters, on the State of the Union
// grown one document at a time (many segments, documents removed) and on random text full of spellings
// that fold alike.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/naive_query.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;
using textx::MatchOptions;

namespace {

using namespace textx::testing;

// `first` NEAR/n `second`: each hit of `first` with a hit of `second` in its document, not overlapping it,
// at most n words away, widened to cover the nearest (the earlier on a tie).
std::vector<Hit> naive_near(const std::vector<Hit>& first, const std::vector<Hit>& second, std::size_t n) {
  std::vector<Hit> out;
  std::uint32_t longest = 0;
  for (const Hit& b : second) longest = std::max(longest, b.length);
  for (const Hit& a : first) {
    const Hit* nearest = nullptr;
    std::size_t nearest_gap = 0;
    // Every hit of `second` in a's document that could be n words away or less (the rest are further).
    const auto near_start = [&](const Hit& b) {
      return b.doc < a.doc || (b.doc == a.doc && std::int64_t{b.first} < std::int64_t{a.first} - std::int64_t(n) - longest);
    };
    for (auto it = std::partition_point(second.begin(), second.end(), near_start);
         it != second.end() && it->doc == a.doc && it->first <= a.first + a.length + n; ++it) {
      const Hit& b = *it;
      std::size_t gap = 0;
      if (b.first >= a.first + a.length) gap = b.first - (a.first + a.length);
      else if (b.first + b.length <= a.first) gap = a.first - (b.first + b.length);
      else continue;  // overlapping
      if (gap <= n && (!nearest || gap < nearest_gap || (gap == nearest_gap && b.first < nearest->first))) {
        nearest = &b;
        nearest_gap = gap;
      }
    }
    if (!nearest) continue;
    const std::uint32_t start = std::min(a.first, nearest->first);
    const std::uint32_t end = std::max(a.first + a.length, nearest->first + nearest->length);
    out.push_back({a.doc, start, end - start});
  }
  return out;
}

const std::vector<std::string> kFilters = {"", " doc:1*", " date:1900..1950", " date:3000", " doc:*washington*",
                                           " doc:random-1*"};

// A query and its naive meaning: alternatives of patterns (one pattern: a phrase), and for NEAR the other
// side's and the distance.
struct Case {
  std::string query;
  std::vector<Pattern> alternatives;
  std::vector<Pattern> near = {};
  std::size_t distance = 0;
};

void check_cases(const Corpus& corpus, const FreshTokens& tokens, const std::vector<Case>& cases, MatchOptions match) {
  for (const Case& c : cases) {
    std::vector<Hit> expected = naive_alternatives(tokens, c.alternatives);
    if (!c.near.empty()) expected = naive_near(expected, naive_alternatives(tokens, c.near), c.distance);
    check_query_pages(corpus, c.query, match, expected, kFilters);
  }
}


// Random text of words that fold alike (case, precomposed and decomposed accents, a mark after the word,
// the Kelvin sign, sharp s), some followed directly by non-ASCII punctuation, in three batches and a few
// single documents (several segments).
Corpus spellings_corpus() {
  std::mt19937 rng(20261124);
  const std::vector<std::string> vocabulary = {
      "The", "the", "THE", "of", "Of", "a", "A", "united", "United", "UNITED", "states", "States", "nation",
      "Nation", "peace", "Peace", "war", "Majer", "majer", "MAJER", "M\u00e1jer", "Ma\u0301jer", "m\u00e1jer",
      "majer\u0301", "\u212Aelvin", "kelvin", "Kelvin", "stra\u00dfe", "STRASSE", "Strasse", "caf\u00e9", "cafe",
      "CAFE\u0301", "T\u0308he"};
  const std::vector<std::string> separators = {" ", " ", " ", "\n", ", ", "\u2014", "\u00a0", ". ", "\u201d "};
  Corpus corpus;
  const auto text = [&] {
    std::string out;
    const int words = static_cast<int>(rng() % 400);
    for (int w = 0; w < words; ++w) out += vocabulary[rng() % vocabulary.size()] + separators[rng() % separators.size()];
    return out;
  };
  int d = 0;
  for (int batch = 0; batch < 3; ++batch) {
    std::vector<std::string> texts;
    std::vector<textx::NewDocument> documents;
    for (int i = 0; i < 8; ++i) texts.push_back(text());
    for (const std::string& t : texts) documents.push_back({{.name = "random-" + std::to_string(d++)}, t});
    for (const auto& added : corpus.add_documents(std::move(documents))) REQUIRE(added.ok());
    REQUIRE(corpus.add_document({.name = "random-" + std::to_string(d++)}, text()).ok());
  }
  REQUIRE(corpus.remove_document(5));
  return corpus;
}

const std::vector<MatchOptions> kSensitive = {{true, false}, {false, true}, {true, true}};

}  // namespace

TEST_CASE("case- and diacritic-sensitive words in phrases agree with a naive scan") {
  const Corpus sotu = grown_sotu(125);
  const Corpus spellings = spellings_corpus();
  const FreshTokens sotu_tokens = fresh_tokens(sotu), spellings_tokens = fresh_tokens(spellings);
  CHECK(sotu.segments().size() > 3);
  CHECK(spellings.segments().size() > 3);
  for (const MatchOptions match : kSensitive) {
    const auto w = [&](const std::string& text) { return word(text, match); };
    check_cases(sotu, sotu_tokens,
                {{"The", {{w("The")}}},
                 {"the", {{w("the")}}},
                 {"THE", {{w("THE")}}},
                 {"The * of", {{w("The"), any(), w("of")}}},
                 {"United States", {{w("United"), w("States")}}},
                 {"the united states", {{w("the"), w("united"), w("states")}}},
                 {"(The|A) * of", {{either({w("The"), w("A")}), any(), w("of")}}},
                 {"(The|the|THE)", {{either({w("The"), w("the"), w("THE")})}}},
                 {"(The|independ*) people", {{either({w("The"), key_regex("independ.*")}), w("people")}}},
                 {"independ* of", {{key_regex("independ.*"), w("of")}}}},
                match);
    check_cases(spellings, spellings_tokens,
                {{"Majer", {{w("Majer")}}},
                 {"M\u00e1jer", {{w("M\u00e1jer")}}},
                 {"majer", {{w("majer")}}},
                 {"Kelvin", {{w("Kelvin")}}},
                 {"stra\u00dfe", {{w("stra\u00dfe")}}},
                 {"STRASSE of", {{w("STRASSE"), w("of")}}},
                 {"caf\u00e9 *", {{w("caf\u00e9"), any()}}},
                 {"The * the", {{w("The"), any(), w("the")}}},
                 {"(Majer|majer|m\u00e1jer) (The|caf*)", {{either({w("Majer"), w("majer"), w("m\u00e1jer")}),
                                                           either({w("The"), key_regex("caf.*")})}}}},
                match);
  }
}

TEST_CASE("NEAR of two phrases agrees with a naive scan and with the general evaluation") {
  const Corpus sotu = grown_sotu(125);
  const FreshTokens tokens = fresh_tokens(sotu);
  check_cases(sotu, tokens,
              {{"the NEAR/5 of", {{word("the")}}, {{word("of")}}, 5},
               {"peace NEAR/0 war", {{word("peace")}}, {{word("war")}}, 0},
               {"the NEAR/3 the", {{word("the")}}, {{word("the")}}, 3},
               {"the * of NEAR/2 states", {{word("the"), any(), word("of")}}, {{word("states")}}, 2},
               {"united states NEAR/10 (the|a)", {{word("united"), word("states")}}, {{either({word("the"), word("a")})}}, 10},
               {"of NEAR/100 independ*", {{word("of")}}, {{key_regex("independ.*")}}, 100},
               {"war NEAR/1 peace", {{word("war")}}, {{word("peace")}}, 1},
               {"the * NEAR/4 * of", {{word("the"), any()}}, {{any(), word("of")}}, 4}},
              {});
  const MatchOptions cs{true, false};
  check_cases(sotu, tokens,
              {{"The NEAR/5 of", {{word("The", cs)}}, {{word("of", cs)}}, 5},
               {"United States NEAR/3 (Congress|the)", {{word("United", cs), word("States", cs)}},
                {{either({word("Congress", cs), word("the", cs)})}}, 3}},
              cs);
  const Corpus spellings = spellings_corpus();
  const FreshTokens spellings_tokens = fresh_tokens(spellings);
  for (const MatchOptions match : kSensitive)
    check_cases(spellings, spellings_tokens, {{"M\u00e1jer NEAR/2 The", {{word("M\u00e1jer", match)}}, {{word("The", match)}}, 2}}, match);
}

TEST_CASE("alternatives of several words agree with a naive scan and with the general evaluation") {
  const Corpus sotu = grown_sotu(125);
  const FreshTokens tokens = fresh_tokens(sotu);
  const auto w = [](const std::string& text) { return word(text); };
  check_cases(sotu, tokens,
              {{"(united states)|(american people)", {{w("united"), w("states")}, {w("american"), w("people")}}},
               {"(the|a) ((united states)|nation)",
                {{either({w("the"), w("a")}), w("united"), w("states")}, {either({w("the"), w("a")}), w("nation")}}},
               {"((the state)|state) of", {{w("the"), w("state"), w("of")}, {w("state"), w("of")}}},
               {"(of the)|of", {{w("of"), w("the")}, {w("of")}}},
               {"the ((state of)|union)", {{w("the"), w("state"), w("of")}, {w("the"), w("union")}}},
               {"(((the united)|a) states)|nation",
                {{w("the"), w("united"), w("states")}, {w("a"), w("states")}, {w("nation")}}},
               {"((the|(the united)) states)|nation of",  // an alternative of two lengths followed by more
                {{w("the"), w("states"), w("of")}, {w("the"), w("united"), w("states"), w("of")}, {w("nation"), w("of")}}},
               {"((of the) *)|(in *)", {{w("of"), w("the"), any()}, {w("in"), any()}}}},
              {});
  const MatchOptions cs{true, false};
  check_cases(sotu, tokens,
              {{"(The|A) ((United States)|Nation)",
                {{either({word("The", cs), word("A", cs)}), word("United", cs), word("States", cs)},
                 {either({word("The", cs), word("A", cs)}), word("Nation", cs)}}}},
              cs);
}

TEST_CASE("alternatives that key sequences cannot spell out exactly, or of gaps only, take the general path") {
  const Corpus sotu = grown_sotu(60);
  // 2^7 = 128 sequences: more than 64. And an alternative matching in two lengths followed by more words:
  // the general evaluation keeps only its shortest match (`of the` then `the`, not `of` then `the united`,
  // before `states`), which spelled-out sequences would not. The page must be the general list's slice.
  std::string many;
  for (int i = 0; i < 7; ++i) many += "((of the)|the) ";
  for (const std::string& text : {many, std::string("((of the)|the) ((of the)|the) ((of the)|the) nation"),
                                  std::string("(((of|(of the)) (the|(the united)))|xyzzy) states")}) {
    CAPTURE(text);
    const auto query = textx::parse_query(text);
    REQUIRE(query.ok());
    const auto all = textx::find_matches(sotu, query.value(), {});
    REQUIRE(all.ok());
    for (const std::size_t offset : {std::size_t{0}, all.value().size() / 2}) {
      const auto page = textx::find_match_page(sotu, query.value(), {}, offset, 5);
      REQUIRE(page.ok());
      CHECK(page.value().total == all.value().size());
      const std::size_t to = std::min(all.value().size(), offset + 5);
      CHECK(hits_of(page.value().matches) == hits_of({all.value().begin() + static_cast<std::ptrdiff_t>(std::min(offset, to)),
                                                      all.value().begin() + static_cast<std::ptrdiff_t>(to)}));
    }
  }
  for (const char* text : {"(* *)|*", "the NEAR/3 * *", "(* *)|(* the) NEAR/2 *", "* NEAR/2 the"}) {
    CAPTURE(text);
    const auto query = textx::parse_query(text);
    REQUIRE(query.ok());
    const auto page = textx::find_match_page(sotu, query.value(), {}, 0, 5);
    const auto all = textx::find_matches(sotu, query.value(), {});
    REQUIRE_FALSE(page.ok());
    REQUIRE_FALSE(all.ok());
    CHECK(page.error().code == "query.too_broad");
    CHECK(page.error().to_string() == all.error().to_string());
  }
}
