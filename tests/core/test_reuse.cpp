#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/reuse/reuse.hpp"
#include "core/reuse/word_forms.hpp"
#include "tests/core/random_text.hpp"

using textx::Corpus;
using textx::DocId;
using textx::ReuseOptions;
using textx::ShingleIndex;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

const std::filesystem::path kSeeds = std::filesystem::path(TEXTX_SOURCE_DIR) / "corpus" / "seeds";
const char* const k1980 = "1980-10-kwp-6th-congress-closing-decree.txt";
const char* const k2023 = "2023-02-03-independence-basis-of-international-relations.txt";

// The sample corpus as the CLI loads it: the 1980 decree (doc 0), then the 2023 article (doc 1).
Corpus seed_corpus() {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = k1980}, read_file(kSeeds / k1980)).ok());
  REQUIRE(corpus.add_document({.name = k2023}, read_file(kSeeds / k2023)).ok());
  return corpus;
}

std::string text_of(const Corpus& corpus, const textx::ReuseSpan& span) {
  return corpus.document(*span.doc).text.substr(span.start, span.end - span.start);
}

std::string paragraph_text(const Corpus& corpus, DocId doc, std::size_t paragraph) {
  const textx::TextSpan p = corpus.document(doc).paragraphs.at(paragraph);
  return corpus.document(doc).text.substr(p.start, p.end - p.start);
}

// The paragraph of `doc` that begins with `prefix`.
std::size_t paragraph_starting(const Corpus& corpus, DocId doc, const std::string& prefix) {
  for (std::size_t p = 0; p < corpus.document(doc).paragraphs.size(); ++p)
    if (paragraph_text(corpus, doc, p).rfind(prefix, 0) == 0) return p;
  FAIL("no paragraph starts with " << prefix);
  return 0;
}

// The shared words of a match as "source words ~ target words" runs, for readable assertions.
std::vector<std::string> shared_runs(const Corpus& corpus, const textx::ReuseMatch& m) {
  std::vector<std::string> runs;
  for (const textx::SharedWords& w : m.shared)
    runs.push_back(corpus.document(*m.source.doc).text.substr(w.source_start, w.source_end - w.source_start) +
                   (w.exact ? " = " : " ~ ") +
                   corpus.document(*m.target.doc).text.substr(w.target_start, w.target_end - w.target_start));
  return runs;
}

textx::ReuseResult search(const Corpus& corpus, DocId doc, std::optional<std::size_t> paragraph, ReuseOptions options = {}) {
  const ShingleIndex index(corpus, options.shingles);
  auto result = textx::find_reuse(corpus, index, doc, paragraph, options);
  REQUIRE(result.ok());
  return std::move(result).value();
}

}  // namespace

