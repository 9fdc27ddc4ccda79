#include "core/diff/paragraph_alignment.hpp"

#include <algorithm>

namespace textx {
namespace {

constexpr std::int32_t kUnlinked = -1;
constexpr double kSameTextBonus = 0.001;

using Bag = std::vector<KeyCount>;

Bag bag_sum(std::span<const KeyCount> x, std::span<const KeyCount> y) {
  Bag out;
  out.reserve(x.size() + y.size());
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (j == y.size() || (i < x.size() && x[i].key < y[j].key)) {
      out.push_back(x[i++]);
    } else if (i == x.size() || y[j].key < x[i].key) {
      out.push_back(y[j++]);
    } else {
      out.push_back({x[i].key, x[i].count + y[j].count});
      ++i, ++j;
    }
  }
  return out;
}

// x minus y, as multisets (counts never below zero).
Bag bag_difference(std::span<const KeyCount> x, std::span<const KeyCount> y) {
  Bag out;
  out.reserve(x.size());
  std::size_t j = 0;
  for (const KeyCount& kc : x) {
    while (j < y.size() && y[j].key < kc.key) ++j;
    const std::uint32_t taken = j < y.size() && y[j].key == kc.key ? std::min(kc.count, y[j].count) : 0;
    if (kc.count > taken) out.push_back({kc.key, kc.count - taken});
  }
  return out;
}

bool crossing_or_overlapping(const ParagraphLink& x, const ParagraphLink& y) {
  const bool x_first = x.a_first + x.a_count <= y.a_first && x.b_first + x.b_count <= y.b_first;
  const bool y_first = y.a_first + y.a_count <= x.a_first && y.b_first + y.b_count <= x.b_first;
  return !x_first && !y_first;
}

// One paragraph (the whole) and a run of consecutive paragraphs on the other side (its parts).
struct Run {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  double similarity = 0;
};

class Aligner {
 public:
  Aligner(const ParagraphFeatures& a, const ParagraphFeatures& b, const std::vector<double>& weights,
          const DiffOptions& options)
      : a_(a),
        b_(b),
        weights_(weights),
        options_(options),
        a_link_(a.size(), kUnlinked),
        b_link_(b.size(), kUnlinked),
        counts_(weights.size(), 0) {}

  std::vector<ParagraphLink> run(std::span<const SimilarPair> candidates) {
    align_in_order(candidates);
    extend_links();
    search_gaps();
    find_moves(candidates);
    std::sort(links_.begin(), links_.end(),
              [](const ParagraphLink& x, const ParagraphLink& y) { return x.a_first < y.a_first; });
    return std::move(links_);
  }

 private:
  void add_link(const ParagraphLink& link) {
    const auto id = static_cast<std::int32_t>(links_.size());
    for (std::uint32_t i = 0; i < link.a_count; ++i) a_link_[link.a_first + i] = id;
    for (std::uint32_t j = 0; j < link.b_count; ++j) b_link_[link.b_first + j] = id;
    links_.push_back(link);
  }

  static double weight(const SimilarPair& p) {
    return p.similarity * p.similarity + (p.same_text ? kSameTextBonus : 0.0);
  }

  // Step 1: the heaviest chain of non-crossing pairs.
  void align_in_order(std::span<const SimilarPair> candidates) {
    std::vector<SimilarPair> points;
    for (const SimilarPair& p : candidates)
      if (p.similarity + 1e-12 >= options_.min_similarity || p.same_text) points.push_back(p);
    // By a, and within one paragraph of a by descending b, so that no two pairs of one row chain.
    std::sort(points.begin(), points.end(),
              [](const SimilarPair& x, const SimilarPair& y) { return x.a != y.a ? x.a < y.a : x.b > y.b; });
    struct Best {
      double value = 0;
      std::int64_t point = -1;
    };
    std::vector<Best> tree(b_.size() + 1);  // Fenwick tree of prefix maxima over b + 1
    std::vector<std::int64_t> previous(points.size(), -1);
    Best overall;
    for (std::size_t k = 0; k < points.size(); ++k) {
      Best before;
      for (std::size_t pos = points[k].b; pos > 0; pos -= pos & (~pos + 1))
        if (tree[pos].value > before.value) before = tree[pos];
      const Best here{before.value + weight(points[k]), static_cast<std::int64_t>(k)};
      previous[k] = before.point;
      for (std::size_t pos = points[k].b + 1; pos < tree.size(); pos += pos & (~pos + 1))
        if (here.value > tree[pos].value) tree[pos] = here;
      if (here.value > overall.value) overall = here;
    }
    std::vector<std::size_t> chain;
    for (std::int64_t k = overall.point; k >= 0; k = previous[static_cast<std::size_t>(k)])
      chain.push_back(static_cast<std::size_t>(k));
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const SimilarPair& p = points[*it];
      add_link({p.a, 1, p.b, 1, p.similarity, p.same_text, false});
    }
  }

  // The parts so far of a split or merge, and what is left of the whole.
  struct Parts {
    Bag joined;
    double joined_weight = 0;
    Bag left;
  };

