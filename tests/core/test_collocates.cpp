// Collocates: scores worked by hand on a tiny corpus and a contingency table, then window counts
// cross-checked against a naive per-token scan on the mini corpus, random text and the State of the Union.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/stats/collocates.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::CollocateList;
using textx::CollocateOptions;
using textx::Corpus;

namespace {

CollocateList collocates_of(const Corpus& corpus, const std::string& query, const CollocateOptions& options) {
  textx::Result<CollocateList> list = textx::collocates(corpus, query, options);
  REQUIRE(list.ok());
  return std::move(list).value();
}

CollocateOptions window(std::size_t left, std::size_t right) {
  CollocateOptions options;
  options.left = left;
  options.right = right;
  return options;
}

const textx::CollocateRow* row_of(const CollocateList& list, const std::string& word) {
  for (const auto& row : list.rows)
    if (row.word == word) return &row;
  return nullptr;
}

// What the naive scan finds: per key, tokens in the windows (before / after the match that counts them).
struct NaiveCounts {
  std::size_t tokens = 0, nodes = 0, span = 0;
  std::unordered_map<std::string, std::size_t> frequency;
  std::map<std::string, std::size_t> observed, left, right;
};

// Every live document's keys (empty for removed ones).
using CorpusKeys = std::vector<std::vector<std::string>>;

// Per token, independently of the windows' construction: a token belongs to the windows when it is not part
// of a match and some match has it within `left` words before its first word (same sentence as that word)
// or within `right` words after its last word (same sentence as that one); it is counted for the earliest
// such match. Matches are the runs of tokens whose keys equal `phrase`.
NaiveCounts naive_collocates(const Corpus& corpus, const CorpusKeys& corpus_keys, const std::vector<std::string>& phrase,
                             std::size_t left, std::size_t right, bool cross_sentences) {
  NaiveCounts out;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const textx::Document& doc = corpus.document(id);
    if (doc.removed) continue;
    const std::vector<std::string>& keys = corpus_keys[id];
    const textx::TokenSpan tokens = corpus.tokens(id);
    REQUIRE(keys.size() == tokens.size());
    std::vector<std::size_t> sentence;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto after = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), tokens.starts[i],
                                          [](std::uint32_t o, const textx::TextSpan& s) { return o < s.start; });
      sentence.push_back(cross_sentences ? 0 : static_cast<std::size_t>(after - doc.sentences.begin()));
    }
    out.tokens += keys.size();
    for (const auto& key : keys) ++out.frequency[key];
    std::vector<std::size_t> firsts;
    std::vector<bool> matched(keys.size(), false);
    for (std::size_t i = 0; i + phrase.size() <= keys.size(); ++i) {
      if (!std::equal(phrase.begin(), phrase.end(), keys.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      firsts.push_back(i);
      for (std::size_t j = i; j < i + phrase.size(); ++j) matched[j] = true;
    }
    out.nodes += firsts.size();
    const std::size_t length = phrase.size();
    for (std::size_t p = 0; p < keys.size(); ++p) {
      if (matched[p]) continue;
      // Matches that could reach p start within [p - right - length + 1, p + left].
      const std::size_t from = p + 1 >= right + length ? p + 1 - right - length : 0;
      for (auto it = std::lower_bound(firsts.begin(), firsts.end(), from); it != firsts.end() && *it <= p + left; ++it) {
        const std::size_t first = *it, last = first + length - 1;
        const bool before = p < first && first - p <= left && sentence[p] == sentence[first];
        const bool after = p > last && p - last <= right && sentence[p] == sentence[last];
        if (!before && !after) continue;
        ++out.span;
        ++out.observed[keys[p]];
        ++(before ? out.left : out.right)[keys[p]];
        break;
      }
    }
  }
  return out;
}

void check_same(const Corpus& corpus, const CollocateList& list, const NaiveCounts& naive) {
  CHECK(list.tokens == naive.tokens);
  CHECK(list.node_frequency == naive.nodes);
  CHECK(list.span == naive.span);
  CHECK(list.total == naive.observed.size());
  REQUIRE(list.rows.size() == list.total);
  std::size_t sum = 0;
  for (const auto& row : list.rows) {
    const std::string key(corpus.key_text(row.key));
    CAPTURE(key);
    CHECK(row.observed == naive.observed.at(key));
    CHECK(row.left == (naive.left.count(key) ? naive.left.at(key) : 0));
    CHECK(row.right == (naive.right.count(key) ? naive.right.at(key) : 0));
    CHECK(row.frequency == naive.frequency.at(key));
    CHECK(row.left + row.right == row.observed);
    sum += row.observed;
  }
  CHECK(sum == list.span);
}

