#pragma once
// `A NEAR/n B` when both sides are key sequences (key_sequence.hpp): the matches of A with a match of B
// within n tokens on either side, not overlapping it, in the same document. Found through a bitmap of B's
// starts: when A is rare, by testing the windows of n + 1 positions on either side of each match of A; when
// A is frequent, all at once, the bitmap spread over those windows and ANDed with A's starts (then the
// matches near a document's edge, whose windows reach into the next or previous document, tested alone).
// Only the rows of a page look for the nearest match of B, which the row is widened to cover (the one
// before on a tie, as the general evaluation's merge of both lists finds it).
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
  void find_each(const IndexSegment& segment);
  void find_all_at_once(const IndexSegment& segment);
  // For the match of A at `a`, in the document of segment positions [first, end): whether a match of B is
  // near, and the start of the nearest.
  bool has_partner(std::uint32_t a, std::uint32_t first, std::uint32_t end) const;
  std::optional<std::uint32_t> nearest(std::uint32_t a, std::uint32_t first, std::uint32_t end) const;

  KeySequenceMatcher& first_;
  KeySequenceMatcher& second_;
  std::uint32_t first_length_, second_length_, distance_;
  // The prepared segment's matches of A with a partner: listed (A rare), or as bits (A frequent).
  const IndexSegment* prepared_ = nullptr;
  bool as_bits_ = false;
  std::vector<std::uint32_t> near_starts_;
  std::vector<std::uint64_t> near_bits_;
  std::vector<std::uint64_t> second_bits_;  // B's starts there
  std::vector<std::uint64_t> scratch_;
};

}  // namespace textx