TEST_CASE("reuse: word forms join endings, not different words") {
  const struct {
    const char* a;
    const char* b;
    bool same;
  } cases[] = {
      {"independence", "independent", true}, {"independently", "independent", true}, {"principle", "principles", true},
      {"policy", "policies", true},          {"country", "countries", true},         {"interfere", "interference", true},
      {"interfered", "interfering", true},   {"equality", "equal", true},            {"respect", "respecting", true},
      {"state", "states", true},             {"nation", "nations", true},            {"relation", "relations", true},
      {"class", "clas", false},              {"status", "statu", false},             {"basis", "basi", false},
      {"peace", "war", false},               {"sovereign", "sovereignty", false},    {"ties", "tie", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    CHECK((textx::word_form(c.a) == textx::word_form(c.b)) == c.same);
  }
  CHECK(textx::word_form("policies") == "polici");
  CHECK(textx::word_form("nation\u2019s") == "nation");
  CHECK(textx::word_form("a") == "a");
  CHECK(textx::word_form("") == "");
}

namespace {

// Smith-Waterman over the whole matrix, the reference for the banded alignment.
int full_alignment_score(const std::vector<textx::AlignToken>& a, const std::vector<textx::AlignToken>& b) {
  std::vector<std::vector<int>> h(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  int best = 0;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      h[i][j] = std::max({0, h[i - 1][j - 1] + textx::pair_score(a[i - 1], b[j - 1]), h[i - 1][j] + textx::kScoreGap,
                          h[i][j - 1] + textx::kScoreGap});
      best = std::max(best, h[i][j]);
    }
  return best;
}

}  // namespace

TEST_CASE("reuse: banded alignment worked by hand and against the full matrix") {
  using textx::AlignToken;
  // Keys 0..9; key 9 is a stop word; keys 4 and 5 share a word form.
  const auto tok = [](textx::KeyId k) { return AlignToken{k, k == 5 ? 4u : k, k == 9}; };
  const std::vector<AlignToken> a = {tok(7), tok(1), tok(9), tok(2), tok(3), tok(4), tok(8)};
  const std::vector<AlignToken> b = {tok(1), tok(9), tok(2), tok(6), tok(3), tok(5)};
  // 1 9 2 | - 6 gap | 3 | 4~5: 3 + 1 + 3 - 2 + 3 + 2 = 10.
  const textx::LocalAlignment al = textx::align_banded(a, b, -3, 3);
  CHECK(al.score == 10);
  CHECK(al.exact == 4);
  CHECK(al.loose == 1);
  CHECK(std::tie(al.source_begin, al.source_end, al.target_begin, al.target_end) == std::tuple(1u, 6u, 0u, 6u));
  REQUIRE(al.runs.size() == 3);
  CHECK(std::tie(al.runs[0].source_begin, al.runs[0].source_end, al.runs[0].target_begin, al.runs[0].target_end) ==
        std::tuple(1u, 4u, 0u, 3u));
  CHECK(al.runs[1].exact);
  CHECK(std::tie(al.runs[1].source_begin, al.runs[1].target_begin) == std::tuple(4u, 4u));
  CHECK_FALSE(al.runs[2].exact);
  CHECK(textx::align_banded(a, {}, 0, 0).score == 0);
  CHECK(textx::align_banded(a, std::vector<AlignToken>{tok(0)}, -10, 10).runs.empty());

  // A band wide enough to hold every cell gives the full matrix's score.
  textx::testing::RandomText random(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<AlignToken> x(1 + random.below(30)), y(1 + random.below(30));
    for (auto& t : x) t = tok(static_cast<textx::KeyId>(random.below(10)));
    for (auto& t : y) t = tok(static_cast<textx::KeyId>(random.below(10)));
    CAPTURE(round);
    const auto wide = textx::align_banded(x, y, -static_cast<std::int64_t>(x.size()), static_cast<std::int64_t>(y.size()));
    CHECK(wide.score == full_alignment_score(x, y));
    // The runs' pairs really match, and their scores add up with the gaps and substitutions in between.
    for (const auto& run : wide.runs)
      for (std::uint32_t k = 0; k < run.source_end - run.source_begin; ++k)
        CHECK(textx::pair_score(x[run.source_begin + k], y[run.target_begin + k]) > 0);
  }
}

// The 2023 article restates the 1980 principles in its own words; which of its paragraphs share wording
// with the decree was decided by reading both (docs/reuse.md, "The sample corpus"):
// - 2023 "The DPRK has firmly maintained an independent stand … friendly and cooperative ties with many
//   countries over the world on the principle of mutual respect for sovereignty, non-interference,
//   equality …" restates Kim Il Sung's "our party firmly stands up for independence … friendly and
//   cooperative relations with many countries of the world" (1980, the quoted foreign-policy principles);
// - 2023 "… foreign policies according to their independent judgment …" restates 1980 "Our party works
//   out its foreign policy according to the situation of our nation …";
// - 2023's "non-interference, equality" restates 1980's "principles of full equality and non-interference
//   with internal affairs", but in another order: only the word "non-interference" aligns.
TEST_CASE("reuse: the 2023 article's restatements of the 1980 principles") {
  const Corpus corpus = seed_corpus();
  const std::size_t principles_2023 = paragraph_starting(corpus, 1, "The DPRK has firmly maintained an independent stand");
  const std::size_t principles_1980 = paragraph_starting(corpus, 0, "\u201cJust as in the past as well");
  const std::size_t own_policy_1980 = paragraph_starting(corpus, 0, "The Korean Worker\u2019s Party, while holding high");
  const std::size_t judgment_2023 = paragraph_starting(corpus, 1, "Since the master of your destiny is yourself");
  const std::size_t equality_1980 = paragraph_starting(corpus, 0, "The member states of the Non-Aligned Movement should abide");

  SUBCASE("from the 2023 paragraph, with the default options, the 1980 principles come first") {
    const textx::ReuseResult r = search(corpus, 1, principles_2023);
    REQUIRE(r.total == 1);
    const textx::ReuseMatch& m = r.matches[0];
    CHECK(*m.target.doc == 0);
    CHECK(m.target.first_paragraph == principles_1980);
    CHECK(m.target.last_paragraph == principles_1980);
    CHECK(m.source.first_paragraph == principles_2023);
    CHECK(text_of(corpus, m.target) == "friendly and cooperative relations with many countries of the world");
    CHECK(text_of(corpus, m.source) == "friendly and cooperative ties with many countries over the world");
    CHECK(m.shared_words == 8);
    CHECK(m.exact_words == 8);
    CHECK(m.similarity == doctest::Approx(16.0 / 20.0));
    CHECK(shared_runs(corpus, m) == std::vector<std::string>{"friendly and cooperative = friendly and cooperative",
                                                             "with many countries = with many countries",
                                                             "the world = the world"});
    CHECK(r.query->first_paragraph == principles_2023);
    CHECK(text_of(corpus, *r.query) == paragraph_text(corpus, 1, principles_2023));
  }
  SUBCASE("from the 1980 principles, the 2023 restatement ranks above a shorter exact phrase") {
    ReuseOptions options;
    options.min_words = 4;
    const textx::ReuseResult r = search(corpus, 0, principles_1980, options);
    REQUIRE(r.total == 2);
    CHECK(r.matches[0].target.first_paragraph == principles_2023);
    CHECK(r.matches[0].similarity < 1);
    CHECK(text_of(corpus, r.matches[1].target) == "many countries of the world");
    CHECK(r.matches[1].similarity == 1);
    CHECK(r.matches[0].weight > r.matches[1].weight);
  }
  SUBCASE("a loose match: policy and policies are one word form, marked as not exact") {
    ReuseOptions options;
    options.min_words = 4;
    const textx::ReuseResult r = search(corpus, 0, own_policy_1980, options);
    REQUIRE(r.total == 1);
    const textx::ReuseMatch& m = r.matches[0];
    CHECK(m.target.first_paragraph == judgment_2023);
    CHECK(shared_runs(corpus, m) == std::vector<std::string>{"foreign = foreign", "policy ~ policies", "according to = according to"});
    CHECK(m.exact_words == 3);
    CHECK(m.shared_words == 4);
    CHECK(m.similarity == doctest::Approx(7.0 / 8.0));
    options.shingles.word_forms = false;  // exact words only: the one shingle no longer matches
    CHECK(search(corpus, 0, own_policy_1980, options).total == 0);
  }
  SUBCASE("non-interference and equality, reordered: only shorter shingles reach it") {
    ReuseOptions options;
    options.min_words = 2;
    CHECK(search(corpus, 0, equality_1980, options).total == 0);
    options.shingles.ngram = 2;
    const textx::ReuseResult r = search(corpus, 0, equality_1980, options);
    REQUIRE(r.total >= 1);
    CHECK(r.matches[0].target.first_paragraph == principles_2023);
    CHECK(text_of(corpus, r.matches[0].target) == "non-interference");
  }
  SUBCASE("corpus-wide, with the default options, the one shared passage is the principles") {
    const ShingleIndex index(corpus, {});
    const textx::ReuseResult r = textx::find_shared_passages(corpus, index, {}).value();
    REQUIRE(r.total == 1);
    CHECK(*r.matches[0].source.doc == 0);  // the document loaded first is the source
    CHECK(r.matches[0].source.first_paragraph == principles_1980);
    CHECK(r.matches[0].target.first_paragraph == principles_2023);
    CHECK(r.matches[0].shared_words == 8);
  }
}
