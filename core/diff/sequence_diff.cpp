#include "core/diff/sequence_diff.hpp"

#include <algorithm>
#include <cmath>

namespace textx {
namespace {

// Nested anchored alignments allowed before a stretch is reported as one deletion and one insertion.
constexpr int kMaxFallbackDepth = 4;
// Longer problems (ids on both sides) may spend only this many steps per id in one bisection before they
// are cut at unique ids instead: Myers' algorithm on millions of ids with many differences would otherwise
// spend the whole budget before falling back to the same thing, while a few differences cost it little.
constexpr std::uint32_t kLongProblemSize = 1u << 16;
constexpr std::uint64_t kLongProblemStepsPerId = 32;

class Differ {
 public:
  Differ(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, DiffBudget& budget)
      : a_(a), b_(b), budget_(budget) {}

  std::vector<EditRun> run() {
    diff(0, static_cast<std::uint32_t>(a_.size()), 0, static_cast<std::uint32_t>(b_.size()), 0);
    return normalized();
  }

 private:
  void emit(EditKind kind, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    if (a0 == a1 && b0 == b1) return;
    runs_.push_back({kind, a0, a1, b0, b1});
  }

  void diff(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1, int depth) {
    // Trim off common prefix and suffix (speedup, and the bisection needs differing ends).
    std::uint32_t prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && a_[a0 + prefix] == b_[b0 + prefix]) ++prefix;
    emit(EditKind::kEqual, a0, a0 + prefix, b0, b0 + prefix);
    a0 += prefix;
    b0 += prefix;
    std::uint32_t suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 && a_[a1 - suffix - 1] == b_[b1 - suffix - 1]) ++suffix;
    const std::uint32_t a_mid = a1 - suffix, b_mid = b1 - suffix;

    if (a0 == a_mid) {
      emit(EditKind::kInsert, a0, a0, b0, b_mid);
    } else if (b0 == b_mid) {
      emit(EditKind::kDelete, a0, a_mid, b0, b0);
    } else {
      std::uint32_t x = 0, y = 0;
      switch (bisect(a0, a_mid, b0, b_mid, x, y)) {
        case Bisection::kSplit:
          diff(a0, x, b0, y, depth);
          diff(x, a_mid, y, b_mid, depth);
          break;
        case Bisection::kNothingShared:
          emit(EditKind::kDelete, a0, a_mid, b0, b0);
          emit(EditKind::kInsert, a_mid, a_mid, b0, b_mid);
          break;
        case Bisection::kOverBudget:
          anchored(a0, a_mid, b0, b_mid, depth);
          break;
      }
    }
    emit(EditKind::kEqual, a_mid, a1, b_mid, b1);
  }

  enum class Bisection { kSplit, kNothingShared, kOverBudget };

