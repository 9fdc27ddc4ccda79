#pragma once
// The thresholds and bounds of a document diff (docs/diff.md explains each and how the defaults were chosen).
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/error.hpp"

namespace textx {

struct DiffOptions {
  // Similarity of two paragraphs: the Dice coefficient of their words as multisets (case and diacritics
  // ignored), each word weighed by its rarity in the two documents (rarity_weights in
  // paragraph_features.hpp): 2 × weight shared / (weight of one + weight of the other), from 0 (no word in
  // common) to 1 (the same words, as often).

  // Least similarity for two paragraphs to be paired where they stand (equal or changed). Their place in
  // both documents is evidence too, so it can be low.
  double min_similarity = 0.3;
  // Least similarity for a paragraph left over by the in-order alignment to be paired with one elsewhere
  // (moved): without the support of its place, it needs more words in common.
  double min_move_similarity = 0.45;
  // Split and merged: least share of a part's words (after the parts before it) found in the whole.
  double min_part_containment = 0.8;
  // Any run of whitespace matches any other: a re-wrapped paragraph is equal, not changed.
  bool ignore_layout = true;
  // Word diffs read like an editor's marks (word_diff.hpp); off, they are the raw shortest edit scripts.
  bool semantic_cleanup = true;

  // Bounds that keep any input near-linear (each is documented with its effect in docs/diff.md).
  std::size_t max_candidates = 16;      // most counterparts considered per paragraph of the first document
  std::size_t max_posting_scan = 100;   // most paragraphs looked at per shared word
  std::size_t max_gap_pairs = 40000;    // largest stretch (paragraphs of A × of B) searched for splits/merges
  std::uint64_t word_diff_steps = 0;    // Myers steps for all word diffs; 0: 2^22 + 128 per word token
};

// An Error (code "options.diff") when a threshold lies outside (0, 1] or a bound is zero; nullopt when the
// options are usable.
std::optional<Error> check_diff_options(const DiffOptions& options);

}  // namespace textx
