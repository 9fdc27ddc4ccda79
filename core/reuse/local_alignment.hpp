#pragma once
// Local alignment (Smith-Waterman) of two token sequences, banded around a range of diagonals: the exact
// boundaries of a shared passage once the shingles have said roughly where it is.
//
// Tokens are compared by key (exact) and by word form (loose). Scores: an exact content word +3, an exact
// stop word +1, a loose match (same word form, both content words) +2, a substitution -1, a word present
// on one side only -2. Content words weigh more so that a run of "of the" does not make a passage.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/index/segment.hpp"
#include "core/reuse/shingle_index.hpp"

namespace textx {

inline constexpr int kScoreExactContent = 3;
inline constexpr int kScoreExactStop = 1;
inline constexpr int kScoreLoose = 2;
inline constexpr int kScoreSubstitution = -1;
inline constexpr int kScoreGap = -2;

// A token of an aligned sequence: its key (or an id past the vocabulary for a word the corpus lacks), its
// word form and whether it is a stop word.
struct AlignToken {
  KeyId key = 0;
  FormId form = 0;
  bool stop = false;
};

// A run of consecutive matched tokens, [begin, end) on each side, all exact or all loose.
struct MatchedRun {
  std::uint32_t source_begin = 0, source_end = 0;
  std::uint32_t target_begin = 0, target_end = 0;
  bool exact = true;
};

struct LocalAlignment {
  int score = 0;
  std::uint32_t source_begin = 0, source_end = 0;  // the aligned stretch, [begin, end)
  std::uint32_t target_begin = 0, target_end = 0;
  std::size_t exact = 0, loose = 0;                // matched token pairs
  std::vector<MatchedRun> runs;                    // in order
};

// Cells (source tokens x band width) one alignment may fill; callers keep windows below it.
inline constexpr std::size_t kMaxAlignmentCells = std::size_t{1} << 23;

// The best local alignment of `source` and `target` whose cells lie on diagonals `target index - source
// index` in [diagonal_low, diagonal_high]. Offsets in the result are indices into the two spans. Score 0
// and no runs when nothing matches. Precondition: source.size() * (diagonal_high - diagonal_low + 1) <=
// kMaxAlignmentCells, diagonal_low <= diagonal_high.
LocalAlignment align_banded(std::span<const AlignToken> source, std::span<const AlignToken> target,
                            std::int64_t diagonal_low, std::int64_t diagonal_high);

// Score of aligning `a` with `b` (one of the constants above).
inline int pair_score(const AlignToken& a, const AlignToken& b) {
  if (a.key == b.key) return a.stop ? kScoreExactStop : kScoreExactContent;
  if (a.form == b.form && !a.stop && !b.stop) return kScoreLoose;
  return kScoreSubstitution;
}

}  // namespace textx