  // Finds the middle snake of a[a0, a1) and b[b0, b1) (both non-empty, first and last ids differing) and
  // sets (x, y) to a point on it where the problem splits in two. kNothingShared when the search ends
  // without one (the sequences have no id in common); kOverBudget when the budget runs out first.
  Bisection bisect(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1, std::uint32_t& x,
              std::uint32_t& y) {
    const std::int64_t n = a1 - a0, m = b1 - b0;
    const std::int64_t max_d = (n + m + 1) / 2;
    std::uint64_t allowed = budget_.remaining();
    if (n + m > kLongProblemSize) allowed = std::min(allowed, kLongProblemStepsPerId * static_cast<std::uint64_t>(n + m));
    // Exploring d levels visits about 2d^2 diagonals: cap d (and so the memory) by what may be spent.
    const auto affordable = static_cast<std::int64_t>(std::sqrt(static_cast<double>(allowed) / 2)) + 1;
    const std::int64_t d_cap = std::min(max_d, affordable);
    const std::int64_t offset = d_cap + 1;
    const std::int64_t length = 2 * d_cap + 3;
    forward_.assign(static_cast<std::size_t>(length), -1);
    reverse_.assign(static_cast<std::size_t>(length), -1);
    forward_[offset + 1] = 0;
    reverse_[offset + 1] = 0;
    const std::int64_t delta = n - m;
    const bool front = (delta & 1) != 0;  // odd delta: the forward path meets the reverse one
    std::int64_t k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    const std::uint32_t* a = a_.data() + a0;
    const std::uint32_t* b = b_.data() + b0;
    for (std::int64_t d = 0; d < d_cap; ++d) {
      std::uint64_t steps = 0;
      // Walk the forward path one step.
      for (std::int64_t k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const std::int64_t k1_offset = offset + k1;
        std::int64_t x1 = (k1 == -d || (k1 != d && forward_[k1_offset - 1] < forward_[k1_offset + 1]))
                              ? forward_[k1_offset + 1]
                              : forward_[k1_offset - 1] + 1;
        std::int64_t y1 = x1 - k1;
        const std::int64_t snake_start = x1;
        while (x1 < n && y1 < m && a[x1] == b[y1]) ++x1, ++y1;
        steps += 1 + static_cast<std::uint64_t>(x1 - snake_start);
        forward_[k1_offset] = x1;
        if (x1 > n) {
          k1_end += 2;  // ran off the right of the graph
        } else if (y1 > m) {
          k1_start += 2;  // ran off the bottom of the graph
        } else if (front) {
          const std::int64_t k2_offset = offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < length && reverse_[k2_offset] != -1 && x1 >= n - reverse_[k2_offset]) {
            x = a0 + static_cast<std::uint32_t>(x1);
            y = b0 + static_cast<std::uint32_t>(y1);
            budget_.spend(steps);
            return Bisection::kSplit;
          }
        }
      }
      // Walk the reverse path one step.
      for (std::int64_t k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const std::int64_t k2_offset = offset + k2;
        std::int64_t x2 = (k2 == -d || (k2 != d && reverse_[k2_offset - 1] < reverse_[k2_offset + 1]))
                              ? reverse_[k2_offset + 1]
                              : reverse_[k2_offset - 1] + 1;
        std::int64_t y2 = x2 - k2;
        const std::int64_t snake_start = x2;
        while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1]) ++x2, ++y2;
        steps += 1 + static_cast<std::uint64_t>(x2 - snake_start);
        reverse_[k2_offset] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!front) {
          const std::int64_t k1_offset = offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < length && forward_[k1_offset] != -1) {
            const std::int64_t x1 = forward_[k1_offset];
            const std::int64_t y1 = offset + x1 - k1_offset;
            if (x1 >= n - x2) {
              x = a0 + static_cast<std::uint32_t>(x1);
              y = b0 + static_cast<std::uint32_t>(y1);
              budget_.spend(steps);
            return Bisection::kSplit;
            }
          }
        }
      }
      if (steps > allowed || !budget_.spend(steps)) return Bisection::kOverBudget;
      allowed -= steps;
    }
    return d_cap == max_d ? Bisection::kNothingShared : Bisection::kOverBudget;
  }

  // The fallback when the budget is spent: aligns on unique ids, or reports the stretch as one deletion
  // and one insertion when there are none.
  void anchored(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1, int depth) {
    budget_.note_fallback();
    if (depth < kMaxFallbackDepth && split_on_anchors(a0, a1, b0, b1, depth)) return;
    emit(EditKind::kDelete, a0, a1, b0, b0);
    emit(EditKind::kInsert, a1, a1, b0, b1);
  }

  // Aligns a[a0, a1) and b[b0, b1) on the ids occurring exactly once in each (the longest chain of them in
  // the same order) and diffs the stretches between them; false, doing nothing, when there are none.
  bool split_on_anchors(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1, int depth) {
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> anchors = unique_anchors(a0, a1, b0, b1);
    if (anchors.empty()) return false;
    std::uint32_t a_at = a0, b_at = b0;
    for (const auto& [pa, pb] : anchors) {
      diff(a_at, pa, b_at, pb, depth + 1);
      emit(EditKind::kEqual, pa, pa + 1, pb, pb + 1);
      a_at = pa + 1;
      b_at = pb + 1;
    }
    diff(a_at, a1, b_at, b1, depth + 1);
    return true;
  }

  // Ids occurring once in a[a0, a1) and once in b[b0, b1), as position pairs: the longest chain increasing
  // on both sides (patience sorting), in order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> unique_anchors(std::uint32_t a0, std::uint32_t a1,
                                                                      std::uint32_t b0, std::uint32_t b1) const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::uint32_t max_id = 0;
    for (std::uint32_t i = a0; i < a1; ++i) max_id = std::max(max_id, a_[i]);
    for (std::uint32_t j = b0; j < b1; ++j) max_id = std::max(max_id, b_[j]);
    const std::uint64_t size = std::uint64_t{a1 - a0} + (b1 - b0);
    if (max_id < 4 * size + 1024) {
      // Dense ids (word diffs): count in arrays, no sorting.
      std::vector<std::uint32_t> count_a(max_id + 1, 0), count_b(max_id + 1, 0), at_a(max_id + 1), at_b(max_id + 1);
      for (std::uint32_t i = a0; i < a1; ++i) ++count_a[a_[i]], at_a[a_[i]] = i;
      for (std::uint32_t j = b0; j < b1; ++j) ++count_b[b_[j]], at_b[b_[j]] = j;
      for (std::uint32_t i = a0; i < a1; ++i)
        if (count_a[a_[i]] == 1 && count_b[a_[i]] == 1) pairs.emplace_back(i, at_b[a_[i]]);
    } else {
      const auto sorted_ids = [](std::span<const std::uint32_t> seq, std::uint32_t from, std::uint32_t to) {
        std::vector<std::uint64_t> v;
        v.reserve(to - from);
        for (std::uint32_t i = from; i < to; ++i) v.push_back(std::uint64_t{seq[i]} << 32 | i);
        std::sort(v.begin(), v.end());
        return v;
      };
      const std::vector<std::uint64_t> sa = sorted_ids(a_, a0, a1), sb = sorted_ids(b_, b0, b1);
      std::size_t i = 0, j = 0;
      while (i < sa.size() && j < sb.size()) {
        const std::uint64_t ida = sa[i] >> 32, idb = sb[j] >> 32;
        if (ida < idb) {
          ++i;
        } else if (idb < ida) {
          ++j;
        } else {
          std::size_t i_end = i, j_end = j;
          while (i_end < sa.size() && (sa[i_end] >> 32) == ida) ++i_end;
          while (j_end < sb.size() && (sb[j_end] >> 32) == ida) ++j_end;
          if (i_end - i == 1 && j_end - j == 1)
            pairs.emplace_back(static_cast<std::uint32_t>(sa[i]), static_cast<std::uint32_t>(sb[j]));
          i = i_end;
          j = j_end;
        }
      }
      std::sort(pairs.begin(), pairs.end());
    }
    // Longest increasing subsequence of the b positions.
    std::vector<std::size_t> tails, previous(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      const auto at = std::lower_bound(tails.begin(), tails.end(), pairs[k].second,
                                       [&](std::size_t t, std::uint32_t pb) { return pairs[t].second < pb; });
      previous[k] = at == tails.begin() ? static_cast<std::size_t>(-1) : *(at - 1);
      if (at == tails.end()) tails.push_back(k);
      else *at = k;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> chain;
    for (std::size_t k = tails.empty() ? static_cast<std::size_t>(-1) : tails.back(); k != static_cast<std::size_t>(-1);
         k = previous[k])
      chain.push_back(pairs[k]);
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  // Merges adjacent runs of one kind and puts each stretch between equal runs as one deletion then one
  // insertion.
  std::vector<EditRun> normalized() const {
    std::vector<EditRun> out;
    std::uint32_t a_at = 0, b_at = 0;        // start of the pending stretch of edits
    std::uint32_t a_edit = 0, b_edit = 0;    // its end
    bool pending = false;
    const auto flush = [&] {
      if (!pending) return;
      if (a_edit > a_at) out.push_back({EditKind::kDelete, a_at, a_edit, b_at, b_at});
      if (b_edit > b_at) out.push_back({EditKind::kInsert, a_edit, a_edit, b_at, b_edit});
      pending = false;
    };
    for (const EditRun& run : runs_) {
      if (run.kind == EditKind::kEqual) {
        flush();
        if (!out.empty() && out.back().kind == EditKind::kEqual && out.back().a_end == run.a_begin) {
          out.back().a_end = run.a_end;
          out.back().b_end = run.b_end;
        } else {
          out.push_back(run);
        }
        continue;
      }
      if (!pending) {
        a_at = a_edit = run.a_begin;
        b_at = b_edit = run.b_begin;
        pending = true;
      }
      a_edit = run.a_end;
      b_edit = run.b_end;
    }
    flush();
    return out;
  }

  std::span<const std::uint32_t> a_, b_;
  DiffBudget& budget_;
  std::vector<EditRun> runs_;
  std::vector<std::int64_t> forward_, reverse_;
};

}  // namespace

std::vector<EditRun> diff_sequences(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                    DiffBudget& budget) {
  return Differ(a, b, budget).run();
}

}  // namespace textx