// Keys computed afresh from each document's text.
CorpusKeys fresh_keys(const Corpus& corpus) {
  CorpusKeys out(corpus.document_count());
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const std::string& text = corpus.document(id).text;
    for (const auto& w : textx::find_words(text))
      out[id].push_back(textx::key_of(std::string_view(text).substr(w.start, w.end - w.start)));
  }
  return out;
}

}  // namespace

TEST_CASE("association scores worked by hand on a contingency table") {
  // O11 = 1, R1 = 10, C1 = 50, N = 100, node 10: E11 = 10 * 50 / 100 = 5, so the collocate is avoided.
  // O12 = 9, O21 = 49, O22 = 41; E12 = 5, E21 = 45, E22 = 45.
  const textx::AssociationScores s = textx::association_scores(1, 10, 50, 100, 10);
  CHECK(s.expected == doctest::Approx(5.0).epsilon(1e-12));
  CHECK(std::abs(s.mi - -2.321928094887362) < 1e-9);  // log2(1/5)
  CHECK(std::abs(s.t_score - -4.0) < 1e-9);           // (1 - 5) / sqrt(1)
  // G2 = 2 (1 ln(1/5) + 9 ln(9/5) + 49 ln(49/45) + 41 ln(41/45)) = 8.073334669307023, negative for O11 < E11.
  CHECK(std::abs(s.log_likelihood - -8.073334669307023) < 1e-9);
  CHECK(std::abs(s.log_dice - 9.09310940439148) < 1e-9);  // 14 + log2(2 * 1 / (10 + 50)) = 14 + log2(1/30)
}

