#pragma once
// Alternatives of several tokens spelled out as key sequences: `(united states|american people)` is the
// union of the matches of `united states` and `american people`, a start counting once, with the shortest
// sequence matching there (as the general evaluation takes the shortest match at each start). Counted from
// the sequences' start bitmaps ORed, without listing the matches.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/query/key_sequence.hpp"

namespace textx {

class KeySequenceUnion {
 public:
  // Preconditions: as KeySequenceMatcher's, for every sequence; `allowed` outlives the union.
  KeySequenceUnion(const Corpus& corpus, std::vector<KeySequence> sequences, const std::vector<bool>& allowed,
                   MatchOptions match);
  KeySequenceUnion(const KeySequenceUnion&) = delete;
  KeySequenceUnion& operator=(const KeySequenceUnion&) = delete;

  // How many starts of `segment` one sequence or more matches at.
  std::size_t count(const IndexSegment& segment);
  // Those starts' matches [from, from + limit), ascending, each with the shortest sequence's length.
  std::vector<SegmentMatch> matches(const IndexSegment& segment, std::size_t from, std::size_t limit);

 private:
  void prepare(const IndexSegment& segment);

  std::vector<KeySequence> sequences_;        // shortest first
  std::vector<KeySequenceMatcher> matchers_;  // one per sequence, in that order
  const IndexSegment* prepared_ = nullptr;
  std::vector<std::uint64_t> starts_;         // a bit per position of the prepared segment
};

}  // namespace textx
