#pragma once
// What a paragraph diff and a collation must always be, checked the same way by the doctest suite
// (tests/core/diff_checks.hpp) and the diff fuzz target (fuzz/diff.cpp): the diff is lossless (both
// documents rebuilt byte for byte from the wire-format JSON alone, by the procedure docs/diff.md gives),
// every paragraph is in exactly one pair, word edits tile their pair's text and equal edits are equal; each
// row of a collation table, joined, is its witness. Every check goes through `check(ok, what)`: doctest's
// REQUIRE in the tests, an abort that libFuzzer records in the fuzz target.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/corpus/corpus.hpp"
#include "core/diff/collate.hpp"
#include "core/diff/document_diff.hpp"
#include "core/diff/paragraph_features.hpp"
#include "wire/json.hpp"

#define TEXTX_INVARIANT(check, condition) check((condition), #condition)

namespace textx::invariants {

// One side's text ("a" or "b") rebuilt from the diff's JSON: for each pair holding paragraphs of that side,
// by their first paragraph, the gap before it and then its text ("text"/"b_text", or the side's word edits);
// then the gap after the last paragraph.
template <class Check>
std::string rebuild_from_json(const nlohmann::ordered_json& diff, const char* side, Check&& check) {
  const bool second = std::string_view(side) == "b";
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
        if (op == "equal") text += (second && w.contains("b_text") ? w["b_text"] : w["text"]).template get<std::string>();
        else if (op == (second ? "insert" : "delete")) text += w["text"].template get<std::string>();
      }
    } else {
      text = (second && pair.contains("b_text") ? pair["b_text"] : pair["text"]).template get<std::string>();
    }
    pieces.push_back({pair[side]["first"], pair[side]["count"], std::move(text)});
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.first < y.first; });
  const auto& gaps = diff[side]["gaps"];
  std::string out;
  std::uint64_t next = 0;
  for (const Piece& p : pieces) {
    TEXTX_INVARIANT(check, p.first == next);
    if (p.first != next) return out;
    out += gaps[p.first].template get<std::string>() + p.text;
    next += p.count;
  }
  TEXTX_INVARIANT(check, next == diff[side]["paragraphs"].template get<std::uint64_t>());
  return out + gaps[next].template get<std::string>();
}

// The core result's shape, and both documents rebuilt from its JSON.
template <class Check>
void check_lossless(const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff, const DiffOptions& options,
                    Check&& check) {
  const Document& da = corpus.document(a);
  const Document& db = corpus.document(b);
  std::vector<int> a_seen(da.paragraphs.size(), 0), b_seen(db.paragraphs.size(), 0);
  for (const AlignedPair& pair : diff.pairs) {
    TEXTX_INVARIANT(check, pair.similarity >= 0 && pair.similarity <= 1);
    TEXTX_INVARIANT(check, pair.a.first + pair.a.count <= da.paragraphs.size());
    TEXTX_INVARIANT(check, pair.b.first + pair.b.count <= db.paragraphs.size());
    TEXTX_INVARIANT(check, (pair.op == PairOp::kInserted) == (pair.a.count == 0));
    TEXTX_INVARIANT(check, (pair.op == PairOp::kDeleted) == (pair.b.count == 0));
    for (std::uint32_t i = 0; i < pair.a.count; ++i) ++a_seen[pair.a.first + i];
    for (std::uint32_t j = 0; j < pair.b.count; ++j) ++b_seen[pair.b.first + j];
    if (pair.words.empty()) continue;
    TEXTX_INVARIANT(check, pair.op != PairOp::kEqual);
    std::uint32_t at_a = pair.a.span.start, at_b = pair.b.span.start;
    for (const WordEdit& w : pair.words) {
      TEXTX_INVARIANT(check, w.a_start == at_a && w.b_start == at_b && w.a_start <= w.a_end && w.b_start <= w.b_end);
      if (w.kind == EditKind::kEqual) {
        TEXTX_INVARIANT(check, same_text(std::string_view(da.text).substr(w.a_start, w.a_end - w.a_start),
                                         std::string_view(db.text).substr(w.b_start, w.b_end - w.b_start),
                                         options.ignore_layout));
      }
      if (w.kind == EditKind::kDelete) TEXTX_INVARIANT(check, w.b_end == w.b_start);
      if (w.kind == EditKind::kInsert) TEXTX_INVARIANT(check, w.a_end == w.a_start);
      at_a = w.a_end;
      at_b = w.b_end;
    }
    TEXTX_INVARIANT(check, at_a == pair.a.span.end && at_b == pair.b.span.end);
  }
  for (const int seen : a_seen) TEXTX_INVARIANT(check, seen == 1);
  for (const int seen : b_seen) TEXTX_INVARIANT(check, seen == 1);
  const nlohmann::ordered_json json =
      nlohmann::ordered_json::parse(wire::dump(wire::to_json(wire::DiffReport{&corpus, a, b, &diff, &options})));
  TEXTX_INVARIANT(check, rebuild_from_json(json, "a", check) == da.text);
  TEXTX_INVARIANT(check, rebuild_from_json(json, "b", check) == db.text);
}

// Each row of a collation table, joined, is its witness; each witness's tokens run left to right; no column
// is empty, and a column some witness lacks is a variant.
template <class Check>
void check_alignment_rows(const AlignmentTable& table, const std::vector<std::string_view>& witnesses, Check&& check) {
  TEXTX_INVARIANT(check, table.tokens.size() == witnesses.size());
  TEXTX_INVARIANT(check, table.cells.size() == witnesses.size() * table.columns && table.variant.size() == table.columns);
  for (std::size_t w = 0; w < witnesses.size(); ++w) {
    std::string row;
    std::int32_t next = 0;
    for (std::size_t c = 0; c < table.columns; ++c) {
      const std::int32_t t = table.cell(w, c);
      if (t < 0) continue;
      TEXTX_INVARIANT(check, t == next++);
      const TextSpan s = table.tokens[w][static_cast<std::size_t>(t)];
      TEXTX_INVARIANT(check, s.start <= s.end && s.end <= witnesses[w].size());
      row.append(witnesses[w].substr(s.start, s.end - s.start));
    }
    TEXTX_INVARIANT(check, static_cast<std::size_t>(next) == table.tokens[w].size());
    TEXTX_INVARIANT(check, row == witnesses[w]);
  }
  for (std::size_t c = 0; c < table.columns; ++c) {
    bool any = false, all = true;
    for (std::size_t w = 0; w < witnesses.size(); ++w) {
      any = any || table.cell(w, c) >= 0;
      all = all && table.cell(w, c) >= 0;
    }
    TEXTX_INVARIANT(check, any);
    TEXTX_INVARIANT(check, all || table.variant[c]);
  }
}

}  // namespace textx::invariants
