// Fuzz target: the paragraph diff of two documents (diff_documents: paragraph features, in-order alignment,
// moves, splits and merges, word diffs), its JSON, and the collation of paragraphs across them
// (collate_paragraph, align_witnesses). The input is document A, a NUL, document B, and optionally a NUL and
// a byte of options; without a NUL, B is A with its paragraphs in reverse order (so that a plain text seed
// makes moves). Both go through Corpus::add_document as files would. The options byte:
//   bit 0 layout counts   bit 1 raw word diffs (no clean-up)   bit 2 a starved word-diff budget (fallback)
//   bits 3-4 thresholds (default, low, high, 1)   bit 5 A is read as HTML   bit 6 collate with a third copy
// Checked: the diff is lossless (both texts rebuilt byte for byte from the JSON, as docs/diff.md says),
// every paragraph is in exactly one pair, word edits tile their pair, equal edits are equal; a document
// diffed against a copy of itself is all equal pairs; collation rows rebuild their witness exactly.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/collate.hpp"
#include "core/diff/document_diff.hpp"
#include "core/diff/paragraph_features.hpp"
#include "fuzz/fuzz_check.hpp"
#include "wire/json.hpp"

namespace {

using textx::AlignedPair;
using textx::Corpus;
using textx::DocId;
using textx::Document;
using textx::DocumentDiff;
using Json = nlohmann::ordered_json;

// B made from A: its paragraphs (as the core cuts them, on blank lines) in reverse order.
std::string reversed_paragraphs(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t blank = text.find("\n\n", at);
    parts.push_back(text.substr(at, blank == std::string_view::npos ? std::string_view::npos : blank - at));
    if (blank == std::string_view::npos) break;
    at = blank + 2;
  }
  std::string out;
  for (std::size_t i = parts.size(); i-- > 0;) {
    out.append(parts[i]);
    if (i) out.append("\n\n");
  }
  return out;
}

// One side's text rebuilt from the diff's JSON alone, as docs/diff.md describes it.
std::string rebuild_from_json(const Json& diff, const char* side) {
  const bool second = side[0] == 'b';
  struct Piece {
    std::uint64_t first, count;
    std::string text;
  };
  std::vector<Piece> pieces;
  for (const Json& pair : diff["pairs"]) {
    if (!pair.contains(side)) continue;
    std::string text;
    if (pair.contains("words")) {
      for (const Json& w : pair["words"]) {
        const std::string op = w["op"];
        if (op == "equal") text += (second && w.contains("b_text") ? w["b_text"] : w["text"]).get<std::string>();
        else if (op == (second ? "insert" : "delete")) text += w["text"].get<std::string>();
      }
    } else {
      text = (second && pair.contains("b_text") ? pair["b_text"] : pair["text"]).get<std::string>();
    }
    pieces.push_back({pair[side]["first"], pair[side]["count"], std::move(text)});
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.first < y.first; });
  const Json& gaps = diff[side]["gaps"];
  std::string out;
  std::uint64_t next = 0;
  for (const Piece& p : pieces) {
    FUZZ_CHECK(p.first == next);
    out += gaps[p.first].get<std::string>() + p.text;
    next += p.count;
  }
  FUZZ_CHECK(next == diff[side]["paragraphs"].get<std::uint64_t>());
  return out + gaps[next].get<std::string>();
}

void check_diff(const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff, const textx::DiffOptions& options) {
  const Document& da = corpus.document(a);
  const Document& db = corpus.document(b);
  std::vector<int> a_seen(da.paragraphs.size(), 0), b_seen(db.paragraphs.size(), 0);
  for (const AlignedPair& pair : diff.pairs) {
    FUZZ_CHECK(pair.similarity >= 0 && pair.similarity <= 1);
    FUZZ_CHECK(pair.a.first + pair.a.count <= da.paragraphs.size());
    FUZZ_CHECK(pair.b.first + pair.b.count <= db.paragraphs.size());
    FUZZ_CHECK((pair.op == textx::PairOp::kInserted) == (pair.a.count == 0));
    FUZZ_CHECK((pair.op == textx::PairOp::kDeleted) == (pair.b.count == 0));
    for (std::uint32_t i = 0; i < pair.a.count; ++i) ++a_seen[pair.a.first + i];
    for (std::uint32_t j = 0; j < pair.b.count; ++j) ++b_seen[pair.b.first + j];
    if (pair.words.empty()) continue;
    FUZZ_CHECK(pair.op != textx::PairOp::kEqual);
    std::uint32_t at_a = pair.a.span.start, at_b = pair.b.span.start;
    for (const textx::WordEdit& w : pair.words) {
      FUZZ_CHECK(w.a_start == at_a && w.b_start == at_b && w.a_start <= w.a_end && w.b_start <= w.b_end);
      if (w.kind == textx::EditKind::kEqual) {
        FUZZ_CHECK(textx::same_text(std::string_view(da.text).substr(w.a_start, w.a_end - w.a_start),
                                    std::string_view(db.text).substr(w.b_start, w.b_end - w.b_start),
                                    options.ignore_layout));
      }
      if (w.kind == textx::EditKind::kDelete) FUZZ_CHECK(w.b_end == w.b_start);
      if (w.kind == textx::EditKind::kInsert) FUZZ_CHECK(w.a_end == w.a_start);
      at_a = w.a_end;
      at_b = w.b_end;
    }
    FUZZ_CHECK(at_a == pair.a.span.end && at_b == pair.b.span.end);
  }
  for (const int seen : a_seen) FUZZ_CHECK(seen == 1);
  for (const int seen : b_seen) FUZZ_CHECK(seen == 1);
  const Json json = Json::parse(textx::wire::dump(textx::wire::to_json(textx::wire::DiffReport{&corpus, a, b, &diff, &options})));
  FUZZ_CHECK(rebuild_from_json(json, "a") == da.text);
  FUZZ_CHECK(rebuild_from_json(json, "b") == db.text);
}

