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
#include "core/stats/frequency.hpp"
#include "core/text/words.hpp"
#include "tests/core/sotu_corpus.hpp"
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

TEST_CASE("reuse: a planted copy is found whole with similarity 1, a paraphrase with less, unrelated text not at all") {
  Corpus corpus = seed_corpus();
  const std::size_t principles = paragraph_starting(corpus, 0, "\u201cJust as in the past as well");
  const std::string paragraph = paragraph_text(corpus, 0, principles);
  const std::string opening = "Notes on rivers and weather in the northern valleys.\n\n";
  REQUIRE(corpus.add_document({.name = "planted.txt"}, opening + paragraph + "\n\nA closing line about mountains.\n").ok());
  std::string paraphrase = paragraph;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"friendly", "amicable"},
                                 {"further improves", "further improved"}, {"actively advocates", "advocates"}}) {
    const std::size_t at = paraphrase.find(from);
    REQUIRE(at != std::string::npos);
    paraphrase.replace(at, from.size(), to);
  }
  REQUIRE(corpus.add_document({.name = "paraphrase.txt"}, paraphrase).ok());
  REQUIRE(corpus.add_document({.name = "unrelated.txt"},
                              "Tomatoes need warm soil, steady water and six hours of sun; pinch the side shoots "
                              "weekly and tie the stems to canes before the fruit sets.")
              .ok());
  const std::size_t paragraph_tokens = textx::find_words(paragraph).size();

  const textx::ReuseResult r = search(corpus, 0, principles);
  REQUIRE(r.total == 3);  // the copy, the paraphrase, and the 2023 restatement
  const textx::ReuseMatch& copy = r.matches[0];
  CHECK(corpus.document(*copy.target.doc).info.name == "planted.txt");
  CHECK(copy.similarity == 1);
  CHECK(copy.shared_words == paragraph_tokens);
  CHECK(copy.exact_words == paragraph_tokens);
  CHECK(copy.target.first_paragraph == 1);
  CHECK(copy.target.last_paragraph == 1);
  CHECK(copy.target.token_begin == textx::find_words(opening).size());
  CHECK(copy.target.token_end == copy.target.token_begin + paragraph_tokens);
  // From the first word to the last: after the opening quotation mark, before the closing ".”".
  CHECK(copy.target.start == opening.size() + std::string("\u201c").size());
  CHECK(copy.target.end == opening.size() + paragraph.size() - std::string(".\u201d").size());
  CHECK(copy.source.token_begin == r.query->token_begin);
  CHECK(copy.source.token_end == r.query->token_end);
  REQUIRE(copy.shared.size() == 1);
  CHECK(copy.shared[0].exact);
  CHECK(copy.shared[0].target_start == copy.target.start);
  CHECK(copy.shared[0].target_end == copy.target.end);

  const textx::ReuseMatch& loose = r.matches[1];
  CHECK(corpus.document(*loose.target.doc).info.name == "paraphrase.txt");
  CHECK(loose.similarity < 1);
  CHECK(loose.similarity > 0.9);
  CHECK(loose.shared_words == paragraph_tokens - 2);  // "friendly" and "actively" have no counterpart
  CHECK(loose.exact_words == paragraph_tokens - 3);   // improves ~ improved is loose
  std::vector<std::string> loose_words;
  for (const textx::SharedWords& w : loose.shared)
    if (!w.exact) loose_words.push_back(corpus.document(*loose.target.doc).text.substr(w.target_start, w.target_end - w.target_start));
  CHECK(loose_words == std::vector<std::string>{"improved"});
  CHECK(r.matches[2].target.doc == 1u);

  const textx::ReuseResult none = search(corpus, 4, std::nullopt, ReuseOptions{.min_words = 1});
  CHECK(none.total == 0);
  CHECK(none.shingles > 0);
}

