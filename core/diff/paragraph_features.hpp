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
  // The paragraph's words weighed (see rarity_weights), once weigh() has been called; 0 without words.
  double weight(std::size_t p) const { return weights_[p]; }
  void weigh(const std::vector<double>& key_weights);

 private:
  std::vector<KeyCount> bag_items_;
  std::vector<std::uint32_t> bag_begin_;  // per paragraph, plus the end
  std::vector<std::uint32_t> words_;
  std::vector<std::uint64_t> text_hashes_;
  std::vector<double> weights_;
};

// How much each key counts in a similarity: ln(1 + N / df), N the paragraphs of both documents and df those
// holding the key. A word found in every paragraph ("the") weighs ln 2 ≈ 0.7; one found in a single
// paragraph of 100 weighs ln 101 ≈ 4.6, so that paragraphs sharing only their function words are not
// similar. Indexed by dense key id.
std::vector<double> rarity_weights(const ParagraphFeatures& a, const ParagraphFeatures& b, std::uint32_t key_count);

// The weight of the words two bags share, counted with multiplicity (the smaller count of each key).
double shared_weight(std::span<const KeyCount> x, std::span<const KeyCount> y, const std::vector<double>& weights);

// The weight of a bag's words.
double bag_weight(std::span<const KeyCount> bag, const std::vector<double>& weights);

// The similarity of two paragraphs: the weighted Dice coefficient 2 × shared / (x_weight + y_weight), from 0
// (no word in common) to 1 (the same words, as often); 0 when both are empty.
double dice(double shared, double x_weight, double y_weight);

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
  double threshold = 0.3;             // least similarity of a pair near the expected place, in (0, 1]
  double far_threshold = 0.45;        // least similarity of a pair found by the whole-document search
  std::size_t max_per_paragraph = 16;  // each paragraph of the first document keeps its most similar ones
  std::size_t max_scan = 100;          // paragraphs looked at per shared word that many paragraphs hold
  std::size_t max_verify = 64;         // paragraphs compared in full per paragraph in the whole-document step
  std::size_t band = 16;               // paragraphs on each side of the expected place compared first
  double close_enough = 0.8;           // a counterpart this similar in the band ends a paragraph's search
  std::vector<bool> a_skip, b_skip;    // paragraphs left out (empty: none)
  std::vector<double> expected;        // per paragraph of a, its expected place in b (empty: proportional)
};

// Pairs of paragraphs with words whose similarity is at least search.threshold, in two steps:
//  1. each paragraph of the first document is compared with those of the second within `band` of its
//     expected place; if one reaches `close_enough`, the search for it ends there (the usual case between
//     versions of a text, and what keeps the search linear when every paragraph changed a little);
//  2. otherwise the whole second document is searched for pairs of similarity at least far_threshold (a
//     higher bar keeps this step fast: the lower it is, the more words must be looked up), by prefix filtering as in (weighted) set-similarity
//     joins (Chaudhuri et al. 2006; Bayardo et al. 2007): each word occurrence (key, n-th occurrence in
//     the paragraph) is one element, of its key's weight; elements are ordered rarest first; a paragraph
//     of weight W can reach similarity t with another only if they share at least t·W / (2 − t) of weight,
//     so only if they share an element of its shortest prefix whose remainder weighs less than that. An
//     element held by more than max_scan paragraphs is looked up only among the max_scan nearest the
//     expected place. Of the paragraphs found, the max_verify that share the most weight within the two
//     prefixes are compared in full (at low thresholds nearly every paragraph shares some prefix element;
//     those sharing the most rare words are the similar ones).
// Each paragraph keeps its max_per_paragraph most similar counterparts. Sorted by a, then b.
// Both features must have been weighed with `weights`.
std::vector<SimilarPair> similar_pairs(const ParagraphFeatures& a, const ParagraphFeatures& b,
                                       const std::vector<double>& weights, const SimilaritySearch& search);

}  // namespace textx
