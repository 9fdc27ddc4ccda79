// Trend of a query over document dates, worked by hand and cross-checked against a naive scan of the State
// of the Union addresses.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/stats/trend.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;
using textx::TrendPeriod;

namespace {

// Dated by month, by year only, undated by name, and undated by a manifest date that is no YYYY date.
Corpus dated_corpus() {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "1980-10-a.txt"}, "war war peace").ok());                // 3 tokens, war 2
  REQUIRE(corpus.add_document({.name = "1980-b.txt"}, "peace").ok());                            // 1 token, war 0
  REQUIRE(corpus.add_document({.name = "1985-03-c.txt"}, "war and peace and more").ok());       // 5 tokens, war 1
  REQUIRE(corpus.add_document({.name = "1991-d.txt"}, "War").ok());                              // 1 token, war 1
  REQUIRE(corpus.add_document({.name = "notes.txt"}, "war war").ok());                           // undated, war 2
  REQUIRE(corpus.add_document({.name = "x.txt", .date = "circa 1990"}, "peace peace war").ok()); // undated, war 1
  return corpus;
}

struct Expected {
  std::string period;
  std::size_t documents, tokens, hits;
  double per_million;
};

void check_rows(const std::vector<textx::TrendRow>& rows, const std::vector<Expected>& expected) {
  REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(expected[i].period);
    CHECK(rows[i].period == expected[i].period);
    CHECK(rows[i].documents == expected[i].documents);
    CHECK(rows[i].tokens == expected[i].tokens);
    CHECK(rows[i].hits == expected[i].hits);
    CHECK(rows[i].per_million == doctest::Approx(expected[i].per_million));
  }
}

}  // namespace

TEST_CASE("trend: periods of a date") {
  CHECK(textx::period_of("1980-10-05", TrendPeriod::kYear).label == "1980");
  CHECK(textx::period_of("1980-10-05", TrendPeriod::kDecade).label == "1980s");
  CHECK(textx::period_of("1989", TrendPeriod::kDecade).label == "1980s");
  CHECK(textx::period_of("0800", TrendPeriod::kDecade).label == "0800s");
  CHECK(textx::period_of("1980-10-05", TrendPeriod::kMonth).label == "1980-10");
  CHECK(textx::period_of("1980-10", TrendPeriod::kMonth).label == "1980-10");
  for (const char* year_only : {"1980", "1980-13", "1980-00", "1980/10", "1980-1"}) {
    CAPTURE(year_only);
    const textx::DatePeriod period = textx::period_of(year_only, TrendPeriod::kMonth);
    CHECK(period.label.empty());
    CHECK(period.year_only);
    CHECK(textx::period_of(year_only, TrendPeriod::kYear).label == "1980");
  }
  for (const char* undated : {"", "19801005", "circa 1980", "198", "80-10-05"}) {
    CAPTURE(undated);
    CHECK(textx::period_of(undated, TrendPeriod::kYear).label.empty());
    CHECK_FALSE(textx::period_of(undated, TrendPeriod::kMonth).year_only);
  }
  CHECK(textx::parse_trend_period("decade") == TrendPeriod::kDecade);
  CHECK_FALSE(textx::parse_trend_period("century").has_value());
  CHECK(textx::trend_period_name(TrendPeriod::kMonth) == "month");
}

