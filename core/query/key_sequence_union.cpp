#include "core/query/key_sequence_union.hpp"

#include <algorithm>

#include "core/query/position_bits.hpp"

namespace textx {

KeySequenceUnion::KeySequenceUnion(const Corpus& corpus, std::vector<KeySequence> sequences,
                                   const std::vector<bool>& allowed, MatchOptions match)
    : sequences_(std::move(sequences)) {
  std::stable_sort(sequences_.begin(), sequences_.end(),
                   [](const KeySequence& a, const KeySequence& b) { return a.size() < b.size(); });
  matchers_.reserve(sequences_.size());  // the matchers point into sequences_, which stays put from here
  for (const KeySequence& sequence : sequences_) matchers_.emplace_back(corpus, sequence, allowed, match);
}

void KeySequenceUnion::prepare(const IndexSegment& segment) {
  if (prepared_ == &segment) return;
  prepared_ = &segment;
  starts_.assign(segment.token_count() / 64 + 1, 0);
  for (KeySequenceMatcher& matcher : matchers_) matcher.set_starts(segment, starts_);
}

std::size_t KeySequenceUnion::count(const IndexSegment& segment) {
  prepare(segment);
  return count_bits(starts_);
}

std::vector<SegmentMatch> KeySequenceUnion::matches(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  prepare(segment);
  std::vector<std::uint32_t> starts;
  list_bits(starts_, from, limit, starts);
  std::vector<SegmentMatch> out;
  out.reserve(starts.size());
  const std::size_t longest = matchers_.back().length();
  for (const std::uint32_t start : starts) {
    // Some sequence matches here: the first that does, shortest first, or else one of the longest.
    for (KeySequenceMatcher& matcher : matchers_) {
      if (matcher.length() == longest || matcher.matches_at(segment, start)) {
        out.push_back({start, static_cast<std::uint32_t>(matcher.length())});
        break;
      }
    }
  }
  return out;
}

}  // namespace textx
