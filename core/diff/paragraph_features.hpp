#pragma once
// What the paragraph alignment knows of each paragraph: its words as a multiset of matching keys (a bag),
// and a hash for spotting identical paragraphs (equal texts always have equal hashes; equal hashes are
// checked with same_text); and the search for similar paragraph pairs.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/index/segment.hpp"
#include "core/text/segments.hpp"

namespace textx {

// One distinct word of a paragraph: a dense key id (LocalKeys) and how often it occurs there.
struct KeyCount {
  std::uint32_t key = 0;
  std::uint32_t count = 0;
};

// Maps the corpus's key ids to dense ids 0, 1, 2… for the keys two documents use.
class LocalKeys {
 public:
  explicit LocalKeys(std::size_t vocabulary_size) : ids_(vocabulary_size, kNone) {}
  std::uint32_t id(KeyId key) {
    if (ids_[key] == kNone) ids_[key] = count_++;
    return ids_[key];
  }
  std::uint32_t count() const { return count_; }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> ids_;
  std::uint32_t count_ = 0;
};

class ParagraphFeatures {
 public:
  // The features of each paragraph of `text`, whose word tokens (in text order) are `tokens`. With
  // ignore_layout, the hash of a paragraph without words treats every run of whitespace as one space.
  ParagraphFeatures(std::string_view text, std::span<const TextSpan> paragraphs, TokenSpan tokens, LocalKeys& keys,
                    bool ignore_layout);

  std::size_t size() const { return words_.size(); }
  // The paragraph's distinct words, by ascending key id.
  std::span<const KeyCount> bag(std::size_t p) const {
    return {bag_items_.data() + bag_begin_[p], bag_items_.data() + bag_begin_[p + 1]};
  }
  std::uint32_t words(std::size_t p) const { return words_[p]; }
  std::uint64_t text_hash(std::size_t p) const { return text_hashes_[p]; }

 private:
  std::vector<KeyCount> bag_items_;
  std::vector<std::uint32_t> bag_begin_;  // per paragraph, plus the end
  std::vector<std::uint32_t> words_;
  std::vector<std::uint64_t> text_hashes_;
};

// Words two bags share, counted with multiplicity (the sum over keys of the smaller count).
std::uint32_t shared_words(std::span<const KeyCount> x, std::span<const KeyCount> y);

// The Dice coefficient 2 × shared / (x_words + y_words); 0 when both are empty.
double dice(std::uint32_t shared, std::uint32_t x_words, std::uint32_t y_words);

// Whether two paragraph texts are the same, every run of whitespace counting as one space under
// ignore_layout.
bool same_text(std::string_view x, std::string_view y, bool ignore_layout);

// A pair of paragraphs (index in the first document, in the second) and its similarity.
struct SimilarPair {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  double similarity = 0;
  bool same_text = false;  // filled in by the caller, which has the texts (see same_text)
};

// How similar_pairs searches (docs/diff.md).
struct SimilaritySearch {
  double threshold = 0.5;             // least similarity of a pair, in (0, 1]
  std::size_t max_per_paragraph = 16;  // each paragraph of the first document keeps its most similar ones
  std::size_t max_scan = 100;          // paragraphs looked at per shared word that many paragraphs hold
  std::size_t band = 16;               // paragraphs on each side of the expected place compared first
  double close_enough = 0.8;           // a counterpart this similar in the band ends a paragraph's search
  std::vector<bool> a_skip, b_skip;    // paragraphs left out (empty: none)
  std::vector<double> expected;        // per paragraph of a, its expected place in b (empty: proportional)
};

// Every pair of paragraphs with words whose similarity is at least search.threshold, in two steps:
//  1. each paragraph of the first document is compared with those of the second within `band` of its
//     expected place; if one reaches `close_enough`, the search for it ends there (the usual case between
//     versions of a text, and what keeps the search linear when every paragraph changed a little);
//  2. otherwise the whole second document is searched, by prefix filtering as in set-similarity joins
//     (Chaudhuri et al. 2006; Bayardo et al. 2007): each word occurrence (key, n-th occurrence in the
//     paragraph) is one element; elements are ordered rarest first; a paragraph of s words can reach
//     threshold t with another only if the two share one of its first s − ceil(t·s / (2 − t)) + 1
//     elements. An element held by more than max_scan paragraphs is looked up only among the max_scan
//     nearest the expected place.
// Each paragraph keeps its max_per_paragraph most similar counterparts. Sorted by a, then b.
std::vector<SimilarPair> similar_pairs(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count,
                                       const SimilaritySearch& search);

}  // namespace textx