// Each row of the table, joined, is its witness; each witness's tokens run left to right; no empty column.
void check_table(const textx::AlignmentTable& table, const std::vector<std::string_view>& witnesses) {
  FUZZ_CHECK(table.tokens.size() == witnesses.size());
  FUZZ_CHECK(table.cells.size() == witnesses.size() * table.columns && table.variant.size() == table.columns);
  for (std::size_t w = 0; w < witnesses.size(); ++w) {
    std::string row;
    std::int32_t next = 0;
    for (std::size_t c = 0; c < table.columns; ++c) {
      const std::int32_t t = table.cell(w, c);
      if (t < 0) continue;
      FUZZ_CHECK(t == next++);
      const textx::TextSpan s = table.tokens[w][static_cast<std::size_t>(t)];
      FUZZ_CHECK(s.start <= s.end && s.end <= witnesses[w].size());
      row.append(witnesses[w].substr(s.start, s.end - s.start));
    }
    FUZZ_CHECK(static_cast<std::size_t>(next) == table.tokens[w].size());
    FUZZ_CHECK(row == witnesses[w]);
  }
  for (std::size_t c = 0; c < table.columns; ++c) {
    bool any = false, all = true;
    for (std::size_t w = 0; w < witnesses.size(); ++w) {
      any = any || table.cell(w, c) >= 0;
      all = all && table.cell(w, c) >= 0;
    }
    FUZZ_CHECK(any);
    FUZZ_CHECK(all || table.variant[c]);  // a column some witness lacks is a variant
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  std::string a_bytes, b_bytes;
  std::uint8_t mode = 0;
  if (nul == std::string_view::npos) {
    a_bytes = input;
    b_bytes = reversed_paragraphs(input);
  } else {
    a_bytes = input.substr(0, nul);
    const std::string_view rest = input.substr(nul + 1);
    const std::size_t second = rest.find('\0');
    b_bytes = rest.substr(0, second);
    if (second != std::string_view::npos && second + 1 < rest.size()) mode = static_cast<std::uint8_t>(rest[second + 1]);
  }

  Corpus corpus;
  const auto a = corpus.add_document({.name = (mode & 32) ? "a.html" : "a.txt"}, a_bytes);
  const auto b = corpus.add_document({.name = "b.txt"}, b_bytes);
  if (!a.ok() || !b.ok()) return 0;  // binary or too large: the decode target's business
  textx::DiffOptions options;
  options.ignore_layout = (mode & 1) == 0;
  options.semantic_cleanup = (mode & 2) == 0;
  if (mode & 4) options.word_diff_steps = 64;
  static constexpr double kThresholds[4][3] = {{0.3, 0.45, 0.8}, {0.01, 0.01, 0.01}, {0.9, 0.95, 0.99}, {1, 1, 1}};
  const auto& t = kThresholds[(mode >> 3) & 3];
  options.min_similarity = t[0];
  options.min_move_similarity = t[1];
  options.min_part_containment = t[2];

  const textx::Result<DocumentDiff> diff = textx::diff_documents(corpus, a.value(), b.value(), options);
  FUZZ_CHECK(diff.ok());
  check_diff(corpus, a.value(), b.value(), diff.value(), options);

  // A document against a copy of itself: nothing changed.
  const auto copy = corpus.add_document({.name = (mode & 32) ? "copy.html" : "copy.txt"}, a_bytes);
  FUZZ_CHECK(copy.ok());
  const textx::Result<DocumentDiff> same = textx::diff_documents(corpus, a.value(), copy.value(), options);
  FUZZ_CHECK(same.ok());
  for (const AlignedPair& pair : same.value().pairs) FUZZ_CHECK(pair.op == textx::PairOp::kEqual);
  check_diff(corpus, a.value(), copy.value(), same.value(), options);

  // Collation of A's first paragraphs with their counterparts in B (and the copy).
  std::vector<DocId> others = {b.value()};
  if (mode & 64) others.push_back(copy.value());
  const std::size_t paragraphs = std::min<std::size_t>(corpus.document(a.value()).paragraphs.size(), 4);
  for (std::uint32_t p = 0; p < paragraphs; ++p) {
    const auto collation = textx::collate_paragraph(corpus, a.value(), p, others, options);
    if (!collation.ok()) {
      FUZZ_CHECK(!collation.error().message.empty());
      continue;
    }
    std::vector<std::string_view> witnesses;
    for (const auto& w : collation.value().witnesses) {
      if (w.count == 0) continue;
      const std::string& text = corpus.document(w.doc).text;
      witnesses.push_back(std::string_view(text).substr(w.span.start, w.span.end - w.span.start));
    }
    check_table(collation.value().table, witnesses);
    (void)textx::wire::dump(textx::wire::to_json(textx::wire::CollationReport{&corpus, &collation.value()}));
  }

  // The two whole texts as witnesses, when short (the alignment is quadratic, bounded by kMaxCollateCells).
  const std::vector<std::string_view> texts = {corpus.document(a.value()).text, corpus.document(b.value()).text};
  if (texts[0].size() > 2048 || texts[1].size() > 2048) return 0;
  const auto table = textx::align_witnesses(texts);
  if (table.ok()) check_table(table.value(), texts);
  else FUZZ_CHECK(table.error().code == "collate.too_long");
  return 0;
}
