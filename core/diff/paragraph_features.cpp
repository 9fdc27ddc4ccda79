#include "core/diff/paragraph_features.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/text/utf8.hpp"
#include "core/text/whitespace.hpp"

namespace textx {
namespace {

bool is_ascii_whitespace(unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// Calls emit(piece) for the pieces of `text` in order: under ignore_layout, maximal runs without
// whitespace and " " for each run of whitespace; otherwise the whole text.
template <class Emit>
void for_each_layout_piece(std::string_view text, bool ignore_layout, Emit emit) {
  if (!ignore_layout) {
    emit(text);
    return;
  }
  // Whether a whitespace code point starts at `pos`; sets `next` past it.
  const auto whitespace_at = [&](std::size_t pos, std::size_t& next) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      next = pos + 1;
      return is_ascii_whitespace(b);
    }
    next = pos;
    return is_whitespace_code_point(next_code_point(text, next));
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    std::size_t next = pos;
    while (pos < text.size()) {
      const auto b = static_cast<unsigned char>(text[pos]);
      if (b > ' ' && b < 0x80) {
        ++pos;
        continue;
      }
      if (whitespace_at(pos, next)) break;
      pos = next;
    }
    if (pos > start) emit(text.substr(start, pos - start));
    if (pos == text.size()) break;
    while (pos < text.size() && whitespace_at(pos, next)) pos = next;
    emit(std::string_view(" "));
  }
}

std::uint64_t hash_text(std::string_view text, bool ignore_layout) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for_each_layout_piece(text, ignore_layout, [&](std::string_view piece) {
    // Eight bytes at a time, then the rest with the piece's length (pieces never meet: a space is between).
    std::size_t i = 0;
    for (; i + 8 <= piece.size(); i += 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, piece.data() + i, sizeof chunk);
      h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    std::uint64_t tail = piece.size();
    for (std::size_t k = 0; i + k < piece.size(); ++k)
      tail ^= std::uint64_t{static_cast<unsigned char>(piece[i + k])} << (8 * k + 8);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
  });
  return h;
}

std::string with_layout_collapsed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_layout_piece(text, true, [&](std::string_view piece) { out.append(piece); });
  return out;
}

// The rarest-first order of word-occurrence elements: element (key, r) stands for "the r-th occurrence of
// key in a paragraph"; its frequency is the number of paragraphs (of both documents) with at least r.
class ElementOrder {
 public:
  ElementOrder(const ParagraphFeatures& a, const ParagraphFeatures& b, const std::vector<double>& weights)
      : weights_(weights), base_(weights.size() + 1, 0) {
    const auto key_count = static_cast<std::uint32_t>(weights.size());
    std::vector<std::uint32_t> most(key_count, 0);
    for (const ParagraphFeatures* side : {&a, &b})
      for (std::size_t p = 0; p < side->size(); ++p)
        for (const KeyCount& kc : side->bag(p)) most[kc.key] = std::max(most[kc.key], kc.count);
    for (std::uint32_t k = 0; k < key_count; ++k) base_[k + 1] = base_[k] + most[k];
    const std::uint32_t elements = base_[key_count];
    // Frequencies by a difference array: +1 at (key, 1), −1 after (key, count); one running sum suffices
    // because each key's −1 falls at most on the next key's first element, cancelling exactly there.
    std::vector<std::int64_t> frequency(elements + 1, 0);
    for (const ParagraphFeatures* side : {&a, &b})
      for (std::size_t p = 0; p < side->size(); ++p)
        for (const KeyCount& kc : side->bag(p)) {
          ++frequency[base_[kc.key]];
          --frequency[base_[kc.key] + kc.count];
        }
    std::uint32_t max_frequency = 0;
    for (std::uint32_t e = 0; e < elements; ++e) {
      if (e > 0) frequency[e] += frequency[e - 1];
      max_frequency = std::max(max_frequency, static_cast<std::uint32_t>(frequency[e]));
    }
    // Counting sort by frequency, ties by element id.
    std::vector<std::uint32_t> start(max_frequency + 2, 0);
    for (std::uint32_t e = 0; e < elements; ++e) ++start[frequency[e] + 1];
    for (std::size_t f = 1; f < start.size(); ++f) start[f] += start[f - 1];
    rank_.resize(elements);
    key_.resize(elements);
    for (std::uint32_t k = 0; k < key_count; ++k)
      for (std::uint32_t e = base_[k]; e < base_[k + 1]; ++e) {
        rank_[e] = start[frequency[e]]++;
        key_[rank_[e]] = k;
      }
  }

