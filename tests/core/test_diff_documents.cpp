// Paragraph diff of whole documents: synthetic cases with known answers, hostile input and random
// documents. Every diff is checked lossless (diff_checks.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/diff/document_diff.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/diff_checks.hpp"

namespace {

using textx::AlignedPair;
using textx::Corpus;
using textx::DocumentDiff;
using textx::PairOp;
using textx::testing::checked_diff;
using textx::testing::corpus_of;

const std::vector<std::string>& sample_paragraphs() {
  static const std::vector<std::string> paragraphs = {
      "On the international stage, our party fought against imperialism dedicatedly, supported the national\n"
      "liberation battle, and stood up against all kinds of dominationist forces.",
      "The peculiarity of the international situation is that the anti-imperialist, revolutionary fight for\n"
      "independence is intensifying.",
      "To maintain independence is essential for establishing fair international relations.",
      "There can be neither high and low country nor ruling and governed nation. All the countries and nations\n"
      "are equal.",
      "Our relations with friendly countries rest on the principle of mutual respect for sovereignty,\n"
      "non-interference, equality and mutual benefits.",
      "The struggle for peace and disarmament is a common cause of all progressive humanity.",
  };
  return paragraphs;
}

std::string join(const std::vector<std::string>& paragraphs, const std::string& separator = "\n\n") {
  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) out.append(i ? separator : "").append(paragraphs[i]);
  return out + "\n";
}

std::size_t count(const DocumentDiff& diff, PairOp op) {
  return static_cast<std::size_t>(
      std::count_if(diff.pairs.begin(), diff.pairs.end(), [&](const AlignedPair& p) { return p.op == op; }));
}

// The similarity of paragraph i of document 0 and paragraph j of document 1, computed plainly from its
// definition (DiffOptions): words by matching key, each weighed ln(1 + N / df) over the N paragraphs of both.
double naive_similarity(const Corpus& corpus, std::size_t i, std::size_t j) {
  std::vector<std::map<std::string, int>> bags;
  for (textx::DocId d = 0; d < 2; ++d) {
    const textx::Document& doc = corpus.document(d);
    for (const textx::TextSpan& p : doc.paragraphs) {
      std::map<std::string, int> bag;
      const std::string_view text = std::string_view(doc.text).substr(p.start, p.end - p.start);
      for (const textx::WordSpan& w : textx::find_words(text)) ++bag[textx::key_of(text.substr(w.start, w.end - w.start))];
      bags.push_back(std::move(bag));
    }
  }
  std::map<std::string, int> df;
  for (const auto& bag : bags)
    for (const auto& [key, count] : bag) ++df[key];
  const auto weight = [&](const std::string& key) { return std::log(1.0 + double(bags.size()) / df[key]); };
  const auto& x = bags[i];
  const auto& y = bags[corpus.document(0).paragraphs.size() + j];
  double shared = 0, total = 0;
  for (const auto& [key, count] : x) {
    total += count * weight(key);
    if (y.count(key)) shared += std::min(count, y.at(key)) * weight(key);
  }
  for (const auto& [key, count] : y) total += count * weight(key);
  return 2 * shared / total;
}

// Length of the longest increasing subsequence (paragraphs that can stay in order after a shuffle).
std::size_t longest_increasing(const std::vector<std::size_t>& order) {
  std::vector<std::size_t> tails;
  for (const std::size_t x : order) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), x);
    if (at == tails.end()) tails.push_back(x);
    else *at = x;
  }
  return tails.size();
}

}  // namespace

TEST_CASE("document diff: identical documents are all equal") {
  const std::string text = join(sample_paragraphs());
  const Corpus corpus = corpus_of(text, text);
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == sample_paragraphs().size());
  for (std::size_t i = 0; i < diff.pairs.size(); ++i) {
    CHECK(diff.pairs[i].op == PairOp::kEqual);
    CHECK(diff.pairs[i].a.first == i);
    CHECK(diff.pairs[i].b.first == i);
    CHECK(diff.pairs[i].similarity == 1.0);
    CHECK(diff.pairs[i].words.empty());
  }
}

TEST_CASE("document diff: empty and blank documents") {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{{"", ""}, {"", " \n\n \t"}, {"\n\n", ""}}) {
    const Corpus corpus = corpus_of(a, b);
    const DocumentDiff diff = checked_diff(corpus, 0, 1);
    CHECK(diff.pairs.empty());
    CHECK(diff.a_gaps.size() == 1);
    CHECK(diff.b_gaps.size() == 1);
  }
  const std::string text = join(sample_paragraphs());
  const Corpus one_empty = corpus_of("", text);
  const DocumentDiff inserted = checked_diff(one_empty, 0, 1);
  CHECK(count(inserted, PairOp::kInserted) == sample_paragraphs().size());
  CHECK(inserted.pairs.size() == sample_paragraphs().size());
  const DocumentDiff deleted = checked_diff(one_empty, 1, 0);
  CHECK(count(deleted, PairOp::kDeleted) == sample_paragraphs().size());
}