  // Grows `run` over the unlinked paragraphs of `parts` (each with words) from `next` on (stepping by `step`,
  // +1 or −1) while each passes the containment test against what is left of `whole` and raises the
  // similarity.
  void grow(const ParagraphFeatures& parts, const std::vector<std::int32_t>& parts_link,
            std::span<const KeyCount> whole, double whole_weight, std::int64_t next, int step, Parts& so_far,
            Run& run) const {
    for (; next >= 0 && next < static_cast<std::int64_t>(parts.size()); next += step) {
      const auto p = static_cast<std::size_t>(next);
      if (parts_link[p] != kUnlinked || parts.words(p) == 0) break;
      if (shared_weight(so_far.left, parts.bag(p), weights_) < options_.min_part_containment * parts.weight(p) * (1 - 1e-9))
        break;
      Bag more = bag_sum(so_far.joined, parts.bag(p));
      const double similarity =
          dice(shared_weight(whole, more, weights_), whole_weight, so_far.joined_weight + parts.weight(p));
      if (similarity <= run.similarity) break;
      so_far.left = bag_difference(so_far.left, parts.bag(p));
      so_far.joined = std::move(more);
      so_far.joined_weight += parts.weight(p);
      run.similarity = similarity;
      ++run.count;
      if (step < 0) run.first = static_cast<std::uint32_t>(p);
    }
  }

  // Starting from the one-to-one pair whole ↔ parts[first], the best run of parts around it.
  Run extend(const ParagraphFeatures& whole_side, std::uint32_t whole, const ParagraphFeatures& parts,
             const std::vector<std::int32_t>& parts_link, std::uint32_t first, double similarity) const {
    Run run{first, 1, similarity};
    if (whole_side.words(whole) == 0 || parts.words(first) == 0) return run;
    const std::span<const KeyCount> bag = whole_side.bag(whole);
    Parts so_far{Bag(parts.bag(first).begin(), parts.bag(first).end()), parts.weight(first), {}};
    so_far.left = bag_difference(bag, so_far.joined);
    grow(parts, parts_link, bag, whole_side.weight(whole), std::int64_t{first} + 1, +1, so_far, run);
    grow(parts, parts_link, bag, whole_side.weight(whole), std::int64_t{first} - 1, -1, so_far, run);
    return run;
  }

  // Step 2: splits and merges next to the one-to-one pairs.
  void extend_links() {
    for (std::size_t id = 0; id < links_.size(); ++id) {
      ParagraphLink& link = links_[id];
      const Run split = extend(a_, link.a_first, b_, b_link_, link.b_first, link.similarity);
      const Run merge = extend(b_, link.b_first, a_, a_link_, link.a_first, link.similarity);
      if (split.count > 1 && (merge.count == 1 || split.similarity >= merge.similarity)) {
        link.b_first = split.first;
        link.b_count = split.count;
        link.similarity = split.similarity;
      } else if (merge.count > 1) {
        link.a_first = merge.first;
        link.a_count = merge.count;
        link.similarity = merge.similarity;
      } else {
        continue;
      }
      link.same_text = false;
      for (std::uint32_t i = 0; i < link.a_count; ++i) a_link_[link.a_first + i] = static_cast<std::int32_t>(id);
      for (std::uint32_t j = 0; j < link.b_count; ++j) b_link_[link.b_first + j] = static_cast<std::int32_t>(id);
    }
  }

  // The best run of at least two parts in [from, to) for `whole`, or a run of count 0.
  Run best_run(const ParagraphFeatures& whole_side, std::uint32_t whole, const ParagraphFeatures& parts,
               const std::vector<std::int32_t>& parts_link, std::uint32_t from, std::uint32_t to) const {
    Run best;
    if (whole_side.words(whole) == 0) return best;
    const std::span<const KeyCount> bag = whole_side.bag(whole);
    // The whole's key counts, so that testing each start is one pass over its bag.
    for (const KeyCount& kc : bag) counts_[kc.key] = kc.count;
    std::vector<double> shared_with(to - from, 0.0);
    for (std::uint32_t start = from; start < to; ++start)
      for (const KeyCount& kc : parts.bag(start)) shared_with[start - from] += std::min(counts_[kc.key], kc.count) * weights_[kc.key];
    for (const KeyCount& kc : bag) counts_[kc.key] = 0;
    for (std::uint32_t start = from; start + 1 < to; ++start) {
      if (parts.words(start) == 0 || parts_link[start] != kUnlinked) continue;
      const double shared = shared_with[start - from];
      if (shared < options_.min_part_containment * parts.weight(start) * (1 - 1e-9)) continue;
      Parts so_far{Bag(parts.bag(start).begin(), parts.bag(start).end()), parts.weight(start), {}};
      so_far.left = bag_difference(bag, so_far.joined);
      Run run{start, 1, dice(shared, whole_side.weight(whole), parts.weight(start))};
      grow(parts, parts_link, bag, whole_side.weight(whole), std::int64_t{start} + 1, +1, so_far, run);
      if (run.first + run.count > to) continue;  // grew out of the stretch (cannot: the next link bounds it)
      if (run.count >= 2 && run.similarity + 1e-12 >= options_.min_similarity && run.similarity > best.similarity)
        best = run;
    }
    return best;
  }