  // The shortest run of a paragraph's elements, rarest first (as ranks), after which less than `needed` of
  // its weight remains. `total` is the bag's weight.
  void prefix(std::span<const KeyCount> bag, double total, double needed, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (const KeyCount& kc : bag)
      for (std::uint32_t r = 0; r < kc.count; ++r) out.push_back(rank_[base_[kc.key] + r]);
    std::sort(out.begin(), out.end());
    double remaining = total;
    std::size_t length = 0;
    while (length < out.size() && remaining >= needed - 1e-9) remaining -= weights_[key_[out[length++]]];
    out.resize(length);
  }

  std::uint32_t element_count() const { return static_cast<std::uint32_t>(rank_.size()); }
  double weight_of(std::uint32_t rank) const { return weights_[key_[rank]]; }

 private:
  const std::vector<double>& weights_;
  std::vector<std::uint32_t> base_;  // per key: its first element
  std::vector<std::uint32_t> rank_;  // per element
  std::vector<std::uint32_t> key_;   // per rank: the element's key
};

}  // namespace

ParagraphFeatures::ParagraphFeatures(std::string_view text, std::span<const TextSpan> paragraphs, TokenSpan tokens,
                                     LocalKeys& keys, bool ignore_layout) {
  bag_begin_.reserve(paragraphs.size() + 1);
  words_.reserve(paragraphs.size());
  text_hashes_.reserve(paragraphs.size());
  bag_begin_.push_back(0);
  std::vector<std::uint32_t> distinct;
  std::vector<std::uint32_t> count;  // per local key, while its paragraph is read; zero otherwise
  std::size_t t = 0;
  for (const TextSpan& p : paragraphs) {
    while (t < tokens.size() && tokens.starts[t] < p.start) ++t;  // none expected: words lie in paragraphs
    distinct.clear();
    const std::size_t first = t;
    std::uint64_t hash = 0x9E3779B97F4A7C15ull;
    for (; t < tokens.size() && tokens.starts[t] < p.end; ++t) {
      const std::uint32_t id = keys.id(tokens.keys[t]);
      hash = (hash ^ id) * 0xFF51AFD7ED558CCDull;
      hash ^= hash >> 29;
      if (id >= count.size()) count.resize(std::max<std::size_t>(id + 1, count.size() * 2), 0);
      if (count[id]++ == 0) distinct.push_back(id);
    }
    std::sort(distinct.begin(), distinct.end());
    for (const std::uint32_t id : distinct) {
      bag_items_.push_back({id, count[id]});
      count[id] = 0;
    }
    bag_begin_.push_back(static_cast<std::uint32_t>(bag_items_.size()));
    words_.push_back(static_cast<std::uint32_t>(t - first));
    // Paragraphs with words: a hash of their keys in order (equal texts, with or without layout, have equal
    // keys; a collision is weeded out by same_text). Without words: of the text itself, which is short.
    text_hashes_.push_back(t > first ? hash : hash_text(text.substr(p.start, p.end - p.start), ignore_layout));
  }
}

void ParagraphFeatures::weigh(const std::vector<double>& key_weights) {
  weights_.resize(size());
  for (std::size_t p = 0; p < size(); ++p) weights_[p] = bag_weight(bag(p), key_weights);
}

std::vector<double> rarity_weights(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count) {
  std::vector<std::uint32_t> df(key_count, 0);
  for (const ParagraphFeatures* side : {&a, &b})
    for (std::size_t p = 0; p < side->size(); ++p)
      for (const KeyCount& kc : side->bag(p)) ++df[kc.key];
  const double n = static_cast<double>(a.size() + b.size());
  std::vector<double> weights(key_count, 0.0);
  for (std::uint32_t k = 0; k < key_count; ++k)
    if (df[k] > 0) weights[k] = std::log1p(n / df[k]);
  return weights;
}

double shared_weight(std::span<const KeyCount> x, std::span<const KeyCount> y, const std::vector<double>& weights) {
  double shared = 0;
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].key < y[j].key) {
      ++i;
    } else if (y[j].key < x[i].key) {
      ++j;
    } else {
      shared += std::min(x[i].count, y[j].count) * weights[x[i].key];
      ++i;
      ++j;
    }
  }
  return shared;
}