TEST_CASE("reuse: text given by the reader, with a word the corpus lacks") {
  const Corpus corpus = seed_corpus();
  const ShingleIndex index(corpus, {});
  const std::string text = "Our party firmly stands up for independence in its foreign affairs policy activities, "
                           "and further improves the friendly and cooperative relationz with many countries.";
  const textx::ReuseResult r = textx::find_reuse_of_text(corpus, index, text, {}).value();
  REQUIRE(r.total >= 1);
  const textx::ReuseMatch& m = r.matches[0];
  CHECK_FALSE(m.source.doc.has_value());
  CHECK(*m.target.doc == 0);
  CHECK(text.substr(m.source.start, m.source.end - m.source.start) ==
        "Our party firmly stands up for independence in its foreign affairs policy activities, and further improves the "
        "friendly and cooperative relationz with many countries");
  CHECK(m.similarity < 1);
  CHECK(r.query->start == 0);
  CHECK(r.query->end == text.size() - 1);
  CHECK(textx::find_reuse_of_text(corpus, index, "Tomatoes need warm soil and steady water.", {}).value().total == 0);
  CHECK(textx::find_reuse_of_text(corpus, index, " \u2014 ... ", {}).error().code == "reuse.empty");
  const textx::ReuseResult one_word = textx::find_reuse_of_text(corpus, index, "independence", {}).value();
  CHECK(one_word.total == 0);
  CHECK(one_word.shingles == 0);
}

TEST_CASE("reuse: within one document only when asked, never overlapping the passage") {
  Corpus corpus;
  const std::string repeated = "The congress fully agreed with the assessment of the international circumstances and "
                               "acknowledged the strategic direction for fortifying the unity of independent forces.";
  const std::string text = repeated + "\n\nSomething else entirely about harvests.\n\n" + repeated + "\n";
  REQUIRE(corpus.add_document({.name = "twice.txt"}, text).ok());
  REQUIRE(corpus.add_document({.name = "other.txt"}, "Nothing shared here at all, only other words.").ok());
  CHECK(search(corpus, 0, 0).total == 0);
  const textx::ReuseResult r = search(corpus, 0, 0, ReuseOptions{.same_document = true});
  REQUIRE(r.total == 1);
  CHECK(r.matches[0].target.first_paragraph == 2);
  CHECK(r.matches[0].similarity == 1);
  CHECK(r.matches[0].target.token_begin >= r.query->token_end);
  // The whole document as the query: its two copies cannot be found in itself (they overlap the query).
  CHECK(search(corpus, 0, std::nullopt, ReuseOptions{.same_document = true}).total == 0);
  // Corpus-wide with same_document: the pair once, the earlier copy as the source.
  const ShingleIndex index(corpus, {});
  const textx::ReuseResult all = textx::find_shared_passages(corpus, index, ReuseOptions{.same_document = true}).value();
  REQUIRE(all.total == 1);
  CHECK(all.matches[0].source.first_paragraph == 0);
  CHECK(all.matches[0].target.first_paragraph == 2);
  CHECK(textx::find_shared_passages(corpus, index, {}).value().total == 0);
}

TEST_CASE("reuse: errors in plain words") {
  Corpus corpus = seed_corpus();
  const ShingleIndex index(corpus, {});
  CHECK(textx::find_reuse(corpus, index, 0, 999, {}).error().code == "reuse.paragraph");
  CHECK(textx::find_reuse(corpus, index, 0, 999, {}).error().message.find("numbered from 0") != std::string::npos);
  CHECK(textx::find_reuse(corpus, index, 7, std::nullopt, {}).error().code == "reuse.document");
  ReuseOptions options;
  options.min_words = 0;
  CHECK(textx::find_reuse(corpus, index, 0, 0, options).error().code == "reuse.options");
  options = {};
  options.shingles.ngram = 9;
  CHECK(textx::check_reuse_options(options)->code == "reuse.options");
  options.shingles.ngram = 4;  // valid, but not what the index was built with
  CHECK(textx::find_reuse(corpus, index, 0, 0, options).error().code == "reuse.index");
  REQUIRE(corpus.add_document({.name = "new.txt"}, "A new document.").ok());
  CHECK(textx::find_shared_passages(corpus, index, {}).error().code == "reuse.index");
  REQUIRE(corpus.remove_document(0));
  const ShingleIndex rebuilt(corpus, {});
  CHECK(textx::find_reuse(corpus, rebuilt, 0, 0, {}).error().code == "reuse.document");
  CHECK(textx::find_document_named(corpus, k1980) == std::nullopt);
  CHECK(textx::find_document_named(corpus, "new.txt") == DocId{2});
}

