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
#include "tests/invariants/diff_invariants.hpp"

namespace {

using textx::AlignedPair;
using textx::Corpus;
using textx::DocId;
using textx::DocumentDiff;

// B made from A: its paragraphs (as the core cuts them, on blank lines) in reverse order.
std::string reversed_paragraphs(std::string_view text) {
  const std::vector<std::string_view> parts = textx::fuzz::split(text, "\n\n");
  std::string out;
  for (std::size_t i = parts.size(); i-- > 0;) {
    out.append(parts[i]);
    if (i) out.append("\n\n");
  }
  return out;
}

// FUZZ_CHECK as the shared invariants' check: a failure aborts, and libFuzzer saves the input.
void fuzz_check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz/diff.cpp: fuzz check failed: %s\n", what);
    std::abort();
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
  textx::invariants::check_lossless(corpus, a.value(), b.value(), diff.value(), options, fuzz_check);

  // A document against a copy of itself: nothing changed.
  const auto copy = corpus.add_document({.name = (mode & 32) ? "copy.html" : "copy.txt"}, a_bytes);
  FUZZ_CHECK(copy.ok());
  const textx::Result<DocumentDiff> same = textx::diff_documents(corpus, a.value(), copy.value(), options);
  FUZZ_CHECK(same.ok());
  for (const AlignedPair& pair : same.value().pairs) FUZZ_CHECK(pair.op == textx::PairOp::kEqual);
  textx::invariants::check_lossless(corpus, a.value(), copy.value(), same.value(), options, fuzz_check);

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
    textx::invariants::check_alignment_rows(collation.value().table, witnesses, fuzz_check);
    (void)textx::wire::dump(textx::wire::to_json(textx::wire::CollationReport{&corpus, &collation.value()}));
  }

  // The two whole texts as witnesses, when short (the alignment is quadratic, bounded by kMaxCollateCells).
  const std::vector<std::string_view> texts = {corpus.document(a.value()).text, corpus.document(b.value()).text};
  if (texts[0].size() > 2048 || texts[1].size() > 2048) return 0;
  const auto table = textx::align_witnesses(texts);
  if (table.ok()) textx::invariants::check_alignment_rows(table.value(), texts, fuzz_check);
  else FUZZ_CHECK(table.error().code == "collate.too_long");
  return 0;
}