TEST_CASE("document diff: a paragraph edited by one word") {
  std::vector<std::string> edited = sample_paragraphs();
  edited[2] = "To maintain sovereignty is essential for establishing fair international relations.";
  const Corpus corpus = corpus_of(join(sample_paragraphs()), join(edited));
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 6);
  CHECK(count(diff, PairOp::kEqual) == 5);
  const AlignedPair& changed = diff.pairs[2];
  CHECK(changed.op == PairOp::kChanged);
  CHECK(changed.a.first == 2);
  CHECK(changed.b.first == 2);
  CHECK(changed.similarity == doctest::Approx(naive_similarity(corpus, 2, 2)));
  CHECK(changed.similarity < 0.9);  // unweighted it would be 9 of 10 words: the changed word is a rare one
  REQUIRE(changed.words.size() == 4);  // "To maintain " [-independence-] {+sovereignty+} " is essential…"
  const std::string& a_text = corpus.document(0).text;
  const std::string& b_text = corpus.document(1).text;
  CHECK(a_text.substr(changed.words[1].a_start, changed.words[1].a_end - changed.words[1].a_start) == "independence");
  CHECK(b_text.substr(changed.words[2].b_start, changed.words[2].b_end - changed.words[2].b_start) == "sovereignty");
}

TEST_CASE("document diff: shuffled paragraphs are all found, moved or in order, with similarity 1") {
  const std::vector<std::vector<std::size_t>> orders = {{3, 0, 5, 1, 4, 2}, {5, 4, 3, 2, 1, 0}, {1, 2, 3, 4, 5, 0}};
  for (const auto& order : orders) {
    std::vector<std::string> shuffled;
    for (const std::size_t i : order) shuffled.push_back(sample_paragraphs()[i]);
    const Corpus corpus = corpus_of(join(sample_paragraphs()), join(shuffled));
    const DocumentDiff diff = checked_diff(corpus, 0, 1);
    REQUIRE(diff.pairs.size() == 6);
    for (const AlignedPair& pair : diff.pairs) {
      CHECK((pair.op == PairOp::kEqual || pair.op == PairOp::kMoved));
      CHECK(pair.similarity == 1.0);
      CHECK(pair.words.empty());
      CHECK(order[pair.b.first] == pair.a.first);
    }
    // Only as many stay in place as can keep their order; the rest are moved.
    CHECK(count(diff, PairOp::kEqual) == longest_increasing(order));
    CHECK(count(diff, PairOp::kMoved) == 6 - longest_increasing(order));
    // Reading order follows the second document.
    for (std::size_t k = 0; k < diff.pairs.size(); ++k) CHECK(diff.pairs[k].b.first == k);
  }
}

TEST_CASE("document diff: one paragraph split in two, and the reverse merged") {
  std::vector<std::string> split = sample_paragraphs();
  split[3] = "There can be neither high and low country nor ruling and governed nation.";
  split.insert(split.begin() + 4, "All the countries and nations are equal.");
  const Corpus corpus = corpus_of(join(sample_paragraphs()), join(split));
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 6);
  const AlignedPair& pair = diff.pairs[3];
  CHECK(pair.op == PairOp::kSplit);
  CHECK(pair.a.first == 3);
  CHECK(pair.a.count == 1);
  CHECK(pair.b.first == 3);
  CHECK(pair.b.count == 2);
  CHECK(pair.similarity == doctest::Approx(1.0));  // the same words, in two paragraphs
  // The only change is the paragraph break: a line break in A became a blank line in B.
  std::size_t changes = 0;
  for (const auto& w : pair.words) changes += w.kind != textx::EditKind::kEqual;
  CHECK(changes == 2);
  CHECK(count(diff, PairOp::kEqual) == 5);

  const DocumentDiff merged = checked_diff(corpus, 1, 0);
  REQUIRE(merged.pairs.size() == 6);
  CHECK(merged.pairs[3].op == PairOp::kMerged);
  CHECK(merged.pairs[3].a.count == 2);
  CHECK(merged.pairs[3].b.count == 1);
}

