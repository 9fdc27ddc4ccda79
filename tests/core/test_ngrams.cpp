// N-gram clusters: counts worked by hand on a tiny corpus, then cross-checked against naive counting (a map
// over freshly tokenized text, or a sort of every n-gram) on the mini corpus, random text and the State of
// the Union corpus.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/stats/frequency.hpp"
#include "core/stats/ngrams.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;
using textx::NgramList;
using textx::NgramOptions;

namespace {

NgramOptions sizes(std::size_t min, std::size_t max) {
  NgramOptions options;
  options.min_size = min;
  options.max_size = max;
  return options;
}

NgramList list_of(const Corpus& corpus, const NgramOptions& options) {
  textx::Result<NgramList> list = textx::ngram_list(corpus, options);
  REQUIRE(list.ok());
  return std::move(list).value();
}

// "word word word:frequency/range" per row, for compact comparisons.
std::vector<std::string> summary(const NgramList& list) {
  std::vector<std::string> out;
  for (const auto& row : list.rows)
    out.push_back(row.ngram + ":" + std::to_string(row.frequency) + "/" + std::to_string(row.range));
  return out;
}

// A naive n-gram row: the keys, frequency and documents.
struct NaiveRow {
  std::vector<std::string> keys;
  std::size_t frequency = 0;
  std::size_t range = 0;
};

// Every n-gram of sizes [min, max] counted with a std::map over keys computed afresh from each live
// document's text; a token's sentence found by binary search over the document's sentences. Ordered by
// frequency, then word by word by key text.
// With a `phrase`, only occurrences holding it (as consecutive keys) count.
std::vector<NaiveRow> naive_ngrams(const Corpus& corpus, std::size_t min, std::size_t max, bool cross_sentences,
                                   std::size_t min_frequency = 1, std::size_t min_range = 1,
                                   const std::vector<std::string>& phrase = {}) {
  std::map<std::vector<std::string>, std::pair<std::size_t, std::set<textx::DocId>>> counts;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const textx::Document& doc = corpus.document(id);
    if (doc.removed) continue;
    std::vector<std::string> keys;
    std::vector<std::size_t> sentence;
    for (const auto& w : textx::find_words(doc.text)) {
      keys.push_back(textx::key_of(std::string_view(doc.text).substr(w.start, w.end - w.start)));
      const auto after = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), w.start,
                                          [](std::uint32_t o, const textx::TextSpan& s) { return o < s.start; });
      sentence.push_back(cross_sentences ? 0 : static_cast<std::size_t>(after - doc.sentences.begin()));
    }
    for (std::size_t n = min; n <= max; ++n) {
      for (std::size_t i = 0; i + n <= keys.size(); ++i) {
        if (sentence[i] != sentence[i + n - 1]) continue;
        const std::vector<std::string> ngram(keys.begin() + static_cast<std::ptrdiff_t>(i),
                                             keys.begin() + static_cast<std::ptrdiff_t>(i + n));
        if (!phrase.empty() && std::search(ngram.begin(), ngram.end(), phrase.begin(), phrase.end()) == ngram.end())
          continue;
        auto& entry = counts[ngram];
        ++entry.first;
        entry.second.insert(id);
      }
    }
  }
  std::vector<NaiveRow> rows;
  for (const auto& [keys, entry] : counts)
    if (entry.first >= min_frequency && entry.second.size() >= min_range)
      rows.push_back({keys, entry.first, entry.second.size()});
  std::stable_sort(rows.begin(), rows.end(), [](const NaiveRow& a, const NaiveRow& b) { return a.frequency > b.frequency; });
  return rows;
}

void check_same(const Corpus& corpus, const NgramList& list, const std::vector<NaiveRow>& naive) {
  CHECK(list.total == naive.size());
  REQUIRE(list.rows.size() == naive.size());
  for (std::size_t r = 0; r < naive.size(); ++r) {
    std::vector<std::string> keys;
    for (const textx::KeyId key : list.rows[r].keys) keys.emplace_back(corpus.key_text(key));
    CAPTURE(r);
    CAPTURE(list.rows[r].ngram);
    CHECK(keys == naive[r].keys);
    CHECK(list.rows[r].frequency == naive[r].frequency);
    CHECK(list.rows[r].range == naive[r].range);
  }
}

}  // namespace

