// Paragraph diff on real versions of real texts: the licences Debian ships (/usr/share/common-licenses) and
// the sample corpus. Pairings asserted here were checked by reading the texts side by side.
#include <doctest/doctest.h>

#include <string>

#include "core/diff/document_diff.hpp"
#include "tests/core/diff_checks.hpp"

namespace {

using textx::AlignedPair;
using textx::Corpus;
using textx::DocumentDiff;
using textx::PairOp;
using textx::testing::checked_diff;
using textx::testing::read_test_file;

std::string licence(const char* name) { return read_test_file(std::string(TEXTX_LICENSES_DIR "/") + name); }

Corpus licence_pair(const char* a, const char* b) {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = a}, licence(a)).ok());
  REQUIRE(corpus.add_document({.name = b}, licence(b)).ok());
  return corpus;
}

// The index of the paragraph of `doc` whose text (whitespace collapsed) starts with `prefix`.
std::uint32_t paragraph_starting(const textx::Document& doc, std::string_view prefix) {
  for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i) {
    std::string collapsed;
    const textx::TextSpan p = doc.paragraphs[i];
    for (std::size_t k = p.start; k < p.end && collapsed.size() < prefix.size(); ++k) {
      const char c = doc.text[k];
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (space && !collapsed.empty() && collapsed.back() == ' ') continue;
      collapsed += space ? ' ' : c;
    }
    if (collapsed == prefix) return i;
  }
  FAIL("no paragraph starts with " << prefix);
  return 0;
}

// Checks that the paragraph of A starting with `a_prefix` is paired, with `op`, with the one of B starting
// with `b_prefix`; returns the pair.
const AlignedPair& check_paired(const Corpus& corpus, const DocumentDiff& diff, std::string_view a_prefix,
                                std::string_view b_prefix, PairOp op) {
  const std::uint32_t a = paragraph_starting(corpus.document(0), a_prefix);
  const std::uint32_t b = paragraph_starting(corpus.document(1), b_prefix);
  const AlignedPair* pair = textx::testing::pair_with(diff, false, a);
  REQUIRE(pair);
  INFO(a_prefix);
  CHECK(pair->op == op);
  CHECK(pair->b.first == b);
  return *pair;
}

std::size_t count(const DocumentDiff& diff, PairOp op) {
  std::size_t n = 0;
  for (const AlignedPair& p : diff.pairs) n += p.op == op;
  return n;
}

}  // namespace

TEST_CASE("diff, real versions: GPL-2 against GPL-3") {
  const Corpus corpus = licence_pair("GPL-2", "GPL-3");
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  CHECK(!diff.word_diff_fell_back);
  // The preamble pairs up paragraph by paragraph, GPL-3's new opening and its "Some devices…" aside
  // inserted between.
  check_paired(corpus, diff, "Preamble", "Preamble", PairOp::kEqual);
  const AlignedPair& licenses = check_paired(corpus, diff, "The licenses for most software",
                                             "The licenses for most software", PairOp::kChanged);
  CHECK(licenses.similarity > 0.7);
  check_paired(corpus, diff, "When we speak of free software", "When we speak of free software", PairOp::kChanged);
  check_paired(corpus, diff, "To protect your rights", "To protect your rights", PairOp::kChanged);
  check_paired(corpus, diff, "For example, if you distribute", "For example, if you distribute", PairOp::kChanged);
  check_paired(corpus, diff, "We protect your rights with two steps", "Developers that use the GNU GPL protect",
               PairOp::kChanged);
  check_paired(corpus, diff, "Finally, any free program", "Finally, every program", PairOp::kChanged);
  check_paired(corpus, diff, "The precise terms and conditions", "The precise terms and conditions", PairOp::kEqual);
  CHECK(textx::testing::pair_with(diff, true, paragraph_starting(corpus.document(1), "The GNU General Public License is a free"))->op ==
        PairOp::kInserted);
  const AlignedPair& protection = check_paired(corpus, diff, "Also, for each author's protection",
                                               "For the developers' and authors' protection", PairOp::kChanged);
  CHECK(protection.similarity < 0.35);  // rewritten, but where it stood: its place makes it a pair
  check_paired(corpus, diff, "1. You may copy and distribute verbatim", "You may convey verbatim copies",
               PairOp::kChanged);
  check_paired(corpus, diff, "11. BECAUSE THE PROGRAM IS LICENSED", "THERE IS NO WARRANTY FOR THE PROGRAM",
               PairOp::kChanged);
  check_paired(corpus, diff, "END OF TERMS AND CONDITIONS", "END OF TERMS AND CONDITIONS", PairOp::kEqual);
  check_paired(corpus, diff, "This program is distributed in the hope", "This program is distributed in the hope",
               PairOp::kEqual);
  CHECK(count(diff, PairOp::kEqual) == 8);
  CHECK(count(diff, PairOp::kInserted) > 60);  // GPL-3 is twice as long
  // And back: the same pairs, deletions and insertions swapped.
  const DocumentDiff back = checked_diff(corpus, 1, 0);
  CHECK(count(back, PairOp::kEqual) == 8);
  CHECK(count(back, PairOp::kDeleted) == count(diff, PairOp::kInserted));
}

