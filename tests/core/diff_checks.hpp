#pragma once
// What every diff test checks: the diff is lossless. Both documents are rebuilt byte for byte from the
// wire-format JSON alone (by the procedure docs/diff.md gives), and the core result is checked to cover
// each paragraph exactly once, with word edits tiling their pair's text and equal edits really equal.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/document_diff.hpp"
#include "core/diff/paragraph_features.hpp"
#include "wire/json.hpp"

namespace textx::testing {

inline std::string read_test_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

// A corpus holding `a` (document 0) and `b` (document 1).
inline Corpus corpus_of(std::string_view a, std::string_view b, std::string a_name = "a.txt",
                        std::string b_name = "b.txt") {
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = std::move(a_name)}, a).ok());
  REQUIRE(corpus.add_document({.name = std::move(b_name)}, b).ok());
  return corpus;
}

// One side's text rebuilt from the diff's JSON: for each pair holding paragraphs of that side, by their
// first paragraph, the gap before it and then its text ("text"/"b_text", or the side's word edits); then
// the gap after the last paragraph.
inline std::string rebuild_from_json(const nlohmann::ordered_json& diff, const char* side) {
  const bool second = std::string(side) == "b";
  struct Piece {
    std::uint64_t first, count;
    std::string text;
  };
  std::vector<Piece> pieces;
  for (const auto& pair : diff["pairs"]) {
    if (!pair.contains(side)) continue;
    std::string text;
    if (pair.contains("words")) {
      for (const auto& w : pair["words"]) {
        const std::string op = w["op"];
        if (op == "equal") text += second && w.contains("b_text") ? w["b_text"] : w["text"];
        else if (op == (second ? "insert" : "delete")) text += w["text"].get<std::string>();
      }
    } else {
      text = second && pair.contains("b_text") ? pair["b_text"] : pair["text"];
    }
    pieces.push_back({pair[side]["first"], pair[side]["count"], std::move(text)});
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.first < y.first; });
  const auto& gaps = diff[side]["gaps"];
  std::string out;
  std::uint64_t next = 0;
  for (const Piece& p : pieces) {
    REQUIRE(p.first == next);
    out += gaps[p.first].get<std::string>() + p.text;
    next += p.count;
  }
  REQUIRE(next == diff[side]["paragraphs"].get<std::uint64_t>());
  return out + gaps[next].get<std::string>();
}

// Checks the core result's shape and the JSON rebuild of both documents.
inline void check_lossless(const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff,
                           const DiffOptions& options = {}) {
  const Document& da = corpus.document(a);
  const Document& db = corpus.document(b);
  std::vector<int> a_seen(da.paragraphs.size(), 0), b_seen(db.paragraphs.size(), 0);
  for (const AlignedPair& pair : diff.pairs) {
    for (std::uint32_t i = 0; i < pair.a.count; ++i) ++a_seen[pair.a.first + i];
    for (std::uint32_t j = 0; j < pair.b.count; ++j) ++b_seen[pair.b.first + j];
    if (pair.words.empty()) continue;
    REQUIRE(pair.a.count > 0);
    REQUIRE(pair.b.count > 0);
    std::uint32_t at_a = pair.a.span.start, at_b = pair.b.span.start;
    for (const WordEdit& w : pair.words) {
      REQUIRE(w.a_start == at_a);
      REQUIRE(w.b_start == at_b);
      if (w.kind == EditKind::kEqual) {
        REQUIRE(same_text(std::string_view(da.text).substr(w.a_start, w.a_end - w.a_start),
                          std::string_view(db.text).substr(w.b_start, w.b_end - w.b_start), options.ignore_layout));
      }
      if (w.kind == EditKind::kDelete) REQUIRE(w.b_end == w.b_start);
      if (w.kind == EditKind::kInsert) REQUIRE(w.a_end == w.a_start);
      at_a = w.a_end;
      at_b = w.b_end;
    }
    REQUIRE(at_a == pair.a.span.end);
    REQUIRE(at_b == pair.b.span.end);
  }
  for (const int seen : a_seen) REQUIRE(seen == 1);
  for (const int seen : b_seen) REQUIRE(seen == 1);

  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(
      wire::dump(wire::to_json(wire::DiffReport{&corpus, a, b, &diff, &options})));
  CHECK(rebuild_from_json(json, "a") == da.text);
  CHECK(rebuild_from_json(json, "b") == db.text);
}

// Diffs `a` against `b`, checks losslessness, and returns the diff.
inline DocumentDiff checked_diff(const Corpus& corpus, DocId a, DocId b, const DiffOptions& options = {}) {
  Result<DocumentDiff> diff = diff_documents(corpus, a, b, options);
  REQUIRE(diff.ok());
  check_lossless(corpus, a, b, diff.value(), options);
  return std::move(diff).value();
}

// The pair holding paragraph `index` of side a (or b), or nullptr.
inline const AlignedPair* pair_with(const DocumentDiff& diff, bool side_b, std::uint32_t index) {
  for (const AlignedPair& pair : diff.pairs) {
    const ParagraphRun& run = side_b ? pair.b : pair.a;
    if (index >= run.first && index < run.first + run.count) return &pair;
  }
  return nullptr;
}

}  // namespace textx::testing