TEST_CASE("n-grams worked by hand on a tiny corpus") {
  // Document a has two sentences, b one; 18 tokens in all:
  //   a: the peace of the world | the peace of nations        b: peace of the world and the peace of mind
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "The peace of the world. The peace of nations.").ok());
  REQUIRE(corpus.add_document({.name = "b"}, "Peace of the world and the peace of mind").ok());

  // Bigrams, none across "world. The": peace of 4 (a twice, b twice; range 2), the peace 3 (a, a, b),
  // of the 2 (a, b), the world 2 (a, b), then once each: and the, of mind, of nations, world and.
  const NgramList bigrams = list_of(corpus, sizes(2, 2));
  CHECK(bigrams.tokens == 18);
  CHECK(bigrams.total == 8);
  CHECK(summary(bigrams) == std::vector<std::string>{"peace of:4/2", "the peace:3/2", "of the:2/2", "the world:2/2",
                                                     "and the:1/1", "of mind:1/1", "of nations:1/1", "world and:1/1"});
  CHECK(bigrams.rows[0].per_million == doctest::Approx(1e6 * 4 / 18));

  // Trigrams: the peace of 3 (a, a, b), peace of the 2, of the world 2, and five once.
  const NgramList trigrams = list_of(corpus, sizes(3, 3));
  CHECK(trigrams.total == 8);
  CHECK(summary(trigrams) == std::vector<std::string>{"the peace of:3/2", "of the world:2/2", "peace of the:2/2",
                                                      "and the peace:1/1", "peace of mind:1/1", "peace of nations:1/1",
                                                      "the world and:1/1", "world and the:1/1"});

  // Both sizes together: a shorter n-gram comes before its extensions when counts tie ("peace of" 4 is first;
  // "of the" 2 before "of the world" 2).
  NgramOptions both = sizes(2, 3);
  both.min_frequency = 2;
  CHECK(summary(list_of(corpus, both)) == std::vector<std::string>{"peace of:4/2", "the peace:3/2", "the peace of:3/2",
                                                                   "of the:2/2", "of the world:2/2", "peace of the:2/2",
                                                                   "the world:2/2"});

  // Stop words: only trigrams with content words at both ends are left.
  NgramOptions content = sizes(2, 3);
  content.skip_stop_words = true;
  CHECK(summary(list_of(corpus, content)) == std::vector<std::string>{"peace of mind:1/1", "peace of nations:1/1"});

  // Range: only the bigrams of both documents.
  NgramOptions spread = sizes(2, 2);
  spread.min_range = 2;
  CHECK(list_of(corpus, spread).total == 4);

  // Across sentences, "world the" (a's "world. The") is a bigram too.
  NgramOptions across = sizes(2, 2);
  across.cross_sentences = true;
  CHECK(list_of(corpus, across).total == 9);

  // With a query: the n-grams holding "world", counted where they hold it.
  NgramOptions world = sizes(2, 3);
  world.query = "world";
  CHECK(summary(list_of(corpus, world)) == std::vector<std::string>{"of the world:2/2", "the world:2/2",
                                                                    "the world and:1/1", "world and:1/1",
                                                                    "world and the:1/1"});
  // A phrase must lie wholly inside: "peace of" is in bigrams only as itself.
  NgramOptions phrase = sizes(2, 3);
  phrase.query = "peace of";
  CHECK(summary(list_of(corpus, phrase)) == std::vector<std::string>{"peace of:4/2", "the peace of:3/2",
                                                                     "peace of the:2/2", "peace of mind:1/1",
                                                                     "peace of nations:1/1"});
  // The query's document filter chooses the documents, and their tokens are the ones per million counts.
  phrase.query = "peace of doc:b";
  const NgramList in_b = list_of(corpus, phrase);
  CHECK(in_b.tokens == 9);
  CHECK(summary(in_b) == std::vector<std::string>{"peace of:2/1", "peace of mind:1/1", "peace of the:1/1",
                                                  "the peace of:1/1"});
}