double bag_weight(std::span<const KeyCount> bag, const std::vector<double>& weights) {
  double total = 0;
  for (const KeyCount& kc : bag) total += kc.count * weights[kc.key];
  return total;
}

double dice(double shared, double x_weight, double y_weight) {
  return x_weight + y_weight <= 0 ? 0.0 : std::min(1.0, 2.0 * shared / (x_weight + y_weight));
}

bool same_text(std::string_view x, std::string_view y, bool ignore_layout) {
  if (x == y) return true;
  return ignore_layout && with_layout_collapsed(x) == with_layout_collapsed(y);
}

std::vector<SimilarPair> similar_pairs(const ParagraphFeatures& a, const ParagraphFeatures& b,
                                       const std::vector<double>& weights, const SimilaritySearch& search) {
  const auto key_count = static_cast<std::uint32_t>(weights.size());
  double threshold = search.threshold;
  const auto skip_a = [&](std::size_t i) { return a.words(i) == 0 || (!search.a_skip.empty() && search.a_skip[i]); };
  const auto skip_b = [&](std::size_t j) { return b.words(j) == 0 || (!search.b_skip.empty() && search.b_skip[j]); };
  const double ratio = b.size() > 0 && a.size() > 0 ? static_cast<double>(b.size()) / a.size() : 0;
  const auto expected = [&](std::size_t i) {
    const double at = search.expected.empty() ? i * ratio : search.expected[i];
    return static_cast<std::uint32_t>(std::clamp(at, 0.0, static_cast<double>(b.size())));
  };

  std::vector<SimilarPair> pairs, found;
  std::vector<std::uint32_t> seen(b.size(), 0xFFFFFFFFu);
  // The current paragraph's count of each key, so that checking a candidate is one pass over its bag with
  // no branches to mispredict (a merge of two sorted bags was the hot spot).
  std::vector<std::uint32_t> counts(key_count, 0);
  double weight = 0, least = 0, most = 0;
  // Bounds on the other paragraph's weight for a paragraph of weight w to reach the threshold t.
  const auto set_bounds = [&](std::uint32_t i) {
    weight = a.weight(i);
    least = threshold * weight / (2 - threshold);
    most = weight * (2 - threshold) / threshold;
  };
  const auto check = [&](std::uint32_t i, std::uint32_t j) {
    if (seen[j] == i) return;
    seen[j] = i;
    if (skip_b(j) || b.weight(j) < least * (1 - 1e-9) || b.weight(j) > most * (1 + 1e-9)) return;
    double shared = 0;
    for (const KeyCount& kc : b.bag(j)) shared += std::min(counts[kc.key], kc.count) * weights[kc.key];
    const double similarity = dice(shared, weight, b.weight(j));
    if (similarity + 1e-12 >= threshold) found.push_back({i, j, similarity});
  };
  const auto keep = [&](std::uint32_t diagonal) {
    if (found.size() > search.max_per_paragraph) {
      const auto distance = [&](const SimilarPair& p) { return p.b > diagonal ? p.b - diagonal : diagonal - p.b; };
      std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(search.max_per_paragraph),
                       found.end(), [&](const SimilarPair& x, const SimilarPair& y) {
                         if (x.similarity != y.similarity) return x.similarity > y.similarity;
                         return distance(x) < distance(y);
                       });
      found.resize(search.max_per_paragraph);
    }
    std::sort(found.begin(), found.end(), [](const SimilarPair& x, const SimilarPair& y) { return x.b < y.b; });
    pairs.insert(pairs.end(), found.begin(), found.end());
  };

  // Step 1: near the expected place. What an unresolved paragraph found there is kept for step 2.
  const auto band_of = [&](std::uint32_t i) {
    const std::uint32_t diagonal = expected(i);
    const std::uint32_t from = diagonal > search.band ? diagonal - static_cast<std::uint32_t>(search.band) : 0;
    const auto to = static_cast<std::uint32_t>(std::min<std::size_t>(b.size(), diagonal + search.band + 1));
    return std::pair{from, to};
  };
  std::vector<std::uint32_t> unresolved;
  std::vector<SimilarPair> found_near;  // of the unresolved paragraphs, by a
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    if (skip_a(i)) continue;
    set_bounds(i);
    found.clear();
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = kc.count;
    const auto [from, to] = band_of(i);
    double best = 0;
    for (std::uint32_t j = from; j < to; ++j) check(i, j);
    for (const SimilarPair& p : found) best = std::max(best, p.similarity);
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = 0;
    if (best + 1e-12 >= search.close_enough) {
      keep(expected(i));
    } else {
      unresolved.push_back(i);
      found_near.insert(found_near.end(), found.begin(), found.end());
    }
  }
  if (unresolved.empty()) {
    std::sort(pairs.begin(), pairs.end(),
              [](const SimilarPair& x, const SimilarPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    return pairs;
  }

  // Step 2: prefix filtering over the whole second document, at far_threshold. Inverted index of its
  // prefixes: element rank -> paragraphs, ascending.
  threshold = std::max(search.threshold, search.far_threshold);
  const ElementOrder order(a, b, weights);
  const auto needed = [&](double w) { return threshold * w / (2 - threshold); };
  std::vector<std::uint32_t> list_begin(order.element_count() + 1, 0);
  std::vector<std::uint32_t> prefix;
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (skip_b(j)) continue;
    order.prefix(b.bag(j), b.weight(j), needed(b.weight(j)), prefix);
    for (const std::uint32_t e : prefix) ++list_begin[e + 1];
  }
  for (std::size_t e = 1; e < list_begin.size(); ++e) list_begin[e] += list_begin[e - 1];
  std::vector<std::uint32_t> lists(list_begin.back());
  {
    std::vector<std::uint32_t> fill(list_begin.begin(), list_begin.end() - 1);
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (skip_b(j)) continue;
      order.prefix(b.bag(j), b.weight(j), needed(b.weight(j)), prefix);
      for (const std::uint32_t e : prefix) lists[fill[e]++] = static_cast<std::uint32_t>(j);
    }
  }
  std::fill(seen.begin(), seen.end(), 0xFFFFFFFFu);
  std::size_t near = 0;
  std::vector<double> shared_in_prefixes(b.size(), 0.0);
  std::vector<std::uint32_t> touched;
  for (const std::uint32_t i : unresolved) {
    set_bounds(i);
    found.clear();
    for (; near < found_near.size() && found_near[near].a == i; ++near) found.push_back(found_near[near]);
    const auto [from, to] = band_of(i);
    for (std::uint32_t j = from; j < to; ++j) seen[j] = i;  // compared in step 1 already
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = kc.count;
    const std::uint32_t diagonal = expected(i);
    order.prefix(a.bag(i), weight, needed(weight), prefix);
    for (const std::uint32_t e : prefix) {
      const std::uint32_t* first = lists.data() + list_begin[e];
      const std::uint32_t* last = lists.data() + list_begin[e + 1];
      if (static_cast<std::size_t>(last - first) > search.max_scan) {
        // A very common element: look only near the expected place.
        const std::uint32_t* mid = std::lower_bound(first, last, diagonal);
        const std::uint32_t* start =
            mid - std::min<std::ptrdiff_t>(mid - first, static_cast<std::ptrdiff_t>(search.max_scan / 2));
        first = start;
        last = start + std::min<std::ptrdiff_t>(last - start, static_cast<std::ptrdiff_t>(search.max_scan));
      }
      const double w = order.weight_of(e);
      for (const std::uint32_t* at = first; at != last; ++at) {
        if (seen[*at] == i) continue;
        if (shared_in_prefixes[*at] == 0) touched.push_back(*at);
        shared_in_prefixes[*at] += w;
      }
    }
    // Compare in full only the max_verify paragraphs sharing the most weight within the two prefixes.
    if (touched.size() > search.max_verify)
      std::nth_element(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(search.max_verify), touched.end(),
                       [&](std::uint32_t x, std::uint32_t y) { return shared_in_prefixes[x] > shared_in_prefixes[y]; });
    for (std::size_t k = 0; k < touched.size(); ++k) {
      if (k < search.max_verify) check(i, touched[k]);
      shared_in_prefixes[touched[k]] = 0;
    }
    touched.clear();
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = 0;
    keep(diagonal);
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const SimilarPair& x, const SimilarPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return pairs;
}

}  // namespace textx
