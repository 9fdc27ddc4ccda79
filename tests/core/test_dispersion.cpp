// Dispersion (DP, DPnorm, Juilland's D, positions) worked by hand and cross-checked against naive scans.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/stats/dispersion.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;

namespace {

// Gries's (2008) example corpus: five parts of 9, 10, 10, 10 and 11 words in which "a" occurs 1, 2, 3, 4 and
// 5 times and "b" twice in each.
const char* const kGriesParts[] = {
    "b a m n i b e u p",
    "b a s a t b e w q n",
    "b c a g a b e s t a",
    "b a g h a b e a a t",
    "b a h a a b e a x a t",
};

Corpus gries_corpus() {
  Corpus corpus;
  const char* const names[] = {"part1", "part2", "part3", "part4", "part5"};
  for (int i = 0; i < 5; ++i) REQUIRE(corpus.add_document({.name = names[i]}, kGriesParts[i]).ok());
  return corpus;
}

// Every document's keys, computed afresh from its text.
std::vector<std::vector<std::string>> naive_keys(const Corpus& corpus) {
  std::vector<std::vector<std::string>> out;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const std::string& text = corpus.document(id).text;
    std::vector<std::string> keys;
    for (const auto& w : textx::find_words(text)) keys.push_back(textx::key_of(text.substr(w.start, w.end - w.start)));
    out.push_back(std::move(keys));
  }
  return out;
}

// Per document, the indexes of the tokens whose key is key_of(word).
std::vector<std::vector<std::uint32_t>> naive_positions(const std::vector<std::vector<std::string>>& keys,
                                                        const std::string& word) {
  const std::string key = textx::key_of(word);
  std::vector<std::vector<std::uint32_t>> out;
  for (const auto& doc : keys) {
    std::vector<std::uint32_t> hits;
    for (std::uint32_t i = 0; i < doc.size(); ++i)
      if (doc[i] == key) hits.push_back(i);
    out.push_back(std::move(hits));
  }
  return out;
}

// DP computed straight from the definition, in long double, for the cross-checks.
long double naive_dp(const std::vector<std::size_t>& sizes, const std::vector<std::size_t>& hits) {
  long double size_total = 0, hit_total = 0, sum = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    size_total += static_cast<long double>(sizes[i]);
    hit_total += static_cast<long double>(hits[i]);
  }
  for (std::size_t i = 0; i < sizes.size(); ++i)
    sum += std::fabs(static_cast<long double>(hits[i]) / hit_total - static_cast<long double>(sizes[i]) / size_total);
  return sum / 2;
}

// Checks dispersion(word) against the naive scan: per-document hits, positions, starts, and DP.
void check_against_naive(const Corpus& corpus, const std::vector<std::vector<std::string>>& keys,
                         const std::string& word) {
  CAPTURE(word);
  const auto result = textx::dispersion(corpus, word, {});
  REQUIRE(result.ok());
  const textx::Dispersion& d = result.value();
  const auto naive = naive_positions(keys, word);
  std::vector<std::size_t> sizes, hits;
  std::size_t total = 0, range = 0;
  std::size_t row = 0;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    if (corpus.document(id).removed) continue;
    REQUIRE(row < d.documents.size());
    const textx::DocumentDispersion& doc = d.documents[row++];
    CHECK(doc.doc == id);
    REQUIRE(doc.hits() == naive[id].size());
    for (std::size_t i = 0; i < naive[id].size(); ++i) {
      CHECK(doc.positions[i] == static_cast<double>(naive[id][i]) / static_cast<double>(doc.tokens));
      CHECK(doc.starts[i] == corpus.tokens(id).starts[naive[id][i]]);
    }
    if (doc.tokens > 0) {
      sizes.push_back(doc.tokens);
      hits.push_back(naive[id].size());
    }
    total += naive[id].size();
    range += naive[id].empty() ? 0 : 1;
  }
  CHECK(row == d.documents.size());
  CHECK(d.hits == total);
  CHECK(d.range == range);
  if (total == 0) {
    CHECK_FALSE(d.measures.dp.has_value());
  } else {
    REQUIRE(d.measures.dp.has_value());
    CHECK(std::fabs(*d.measures.dp - static_cast<double>(naive_dp(sizes, hits))) < 1e-12);
  }
}

}  // namespace

