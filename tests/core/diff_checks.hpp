#pragma once
// What every diff test checks: the diff is lossless, by the invariants the diff fuzz target checks too
// (tests/invariants/diff_invariants.hpp), and the helpers the diff tests share.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/document_diff.hpp"
#include "core/diff/paragraph_features.hpp"
#include "tests/invariants/diff_invariants.hpp"

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

// doctest's REQUIRE as the shared invariants' check (tests/invariants/diff_invariants.hpp).
inline void require(bool ok, const char* what) { REQUIRE_MESSAGE(ok, what); }

// Checks the core result's shape and the JSON rebuild of both documents.
inline void check_lossless(const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff,
                           const DiffOptions& options = {}) {
  invariants::check_lossless(corpus, a, b, diff, options, require);
}

// Checks that each row of a collation table, joined, is its witness.
inline void check_rows(const AlignmentTable& table, const std::vector<std::string_view>& witnesses) {
  invariants::check_alignment_rows(table, witnesses, require);
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