TEST_CASE("collocates worked by hand on a tiny corpus") {
  // Tokens (11), sentences in brackets:
  //   [0 peace 1 and 2 security 3 matter] [4 war 5 and 6 peace 7 differ] [8 peace 9 is 10 security]
  // "peace" matches at 0, 6, 8 (node frequency 3). Window L2-R2 within the sentence:
  //   at 0: right "and", "security"; at 6: left "and", "war", right "differ" (8 is the next sentence);
  //   at 8: left nothing (7 is the previous sentence), right "is", "security".
  // R1 = 7 tokens in the windows; O11: and 2 (1 left, 1 right), security 2 (right), war, differ, is 1 each.
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "Peace and security matter. War and peace differ. Peace is security.").ok());
  const CollocateList list = collocates_of(corpus, "peace", window(2, 2));
  CHECK(list.tokens == 11);
  CHECK(list.node_frequency == 3);
  CHECK(list.span == 7);
  CHECK(list.total == 5);
  REQUIRE(list.rows.size() == 5);
  // By logDice: and and security tie (13.678…; same observed, so alphabetical), then differ, is, war (13).
  std::vector<std::string> order;
  for (const auto& row : list.rows) order.push_back(row.word);
  CHECK(order == std::vector<std::string>{"and", "security", "differ", "is", "war"});

  // security: O11 = 2, C1 = 2, N = 11, R1 = 7; O12 = 5, O21 = 0, O22 = 4.
  //   E11 = 7 * 2 / 11 = 14/11; E12 = 63/11, E21 = 8/11, E22 = 36/11.
  //   MI = log2(2 / (14/11)) = log2(11/7) = 0.6520766965796931
  //   t = (2 - 14/11) / sqrt(2) = (8/11) / sqrt(2) = 0.5142594772265799
  //   G2 = 2 (2 ln(11/7) + 5 ln(55/63) + 4 ln(11/9)) = 2.0552906470788197
  //   logDice = 14 + log2(2 * 2 / (3 + 2)) = 14 + log2(0.8) = 13.678071905112638
  const textx::CollocateRow* security = row_of(list, "security");
  REQUIRE(security != nullptr);
  CHECK(security->observed == 2);
  CHECK(security->left == 0);
  CHECK(security->right == 2);
  CHECK(security->frequency == 2);
  CHECK(std::abs(security->scores.expected - 14.0 / 11) < 1e-9);
  CHECK(std::abs(security->scores.mi - 0.6520766965796931) < 1e-9);
  CHECK(std::abs(security->scores.t_score - 0.5142594772265799) < 1e-9);
  CHECK(std::abs(security->scores.log_likelihood - 2.0552906470788197) < 1e-9);
  CHECK(std::abs(security->scores.log_dice - 13.678071905112638) < 1e-9);
  const textx::CollocateRow* and_row = row_of(list, "and");
  REQUIRE(and_row != nullptr);
  CHECK(and_row->left == 1);
  CHECK(and_row->right == 1);

  // war: O11 = 1, C1 = 1; O12 = 6, O21 = 0, O22 = 4; E11 = 7/11, E12 = 70/11, E21 = 4/11, E22 = 40/11.
  //   MI = log2(11/7); t = (1 - 7/11) / 1 = 4/11; G2 = 2 (ln(11/7) + 6 ln(33/35) + 4 ln(11/10)) = 0.9603656856455137
  //   logDice = 14 + log2(2 / (3 + 1)) = 13
  const textx::CollocateRow* war = row_of(list, "war");
  REQUIRE(war != nullptr);
  CHECK(war->left == 1);
  CHECK(std::abs(war->scores.expected - 7.0 / 11) < 1e-9);
  CHECK(std::abs(war->scores.mi - 0.6520766965796931) < 1e-9);
  CHECK(std::abs(war->scores.t_score - 4.0 / 11) < 1e-9);
  CHECK(std::abs(war->scores.log_likelihood - 0.9603656856455137) < 1e-9);
  CHECK(std::abs(war->scores.log_dice - 13.0) < 1e-9);

  // Other orders: by t-score and LL the two-count words lead; by MI all five tie and observed decides.
  CollocateOptions by_t = window(2, 2);
  by_t.measure = textx::AssociationMeasure::kTScore;
  CHECK(collocates_of(corpus, "peace", by_t).rows[2].word == "differ");
  by_t.measure = textx::AssociationMeasure::kMutualInformation;
  CHECK(collocates_of(corpus, "peace", by_t).rows[0].word == "and");

  // Paging keeps the total; --stop-words hides "and" and "is" but the scores of the others stay as they were.
  CollocateOptions paged = window(2, 2);
  paged.offset = 1;
  paged.limit = 2;
  const CollocateList page = collocates_of(corpus, "peace", paged);
  CHECK(page.total == 5);
  REQUIRE(page.rows.size() == 2);
  CHECK(page.rows[0].word == "security");
  CHECK(page.rows[1].word == "differ");
  CollocateOptions content = window(2, 2);
  content.skip_stop_words = true;
  const CollocateList without = collocates_of(corpus, "peace", content);
  CHECK(without.total == 3);
  CHECK(without.span == 7);
  CHECK(without.rows[0].scores.log_dice == security->scores.log_dice);
  content.min_frequency = 2;
  CHECK(collocates_of(corpus, "peace", content).total == 1);

  // Across sentences with L2-R2, the windows at 6 and 8 meet: 7 "differ" counts once (for 6, on its right) and
  // 8 is a match, so R1 stays 7. With L2-R3: at 0 and, security, matter; at 6 and, war, then differ, (8 is a
  // match), is; at 8 only security is new (7 and 9 are counted already). R1 = 3 + 4 + 1 = 8.
  CollocateOptions across = window(2, 2);
  across.cross_sentences = true;
  const CollocateList crossed = collocates_of(corpus, "peace", across);
  CHECK(crossed.span == 7);
  CHECK(row_of(crossed, "differ")->right == 1);
  across.right = 3;
  const CollocateList wider = collocates_of(corpus, "peace", across);
  CHECK(wider.span == 8);
  CHECK(row_of(wider, "is")->right == 1);
  CHECK(row_of(wider, "matter")->right == 1);
}