TEST_CASE("document diff: a paragraph split in four parts, none similar enough alone") {
  const std::string whole =
      "Independence is the lifeline of a country. Sovereignty belongs to the people. "
      "Equality among nations is a principle. Mutual respect guides every relation.";
  const std::string parts =
      "Independence is the lifeline of a country.\n\nSovereignty belongs to the people.\n\n"
      "Equality among nations is a principle.\n\nMutual respect guides every relation.";
  const std::string a = sample_paragraphs()[0] + "\n\n" + whole + "\n\n" + sample_paragraphs()[5];
  const std::string b = sample_paragraphs()[0] + "\n\n" + parts + "\n\n" + sample_paragraphs()[5];
  const Corpus corpus = corpus_of(a, b);
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 3);
  CHECK(diff.pairs[1].op == PairOp::kSplit);
  CHECK(diff.pairs[1].b.first == 1);
  CHECK(diff.pairs[1].b.count == 4);
}

TEST_CASE("document diff: inserted, deleted and moved-and-edited paragraphs in one") {
  std::vector<std::string> b = sample_paragraphs();
  b.erase(b.begin() + 1);                                        // delete paragraph 1
  b.insert(b.begin() + 2, "A wholly new paragraph about trade.");  // insert after (old) 2
  std::string moved = b.back();                                   // old 5, edited and moved to the front
  moved.replace(moved.find("common cause"), 12, "shared cause");
  b.pop_back();
  b.insert(b.begin(), moved);
  const Corpus corpus = corpus_of(join(sample_paragraphs()), join(b));
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  CHECK(count(diff, PairOp::kDeleted) == 1);
  CHECK(count(diff, PairOp::kInserted) == 1);
  CHECK(count(diff, PairOp::kEqual) == 4);
  REQUIRE(count(diff, PairOp::kMoved) == 1);
  const AlignedPair& first = diff.pairs.front();
  CHECK(first.op == PairOp::kMoved);
  CHECK(first.a.first == 5);
  CHECK(first.b.first == 0);
  CHECK(first.similarity < 1.0);
  CHECK(!first.words.empty());
  const AlignedPair* deleted = textx::testing::pair_with(diff, false, 1);
  REQUIRE(deleted);
  CHECK(deleted->op == PairOp::kDeleted);
}

TEST_CASE("document diff: documents without paragraph breaks") {
  // One hard-wrapped block each (no blank line): one paragraph, one changed pair.
  const std::string a =
      "The licenses for most software are designed to take away your freedom to share and change it.\n"
      "By contrast, the General Public License is intended to guarantee your freedom to share and change\n"
      "free software, to make sure the software is free for all its users. This applies to most programs.\n";
  std::string b = a;
  b.replace(b.find("most programs"), 13, "many programs");
  const Corpus corpus = corpus_of(a, b);
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 1);
  CHECK(diff.pairs[0].op == PairOp::kChanged);
  // Short lines without blank lines: one paragraph per line.
  const Corpus lines = corpus_of("alpha beta\ngamma delta\nepsilon zeta\n", "alpha beta\nepsilon zeta\ngamma delta\n");
  const DocumentDiff by_line = checked_diff(lines, 0, 1);
  CHECK(by_line.pairs.size() == 3);
  CHECK(count(by_line, PairOp::kMoved) == 1);
  // No line break at all, and a text without a single word.
  checked_diff(corpus_of("one line without end", "one line with an end."), 0, 1);
  const DocumentDiff stars = checked_diff(corpus_of("* * *\n\n---", "---\n\n* * *"), 0, 1);
  CHECK(stars.pairs.size() == 2);
  CHECK(count(stars, PairOp::kInserted) == 0);
}

TEST_CASE("document diff: re-wrapped lines are equal unless layout counts") {
  const std::string a = "To protect your rights, we need to make restrictions\nthat forbid anyone to deny you these rights.\n\nEnd.";
  const std::string b = "To protect your rights, we need to\nmake restrictions  that forbid anyone\nto deny you these rights.\n\nEnd.";
  const Corpus corpus = corpus_of(a, b);
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 2);
  CHECK(diff.pairs[0].op == PairOp::kEqual);
  textx::DiffOptions exact;
  exact.ignore_layout = false;
  const DocumentDiff strict = checked_diff(corpus, 0, 1, exact);
  REQUIRE(strict.pairs.size() == 2);
  CHECK(strict.pairs[0].op == PairOp::kChanged);
  CHECK(strict.pairs[0].similarity == 1.0);
}

