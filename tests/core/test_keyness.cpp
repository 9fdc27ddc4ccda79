// Keyness (log-likelihood, Log Ratio, %DIFF) worked by hand on a two-document corpus and cross-checked
// against naive counts on the mini corpus and the State of the Union.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/stats/frequency.hpp"
#include "core/stats/keyness.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;

namespace {

// Target (5 tokens): peace 3, war 1, treaty 1. Reference (10 tokens): war 3, and 4, peace 1, army 2.
Corpus two_documents() {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "1980-target.txt"}, "Peace, peace, PEACE. War? Treaty!").ok());
  REQUIRE(corpus.add_document({.name = "2023-reference.txt"}, "war war war and and and and peace army army").ok());
  return corpus;
}

textx::KeynessOptions options_for(const char* target, const char* reference = "") {
  textx::KeynessOptions options;
  options.target = target;
  options.reference = reference;
  return options;
}

std::vector<std::string> words_of(const textx::Keyness& k) {
  std::vector<std::string> out;
  for (const auto& row : k.rows) out.push_back(row.word);
  return out;
}

// Word counts of the live documents whose name starts with one of `prefixes`, tokenized afresh.
std::map<std::string, std::size_t> naive_counts(const Corpus& corpus, const std::vector<std::string>& prefixes,
                                                std::size_t& tokens) {
  std::map<std::string, std::size_t> counts;
  tokens = 0;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const textx::Document& doc = corpus.document(id);
    bool chosen = false;
    for (const auto& prefix : prefixes) chosen = chosen || doc.info.name.rfind(prefix, 0) == 0;
    if (doc.removed || !chosen) continue;
    for (const auto& w : textx::find_words(doc.text)) {
      ++counts[textx::key_of(doc.text.substr(w.start, w.end - w.start))];
      ++tokens;
    }
  }
  return counts;
}

// G² from the definition, in long double.
long double naive_g2(long double a, long double b, long double c, long double d) {
  const long double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
  return 2 * ((a > 0 ? a * std::log(a / e1) : 0) + (b > 0 ? b * std::log(b / e2) : 0));
}

// Every keyword of both signs agrees with naive counts and formulas; words used at the same rate on both sides
// are in neither list.
void check_against_naive(const Corpus& corpus, const char* target, const std::vector<std::string>& target_prefixes,
                         const char* reference, const std::vector<std::string>& reference_prefixes) {
  CAPTURE(target);
  std::size_t c = 0, d = 0;
  const auto in_a = naive_counts(corpus, target_prefixes, c);
  const auto in_b = naive_counts(corpus, reference_prefixes, d);
  std::map<std::string, int> expected_sign;
  for (const auto* side : {&in_a, &in_b})
    for (const auto& [key, count] : *side) {
      const long double a = in_a.count(key) ? in_a.at(key) : 0, b = in_b.count(key) ? in_b.at(key) : 0;
      expected_sign[key] = a * d > b * c ? 1 : a * d < b * c ? -1 : 0;
    }
  std::size_t listed = 0;
  for (const textx::KeywordSign sign : {textx::KeywordSign::kPositive, textx::KeywordSign::kNegative}) {
    textx::KeynessOptions options = options_for(target, reference);
    options.sign = sign;
    const auto result = textx::keyness(corpus, options);
    REQUIRE(result.ok());
    const textx::Keyness& k = result.value();
    CHECK(k.target.tokens == c);
    CHECK(k.reference.tokens == d);
    CHECK(k.total == k.rows.size());
    listed += k.rows.size();
    double previous = INFINITY;
    for (const auto& row : k.rows) {
      const std::string key(corpus.key_text(row.key));
      CAPTURE(key);
      CHECK(expected_sign[key] == (sign == textx::KeywordSign::kPositive ? 1 : -1));
      const std::size_t a = in_a.count(key) ? in_a.at(key) : 0, b = in_b.count(key) ? in_b.at(key) : 0;
      CHECK(row.target_frequency == a);
      CHECK(row.reference_frequency == b);
      CHECK(std::fabs(row.log_likelihood - static_cast<double>(naive_g2(a, b, c, d))) < 1e-9 * (1 + row.log_likelihood));
      CHECK(row.log_likelihood <= previous);
      previous = row.log_likelihood;
    }
  }
  std::size_t differing = 0;
  for (const auto& [key, sign] : expected_sign) differing += sign != 0;
  CHECK(listed == differing);
}

}  // namespace