TEST_CASE("diff, real versions: LGPL-2.1 against LGPL-3") {
  const Corpus corpus = licence_pair("LGPL-2.1", "LGPL-3");
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  // LGPL-3 is a short set of additional permissions on top of GPL-3: its title, copyright and the clauses
  // it kept pair with LGPL-2.1's; most of LGPL-2.1 is deleted.
  check_paired(corpus, diff, "GNU LESSER GENERAL PUBLIC LICENSE", "GNU LESSER GENERAL PUBLIC LICENSE", PairOp::kChanged);
  check_paired(corpus, diff, "Copyright (C) 1991, 1999", "Copyright (C) 2007", PairOp::kChanged);
  check_paired(corpus, diff, "b) Use a suitable shared library mechanism", "1) Use a suitable shared library mechanism",
               PairOp::kChanged);
  check_paired(corpus, diff, "a) Accompany the combined library", "a) Accompany the combined library",
               PairOp::kChanged);
  check_paired(corpus, diff, "13. The Free Software Foundation may publish",
               "The Free Software Foundation may publish", PairOp::kChanged);
  CHECK(count(diff, PairOp::kDeleted) > 60);
}

TEST_CASE("diff, real versions: MPL-1.1 against MPL-2.0") {
  const Corpus corpus = licence_pair("MPL-1.1", "MPL-2.0");
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  check_paired(corpus, diff, "1.8. \"License\" means this document.", "1.8. \"License\" means this document.",
               PairOp::kEqual);
  // MPL-2.0 renumbered and reordered its sections: the warranty disclaimer (now in a box of asterisks)
  // and "Versions of the License" are found moved, not deleted and re-inserted.
  const AlignedPair& warranty =
      check_paired(corpus, diff, "COVERED CODE IS PROVIDED UNDER THIS LICENSE", "************************************************************************ * * * 6. Disclaimer of Warranty",
                   PairOp::kMoved);
  CHECK(warranty.similarity > 0.85);
  check_paired(corpus, diff, "6. Versions of the License.", "10. Versions of the License", PairOp::kMoved);
}

TEST_CASE("diff, real versions: GPL-1 against GPL-2 finds the merged copyright notice") {
  const Corpus corpus = licence_pair("GPL-1", "GPL-2");
  const DocumentDiff diff = checked_diff(corpus, 0, 1);
  const std::uint32_t copyright = paragraph_starting(corpus.document(1), "Copyright (C) 1989, 1991");
  const AlignedPair* pair = textx::testing::pair_with(diff, true, copyright);
  REQUIRE(pair);
  CHECK(pair->op == PairOp::kMerged);
  CHECK(pair->a.count == 2);
  // GPL-2 made clause 1(d) on charging a fee a paragraph of its own, further up.
  const AlignedPair& fee =
      check_paired(corpus, diff, "d) You may charge a fee", "You may charge a fee", PairOp::kMoved);
  CHECK(fee.similarity > 0.9);
}

TEST_CASE("diff, real versions: the two sample documents, and one against an edited copy of itself") {
  const std::string decree = read_test_file(TEXTX_SEEDS_DIR "/1980-10-kwp-6th-congress-closing-decree.txt");
  const std::string article = read_test_file(TEXTX_SEEDS_DIR "/2023-02-03-independence-basis-of-international-relations.txt");
  const Corpus seeds = textx::testing::corpus_of(decree, article);
  const DocumentDiff diff = checked_diff(seeds, 0, 1);
  // Two different texts: no paragraph of the article is a version of one of the decree's.
  CHECK(count(diff, PairOp::kDeleted) == seeds.document(0).paragraphs.size());
  CHECK(count(diff, PairOp::kInserted) == seeds.document(1).paragraphs.size());

  // The article with one paragraph moved to the end and one word changed elsewhere.
  const textx::Document& doc = seeds.document(1);
  REQUIRE(doc.paragraphs.size() > 8);
  const auto text_of = [&](std::size_t i) { return doc.text.substr(doc.paragraphs[i].start, doc.paragraphs[i].end - doc.paragraphs[i].start); };
  std::string edited;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i)
    if (i != 5) edited.append(text_of(i)).append("\n\n");
  edited.append(text_of(5)).append("\n");
  const std::size_t at = edited.find("independence", edited.find("\n\n", 200));
  REQUIRE(at != std::string::npos);
  edited.replace(at, 12, "sovereignty");
  const Corpus versions = textx::testing::corpus_of(article, edited);
  const DocumentDiff revised = checked_diff(versions, 0, 1);
  CHECK(count(revised, PairOp::kMoved) == 1);
  CHECK(count(revised, PairOp::kChanged) == 1);
  CHECK(count(revised, PairOp::kInserted) == 0);
  CHECK(count(revised, PairOp::kDeleted) == 0);
  CHECK(revised.pairs.back().op == PairOp::kMoved);
  CHECK(revised.pairs.back().a.first == 5);
}
