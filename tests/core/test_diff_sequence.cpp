// The sequence diff (Myers, bounded): always a correct edit script; the shortest one (as long as the
// longest common subsequence, computed naively) while the budget lasts.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "core/diff/sequence_diff.hpp"

namespace {

using textx::DiffBudget;
using textx::EditKind;
using textx::EditRun;

// Length of the longest common subsequence, by the textbook O(nm) table.
std::size_t naive_lcs(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::vector<std::size_t> row(b.size() + 1, 0), next(b.size() + 1, 0);
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) next[j] = a[i] == b[j] ? row[j + 1] + 1 : std::max(row[j], next[j + 1]);
    std::swap(row, next);
  }
  return row[0];
}

// Checks that the runs tile both sequences in order, follow the documented shape, and that their equal
// runs really are equal; returns the number of ids kept.
std::size_t check_script(const std::vector<EditRun>& runs, const std::vector<std::uint32_t>& a,
                         const std::vector<std::uint32_t>& b) {
  std::uint32_t at_a = 0, at_b = 0;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const EditRun& r = runs[k];
    REQUIRE(r.a_begin == at_a);
    REQUIRE(r.b_begin == at_b);
    REQUIRE((r.a_end > r.a_begin || r.b_end > r.b_begin));
    if (k > 0) REQUIRE(runs[k - 1].kind != r.kind);
    if (k > 0 && r.kind == EditKind::kDelete) REQUIRE(runs[k - 1].kind == EditKind::kEqual);
    switch (r.kind) {
      case EditKind::kEqual:
        REQUIRE(r.a_end - r.a_begin == r.b_end - r.b_begin);
        for (std::uint32_t i = 0; i < r.a_end - r.a_begin; ++i) REQUIRE(a[r.a_begin + i] == b[r.b_begin + i]);
        kept += r.a_end - r.a_begin;
        break;
      case EditKind::kDelete: REQUIRE(r.b_end == r.b_begin); break;
      case EditKind::kInsert: REQUIRE(r.a_end == r.a_begin); break;
    }
    at_a = r.a_end;
    at_b = r.b_end;
  }
  REQUIRE(at_a == a.size());
  REQUIRE(at_b == b.size());
  return kept;
}

std::vector<std::uint32_t> random_sequence(std::mt19937& rng, std::size_t max_size, std::uint32_t alphabet) {
  std::vector<std::uint32_t> v(std::uniform_int_distribution<std::size_t>(0, max_size)(rng));
  for (auto& x : v) x = std::uniform_int_distribution<std::uint32_t>(0, alphabet - 1)(rng);
  return v;
}

// A copy of `a` with a few random deletions, insertions and replacements.
std::vector<std::uint32_t> edited(std::mt19937& rng, const std::vector<std::uint32_t>& a, int edits,
                                  std::uint32_t alphabet) {
  std::vector<std::uint32_t> b = a;
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, b.size())(rng);
    const std::uint32_t id = std::uniform_int_distribution<std::uint32_t>(0, alphabet - 1)(rng);
    switch (rng() % 3) {
      case 0: b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), id); break;
      case 1: if (at < b.size()) b.erase(b.begin() + static_cast<std::ptrdiff_t>(at)); break;
      default: if (at < b.size()) b[at] = id; break;
    }
  }
  return b;
}

}  // namespace

TEST_CASE("sequence diff: hand-worked scripts") {
  DiffBudget budget(1'000'000);
  const std::vector<std::uint32_t> empty, abc{1, 2, 3}, axc{1, 9, 3};
  CHECK(textx::diff_sequences(empty, empty, budget).empty());
  const auto inserted = textx::diff_sequences(empty, abc, budget);
  REQUIRE(inserted.size() == 1);
  CHECK(inserted[0].kind == EditKind::kInsert);
  const auto same = textx::diff_sequences(abc, abc, budget);
  REQUIRE(same.size() == 1);
  CHECK(same[0].kind == EditKind::kEqual);
  const auto replaced = textx::diff_sequences(abc, axc, budget);
  REQUIRE(replaced.size() == 4);  // equal 1, delete 2, insert 9, equal 3
  CHECK(replaced[1].kind == EditKind::kDelete);
  CHECK(replaced[1].a_begin == 1);
  CHECK(replaced[2].kind == EditKind::kInsert);
  CHECK(replaced[2].b_begin == 1);
  CHECK(!budget.fell_back());
}

TEST_CASE("sequence diff: shortest script on random sequences, cross-checked with a naive LCS") {
  std::mt19937 rng(20240605);
  for (int round = 0; round < 600; ++round) {
    const std::uint32_t alphabet = 1 + static_cast<std::uint32_t>(round % 7) * 3;
    const auto a = random_sequence(rng, 60, alphabet);
    const auto b = round % 2 ? random_sequence(rng, 60, alphabet) : edited(rng, a, round % 9, alphabet);
    DiffBudget budget(10'000'000);
    const std::size_t kept = check_script(textx::diff_sequences(a, b, budget), a, b);
    CHECK(!budget.fell_back());
    CHECK(kept == naive_lcs(a, b));
  }
}

TEST_CASE("sequence diff: a spent budget still gives a correct script, anchored on unique ids") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    const auto a = random_sequence(rng, 300, 400);
    const auto b = edited(rng, a, 40, 400);
    DiffBudget budget(static_cast<std::uint64_t>(round % 4) * 50);
    const std::size_t kept = check_script(textx::diff_sequences(a, b, budget), a, b);
    CHECK(kept <= naive_lcs(a, b));
  }
  // Unique ids with a few edits: the anchors alone recover nearly everything.
  std::vector<std::uint32_t> a(5000);
  for (std::uint32_t i = 0; i < a.size(); ++i) a[i] = i;
  std::vector<std::uint32_t> b = a;
  b.erase(b.begin() + 100);
  b[2000] = 999999;
  b.insert(b.begin() + 4000, 888888);
  DiffBudget none(0);
  const std::size_t kept = check_script(textx::diff_sequences(a, b, none), a, b);
  CHECK(none.fell_back());
  CHECK(kept == 4998);
}

TEST_CASE("sequence diff: two long sequences with nothing in common stay linear") {
  std::vector<std::uint32_t> a(200000, 1), b(200000, 2);
  DiffBudget budget(1'000'000);
  const auto runs = textx::diff_sequences(a, b, budget);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].kind == EditKind::kDelete);
  CHECK(runs[1].kind == EditKind::kInsert);
}
