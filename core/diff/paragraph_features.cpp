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

// Least number of shared words with which a paragraph of `words` words can reach Dice `threshold` with any
// other: t·s / (2 − t), rounded up, at least 1.
std::uint32_t min_overlap(std::uint32_t words, double threshold) {
  const double exact = threshold * words / (2 - threshold);
  return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::ceil(exact - 1e-9)));
}

// The rarest-first order of word-occurrence elements: element (key, r) stands for "the r-th occurrence of
// key in a paragraph"; its frequency is the number of paragraphs (of both documents) with at least r.
class ElementOrder {
 public:
  ElementOrder(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count)
      : base_(key_count + 1, 0) {
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
    for (std::uint32_t e = 0; e < elements; ++e) rank_[e] = start[frequency[e]]++;
  }

  // The first `length` elements of a paragraph's bag, rarest first, as ranks.
  void prefix(std::span<const KeyCount> bag, std::uint32_t length, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (const KeyCount& kc : bag)
      for (std::uint32_t r = 0; r < kc.count; ++r) out.push_back(rank_[base_[kc.key] + r]);
    if (length < out.size()) {
      std::nth_element(out.begin(), out.begin() + length, out.end());
      out.resize(length);
    }
  }

  std::uint32_t element_count() const { return static_cast<std::uint32_t>(rank_.size()); }

 private:
  std::vector<std::uint32_t> base_;  // per key: its first element
  std::vector<std::uint32_t> rank_;  // per element
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

std::uint32_t shared_words(std::span<const KeyCount> x, std::span<const KeyCount> y) {
  std::uint32_t shared = 0;
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].key < y[j].key) {
      ++i;
    } else if (y[j].key < x[i].key) {
      ++j;
    } else {
      shared += std::min(x[i].count, y[j].count);
      ++i;
      ++j;
    }
  }
  return shared;
}

double dice(std::uint32_t shared, std::uint32_t x_words, std::uint32_t y_words) {
  return x_words + y_words == 0 ? 0.0 : 2.0 * shared / (static_cast<double>(x_words) + y_words);
}

bool same_text(std::string_view x, std::string_view y, bool ignore_layout) {
  if (x == y) return true;
  return ignore_layout && with_layout_collapsed(x) == with_layout_collapsed(y);
}

std::vector<SimilarPair> similar_pairs(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count,
                                       const SimilaritySearch& search) {
  const double threshold = search.threshold;
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
  std::uint32_t words = 0;
  double least = 0, most = 0;
  const auto check = [&](std::uint32_t i, std::uint32_t j) {
    if (seen[j] == i) return;
    seen[j] = i;
    if (skip_b(j) || b.words(j) + 1e-9 < least || b.words(j) > most + 1e-9) return;
    std::uint32_t shared = 0;
    for (const KeyCount& kc : b.bag(j)) shared += std::min(counts[kc.key], kc.count);
    const double similarity = dice(shared, words, b.words(j));
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

  // Step 1: near the expected place.
  std::vector<std::uint32_t> unresolved;
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    if (skip_a(i)) continue;
    words = a.words(i);
    least = threshold * words / (2 - threshold);
    most = words * (2 - threshold) / threshold;
    found.clear();
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = kc.count;
    const std::uint32_t diagonal = expected(i);
    const std::uint32_t from = diagonal > search.band ? diagonal - static_cast<std::uint32_t>(search.band) : 0;
    const auto to = static_cast<std::uint32_t>(std::min<std::size_t>(b.size(), diagonal + search.band + 1));
    double best = 0;
    for (std::uint32_t j = from; j < to; ++j) check(i, j);
    for (const SimilarPair& p : found) best = std::max(best, p.similarity);
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = 0;
    if (best + 1e-12 >= search.close_enough) {
      keep(diagonal);
    } else {
      unresolved.push_back(i);
    }
  }
  if (unresolved.empty()) {
    std::sort(pairs.begin(), pairs.end(),
              [](const SimilarPair& x, const SimilarPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    return pairs;
  }

  // Step 2: prefix filtering over the whole second document. Inverted index of its prefixes: element rank
  // -> paragraphs, ascending.
  const ElementOrder order(a, b, key_count);
  const auto prefix_length = [&](std::uint32_t n) { return n - min_overlap(n, threshold) + 1; };
  std::vector<std::uint32_t> list_begin(order.element_count() + 1, 0);
  std::vector<std::uint32_t> prefix;
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (skip_b(j)) continue;
    order.prefix(b.bag(j), prefix_length(b.words(j)), prefix);
    for (const std::uint32_t e : prefix) ++list_begin[e + 1];
  }
  for (std::size_t e = 1; e < list_begin.size(); ++e) list_begin[e] += list_begin[e - 1];
  std::vector<std::uint32_t> lists(list_begin.back());
  {
    std::vector<std::uint32_t> fill(list_begin.begin(), list_begin.end() - 1);
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (skip_b(j)) continue;
      order.prefix(b.bag(j), prefix_length(b.words(j)), prefix);
      for (const std::uint32_t e : prefix) lists[fill[e]++] = static_cast<std::uint32_t>(j);
    }
  }
  std::fill(seen.begin(), seen.end(), 0xFFFFFFFFu);
  for (const std::uint32_t i : unresolved) {
    words = a.words(i);
    least = threshold * words / (2 - threshold);
    most = words * (2 - threshold) / threshold;
    found.clear();
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = kc.count;
    const std::uint32_t diagonal = expected(i);
    order.prefix(a.bag(i), prefix_length(words), prefix);
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
      for (const std::uint32_t* at = first; at != last; ++at) check(i, *at);
    }
    for (const KeyCount& kc : a.bag(i)) counts[kc.key] = 0;
    keep(diagonal);
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const SimilarPair& x, const SimilarPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return pairs;
}

}  // namespace textx