TEST_CASE("n-grams show words as written, case-folded, with accents kept") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "a"}, "Imre M\u00e1jer wrote. IMRE MAJER read.").ok());
  const NgramList list = list_of(corpus, sizes(2, 2));
  REQUIRE(list.rows.size() == 3);
  CHECK(list.rows[0].ngram == "imre m\u00e1jer");  // both spellings are one n-gram, shown as first written
  CHECK(list.rows[0].frequency == 2);
}

TEST_CASE("n-gram paging keeps the total and the order") {
  const Corpus corpus = textx::testing::mini_corpus();
  const NgramList all = list_of(corpus, sizes(2, 4));
  NgramOptions page = sizes(2, 4);
  page.offset = 7;
  page.limit = 11;
  const NgramList part = list_of(corpus, page);
  CHECK(part.total == all.total);
  REQUIRE(part.rows.size() == 11);
  for (std::size_t i = 0; i < 11; ++i) CHECK(part.rows[i].ngram == all.rows[7 + i].ngram);
  page.offset = all.total;
  CHECK(list_of(corpus, page).rows.empty());
  page.offset = 0;
  page.limit = 0;
  CHECK(list_of(corpus, page).total == all.total);
}

TEST_CASE("n-gram options out of range and malformed queries are errors; an empty corpus has none") {
  const Corpus corpus = textx::testing::mini_corpus();
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in CAPTURE's lambda.
  for (const auto& range : std::vector<std::pair<std::size_t, std::size_t>>{{1, 1}, {9, 9}, {1, 3}, {2, 9}, {4, 3}}) {
    const std::size_t min = range.first, max = range.second;
    CAPTURE(min);
    CAPTURE(max);
    const auto result = textx::ngram_list(corpus, sizes(min, max));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "options.size");
  }
  CHECK(textx::ngram_list(corpus, sizes(2, 9)).error().message == "N-grams are 2 to 8 words long; 9 is out of range.");
  CHECK(textx::ngram_list(corpus, sizes(4, 3)).error().message ==
        "The shortest n-gram size (4) is larger than the longest (3).");
  NgramOptions bad = sizes(2, 2);
  bad.query = "(peace";
  CHECK(textx::ngram_list(corpus, bad).error().code == "query.syntax");
  bad.query = "doc:1980*";
  CHECK(textx::ngram_list(corpus, bad).error().code == "query.empty");
  const NgramList empty = list_of(Corpus(), sizes(2, 8));
  CHECK(empty.tokens == 0);
  CHECK(empty.total == 0);
  CHECK(empty.rows.empty());
  bad.query = "xylophone";
  CHECK(list_of(corpus, bad).total == 0);
}

TEST_CASE("n-grams agree with a naive count on the mini corpus, removed documents left out") {
  Corpus corpus = textx::testing::mini_corpus();
  for (const bool across : {false, true}) {
    NgramOptions options = sizes(2, 8);
    options.cross_sentences = across;
    check_same(corpus, list_of(corpus, options), naive_ngrams(corpus, 2, 8, across));
  }
  REQUIRE(corpus.remove_document(1));
  check_same(corpus, list_of(corpus, sizes(3, 5)), naive_ngrams(corpus, 3, 5, false));
}