TEST_CASE("dispersion: DP, DPnorm and Juilland's D of Gries's (2008) example, worked by hand") {
  const std::vector<std::size_t> sizes = {9, 10, 10, 10, 11}, hits = {1, 2, 3, 4, 5};
  const textx::DispersionMeasures m = textx::dispersion_measures(sizes, hits);
  // s = sizes / 50 = .18 .2 .2 .2 .22; v = hits / 15 = 1/15 2/15 3/15 4/15 5/15.
  // |v - s| = 1.7/15, 1/15, 0, 1/15, 1.7/15; sum 5.4/15 = .36; DP = .36 / 2 = .18.
  REQUIRE(m.dp.has_value());
  CHECK(*m.dp == doctest::Approx(0.18).epsilon(1e-12));
  // DPnorm = DP / (1 - min s) = .18 / .82 = 0.219512195121951...
  CHECK(*m.dp_norm == doctest::Approx(0.18 / 0.82).epsilon(1e-12));
  // Juilland's D over relative frequencies R = 1/9, .2, .3, .4, 5/11: mean = (56/99 + .9) / 5 = 0.293131313…;
  // squared deviations .0331314 + .0086734 + .0000472 + .0114209 + .0260545 = .0793274; population sd =
  // sqrt(.0793274 / 5) = .1259582; V = sd / mean = .4296990; D = 1 - V / sqrt(5 - 1) = 0.78515045345.
  CHECK(*m.juilland_d == doctest::Approx(0.78515045345).epsilon(1e-10));

  // "b" twice in each part: v = .2 each, |v - s| = .02, 0, 0, 0, .02; DP = .02; DPnorm = .02 / .82.
  const std::vector<std::size_t> twice = {2, 2, 2, 2, 2};
  const textx::DispersionMeasures b = textx::dispersion_measures(sizes, twice);
  CHECK(*b.dp == doctest::Approx(0.02).epsilon(1e-12));
  CHECK(*b.dp_norm == doctest::Approx(0.02 / 0.82).epsilon(1e-12));
  // R = 2/9, .2, .2, .2, 2/11: mean = (2/9 + .6 + 2/11) / 5 = .2008080808…; deviations .0214141, -.0008081
  // (three times), -.0189899; population sd = sqrt(.00082114 / 5) = .0128152; V = .0638179;
  // D = 1 - V / 2 = 0.96809104320.
  CHECK(*b.juilland_d == doctest::Approx(0.96809104320).epsilon(1e-10));
}

TEST_CASE("dispersion: extremes and undefined cases of the measures") {
  // Two parts of 10 tokens, the one hit in the first: s = (.5, .5), v = (1, 0): DP = (.5 + .5) / 2 = .5;
  // DPnorm = .5 / (1 - .5) = 1. R = (.1, 0): mean .05, population sd .05, V = 1; D = 1 - 1 / sqrt(1) = 0.
  const std::vector<std::size_t> equal = {10, 10}, lopsided = {1, 0};
  const textx::DispersionMeasures m = textx::dispersion_measures(equal, lopsided);
  CHECK(*m.dp == doctest::Approx(0.5));
  CHECK(*m.dp_norm == doctest::Approx(1.0));
  CHECK(*m.juilland_d == doctest::Approx(0.0));
  // Hits exactly in proportion to the parts: DP = 0, D = 1.
  const std::vector<std::size_t> sizes = {10, 30}, proportional = {1, 3};
  CHECK(*textx::dispersion_measures(sizes, proportional).dp == doctest::Approx(0.0));
  CHECK(*textx::dispersion_measures(sizes, proportional).juilland_d == doctest::Approx(1.0));
  // No hit: nothing is defined. One part: DP = 0, the others undefined.
  const std::vector<std::size_t> none = {0, 0}, one_size = {7}, one_hit = {3};
  CHECK_FALSE(textx::dispersion_measures(sizes, none).dp.has_value());
  const textx::DispersionMeasures single = textx::dispersion_measures(one_size, one_hit);
  CHECK(*single.dp == doctest::Approx(0.0));
  CHECK_FALSE(single.dp_norm.has_value());
  CHECK_FALSE(single.juilland_d.has_value());
}

TEST_CASE("dispersion of a query over Gries's example corpus, with positions and offsets") {
  const Corpus corpus = gries_corpus();
  const auto result = textx::dispersion(corpus, "a", {});
  REQUIRE(result.ok());
  const textx::Dispersion& d = result.value();
  CHECK(d.query == "a");
  CHECK(d.tokens == 50);
  CHECK(d.hits == 15);
  CHECK(d.range == 5);
  CHECK(d.per_million == doctest::Approx(300000.0));  // 15 / 50 * 1e6
  CHECK(*d.measures.dp == doctest::Approx(0.18).epsilon(1e-12));
  CHECK(*d.measures.dp_norm == doctest::Approx(0.18 / 0.82).epsilon(1e-12));
  CHECK(*d.measures.juilland_d == doctest::Approx(0.78515045345).epsilon(1e-10));
  REQUIRE(d.documents.size() == 5);
  // Part 1 "b a m n i b e u p": "a" is token 1 of 9, at byte 2.
  CHECK(d.documents[0].tokens == 9);
  CHECK(d.documents[0].positions == std::vector<double>{1.0 / 9});
  CHECK(d.documents[0].starts == std::vector<std::uint32_t>{2});
  CHECK(d.documents[0].per_million == doctest::Approx(1e6 / 9));
  // Part 5 "b a h a a b e a x a t": tokens 1, 3, 4, 7, 9 of 11.
  CHECK(d.documents[4].positions == std::vector<double>{1.0 / 11, 3.0 / 11, 4.0 / 11, 7.0 / 11, 9.0 / 11});
  CHECK(d.documents[4].starts == std::vector<std::uint32_t>{2, 6, 8, 14, 18});
}