TEST_CASE("keyness: log-likelihood, Log Ratio and %DIFF worked by hand") {
  // peace: a = 3 of c = 5, b = 1 of d = 10. E1 = 5 * 4 / 15 = 4/3, E2 = 10 * 4 / 15 = 8/3.
  // G² = 2 (3 ln(3 / (4/3)) + 1 ln(1 / (8/3))) = 2 (3 * 0.810930216 - 0.980829253) = 2.9039227912745.
  CHECK(textx::log_likelihood(3, 1, 5, 10) == doctest::Approx(2.9039227912745).epsilon(1e-12));
  // Log Ratio = log2((3/5) / (1/10)) = log2(6) = 2.5849625007212; %DIFF = 100 (.6 - .1) / .1 = 500.
  CHECK(textx::log_ratio(3, 1, 5, 10) == doctest::Approx(2.5849625007212).epsilon(1e-12));
  CHECK(*textx::percent_diff(3, 1, 5, 10) == doctest::Approx(500.0));
  // treaty: a = 1, b = 0. E1 = 5 / 15 = 1/3; G² = 2 (1 ln 3 + 0) = 2.1972245773362.
  CHECK(textx::log_likelihood(1, 0, 5, 10) == doctest::Approx(2.1972245773362).epsilon(1e-12));
  // Zero frequency counted as 0.5: log2((1/5) / (0.5/10)) = log2(4) = 2. %DIFF infinite: none.
  CHECK(textx::log_ratio(1, 0, 5, 10) == doctest::Approx(2.0));
  CHECK_FALSE(textx::percent_diff(1, 0, 5, 10).has_value());
  // and: a = 0, b = 4. E2 = 10 * 4 / 15 = 8/3; G² = 2 (0 + 4 ln(4 / (8/3))) = 8 ln 1.5 = 3.2437208648653.
  CHECK(textx::log_likelihood(0, 4, 5, 10) == doctest::Approx(3.2437208648653).epsilon(1e-12));
  // log2((0.5/5) / (4/10)) = log2(.25) = -2; %DIFF = 100 (0 - .4) / .4 = -100.
  CHECK(textx::log_ratio(0, 4, 5, 10) == doctest::Approx(-2.0));
  CHECK(*textx::percent_diff(0, 4, 5, 10) == doctest::Approx(-100.0));
  // The same rate on both sides: G² = 0, Log Ratio 0.
  CHECK(textx::log_likelihood(2, 4, 5, 10) == doctest::Approx(0.0));
  CHECK(textx::log_ratio(2, 4, 5, 10) == doctest::Approx(0.0));

  // p for one degree of freedom at the critical values, and the bands they start.
  CHECK(textx::chi_square_p(3.84) == doctest::Approx(0.0500435).epsilon(1e-6));
  CHECK(textx::chi_square_p(6.63) == doctest::Approx(0.0100275).epsilon(1e-6));
  CHECK(textx::chi_square_p(10.83) == doctest::Approx(0.000998686).epsilon(1e-6));
  CHECK(textx::chi_square_p(15.13) == doctest::Approx(0.000100356).epsilon(1e-6));
  CHECK(textx::chi_square_p(0) == 1.0);
  CHECK_FALSE(textx::significance(3.83).has_value());
  CHECK(*textx::significance(3.84) == 0.05);
  CHECK(*textx::significance(6.63) == 0.01);
  CHECK(*textx::significance(10.83) == 0.001);
  CHECK(*textx::significance(15.13) == 0.0001);
  CHECK(*textx::significance(1e6) == 0.0001);
}

