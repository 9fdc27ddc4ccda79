// Phrases of key sets (core/query/key_sequence.hpp): totals counted from postings, matches found through
// bitmaps, pages cut from them, and sorted orders kept and paged, all cross-checked against naive scans
// of freshly tokenized text, with document filters, on one segment and on many.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "core/query/concordance.hpp"
#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/naive_query.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;

namespace {

using namespace textx::testing;

struct Case {
  std::string query;  // without filter
  Pattern pattern;
};

std::vector<Case> cases() {
  return {
      {"the", {word("the")}},
      {"union", {word("union")}},
      {"xylophone", {word("xylophone")}},
      {"independ*", {key_regex("independ.*")}},
      {"*ism", {key_regex(".*ism")}},
      {"the|a", {either({word("the"), word("a")})}},
      {"/(re)?organi[sz]ation/", {key_regex("(re)?organi[sz]ation")}},
      {"the * of", {word("the"), any(), word("of")}},
      {"of the", {word("of"), word("the")}},
      {"the united states", {word("the"), word("united"), word("states")}},
      {"* of", {any(), word("of")}},
      {"of *", {word("of"), any()}},
      {"the state of the union", {word("the"), word("state"), word("of"), word("the"), word("union")}},
      {"independ* of", {key_regex("independ.*"), word("of")}},
      {"(the|a) * (of|in)", {either({word("the"), word("a")}), any(), either({word("of"), word("in")})}},
      {"the xylophone", {word("the"), word("xylophone")}},
      {"* * nation", {any(), any(), word("nation")}},
      {"we * * *", {word("we"), any(), any(), any()}},
      {"*s of the", {key_regex(".*s"), word("of"), word("the")}},
      {"independence *s", {word("independence"), key_regex(".*s")}},  // *s checked token by token
  };
}

const std::vector<std::string> kFilters = {"", " doc:1*", " date:1900..1950", " doc:19*_r* date:..1990", " date:3000",
                                           " doc:*washington*"};

// Checks find_matches and find_match_page (the whole list and pages of it) against the naive scan.
void check_queries(const Corpus& corpus) {
  const FreshTokens tokens = fresh_tokens(corpus);
  for (const Case& c : cases()) {
    const std::vector<Hit> unfiltered = naive(tokens, c.pattern);
    for (const std::string& filter : kFilters) {
      const std::string text = c.query + filter;
      CAPTURE(text);
      const auto query = textx::parse_query(text);
      REQUIRE(query.ok());
      const std::vector<Hit> expected = allowed_only(unfiltered, textx::allowed_documents(corpus, query.value().filter));
      const auto all = textx::find_matches(corpus, query.value(), {});
      REQUIRE(all.ok());
      CHECK(hits_of(all.value()) == expected);
      const std::size_t n = expected.size();
      for (const std::size_t offset : {std::size_t{0}, n / 2 + 1, n > 0 ? n - 1 : 0, n + 5}) {
        for (const std::size_t limit : {std::size_t{0}, std::size_t{7}, std::numeric_limits<std::size_t>::max()}) {
          const auto page = textx::find_match_page(corpus, query.value(), {}, offset, limit);
          REQUIRE(page.ok());
          CHECK(page.value().total == n);
          const std::size_t from = std::min(offset, n), to = from + std::min(n - from, limit);
          CHECK(hits_of(page.value().matches) == std::vector<Hit>(expected.begin() + static_cast<std::ptrdiff_t>(from),
                                                                   expected.begin() + static_cast<std::ptrdiff_t>(to)));
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("phrases of key sets agree with a naive scan, whole and paged, with filters, on one segment") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  REQUIRE(corpus.segments().size() == 1);
  check_queries(corpus);
}

TEST_CASE("phrases of key sets agree with a naive scan, whole and paged, with filters, over many segments") {
  const Corpus corpus = grown_sotu(125);
  CHECK(corpus.segments().size() > 3);
  check_queries(corpus);
}

TEST_CASE("matching options and NEAR take the general path and still page exactly") {
  const Corpus corpus = grown_sotu(125);
  for (const char* text : {"The * of", "the * of", "THE", "independ* of", "peace NEAR/5 war", "(the state)|union of"}) {
    for (const textx::MatchOptions match : {textx::MatchOptions{}, textx::MatchOptions{true, false},
                                            textx::MatchOptions{false, true}}) {
      CAPTURE(text);
      CAPTURE(match.case_sensitive);
      const auto query = textx::parse_query(text);
      REQUIRE(query.ok());
      const auto all = textx::find_matches(corpus, query.value(), match);
      REQUIRE(all.ok());
      for (const std::size_t offset : {std::size_t{0}, std::size_t{5}, all.value().size() / 2}) {
        const auto page = textx::find_match_page(corpus, query.value(), match, offset, 9);
        REQUIRE(page.ok());
        CHECK(page.value().total == all.value().size());
        const std::size_t from = std::min(offset, all.value().size());
        const std::size_t to = std::min(all.value().size(), from + 9);
        CHECK(hits_of(page.value().matches) == hits_of({all.value().begin() + static_cast<std::ptrdiff_t>(from),
                                                        all.value().begin() + static_cast<std::ptrdiff_t>(to)}));
      }
    }
  }
  // Case-sensitive: "The" capitalised only, a subset of the default matches.
  const auto strict = textx::find_matches(corpus, textx::parse_query("The").value(), {true, false});
  const auto folded = textx::find_matches(corpus, textx::parse_query("the").value(), {});
  CHECK(strict.value().size() > 0);
  CHECK(strict.value().size() < folded.value().size());
}

TEST_CASE("a query of gaps only, or gaps and alternatives, is refused as before") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  for (const char* text : {"*", "* *", "*|*", "* (the|a)", "(the|*)"}) {
    CAPTURE(text);
    const auto page = textx::find_match_page(corpus, textx::parse_query(text).value(), {}, 0, 10);
    REQUIRE_FALSE(page.ok());
    CHECK(page.error().code == "query.too_broad");
    CHECK_FALSE(textx::find_matches(corpus, textx::parse_query(text).value(), {}).ok());
  }
  CHECK(textx::find_match_page(corpus, textx::parse_query("(the|a) *").value(), {}, 0, 10).ok());
}

TEST_CASE("a sorted order computed once gives every page of the sorted concordance") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  using K = textx::SortKey;
  const FreshTokens tokens = fresh_tokens(corpus);  // sorted by their keys
  struct SortCase {
    std::string text;
    std::vector<K> sort;
  };
  for (const SortCase& sort_case : std::vector<SortCase>{{"will", {K::kR1, K::kR2, K::kR3}},
                                                         {"the * of", {K::kL1, K::kMatch}},
                                                         {"independ*", {K::kDocument, K::kR1}},
                                                         {"peace NEAR/5 war", {K::kL3, K::kL2}}}) {
    const std::string& text = sort_case.text;
    const std::vector<K>& sort = sort_case.sort;
    CAPTURE(text);
    const auto sorted = textx::sorted_matches(corpus, text, {}, sort);
    REQUIRE(sorted.ok());
    // Naive: every match in corpus order, stably sorted by the key texts (a missing word first).
    auto expected = hits_of(textx::find_matches(corpus, textx::parse_query(text).value(), {}).value());
    const auto field = [&](const Hit& h, K key) -> std::string {
      if (key == K::kDocument) return std::string(10 - std::to_string(h.doc).size(), '0') + std::to_string(h.doc);
      const std::int64_t at = key == K::kL3 ? std::int64_t{h.first} - 3
                              : key == K::kL2 ? std::int64_t{h.first} - 2
                              : key == K::kL1 ? std::int64_t{h.first} - 1
                              : key == K::kMatch ? std::int64_t{h.first}
                              : key == K::kR1 ? std::int64_t{h.first} + h.length
                              : key == K::kR2 ? std::int64_t{h.first} + h.length + 1
                                              : std::int64_t{h.first} + h.length + 2;
      const auto& doc = tokens.documents[h.doc];
      return at < 0 || at >= static_cast<std::int64_t>(doc.size()) ? "" : textx::key_of(tokens.texts[doc[static_cast<std::size_t>(at)]]);
    };
    std::stable_sort(expected.begin(), expected.end(), [&](const Hit& a, const Hit& b) {
      for (const K key : sort) {
        const std::string fa = field(a, key), fb = field(b, key);
        if (fa != fb) return fa < fb;
      }
      return false;
    });
    CHECK(hits_of(sorted.value().matches) == expected);

    // Pages of the kept order are the rows of concordance() with the same options.
    textx::ConcordanceOptions options;
    options.sort = sort;
    options.context = 3;
    const auto full = textx::concordance(corpus, text, options);
    REQUIRE(full.ok());
    REQUIRE(full.value().total == expected.size());
    for (const std::size_t offset : {std::size_t{0}, std::size_t{17}, expected.size() / 2, expected.size()}) {
      options.offset = offset;
      options.limit = 25;
      const auto page = textx::concordance_page(corpus, sorted.value(), options);
      const auto direct = textx::concordance(corpus, text, options);
      REQUIRE(page.ok());
      REQUIRE(direct.ok());
      CHECK(page.value().total == expected.size());
      REQUIRE(page.value().rows.size() == direct.value().rows.size());
      for (std::size_t r = 0; r < page.value().rows.size(); ++r) {
        const auto& a = page.value().rows[r];
        const auto& b = direct.value().rows[r];
        const auto& c = full.value().rows[offset + r];
        CHECK(std::tie(a.doc, a.first_token, a.start, a.left, a.match, a.right) ==
              std::tie(b.doc, b.first_token, b.start, b.left, b.match, b.right));
        CHECK(std::tie(a.doc, a.first_token, a.start, a.left, a.match, a.right) ==
              std::tie(c.doc, c.first_token, c.start, c.left, c.match, c.right));
      }
    }
  }
}