TEST_CASE("dispersion follows the query's document filters, lists wordless documents, and passes on errors") {
  Corpus corpus = gries_corpus();
  REQUIRE(corpus.add_document({.name = "empty"}, "").ok());
  REQUIRE(corpus.add_document({.name = "punctuation"}, "\xE2\x80\x94 ... !").ok());
  const auto all = textx::dispersion(corpus, "a", {});
  REQUIRE(all.ok());
  // The two wordless documents are listed (nothing disappears) but are not parts: DP and DPnorm as before.
  REQUIRE(all.value().documents.size() == 7);
  CHECK(all.value().documents[5].tokens == 0);
  CHECK(all.value().documents[5].per_million == 0.0);
  CHECK(*all.value().measures.dp_norm == doctest::Approx(0.18 / 0.82).epsilon(1e-12));

  // doc:part1 doc:part2 limits the parts to two: sizes 9, 10; hits 1, 2.
  // s = 9/19, 10/19; v = 1/3, 2/3; |v - s| = 9/19 - 1/3 = 8/57 twice; DP = 8/57 = 0.140350877…;
  // DPnorm = (8/57) / (1 - 9/19) = (8/57) / (10/19) = 0.266666…
  const auto two = textx::dispersion(corpus, "a doc:part1 doc:part2", {});
  REQUIRE(two.ok());
  REQUIRE(two.value().documents.size() == 2);
  CHECK(two.value().tokens == 19);
  CHECK(*two.value().measures.dp == doctest::Approx(8.0 / 57).epsilon(1e-12));
  CHECK(*two.value().measures.dp_norm == doctest::Approx(0.8 / 3).epsilon(1e-12));

  const auto missing = textx::dispersion(corpus, "zebra", {});
  REQUIRE(missing.ok());
  CHECK(missing.value().hits == 0);
  CHECK(missing.value().range == 0);
  CHECK_FALSE(missing.value().measures.dp.has_value());
  CHECK(missing.value().documents.size() == 7);

  CHECK(textx::dispersion(corpus, "", {}).error().code == "query.empty");
  CHECK(textx::dispersion(corpus, "a date:abc", {}).error().code == "query.syntax");
  CHECK(textx::dispersion(corpus, "/(/", {}).error().code == "query.regex");

  const Corpus empty;
  const auto nothing = textx::dispersion(empty, "a", {});
  REQUIRE(nothing.ok());
  CHECK(nothing.value().documents.empty());
  CHECK(nothing.value().tokens == 0);
  CHECK_FALSE(nothing.value().measures.dp.has_value());
}

TEST_CASE("dispersion: a phrase counts once, at its first token") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "x"}, "mutual respect and mutual respect").ok());
  const auto result = textx::dispersion(corpus, "mutual respect", {});
  REQUIRE(result.ok());
  CHECK(result.value().hits == 2);
  CHECK(result.value().documents[0].positions == std::vector<double>{0.0, 0.6});  // tokens 0 and 3 of 5
}

TEST_CASE("dispersion agrees with a naive scan on the mini corpus, random text and the State of the Union") {
  Corpus mini = textx::testing::mini_corpus();
  for (const char* word : {"independence", "the", "of", "M\u00e1jer", "xylophone"})
    check_against_naive(mini, naive_keys(mini), word);
  REQUIRE(mini.remove_document(1));
  check_against_naive(mini, naive_keys(mini), "independence");

  textx::testing::RandomText random(20240607);
  Corpus noise;
  for (int i = 0; i < 12; ++i) {
    // Prose with control characters now and then: the corpus refuses some as binary, which is fine here.
    const std::string text = random.prose(200 + random.below(3000));
    noise.add_document({.name = std::to_string(i) + ".txt"}, text);
  }
  REQUIRE(noise.live_document_count() >= 4);
  const auto noise_keys = naive_keys(noise);
  for (const char* word : {"a", "b", "c", "aa", "ab"}) check_against_naive(noise, noise_keys, word);

  const Corpus& sotu = textx::testing::sotu_corpus();
  REQUIRE(sotu.document_count() == 233);
  const auto sotu_keys = naive_keys(sotu);
  for (const char* word : {"applause", "slavery", "war"}) check_against_naive(sotu, sotu_keys, word);
}