TEST_CASE("trend by year, decade and month, worked by hand") {
  const Corpus corpus = dated_corpus();
  const auto by_year = textx::trend(corpus, "war", TrendPeriod::kYear, {});
  REQUIRE(by_year.ok());
  // 1980: 1980-10-a and 1980-b, 4 tokens, 2 hits -> 500,000 per million; 1985: 5 tokens, 1 hit; 1991: 1 of 1.
  check_rows(by_year.value().periods, {{"1980", 2, 4, 2, 500000.0}, {"1985", 1, 5, 1, 200000.0}, {"1991", 1, 1, 1, 1e6}});
  // notes.txt and "circa 1990": 2 documents, 5 tokens, 3 hits.
  check_rows({by_year.value().undated}, {{"", 2, 5, 3, 600000.0}});
  check_rows({by_year.value().year_only}, {{"", 0, 0, 0, 0.0}});
  check_rows({by_year.value().total}, {{"", 6, 15, 7, 7e6 / 15}});

  const auto by_decade = textx::trend(corpus, "war", TrendPeriod::kDecade, {});
  // 1980s: 9 tokens, 3 hits; 1990s: 1991-d only ("circa 1990" is undated).
  check_rows(by_decade.value().periods, {{"1980s", 3, 9, 3, 1e6 / 3}, {"1990s", 1, 1, 1, 1e6}});

  const auto by_month = textx::trend(corpus, "war", TrendPeriod::kMonth, {});
  check_rows(by_month.value().periods, {{"1980-10", 1, 3, 2, 2e6 / 3}, {"1985-03", 1, 5, 1, 200000.0}});
  // 1980-b and 1991-d have a year alone: 2 tokens, 1 hit.
  check_rows({by_month.value().year_only}, {{"", 2, 2, 1, 500000.0}});
  check_rows({by_month.value().undated}, {{"", 2, 5, 3, 600000.0}});

  // Periods with documents but no hit stay, with zero.
  const auto peace = textx::trend(corpus, "peace", TrendPeriod::kYear, {});
  check_rows(peace.value().periods, {{"1980", 2, 4, 2, 500000.0}, {"1985", 1, 5, 1, 200000.0}, {"1991", 1, 1, 0, 0.0}});

  // The query's filters choose the documents.
  const auto filtered = textx::trend(corpus, "war date:1985..", TrendPeriod::kYear, {});
  check_rows(filtered.value().periods, {{"1985", 1, 5, 1, 200000.0}, {"1991", 1, 1, 1, 1e6}});
  CHECK(filtered.value().undated.documents == 0);  // a date range leaves out undated documents
}

TEST_CASE("trend: errors pass through; no dated documents and an empty corpus give empty periods") {
  const Corpus corpus = dated_corpus();
  CHECK(textx::trend(corpus, "", TrendPeriod::kYear, {}).error().code == "query.empty");
  CHECK(textx::trend(corpus, "war date:1990..1980", TrendPeriod::kYear, {}).error().code == "query.syntax");

  const auto undated = textx::trend(corpus, "war doc:notes*", TrendPeriod::kDecade, {});
  REQUIRE(undated.ok());
  CHECK(undated.value().periods.empty());
  check_rows({undated.value().undated}, {{"", 1, 2, 2, 1e6}});

  const Corpus empty;
  const auto nothing = textx::trend(empty, "war", TrendPeriod::kYear, {});
  REQUIRE(nothing.ok());
  CHECK(nothing.value().periods.empty());
  CHECK(nothing.value().total.documents == 0);
}

TEST_CASE("trend agrees with a naive scan of the State of the Union by decade and year") {
  const Corpus& sotu = textx::testing::sotu_corpus();
  // Per decade from each file name's year, counting keys of freshly tokenized text (tokenized once).
  const std::vector<std::string> words = {"applause", "war"};
  std::vector<std::map<std::string, Expected>> naive(words.size());
  for (textx::DocId id = 0; id < sotu.document_count(); ++id) {
    const textx::Document& doc = sotu.document(id);
    const std::string decade = doc.info.name.substr(0, 3) + "0s";
    std::vector<std::size_t> hits(words.size(), 0);
    std::size_t tokens = 0;
    for (const auto& w : textx::find_words(doc.text)) {
      ++tokens;
      const std::string key = textx::key_of(doc.text.substr(w.start, w.end - w.start));
      for (std::size_t i = 0; i < words.size(); ++i) hits[i] += key == words[i];
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      Expected& row = naive[i][decade];
      row.period = decade;
      ++row.documents;
      row.tokens += tokens;
      row.hits += hits[i];
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    CAPTURE(words[i]);
    std::vector<Expected> expected;
    for (auto& [decade, row] : naive[i]) {
      row.per_million = row.tokens ? 1e6 * static_cast<double>(row.hits) / static_cast<double>(row.tokens) : 0;
      expected.push_back(row);
    }
    const auto result = textx::trend(sotu, words[i], TrendPeriod::kDecade, {});
    REQUIRE(result.ok());
    CHECK(expected.size() == 24);  // 1790s to 2020s
    check_rows(result.value().periods, expected);
    CHECK(result.value().undated.documents == 0);
  }
  // Every address is dated by its year alone: by month they are all "year only".
  const auto by_month = textx::trend(sotu, "applause", TrendPeriod::kMonth, {});
  CHECK(by_month.value().periods.empty());
  CHECK(by_month.value().year_only.documents == 233);
  const auto by_year = textx::trend(sotu, "applause", TrendPeriod::kYear, {});
  CHECK(by_year.value().year_only.documents == 0);
  CHECK(by_year.value().periods.front().period == "1790");
  CHECK(by_year.value().periods.back().period == "2021");
}
