#pragma once
// Which paragraphs of two documents correspond: the alignment behind a document diff (docs/diff.md).
//
//  1. In order: the chain of candidate pairs (similarity >= min_similarity) that never cross — a pair
//     (i, j) followed only by pairs (i', j') with i' > i and j' > j — of greatest total weight, where a
//     pair weighs its similarity squared (one close pair outweighs two loose ones crossing it: 0.9² = 0.81
//     > 2 × 0.6² = 0.72) plus 0.001 for identical text. Dynamic programming over the sparse candidates,
//     O(P log n) with a Fenwick tree of prefix maxima.
//  2. Split and merged, next to the pairs found: a paragraph of the first document paired with B[j] also
//     takes B[j+1], B[j+2]… (or B[j-1]…) while they are unpaired, each has at least min_part_containment
//     of its words (by weight) among the words of the whole not yet matched by the parts before it, and the
//     similarity of the whole with the joined parts grows; likewise the other way round (merged).
//  3. Split and merged, between the pairs: within each stretch of unpaired paragraphs (if it is no bigger
//     than max_gap_pairs), a paragraph and a run of at least two consecutive paragraphs on the other side
//     that pass the same containment test and reach min_similarity together; the most similar first.
//  4. Moved: among paragraphs still unpaired on both sides, candidate pairs with similarity >=
//     min_move_similarity, most similar first; one that fits between the pairs in order (possible when
//     min_move_similarity < min_similarity) joins them instead.
#include <cstdint>
#include <span>
#include <vector>

#include "core/diff/diff_options.hpp"
#include "core/diff/paragraph_features.hpp"

namespace textx {

// Paragraphs [a_first, a_first + a_count) of the first document correspond to [b_first, b_first + b_count)
// of the second; one of the counts is 1.
struct ParagraphLink {
  std::uint32_t a_first = 0;
  std::uint32_t a_count = 1;
  std::uint32_t b_first = 0;
  std::uint32_t b_count = 1;
  double similarity = 0;
  bool same_text = false;  // a one-to-one pair with identical text (see same_text())
  bool moved = false;      // found by step 4, out of order
};

// The links, by a_first. `a` and `b` weighed with `weights` (rarity_weights). `candidates`: similar pairs (similar_pairs(), with same_text filled in) at the
// lower of the two thresholds, and pairs of identical paragraphs without words.
std::vector<ParagraphLink> align_paragraphs(const ParagraphFeatures& a, const ParagraphFeatures& b,
                                            const std::vector<double>& weights,
                                            std::span<const SimilarPair> candidates, const DiffOptions& options);

}  // namespace textx
