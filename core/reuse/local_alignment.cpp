#include "core/reuse/local_alignment.hpp"

#include <algorithm>

namespace textx {
namespace {

enum Step : std::uint8_t { kStart = 0, kDiagonal = 1, kUp = 2, kLeft = 3 };

}  // namespace

LocalAlignment align_banded(std::span<const AlignToken> source, std::span<const AlignToken> target,
                            std::int64_t diagonal_low, std::int64_t diagonal_high) {
  LocalAlignment best;
  const auto rows = static_cast<std::int64_t>(source.size());
  const auto columns = static_cast<std::int64_t>(target.size());
  const std::int64_t width = diagonal_high - diagonal_low + 1;
  if (rows == 0 || columns == 0 || width <= 0) return best;
  // Band cell b of row i is column j = i + diagonal_low + b. Diagonal moves stay in b, a step down (source
  // token against nothing) comes from b + 1 of the row above, a step right from b - 1 of the same row.
  std::vector<int> previous(static_cast<std::size_t>(width) + 2, 0), current(previous.size(), 0);
  std::vector<std::uint8_t> steps(static_cast<std::size_t>(rows * width), kStart);
  std::int64_t best_row = -1, best_cell = -1;
  for (std::int64_t i = 0; i < rows; ++i) {
    const std::int64_t first_column = i + diagonal_low;
    // Only cells whose column is in [0, columns) exist; others stay 0 (where no alignment passes).
    const std::int64_t b_begin = std::max<std::int64_t>(0, -first_column);
    const std::int64_t b_end = std::min<std::int64_t>(width, columns - first_column);
    std::fill(current.begin(), current.end(), 0);
    std::uint8_t* row_steps = steps.data() + i * width;
    for (std::int64_t b = b_begin; b < b_end; ++b) {
      const std::int64_t j = first_column + b;
      // current/previous are offset by one so that b - 1 and b + 1 stay inside.
      const int diagonal = previous[static_cast<std::size_t>(b + 1)] + pair_score(source[i], target[j]);
      const int up = previous[static_cast<std::size_t>(b + 2)] + kScoreGap;
      const int left = current[static_cast<std::size_t>(b)] + kScoreGap;
      int h = 0;
      std::uint8_t step = kStart;
      if (diagonal > h) h = diagonal, step = kDiagonal;
      if (up > h) h = up, step = kUp;
      if (left > h) h = left, step = kLeft;
      current[static_cast<std::size_t>(b + 1)] = h;
      row_steps[b] = step;
      if (h > best.score) {
        best.score = h;
        best_row = i;
        best_cell = b;
      }
    }
    std::swap(previous, current);
  }
  if (best.score == 0) return best;

  // Trace back from the best cell to where the alignment began, collecting matched pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> matched;  // (source, target), backwards
  std::vector<bool> matched_exact;
  std::int64_t i = best_row, b = best_cell;
  std::int64_t first_i = i, first_j = i + diagonal_low + b;
  while (i >= 0 && b >= 0 && b < width) {
    const std::uint8_t step = steps[static_cast<std::size_t>(i * width + b)];
    if (step == kStart) break;
    const std::int64_t j = i + diagonal_low + b;
    first_i = i;
    first_j = j;
    if (step == kDiagonal) {
      const int s = pair_score(source[i], target[j]);
      if (s > 0) {
        matched.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
        matched_exact.push_back(source[i].key == target[j].key);
      }
      --i;
    } else if (step == kUp) {
      --i;
      ++b;
    } else {
      --b;
    }
  }
  best.source_begin = static_cast<std::uint32_t>(first_i);
  best.target_begin = static_cast<std::uint32_t>(first_j);
  best.source_end = static_cast<std::uint32_t>(best_row + 1);
  best.target_end = static_cast<std::uint32_t>(best_row + diagonal_low + best_cell + 1);
  // Runs of consecutive pairs of one kind, in text order.
  for (std::size_t k = matched.size(); k-- > 0;) {
    const auto [s, t] = matched[k];
    const bool exact = matched_exact[k];
    (exact ? best.exact : best.loose)++;
    if (!best.runs.empty()) {
      MatchedRun& last = best.runs.back();
      if (last.exact == exact && last.source_end == s && last.target_end == t) {
        ++last.source_end;
        ++last.target_end;
        continue;
      }
    }
    best.runs.push_back({s, s + 1, t, t + 1, exact});
  }
  return best;
}

}  // namespace textx
