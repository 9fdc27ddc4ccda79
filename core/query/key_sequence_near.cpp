#include "core/query/key_sequence_near.hpp"

#include <algorithm>
#include <limits>

#include "core/query/position_bits.hpp"

namespace textx {

KeySequenceNear::KeySequenceNear(KeySequenceMatcher& first, KeySequenceMatcher& second, std::size_t distance)
    : first_(first),
      second_(second),
      first_length_(static_cast<std::uint32_t>(first.length())),
      second_length_(static_cast<std::uint32_t>(second.length())),
      distance_(static_cast<std::uint32_t>(distance)) {}

void KeySequenceNear::prepare(const IndexSegment& segment) {
  if (prepared_ == &segment) return;
  prepared_ = &segment;
  first_starts_ = first_.starts(segment, 0, std::numeric_limits<std::size_t>::max());
  second_bits_.assign(segment.token_count() / 64 + 1, 0);
  if (!first_starts_.empty()) second_.set_starts(segment, second_bits_);
}

// B's match at b is near when it ends at most n tokens before a (b + |B| <= a, a - (b + |B|) <= n) or starts
// at most n tokens after A's match ends (b >= a + |A|, b - (a + |A|) <= n). B's starts are those of whole
// matches, so a start inside the document is a match inside it.
bool KeySequenceNear::has_partner(std::uint32_t a, std::uint32_t first, std::uint32_t end) const {
  const std::uint64_t after = std::uint64_t{a} + first_length_;
  if (after < end &&
      any_bit(second_bits_, static_cast<std::uint32_t>(after),
              static_cast<std::uint32_t>(std::min<std::uint64_t>(after + distance_, end - 1))))
    return true;
  if (a < first + second_length_) return false;
  const std::uint32_t before = a - second_length_;  // the latest start of a B ending by a
  return any_bit(second_bits_, before - std::min(distance_, before - first), before);
}

std::optional<std::uint32_t> KeySequenceNear::nearest(std::uint32_t a, std::uint32_t first, std::uint32_t end) const {
  const std::uint64_t after = std::uint64_t{a} + first_length_;
  for (std::uint32_t gap = 0; gap <= distance_; ++gap) {
    if (a >= std::uint64_t{first} + second_length_ + gap && test_bit(second_bits_, a - second_length_ - gap))
      return a - second_length_ - gap;
    if (after + gap < end && test_bit(second_bits_, static_cast<std::uint32_t>(after + gap)))
      return static_cast<std::uint32_t>(after + gap);
  }
  return std::nullopt;
}

template <typename Take>
void KeySequenceNear::for_each_near(const IndexSegment& segment, Take take) const {
  std::size_t local = 0;
  for (const std::uint32_t a : first_starts_) {
    while (segment.first_token(local + 1) <= a) ++local;
    const std::uint32_t first = segment.first_token(local), end = segment.first_token(local + 1);
    if (has_partner(a, first, end) && !take(a, first, end)) return;
  }
}

std::size_t KeySequenceNear::count(const IndexSegment& segment) {
  prepare(segment);
  std::size_t n = 0;
  for_each_near(segment, [&](std::uint32_t, std::uint32_t, std::uint32_t) {
    ++n;
    return true;
  });
  return n;
}

std::vector<SegmentMatch> KeySequenceNear::matches(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  prepare(segment);
  std::vector<SegmentMatch> out;
  if (limit == 0) return out;
  for_each_near(segment, [&](std::uint32_t a, std::uint32_t first, std::uint32_t end) {
    if (from > 0) {
      --from;
      return true;
    }
    const std::uint32_t b = *nearest(a, first, end);
    const std::uint32_t start = std::min(a, b), stop = std::max(a + first_length_, b + second_length_);
    out.push_back({start, stop - start});
    return out.size() < limit;
  });
  return out;
}

}  // namespace textx
