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

namespace {

// A is frequent, and its matches are found all at once, when it has more than one match in this many
// tokens: testing each match's windows costs more, then, than a dozen passes over the bitmaps' words.
constexpr std::size_t kAllAtOnceAbove = 64;

}  // namespace

void KeySequenceNear::prepare(const IndexSegment& segment) {
  if (prepared_ == &segment) return;
  prepared_ = &segment;
  near_starts_.clear();
  near_bits_.clear();
  second_bits_.assign(segment.token_count() / 64 + 1, 0);
  as_bits_ = first_.count(segment) > segment.token_count() / kAllAtOnceAbove;
  if (as_bits_) find_all_at_once(segment);
  else find_each(segment);
}

void KeySequenceNear::find_each(const IndexSegment& segment) {
  const std::vector<std::uint32_t> starts = first_.starts(segment, 0, std::numeric_limits<std::size_t>::max());
  if (starts.empty()) return;
  second_.set_starts(segment, second_bits_);
  std::size_t local = 0;
  for (const std::uint32_t a : starts) {
    while (segment.first_token(local + 1) <= a) ++local;
    if (has_partner(a, segment.first_token(local), segment.first_token(local + 1))) near_starts_.push_back(a);
  }
}

// near_bits_[a] = A starts at a and B at one of [a + |A|, a + |A| + n] or [a - |B| - n, a - |B|]: B's bits
// spread over n + 1 positions, moved |A| down and |B| + n up.
void KeySequenceNear::find_all_at_once(const IndexSegment& segment) {
  second_.set_starts(segment, second_bits_);
  scratch_ = second_bits_;
  spread_down(scratch_, distance_ + 1);
  near_bits_.assign(second_bits_.size(), 0);
  or_shifted_down(near_bits_, scratch_, first_length_);
  or_shifted_up(near_bits_, scratch_, second_length_ + distance_);
  scratch_.assign(second_bits_.size(), 0);
  first_.set_starts(segment, scratch_);
  for (std::size_t w = 0; w < near_bits_.size(); ++w) near_bits_[w] &= scratch_[w];
  // The windows of matches near a document's start or end reach into the documents beside it, or before the
  // segment's start: test those matches alone.
  for (std::size_t local = 0; local < segment.document_count(); ++local) {
    const std::uint32_t first = segment.first_token(local), end = segment.first_token(local + 1);
    const auto test = [&](std::uint32_t from, std::uint32_t to) {  // positions [from, to)
      for (std::uint32_t a = from; a < to; ++a) {
        const std::uint64_t bit = std::uint64_t{1} << (a & 63);
        near_bits_[a >> 6] &= ~bit;
        if (test_bit(scratch_, a) && has_partner(a, first, end)) near_bits_[a >> 6] |= bit;
      }
    };
    const std::uint32_t head = static_cast<std::uint32_t>(std::min<std::uint64_t>(end, std::uint64_t{first} + second_length_ + distance_));
    const std::uint32_t reach = first_length_ + distance_;
    test(first, head);
    test(std::max(head, end >= reach ? end - reach : 0), end);
  }
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

std::size_t KeySequenceNear::count(const IndexSegment& segment) {
  prepare(segment);
  return as_bits_ ? count_bits(near_bits_) : near_starts_.size();
}

std::vector<SegmentMatch> KeySequenceNear::matches(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  prepare(segment);
  std::vector<std::uint32_t> starts;
  if (as_bits_) {
    list_bits(near_bits_, from, limit, starts);
  } else if (from < near_starts_.size()) {
    const auto begin = near_starts_.begin() + static_cast<std::ptrdiff_t>(from);
    starts.assign(begin, begin + static_cast<std::ptrdiff_t>(std::min(limit, near_starts_.size() - from)));
  }
  std::vector<SegmentMatch> out;
  out.reserve(starts.size());
  for (const std::uint32_t a : starts) {
    const std::size_t local = segment.document_of(a);
    const std::uint32_t b = *nearest(a, segment.first_token(local), segment.first_token(local + 1));
    const std::uint32_t start = std::min(a, b), stop = std::max(a + first_length_, b + second_length_);
    out.push_back({start, stop - start});
  }
  return out;
}

}  // namespace textx
