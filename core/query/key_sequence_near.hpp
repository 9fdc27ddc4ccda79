#pragma once
// `A NEAR/n B` when both sides are key sequences (key_sequence.hpp): the matches of A with a match of B
// within n tokens on either side, not overlapping it, in the same document. Counted by testing, for each
// match of A, the windows of n + 1 positions on either side in a bitmap of B's starts; only the rows of a
// page look for the nearest match of B, which the row is widened to cover (the one before on a tie, as the
// general evaluation's merge of both lists finds it).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/query/key_sequence.hpp"

namespace textx {

class KeySequenceNear {
 public:
  // `first` and `second` (A and B) outlive this.
  KeySequenceNear(KeySequenceMatcher& first, KeySequenceMatcher& second, std::size_t distance);

  // How many matches of A in `segment` have a match of B near.
  std::size_t count(const IndexSegment& segment);
  // Those matches [from, from + limit), in the order of A's matches, each widened to cover its nearest B.
  std::vector<SegmentMatch> matches(const IndexSegment& segment, std::size_t from, std::size_t limit);

 private:
  void prepare(const IndexSegment& segment);
  // For the match of A at `a`, in the document of segment positions [first, end): whether a match of B is
  // near, and the start of the nearest.
  bool has_partner(std::uint32_t a, std::uint32_t first, std::uint32_t end) const;
  std::optional<std::uint32_t> nearest(std::uint32_t a, std::uint32_t first, std::uint32_t end) const;
  // Calls take(a, first, end) for each match of A with a partner, in order, until take returns false.
  template <typename Take>
  void for_each_near(const IndexSegment& segment, Take take) const;

  KeySequenceMatcher& first_;
  KeySequenceMatcher& second_;
  std::uint32_t first_length_, second_length_, distance_;
  const IndexSegment* prepared_ = nullptr;
  std::vector<std::uint32_t> first_starts_;  // A's matches in the prepared segment
  std::vector<std::uint64_t> second_bits_;   // B's starts there
};

}  // namespace textx