TEST_CASE("document diff: bad requests are refused with a reason") {
  const Corpus corpus = corpus_of("a", "b");
  const auto missing = textx::diff_documents(corpus, 0, 7);
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == "diff.document");
  textx::DiffOptions bad;
  bad.min_similarity = 0;
  const auto refused = textx::diff_documents(corpus, 0, 1, bad);
  REQUIRE(!refused.ok());
  CHECK(refused.error().code == "options.diff");
  bad.min_similarity = 1.5;
  CHECK(!textx::diff_documents(corpus, 0, 1, bad).ok());
  // Binary files never reach a diff: the corpus refuses them.
  Corpus binary;
  CHECK(!binary.add_document({.name = "image.png"}, std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)).ok());
}

TEST_CASE("document diff: random documents built from known operations") {
  std::mt19937 rng(5);
  const auto word = [&] {
    static const char* const words[] = {"peace", "war", "party", "nation", "people", "struggle", "the", "of",
                                        "and", "independence", "sovereignty", "equality", "respect", "trade",
                                        "treaty", "congress", "decree", "principle", "unity", "friendship"};
    return std::string(words[rng() % std::size(words)]);
  };
  const auto paragraph = [&] {
    std::string p;
    const std::size_t n = 3 + rng() % 40;
    for (std::size_t i = 0; i < n; ++i) p.append(i ? (rng() % 9 == 0 ? ",\n" : " ") : "").append(word());
    return p + ".";
  };
  for (int round = 0; round < 60; ++round) {
    std::vector<std::string> a;
    const std::size_t n = rng() % 30;
    for (std::size_t i = 0; i < n; ++i) a.push_back(paragraph());
    std::vector<std::string> b = a;
    for (int op = 0; op < 6 && !b.empty(); ++op) {
      const std::size_t at = rng() % b.size();
      switch (rng() % 5) {
        case 0: b.erase(b.begin() + static_cast<std::ptrdiff_t>(at)); break;
        case 1: b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), paragraph()); break;
        case 2: b[at].append(" ").append(word()); break;
        case 3: std::swap(b[at], b[rng() % b.size()]); break;
        default: b[at].insert(0, word().append(" ")); break;
      }
    }
    textx::DiffOptions options;
    options.ignore_layout = round % 4 != 0;
    options.semantic_cleanup = round % 5 != 0;
    const Corpus corpus = corpus_of(join(a, round % 3 ? "\n\n" : "\r\n \r\n"), join(b));
    const DocumentDiff diff = checked_diff(corpus, 0, 1, options);
    checked_diff(corpus, 1, 0, options);
    // Paragraphs of B copied unchanged from A are found (none left as inserted while its twin is deleted).
    for (const AlignedPair& pair : diff.pairs)
      if (pair.op == PairOp::kInserted) {
        const std::string_view text = std::string_view(corpus.document(1).text).substr(pair.b.span.start, pair.b.span.end - pair.b.span.start);
        for (const AlignedPair& other : diff.pairs)
          if (other.op == PairOp::kDeleted)
            CHECK(text != std::string_view(corpus.document(0).text).substr(other.a.span.start, other.a.span.end - other.a.span.start));
      }
  }
}

TEST_CASE("document diff: a spent word-diff budget still gives a lossless diff, and says so") {
  const std::string a = textx::testing::read_test_file(TEXTX_LICENSES_DIR "/GPL-2");
  const std::string b = textx::testing::read_test_file(TEXTX_LICENSES_DIR "/GPL-3");
  const Corpus corpus = corpus_of(a, b);
  textx::DiffOptions options;
  options.word_diff_steps = 500;
  const DocumentDiff starved = checked_diff(corpus, 0, 1, options);
  CHECK(starved.word_diff_fell_back);
  const DocumentDiff full = checked_diff(corpus, 0, 1);
  CHECK(!full.word_diff_fell_back);
  REQUIRE(starved.pairs.size() == full.pairs.size());  // the alignment does not depend on the budget
  for (std::size_t k = 0; k < full.pairs.size(); ++k) CHECK(starved.pairs[k].op == full.pairs[k].op);
}

TEST_CASE("document diff: a 2 MB paragraph without sentence ends against an edited copy") {
  std::mt19937 rng(11);
  static const char* const words[] = {"peace", "war", "the", "of", "people", "nation", "unity", "and", "treaty"};
  std::string a;
  while (a.size() < 2'000'000) a.append(words[rng() % std::size(words)]).append(rng() % 13 ? " " : ", ");
  std::string b = a;
  for (int k = 0; k < 300; ++k) b.replace(rng() % (b.size() - 10), 3, "XYZ");  // may cut words: still text
  const Corpus corpus = corpus_of(a, b);
  REQUIRE(corpus.document(0).paragraphs.size() == 1);
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  REQUIRE(diff.pairs.size() == 1);
  CHECK(diff.pairs[0].op == PairOp::kChanged);
}