TEST_CASE("collocate options out of range and malformed queries are errors; no match gives an empty list") {
  const Corpus corpus = textx::testing::mini_corpus();
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in CAPTURE's lambda.
  for (const auto& sides : std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {11, 5}, {5, 11}}) {
    const std::size_t left = sides.first, right = sides.second;
    CAPTURE(left);
    CAPTURE(right);
    const auto result = textx::collocates(corpus, "independence", window(left, right));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "options.window");
  }
  CHECK(textx::collocates(corpus, "independence", window(0, 0)).error().message ==
        "The window runs from 1 to 10 words on either side (L0 R0 was asked); at least one side must be wider than 0.");
  CHECK(textx::collocates(corpus, "(peace", {}).error().code == "query.syntax");
  CHECK(textx::collocates(corpus, "", {}).error().code == "query.empty");
  CHECK(textx::collocates(corpus, "doc:1980*", {}).error().code == "query.empty");
  const CollocateList none = collocates_of(corpus, "xylophone", {});
  CHECK(none.node_frequency == 0);
  CHECK(none.total == 0);
  CHECK(none.rows.empty());
  CHECK(collocates_of(Corpus(), "peace", {}).tokens == 0);
  CHECK(textx::parse_measure("ll") == textx::AssociationMeasure::kLogLikelihood);
  CHECK_FALSE(textx::parse_measure("dice"));
  CHECK(textx::measure_name(textx::AssociationMeasure::kTScore) == "t");
}

TEST_CASE("collocates agree with a naive scan on the mini corpus") {
  Corpus corpus = textx::testing::mini_corpus();
  const CorpusKeys keys = fresh_keys(corpus);
  for (const bool across : {false, true}) {
    CollocateOptions options = window(5, 5);
    options.cross_sentences = across;
    check_same(corpus, collocates_of(corpus, "independence", options),
               naive_collocates(corpus, keys, {"independence"}, 5, 5, across));
    options = window(10, 1);
    options.cross_sentences = across;
    check_same(corpus, collocates_of(corpus, "international relations", options),
               naive_collocates(corpus, keys, {"international", "relations"}, 10, 1, across));
    options = window(0, 3);
    options.cross_sentences = across;
    check_same(corpus, collocates_of(corpus, "the", options), naive_collocates(corpus, keys, {"the"}, 0, 3, across));
  }
  // A document filter makes a sub-corpus: its tokens are N and its words' frequencies C1.
  const CollocateList in_2023 = collocates_of(corpus, "independence doc:2023*", window(5, 5));
  CHECK(in_2023.tokens == corpus.tokens(1).size());
  REQUIRE(corpus.remove_document(0));
  REQUIRE(corpus.remove_document(2));
  check_same(corpus, in_2023, naive_collocates(corpus, keys, {"independence"}, 5, 5, false));
}

TEST_CASE("collocates agree with a naive scan on random text") {
  textx::testing::RandomText random(77);
  for (int round = 0; round < 6; ++round) {
    Corpus corpus;
    for (int d = 0; d < 5; ++d) {
      std::string text;
      for (int w = 0; w < 300; ++w) {
        static const char* const words[] = {"a", "b", "peace", "the", "war", "A", "of"};
        static const char* const gaps[] = {" ", " ", " ", ". ", ", ", "\n\n", "? "};
        text += words[random.below(std::size(words))];
        text += gaps[random.below(std::size(gaps))];
      }
      // Prose with many control characters may be refused as binary; the others still make a corpus.
      (void)corpus.add_document({.name = std::to_string(d)}, text + random.prose(200));
    }
    const CorpusKeys keys = fresh_keys(corpus);
    const std::size_t left = random.below(11), right = left == 0 ? 1 + random.below(10) : random.below(11);
    const bool across = round % 2 == 0;
    CAPTURE(left);
    CAPTURE(right);
    CollocateOptions options = window(left, right);
    options.cross_sentences = across;
    check_same(corpus, collocates_of(corpus, "peace", options), naive_collocates(corpus, keys, {"peace"}, left, right, across));
    check_same(corpus, collocates_of(corpus, "a a", options), naive_collocates(corpus, keys, {"a", "a"}, left, right, across));
  }
}

TEST_CASE("collocates agree with a naive scan on the State of the Union corpus") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  CorpusKeys keys(corpus.document_count());  // the index's keys, faster than tokenizing afresh
  for (textx::DocId id = 0; id < corpus.document_count(); ++id)
    for (const textx::KeyId key : corpus.tokens(id).keys) keys[id].emplace_back(corpus.key_text(key));
  check_same(corpus, collocates_of(corpus, "liberty", window(5, 5)), naive_collocates(corpus, keys, {"liberty"}, 5, 5, false));
  CollocateOptions options = window(2, 7);
  options.cross_sentences = true;
  check_same(corpus, collocates_of(corpus, "the people", options),
             naive_collocates(corpus, keys, {"the", "people"}, 2, 7, true));
}