TEST_CASE("n-grams agree with a naive count on random text") {
  textx::testing::RandomText random(20240607);
  for (int round = 0; round < 4; ++round) {
    Corpus corpus;
    // Few distinct words, so that long n-grams repeat; some documents repeat others outright.
    std::vector<std::string> texts;
    for (int d = 0; d < 6; ++d) {
      std::string text;
      for (int w = 0; w < 400; ++w) {
        static const char* const words[] = {"a", "b", "c", "the", "of", "peace", "B", "\u00e9"};
        static const char* const gaps[] = {" ", " ", " ", ", ", ". ", "\n\n", "! ", " - "};
        text += words[random.below(std::size(words))];
        text += gaps[random.below(std::size(gaps))];
      }
      texts.push_back(d % 3 == 2 ? texts[static_cast<std::size_t>(d) - 1] : text + random.prose(300));
    }
    // Prose with many control characters may be refused as binary; the others still make a corpus.
    for (std::size_t d = 0; d < texts.size(); ++d) (void)corpus.add_document({.name = std::to_string(d)}, texts[d]);
    REQUIRE(corpus.live_document_count() >= 2);
    const bool across = round % 2 == 1;
    NgramOptions options = sizes(2, 8);
    options.cross_sentences = across;
    check_same(corpus, list_of(corpus, options), naive_ngrams(corpus, 2, 8, across));
    options.min_frequency = 3;
    options.min_range = 2;
    check_same(corpus, list_of(corpus, options), naive_ngrams(corpus, 2, 8, across, 3, 2));
    // Only the n-grams holding a word, or a phrase.
    options.min_frequency = 1;
    options.min_range = 1;
    options.query = "peace";
    check_same(corpus, list_of(corpus, options), naive_ngrams(corpus, 2, 8, across, 1, 1, {"peace"}));
    options.query = "the of";
    options.min_size = 3;
    check_same(corpus, list_of(corpus, options), naive_ngrams(corpus, 3, 8, across, 1, 1, {"the", "of"}));
  }
}

TEST_CASE("n-grams agree with a sort of every n-gram on the State of the Union corpus") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  REQUIRE(corpus.document_count() == 233);
  // Every 4-gram within a sentence as (document, first token), sorted by its keys: runs of equal keys are the
  // distinct n-grams.
  constexpr std::size_t n = 4;
  std::vector<std::pair<textx::DocId, std::uint32_t>> starts;
  std::vector<textx::TokenSpan> spans;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    const textx::Document& doc = corpus.document(id);
    const textx::TokenSpan tokens = corpus.tokens(id);
    spans.push_back(tokens);
    std::vector<std::size_t> sentence;
    for (std::size_t i = 0; i < tokens.size(); ++i)
      sentence.push_back(static_cast<std::size_t>(
          std::upper_bound(doc.sentences.begin(), doc.sentences.end(), tokens.starts[i],
                           [](std::uint32_t o, const textx::TextSpan& s) { return o < s.start; }) -
          doc.sentences.begin()));
    for (std::uint32_t i = 0; i + n <= tokens.size(); ++i)
      if (sentence[i] == sentence[i + n - 1]) starts.emplace_back(id, i);
  }
  const auto keys_at = [&](const std::pair<textx::DocId, std::uint32_t>& s) {
    return spans[s.first].keys.subspan(s.second, n);
  };
  std::sort(starts.begin(), starts.end(), [&](const auto& a, const auto& b) {
    const auto ka = keys_at(a), kb = keys_at(b);
    return std::lexicographical_compare(ka.begin(), ka.end(), kb.begin(), kb.end());
  });
  std::size_t distinct = 0;
  std::map<std::vector<textx::KeyId>, std::pair<std::size_t, std::size_t>> repeated;  // frequency >= 5
  for (std::size_t i = 0, j = 0; i < starts.size(); i = j) {
    std::set<textx::DocId> docs;
    const auto ki = keys_at(starts[i]);
    while (j < starts.size() && std::equal(ki.begin(), ki.end(), keys_at(starts[j]).begin())) docs.insert(starts[j++].first);
    ++distinct;
    if (j - i >= 5) repeated[std::vector<textx::KeyId>(ki.begin(), ki.end())] = {j - i, docs.size()};
  }

  NgramOptions options = sizes(n, n);
  options.limit = 0;
  CHECK(list_of(corpus, options).total == distinct);
  options.min_frequency = 5;
  options.limit = static_cast<std::size_t>(-1);
  const NgramList list = list_of(corpus, options);
  CHECK(list.total == repeated.size());
  REQUIRE(list.rows.size() == repeated.size());
  for (const auto& row : list.rows) {
    const auto it = repeated.find(row.keys);
    REQUIRE(it != repeated.end());
    CHECK(row.frequency == it->second.first);
    CHECK(row.range == it->second.second);
  }
  for (std::size_t r = 1; r < list.rows.size(); ++r) CHECK(list.rows[r - 1].frequency >= list.rows[r].frequency);
  CHECK(list.rows[0].ngram == "of the united states");
}
