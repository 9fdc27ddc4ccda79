#include "core/diff/paragraph_features.hpp"

#include <algorithm>
#include <cmath>

#include "core/text/utf8.hpp"
#include "core/text/whitespace.hpp"

namespace textx {
namespace {

// Reads a text unit by unit: a code point's bytes, or, under ignore_layout, " " for a run of whitespace.
class LayoutReader {
 public:
  LayoutReader(std::string_view text, bool ignore_layout) : text_(text), ignore_layout_(ignore_layout) {}
  bool done() const { return pos_ >= text_.size(); }
  std::string_view next() {
    const std::size_t start = pos_;
    const bool ascii = static_cast<unsigned char>(text_[pos_]) < 0x80;
    const char32_t cp = ascii ? static_cast<unsigned char>(text_[pos_++]) : next_code_point(text_, pos_);
    if (!ignore_layout_ || !is_whitespace_code_point(cp)) return text_.substr(start, pos_ - start);
    while (!done()) {
      std::size_t after = pos_;
      if (!is_whitespace_code_point(next_code_point(text_, after))) break;
      pos_ = after;
    }
    return " ";
  }

 private:
  std::string_view text_;
  bool ignore_layout_;
  std::size_t pos_ = 0;
};

std::uint64_t hash_text(std::string_view text, bool ignore_layout) {
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
  for (LayoutReader reader(text, ignore_layout); !reader.done();) {
    for (const char c : reader.next()) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  }
  return h;
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
  std::vector<std::uint32_t> ids;
  std::size_t t = 0;
  for (const TextSpan& p : paragraphs) {
    while (t < tokens.size() && tokens.starts[t] < p.start) ++t;  // none expected: words lie in paragraphs
    ids.clear();
    for (; t < tokens.size() && tokens.starts[t] < p.end; ++t) ids.push_back(keys.id(tokens.keys[t]));
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < ids.size();) {
      std::size_t j = i;
      while (j < ids.size() && ids[j] == ids[i]) ++j;
      bag_items_.push_back({ids[i], static_cast<std::uint32_t>(j - i)});
      i = j;
    }
    bag_begin_.push_back(static_cast<std::uint32_t>(bag_items_.size()));
    words_.push_back(static_cast<std::uint32_t>(ids.size()));
    text_hashes_.push_back(hash_text(text.substr(p.start, p.end - p.start), ignore_layout));
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
  if (!ignore_layout) return x == y;
  LayoutReader rx(x, true), ry(y, true);
  while (!rx.done() && !ry.done())
    if (rx.next() != ry.next()) return false;
  return rx.done() && ry.done();
}

std::vector<SimilarPair> similar_pairs(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count,
                                       double threshold, std::size_t max_per_paragraph, std::size_t max_scan) {
  const ElementOrder order(a, b, key_count);
  const auto prefix_length = [&](std::uint32_t words) { return words - min_overlap(words, threshold) + 1; };

  // Inverted index of the second document's prefixes: element rank -> paragraphs, ascending.
  std::vector<std::uint32_t> list_begin(order.element_count() + 1, 0);
  std::vector<std::uint32_t> prefix;
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (b.words(j) == 0) continue;
    order.prefix(b.bag(j), prefix_length(b.words(j)), prefix);
    for (const std::uint32_t e : prefix) ++list_begin[e + 1];
  }
  for (std::size_t e = 1; e < list_begin.size(); ++e) list_begin[e] += list_begin[e - 1];
  std::vector<std::uint32_t> lists(list_begin.back());
  {
    std::vector<std::uint32_t> fill(list_begin.begin(), list_begin.end() - 1);
    for (std::size_t j = 0; j < b.size(); ++j) {
      if (b.words(j) == 0) continue;
      order.prefix(b.bag(j), prefix_length(b.words(j)), prefix);
      for (const std::uint32_t e : prefix) lists[fill[e]++] = static_cast<std::uint32_t>(j);
    }
  }

  std::vector<SimilarPair> pairs, found;
  std::vector<std::uint32_t> seen(b.size(), 0xFFFFFFFFu);
  const double ratio = b.size() > 0 && a.size() > 0 ? static_cast<double>(b.size()) / a.size() : 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::uint32_t words = a.words(i);
    if (words == 0) continue;
    const auto diagonal = static_cast<std::uint32_t>(i * ratio);
    const double least = threshold * words / (2 - threshold), most = words * (2 - threshold) / threshold;
    found.clear();
    order.prefix(a.bag(i), prefix_length(words), prefix);
    for (const std::uint32_t e : prefix) {
      const std::uint32_t* first = lists.data() + list_begin[e];
      const std::uint32_t* last = lists.data() + list_begin[e + 1];
      if (static_cast<std::size_t>(last - first) > max_scan) {
        // A very common element: look only near the diagonal.
        const std::uint32_t* mid = std::lower_bound(first, last, diagonal);
        const std::uint32_t* from = mid - std::min<std::ptrdiff_t>(mid - first, static_cast<std::ptrdiff_t>(max_scan / 2));
        first = from;
        last = from + std::min<std::ptrdiff_t>(last - from, static_cast<std::ptrdiff_t>(max_scan));
      }
      for (const std::uint32_t* at = first; at != last; ++at) {
        const std::uint32_t j = *at;
        if (seen[j] == i) continue;
        seen[j] = static_cast<std::uint32_t>(i);
        if (b.words(j) + 1e-9 < least || b.words(j) > most + 1e-9) continue;
        const double similarity = dice(shared_words(a.bag(i), b.bag(j)), words, b.words(j));
        if (similarity + 1e-12 >= threshold) found.push_back({static_cast<std::uint32_t>(i), j, similarity});
      }
    }
    if (found.size() > max_per_paragraph) {
      const auto distance = [&](const SimilarPair& p) { return p.b > diagonal ? p.b - diagonal : diagonal - p.b; };
      std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(max_per_paragraph), found.end(),
                       [&](const SimilarPair& x, const SimilarPair& y) {
                         if (x.similarity != y.similarity) return x.similarity > y.similarity;
                         return distance(x) < distance(y);
                       });
      found.resize(max_per_paragraph);
    }
    std::sort(found.begin(), found.end(), [](const SimilarPair& x, const SimilarPair& y) { return x.b < y.b; });
    pairs.insert(pairs.end(), found.begin(), found.end());
  }
  return pairs;
}

}  // namespace textx