namespace {

// Seeds by brute force: every shingle of the passage compared with every shingle of every other live
// document (or of the same one, outside the passage), shingles occurring more than max_occurrences times
// in the corpus left out.
std::vector<textx::ReuseSeed> naive_seeds(const Corpus& corpus, const ShingleIndex& index, DocId doc,
                                          std::uint32_t begin, std::uint32_t end, const ReuseOptions& options) {
  const std::size_t n = options.shingles.ngram;
  struct Shingle {
    DocId doc;
    std::uint32_t first;
    std::vector<textx::FormId> forms;
  };
  std::vector<Shingle> all;
  for (DocId d = 0; d < corpus.document_count(); ++d) {
    if (corpus.document(d).removed) continue;
    const textx::TokenSpan tokens = corpus.tokens(d);
    std::vector<std::uint32_t> content;
    for (std::uint32_t t = 0; t < tokens.size(); ++t)
      if (!options.shingles.skip_stop_words || !textx::is_stop_word(corpus.key_text(tokens.keys[t]))) content.push_back(t);
    for (std::size_t j = 0; j + n <= content.size(); ++j) {
      Shingle s{d, content[j], {}};
      for (std::size_t k = 0; k < n; ++k) s.forms.push_back(index.form_of(tokens.keys[content[j + k]]));
      all.push_back(std::move(s));
    }
  }
  // Shingles of the passage: those of its content words alone (stop words before and after do not count).
  const textx::TokenSpan tokens = corpus.tokens(doc);
  std::vector<std::uint32_t> content;
  for (std::uint32_t t = begin; t < end; ++t)
    if (!options.shingles.skip_stop_words || !textx::is_stop_word(corpus.key_text(tokens.keys[t]))) content.push_back(t);
  std::vector<textx::ReuseSeed> seeds;
  for (std::size_t j = 0; j + n <= content.size(); ++j) {
    std::vector<textx::FormId> forms;
    for (std::size_t k = 0; k < n; ++k) forms.push_back(index.form_of(tokens.keys[content[j + k]]));
    std::size_t occurrences = 0;
    for (const Shingle& s : all) occurrences += s.forms == forms;
    if (occurrences > options.max_occurrences) continue;
    for (const Shingle& s : all) {
      if (s.forms != forms) continue;
      if (s.doc == doc && (!options.same_document || (s.first >= begin && s.first < end))) continue;
      seeds.push_back({content[j], s.doc, s.first});
    }
  }
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

}  // namespace

TEST_CASE("reuse: the candidate stage agrees with a naive scan of all shingle pairs on random corpora") {
  // Few distinct words (stop words and word forms among them), so that shingles recur often.
  static const char* const words[] = {"the",    "of",       "and",    "peace",  "war",      "state",  "states",
                                      "nation", "nations",  "policy", "policies", "people", "unity", "Independence",
                                      "independent", "world", "in",    "to",     "sovereignty"};
  textx::testing::RandomText random(2024);
  std::size_t compared = 0, matches_checked = 0;
  for (int round = 0; round < 12; ++round) {
    Corpus corpus;
    std::vector<std::string> texts;
    const std::size_t documents = 2 + random.below(5);
    for (std::size_t d = 0; d < documents; ++d) {
      std::string text;
      const std::size_t length = 20 + random.below(300);
      for (std::size_t i = 0; i < length; ++i) {
        text += words[random.below(std::size(words))];
        text += random.below(25) == 0 ? ".\n\n" : random.below(8) == 0 ? ", " : " ";
      }
      // Sometimes a stretch copied from an earlier document.
      if (d > 0 && random.below(2) == 0) {
        const std::string& from = texts[random.below(d)];
        const std::size_t at = random.below(from.size());
        text += ' ';
        text.append(from, at, 200);
      }
      texts.push_back(text);
      std::string name = "r";  // not "r" + to_string(d): GCC 12 warns falsely (-Wrestrict) on that
      name += std::to_string(d);
      REQUIRE(corpus.add_document({.name = name}, text).ok());
    }
    if (random.below(3) == 0) REQUIRE(corpus.remove_document(static_cast<DocId>(random.below(documents))));
    ReuseOptions options;
    options.shingles.ngram = 1 + random.below(4);
    options.shingles.skip_stop_words = random.below(3) != 0;
    options.shingles.word_forms = random.below(2) != 0;
    options.same_document = random.below(2) != 0;
    options.max_occurrences = random.below(2) ? 1000 : 5 + random.below(40);
    options.min_words = 1 + random.below(10);
    const ShingleIndex index(corpus, options.shingles);
    for (DocId doc = 0; doc < corpus.document_count(); ++doc) {
      if (corpus.document(doc).removed) continue;
      for (std::size_t p = 0; p < corpus.document(doc).paragraphs.size(); ++p) {
        CAPTURE(round);
        CAPTURE(doc);
        CAPTURE(p);
        const auto seeds = textx::find_reuse_seeds(corpus, index, doc, p, options).value();
        const textx::ReuseResult r = textx::find_reuse(corpus, index, doc, p, options).value();
        const std::uint32_t begin = r.query->token_begin, end = r.query->token_end;
        CHECK(seeds == naive_seeds(corpus, index, doc, begin, end, options));
        ++compared;
        // Every match: enough words, real matches inside its spans, outside the passage in its own document.
        for (const textx::ReuseMatch& m : r.matches) {
          ++matches_checked;
          CHECK(m.shared_words >= options.min_words);
          CHECK(m.similarity <= 1.0);
          CHECK(m.similarity > 0.0);
          CHECK(m.source.token_begin >= begin);
          CHECK(m.source.token_end <= end);
          if (*m.target.doc == doc) CHECK((m.target.token_end <= begin || m.target.token_begin >= end));
          std::size_t shared = 0;
          for (const textx::SharedWords& w : m.shared) {
            CHECK(w.source_token_end - w.source_token_begin == w.target_token_end - w.target_token_begin);
            CHECK(w.source_token_begin >= m.source.token_begin);
            CHECK(w.target_token_end <= m.target.token_end);
            for (std::uint32_t k = 0; k < w.source_token_end - w.source_token_begin; ++k) {
              const textx::KeyId a = corpus.tokens(doc).keys[w.source_token_begin + k];
              const textx::KeyId b = corpus.tokens(*m.target.doc).keys[w.target_token_begin + k];
              CHECK((w.exact ? a == b : (a != b && index.form_of(a) == index.form_of(b))));
            }
            shared += w.source_token_end - w.source_token_begin;
          }
          CHECK(shared == m.shared_words);
        }
      }
    }
  }
  CHECK(compared > 50);
  CHECK(matches_checked > 20);
}

using textx::testing::sotu_corpus;

TEST_CASE("reuse: the State of the Union's opening formula recurs across addresses") {
  const Corpus& corpus = sotu_corpus();
  const ShingleIndex index(corpus, {});
  CHECK(index.memory_bytes() < 5 * corpus.token_count());  // about 4 bytes per token
  const std::string formula = "Fellow-Citizens of the Senate and House of Representatives";
  // Addresses that open with it, found by plain search, and those the reuse search finds from Washington's 1790 one.
  std::set<std::string> opening_with_it;
  for (DocId d = 1; d < corpus.document_count(); ++d) {
    const std::string& text = corpus.document(d).text;
    if (text.compare(text.find_first_not_of(" \n"), formula.size(), formula) == 0) opening_with_it.insert(corpus.document(d).info.name);
  }
  REQUIRE(corpus.document(0).info.name == "1790_george_washington_n.txt");
  ReuseOptions options;
  options.limit = 1000;
  const textx::ReuseResult r = textx::find_reuse(corpus, index, 0, 0, options).value();
  std::set<std::string> found;
  for (const textx::ReuseMatch& m : r.matches)
    if (text_of(corpus, m.target).rfind(formula, 0) == 0 && m.target.token_begin == 0 && m.exact_words >= 9)
      found.insert(corpus.document(*m.target.doc).info.name);
  CHECK(opening_with_it.size() > 30);
  for (const std::string& name : opening_with_it) CHECK_MESSAGE(found.count(name), "not found: " << name);
  for (const std::string& name : found) CHECK_MESSAGE(opening_with_it.count(name), "found but not there: " << name);
  CHECK_FALSE(r.truncated);
}

TEST_CASE("reuse: corpus-wide on the State of the Union, McKinley quoting Grant comes first") {
  const Corpus& corpus = sotu_corpus();
  const ShingleIndex index(corpus, {});
  const textx::ReuseResult r = textx::find_shared_passages(corpus, index, {}).value();
  REQUIRE_FALSE(r.matches.empty());
  const textx::ReuseMatch& top = r.matches[0];
  CHECK(corpus.document(*top.source.doc).info.name == "1875_ulysses_s_grant_r.txt");
  CHECK(corpus.document(*top.target.doc).info.name == "1897_william_mc_kinley_r.txt");
  CHECK(top.shared_words > 500);
  CHECK(top.similarity > 0.99);
  CHECK(r.total > 10000);
  CHECK_FALSE(r.truncated);  // every candidate region of this corpus fits the corpus-wide bounds
  CHECK(r.matches.size() == 20);
  for (const textx::ReuseMatch& m : r.matches) CHECK(*m.source.doc < *m.target.doc);  // each pair once
}

TEST_CASE("reuse: hostile input stays bounded") {
  SUBCASE("a paragraph of one 10 MB line, and a stretch of it copied elsewhere") {
    textx::testing::RandomText random(99);
    std::string line;
    while (line.size() < 10'000'000) {
      line += 'w';
      line += std::to_string(random.below(60000));
      line += ' ';
    }
    const std::size_t at = line.find(' ', 5'000'000) + 1;
    const std::string copied = line.substr(at, line.find(' ', at + 3000) - at);
    Corpus corpus;
    REQUIRE(corpus.add_document({.name = "line.txt"}, line).ok());
    REQUIRE(corpus.add_document({.name = "copy.txt"}, "Before. " + copied + " After.").ok());
    REQUIRE(corpus.document(0).paragraphs.size() == 1);
    const textx::ReuseResult r = search(corpus, 0, 0);
    REQUIRE(r.total == 1);
    CHECK(r.matches[0].similarity == 1);
    CHECK(r.matches[0].source.start == at);
    CHECK(r.matches[0].shared_words == textx::find_words(copied).size());
  }
  SUBCASE("the the the…, and buffalo buffalo…: over-frequent shingles are skipped") {
    std::string the, buffalo;
    for (int i = 0; i < 1'000'000; ++i) the += "the ";
    for (int i = 0; i < 100'000; ++i) buffalo += "buffalo ";
    Corpus corpus;
    REQUIRE(corpus.add_document({.name = "the.txt"}, the).ok());
    REQUIRE(corpus.add_document({.name = "buffalo1.txt"}, buffalo).ok());
    REQUIRE(corpus.add_document({.name = "buffalo2.txt"}, buffalo).ok());
    REQUIRE(corpus.add_document({.name = "short.txt"}, "the the the the the the the the the the buffalo buffalo buffalo").ok());
    ReuseOptions options;
    const textx::ReuseResult stop_words_only = search(corpus, 0, std::nullopt, options);
    CHECK(stop_words_only.shingles == 0);  // no content words, no shingles
    CHECK(stop_words_only.total == 0);
    const textx::ReuseResult b = search(corpus, 1, std::nullopt, options);
    CHECK(b.shingles == 100'000 - 2);
    CHECK(b.skipped_shingles == b.shingles);
    CHECK(b.total == 0);
    options.shingles.skip_stop_words = false;
    const textx::ReuseResult the_kept = search(corpus, 3, std::nullopt, options);
    CHECK(the_kept.shingles == 11);
    CHECK(the_kept.skipped_shingles == 9);  // all but "the the buffalo" and "the buffalo buffalo"
    const ShingleIndex index(corpus, options.shingles);
    const textx::ReuseResult all = textx::find_shared_passages(corpus, index, options).value();
    CHECK(all.total == 0);
    CHECK(all.skipped_shingles == 2);  // "the the the" and "buffalo buffalo buffalo"
  }
  SUBCASE("without the frequency cap, the seed and alignment budgets bound the work") {
    std::string buffalo;
    for (int i = 0; i < 20'000; ++i) buffalo += "buffalo ";
    Corpus corpus;
    REQUIRE(corpus.add_document({.name = "buffalo1.txt"}, buffalo).ok());
    REQUIRE(corpus.add_document({.name = "buffalo2.txt"}, buffalo).ok());
    ReuseOptions options;
    options.max_occurrences = static_cast<std::size_t>(-1);
    const textx::ReuseResult r = search(corpus, 0, std::nullopt, options);
    CHECK(r.truncated);
    CHECK(r.seeds <= textx::kMaxSeeds);
    CHECK(r.total >= 1);
    CHECK(r.matches[0].similarity == 1);
  }
}