  // Step 3: splits and merges inside each stretch of unpaired paragraphs between two pairs.
  void search_gaps() {
    std::vector<ParagraphLink> order = links_;  // in order on both sides
    std::sort(order.begin(), order.end(),
              [](const ParagraphLink& x, const ParagraphLink& y) { return x.a_first < y.a_first; });
    std::uint32_t a_from = 0, b_from = 0;
    for (std::size_t k = 0; k <= order.size(); ++k) {
      const std::uint32_t a_to = k < order.size() ? order[k].a_first : static_cast<std::uint32_t>(a_.size());
      const std::uint32_t b_to = k < order.size() ? order[k].b_first : static_cast<std::uint32_t>(b_.size());
      search_gap(a_from, a_to, b_from, b_to);
      if (k < order.size()) {
        a_from = order[k].a_first + order[k].a_count;
        b_from = order[k].b_first + order[k].b_count;
      }
    }
  }

  void search_gap(std::uint32_t a_from, std::uint32_t a_to, std::uint32_t b_from, std::uint32_t b_to) {
    if (a_to <= a_from || b_to <= b_from) return;
    if (std::uint64_t{a_to - a_from} * (b_to - b_from) > options_.max_gap_pairs) return;
    std::vector<ParagraphLink> found;
    for (std::uint32_t i = a_from; i < a_to; ++i) {
      const Run run = best_run(a_, i, b_, b_link_, b_from, b_to);
      if (run.count >= 2) found.push_back({i, 1, run.first, run.count, run.similarity, false, false});
    }
    for (std::uint32_t j = b_from; j < b_to; ++j) {
      const Run run = best_run(b_, j, a_, a_link_, a_from, a_to);
      if (run.count >= 2) found.push_back({run.first, run.count, j, 1, run.similarity, false, false});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const ParagraphLink& x, const ParagraphLink& y) { return x.similarity > y.similarity; });
    std::vector<ParagraphLink> kept;
    for (const ParagraphLink& link : found) {
      bool fits = true;
      for (const ParagraphLink& other : kept) fits = fits && !crossing_or_overlapping(link, other);
      if (!fits) continue;
      kept.push_back(link);
      add_link(link);
    }
  }

  // Step 4: moves among what is left. A pair that turns out to fit between the pairs in order (possible
  // when min_move_similarity is below min_similarity) joins them instead.
  void find_moves(std::span<const SimilarPair> candidates) {
    std::vector<SimilarPair> left;
    for (const SimilarPair& p : candidates)
      if (a_link_[p.a] == kUnlinked && b_link_[p.b] == kUnlinked &&
          (p.similarity + 1e-12 >= options_.min_move_similarity || p.same_text))
        left.push_back(p);
    std::stable_sort(left.begin(), left.end(),
                     [](const SimilarPair& x, const SimilarPair& y) { return weight(x) > weight(y); });
    // b where each paragraph of a stands in the in-order chain: the chain's b end before it.
    std::vector<std::uint32_t> in_order;  // indices into links_, by a_first
    for (std::uint32_t id = 0; id < links_.size(); ++id) in_order.push_back(id);
    std::sort(in_order.begin(), in_order.end(),
              [&](std::uint32_t x, std::uint32_t y) { return links_[x].a_first < links_[y].a_first; });
    for (const SimilarPair& p : left) {
      if (a_link_[p.a] != kUnlinked || b_link_[p.b] != kUnlinked) continue;
      const auto next = std::upper_bound(in_order.begin(), in_order.end(), p.a,
                                         [&](std::uint32_t a, std::uint32_t id) { return a < links_[id].a_first; });
      const std::uint32_t b_from =
          next == in_order.begin() ? 0 : links_[*(next - 1)].b_first + links_[*(next - 1)].b_count;
      const auto b_to = next == in_order.end() ? static_cast<std::uint32_t>(b_.size()) : links_[*next].b_first;
      const bool fits = p.b >= b_from && p.b < b_to;
      if (fits && p.similarity + 1e-12 < options_.min_similarity && !p.same_text) continue;
      const auto id = static_cast<std::uint32_t>(links_.size());
      add_link({p.a, 1, p.b, 1, p.similarity, p.same_text, !fits});
      if (fits) in_order.insert(next, id);
    }
  }

  const ParagraphFeatures& a_;
  const ParagraphFeatures& b_;
  const std::vector<double>& weights_;
  const DiffOptions& options_;
  std::vector<std::int32_t> a_link_, b_link_;
  std::vector<ParagraphLink> links_;
  mutable std::vector<std::uint32_t> counts_;  // per key, zero between uses (best_run)
};

}  // namespace

std::vector<ParagraphLink> align_paragraphs(const ParagraphFeatures& a, const ParagraphFeatures& b,
                                            const std::vector<double>& weights,
                                            std::span<const SimilarPair> candidates, const DiffOptions& options) {
  return Aligner(a, b, weights, options).run(candidates);
}

}  // namespace textx