TEST_CASE("keyness of one document against the other, both signs, by hand") {
  const Corpus corpus = two_documents();
  const auto positive = textx::keyness(corpus, options_for("doc:1980*"));
  REQUIRE(positive.ok());
  const textx::Keyness& k = positive.value();
  CHECK(k.target.documents == 1);
  CHECK(k.target.tokens == 5);
  CHECK(k.reference.rest);
  CHECK(k.reference.documents == 1);
  CHECK(k.reference.tokens == 10);
  CHECK(k.total == 2);
  CHECK(words_of(k) == std::vector<std::string>{"peace", "treaty"});  // G² 2.904, 2.197
  CHECK(k.rows[0].target_frequency == 3);
  CHECK(k.rows[0].reference_frequency == 1);
  CHECK(k.rows[0].target_per_million == doctest::Approx(600000.0));
  CHECK(k.rows[0].reference_per_million == doctest::Approx(100000.0));
  CHECK(k.rows[0].log_likelihood == doctest::Approx(2.9039227912745).epsilon(1e-12));
  CHECK(k.rows[0].log_ratio == doctest::Approx(2.5849625007212).epsilon(1e-12));
  CHECK(k.rows[0].p == doctest::Approx(std::erfc(std::sqrt(2.9039227912745 / 2))));
  CHECK(k.rows[1].log_ratio == doctest::Approx(2.0));
  CHECK_FALSE(k.rows[1].percent_diff.has_value());

  textx::KeynessOptions options = options_for("date:..1999", "date:2000..");
  options.sign = textx::KeywordSign::kNegative;
  const auto negative = textx::keyness(corpus, options);
  REQUIRE(negative.ok());
  CHECK_FALSE(negative.value().reference.rest);
  // and 3.244 (0 vs 4), army 1.622 (0 vs 2), war 0.131 (1 vs 3).
  CHECK(words_of(negative.value()) == std::vector<std::string>{"and", "army", "war"});
  CHECK(negative.value().rows[2].log_likelihood == doctest::Approx(0.1313340690347).epsilon(1e-12));
  CHECK(negative.value().rows[2].log_ratio == doctest::Approx(std::log2(2.0 / 3)).epsilon(1e-12));
  CHECK(*negative.value().rows[2].percent_diff == doctest::Approx(-100.0 / 3));

  // Filters and paging: the total counts every row passing the filters, whatever offset and limit.
  options.min_frequency = 3;
  CHECK(words_of(textx::keyness(corpus, options).value()) == std::vector<std::string>{"and", "war"});
  options.min_frequency = 1;
  options.skip_stop_words = true;
  CHECK(words_of(textx::keyness(corpus, options).value()) == std::vector<std::string>{"army", "war"});
  options.skip_stop_words = false;
  options.offset = 1;
  options.limit = 1;
  const auto page = textx::keyness(corpus, options);
  CHECK(page.value().total == 3);
  CHECK(words_of(page.value()) == std::vector<std::string>{"army"});
  options.offset = 7;
  CHECK(textx::keyness(corpus, options).value().rows.empty());
  CHECK(textx::keyness(corpus, options).value().total == 3);
}

TEST_CASE("keyness refuses empty, wordless and overlapping selections with plain messages") {
  Corpus corpus = two_documents();
  REQUIRE(corpus.add_document({.name = "notes.txt"}, "").ok());
  const auto error_of = [&](const char* target, const char* reference) {
    const auto result = textx::keyness(corpus, options_for(target, reference));
    REQUIRE_FALSE(result.ok());
    return result.error();
  };
  CHECK(error_of("doc:1999*", "").code == "keyness.empty");
  CHECK(error_of("doc:1999*", "").message == "No document matches the target selection \"doc:1999*\".");
  CHECK(error_of("doc:1980*", "doc:zzz").message == "No document matches the reference selection \"doc:zzz\".");
  CHECK(error_of("", "").code == "keyness.empty");
  CHECK(error_of("", "").message.find("takes every document") != std::string::npos);
  CHECK(error_of("doc:notes*", "").message == "The target \"doc:notes*\" has 1 document but no words.");
  const textx::Error overlap = error_of("date:1980..2023", "doc:2023*");
  CHECK(overlap.code == "keyness.overlap");
  CHECK(overlap.message == "The target \"date:1980..2023\" and the reference \"doc:2023*\" share 1 document "
                           "(2023-reference.txt); keyness compares two separate sets of documents, so choose "
                           "selections with no document in common.");
  const textx::Error syntax = error_of("date:abc", "");
  CHECK(syntax.code == "query.syntax");
  CHECK(syntax.message.rfind("In the target selection \"date:abc\": At character 6:", 0) == 0);
  CHECK(error_of("doc:1980*", "peace").code == "query.syntax");  // a search word is not a selection

  const Corpus empty;
  CHECK(textx::keyness(empty, options_for("doc:*")).error().code == "keyness.empty");
}

TEST_CASE("keyness agrees with naive counts on the mini corpus and the State of the Union") {
  Corpus mini = textx::testing::mini_corpus();
  check_against_naive(mini, "doc:1980*", {"1980"}, "", {"2023", "hostile"});
  check_against_naive(mini, "doc:2023*", {"2023"}, "doc:hostile*", {"hostile"});
  REQUIRE(mini.remove_document(2));
  check_against_naive(mini, "doc:2023*", {"2023"}, "", {"1980"});

  // The Civil War addresses against the five before them (names start with the year).
  const Corpus& sotu = textx::testing::sotu_corpus();
  check_against_naive(sotu, "date:1861..1865", {"1861", "1862", "1863", "1864", "1865"}, "date:1856..1860",
                      {"1856", "1857", "1858", "1859", "1860"});
  textx::KeynessOptions options = options_for("date:1861..1865", "date:1856..1860");
  options.limit = 10;
  const auto top = textx::keyness(sotu, options);
  REQUIRE(top.ok());
  CHECK(top.value().target.documents == 5);
  bool emancipation = false;  // what a historian expects near the top
  for (const auto& row : top.value().rows) emancipation = emancipation || row.word == "emancipation";
  CHECK(emancipation);
}
