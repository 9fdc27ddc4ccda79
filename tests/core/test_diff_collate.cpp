// Multi-witness alignment (collate.hpp): hand-worked tables, three versions of a GPL paragraph, hostile
// sizes, and random witnesses; every row rebuilds its witness byte for byte.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/diff/collate.hpp"
#include "tests/core/diff_checks.hpp"

namespace {

using textx::AlignmentTable;
using textx::testing::check_rows;

// The row of witness w as "cell|cell|…" with "-" for an empty cell, trailing spaces dropped.
std::string row_text(const AlignmentTable& table, const std::vector<std::string_view>& witnesses, std::size_t w) {
  std::string out;
  for (std::size_t c = 0; c < table.columns; ++c) {
    if (c) out += '|';
    const std::int32_t t = table.cell(w, c);
    if (t < 0) {
      out += '-';
      continue;
    }
    const textx::TextSpan s = table.tokens[w][static_cast<std::size_t>(t)];
    std::string cell(witnesses[w].substr(s.start, s.end - s.start));
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\n')) cell.pop_back();
    out += cell;
  }
  return out;
}

}  // namespace

TEST_CASE("diff collate: readings of one place share a column") {
  const std::vector<std::string_view> witnesses = {"the red car", "the blue car", "the car"};
  const auto table = textx::align_witnesses(witnesses);
  REQUIRE(table.ok());
  check_rows(table.value(), witnesses);
  CHECK(table.value().columns == 3);
  CHECK(row_text(table.value(), witnesses, 0) == "the|red|car");
  CHECK(row_text(table.value(), witnesses, 1) == "the|blue|car");
  CHECK(row_text(table.value(), witnesses, 2) == "the|-|car");
  CHECK(table.value().variant == std::vector<bool>{false, true, false});
}

TEST_CASE("diff collate: case and accents do not make a variant; punctuation is a token of its own") {
  const std::vector<std::string_view> witnesses = {"Non-interference, in internal affairs.",
                                                   "non-interference in Internal affairs;",
                                                   "Non-interférence, in internal affairs."};
  const auto table = textx::align_witnesses(witnesses);
  REQUIRE(table.ok());
  check_rows(table.value(), witnesses);
  CHECK(row_text(table.value(), witnesses, 0) == "Non|-|interference|,|in|internal|affairs|.");
  CHECK(row_text(table.value(), witnesses, 1) == "non|-|interference|-|in|Internal|affairs|;");
  CHECK(row_text(table.value(), witnesses, 2) == "Non|-|interférence|,|in|internal|affairs|.");
  // Only the comma (missing in one) and the final mark ("." against ";", one column) differ.
  CHECK(table.value().variant == std::vector<bool>{false, false, false, true, false, false, false, true});
}

TEST_CASE("diff collate: refusals") {
  const std::vector<std::string_view> one = {"alone"};
  const auto too_few = textx::align_witnesses(one);
  REQUIRE(!too_few.ok());
  CHECK(too_few.error().code == "collate.witnesses");
  std::string long_text;
  for (int i = 0; i < 5000; ++i) long_text += "word" + std::to_string(i % 97) + " ";
  const std::vector<std::string_view> huge = {long_text, long_text};
  const auto too_long = textx::align_witnesses(huge);
  REQUIRE(!too_long.ok());
  CHECK(too_long.error().code == "collate.too_long");
  const std::vector<std::string_view> empty = {"", "", "something"};
  const auto with_empty = textx::align_witnesses(empty);
  REQUIRE(with_empty.ok());
  check_rows(with_empty.value(), empty);
}

TEST_CASE("diff collate: a GPL preamble paragraph in versions 1, 2 and 3") {
  textx::Corpus corpus;
  for (const char* name : {"GPL-2", "GPL-1", "GPL-3"})
    REQUIRE(corpus.add_document({.name = name}, textx::testing::read_test_file(std::string(TEXTX_LICENSES_DIR "/") + name)).ok());
  const textx::Document& gpl2 = corpus.document(0);
  std::uint32_t paragraph = 0;
  while (!std::string_view(gpl2.text).substr(gpl2.paragraphs[paragraph].start).starts_with("The licenses for most")) ++paragraph;
  const textx::DocId others[] = {1, 2};
  const auto collation = textx::collate_paragraph(corpus, 0, paragraph, others);
  REQUIRE(collation.ok());
  const textx::ParagraphCollation& c = collation.value();
  REQUIRE(c.witnesses.size() == 3);
  CHECK(c.witnesses[1].count == 1);
  CHECK(c.witnesses[2].count == 1);
  std::vector<std::string_view> texts;
  for (const auto& w : c.witnesses) texts.push_back(std::string_view(corpus.document(w.doc).text).substr(w.span.start, w.span.end - w.span.start));
  check_rows(c.table, texts);
  // GPL-2 and GPL-3 open alike, GPL-3 adding "and other practical works"; GPL-1 spoke of "license
  // agreements of most software companies", its words set against theirs.
  CHECK(row_text(c.table, texts, 0).starts_with("The|licenses|for|-|most|software|-|-|-|-|are|designed|to|take"));
  CHECK(row_text(c.table, texts, 1).starts_with("The|license|agreements|of|most|software|companies|try|-|-|-|-|to|keep"));
  CHECK(row_text(c.table, texts, 2).starts_with("The|licenses|for|-|most|software|and|other|practical|works|are|designed|to|take"));
  CHECK(!c.table.variant[0]);  // The
  CHECK(c.table.variant[1]);   // licenses / license
  CHECK(!c.table.variant[4]);  // most
  CHECK(!c.table.variant[5]);  // software
  // Asking for a paragraph that is not there.
  const auto missing = textx::collate_paragraph(corpus, 0, 100000, others);
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == "collate.paragraph");
}

TEST_CASE("diff collate: random witnesses derived from one text") {
  std::mt19937 rng(3);
  static const char* const words[] = {"peace", "war", "the", "of", "people", "nation", ",", ".", "unity", "and"};
  for (int round = 0; round < 100; ++round) {
    std::vector<std::string> base;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 30); i < n; ++i) base.push_back(words[rng() % 10]);
    std::vector<std::string> texts;
    for (int w = 0, count = 2 + static_cast<int>(rng() % 4); w < count; ++w) {
      std::string text;
      for (const std::string& word : base) {
        const unsigned r = rng() % 10;
        if (r == 0) continue;
        text += (r == 1 ? std::string(words[rng() % 10]) : word) + (rng() % 5 ? " " : "\n ");
        if (r == 2) text += std::string(words[rng() % 10]) + " ";
      }
      texts.push_back(text);
    }
    const std::vector<std::string_view> views(texts.begin(), texts.end());
    const auto table = textx::align_witnesses(views);
    REQUIRE(table.ok());
    check_rows(table.value(), views);
  }
}
