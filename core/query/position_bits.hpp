#pragma once
// Bitmaps over a segment's token positions (bit i of word i / 64 for position i): the sets of match starts
// that phrases, alternatives and NEAR combine.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace textx {

inline void set_bit(std::vector<std::uint64_t>& bits, std::uint32_t i) { bits[i >> 6] |= std::uint64_t{1} << (i & 63); }

inline bool test_bit(const std::vector<std::uint64_t>& bits, std::uint32_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }

// Clears bits [from, to).
inline void clear_bits(std::vector<std::uint64_t>& bits, std::uint32_t from, std::uint32_t to) {
  for (; from < to && (from & 63) != 0; ++from) bits[from >> 6] &= ~(std::uint64_t{1} << (from & 63));
  for (; from + 64 <= to; from += 64) bits[from >> 6] = 0;
  for (; from < to; ++from) bits[from >> 6] &= ~(std::uint64_t{1} << (from & 63));
}

// Whether any of bits [from, to] is set (nothing when from > to).
inline bool any_bit(const std::vector<std::uint64_t>& bits, std::uint32_t from, std::uint32_t to) {
  if (from > to) return false;
  const std::uint32_t first = from >> 6, last = to >> 6;
  const std::uint64_t head = ~std::uint64_t{0} << (from & 63);
  const std::uint64_t tail = ~std::uint64_t{0} >> (63 - (to & 63));
  if (first == last) return (bits[first] & head & tail) != 0;
  if (bits[first] & head) return true;
  for (std::uint32_t w = first + 1; w < last; ++w)
    if (bits[w]) return true;
  return (bits[last] & tail) != 0;
}

inline std::size_t count_bits(const std::vector<std::uint64_t>& bits) {
  std::size_t n = 0;
  for (const std::uint64_t word : bits) n += static_cast<std::size_t>(std::popcount(word));
  return n;
}

// out[i] |= bits[i + shift] for every position i: `bits` moved `shift` positions down. Same sizes.
inline void or_shifted_down(std::vector<std::uint64_t>& out, const std::vector<std::uint64_t>& bits, std::uint32_t shift) {
  const std::size_t words = shift >> 6, n = bits.size();
  const unsigned low = shift & 63;
  for (std::size_t w = 0; w + words < n; ++w) {
    std::uint64_t word = bits[w + words] >> low;
    if (low != 0 && w + words + 1 < n) word |= bits[w + words + 1] << (64 - low);
    out[w] |= word;  // `out` may be `bits`: word w + words is read before it is written
  }
}

// out[i] |= bits[i - shift] for every position i >= shift: `bits` moved `shift` positions up. Same sizes;
// `out` is not `bits`.
inline void or_shifted_up(std::vector<std::uint64_t>& out, const std::vector<std::uint64_t>& bits, std::uint32_t shift) {
  const std::size_t words = shift >> 6, n = bits.size();
  const unsigned low = shift & 63;
  for (std::size_t w = words; w < n; ++w) {
    std::uint64_t word = bits[w - words] << low;
    if (low != 0 && w > words) word |= bits[w - words - 1] >> (64 - low);
    out[w] |= word;
  }
}

// bits[i] = bits[i] | bits[i + 1] | ... | bits[i + width - 1], in place (width >= 1): by doubling, a few
// passes over the words whatever the width.
inline void spread_down(std::vector<std::uint64_t>& bits, std::uint32_t width) {
  std::uint32_t covered = 1;
  for (; covered * 2 <= width; covered *= 2) or_shifted_down(bits, bits, covered);
  if (covered < width) or_shifted_down(bits, bits, width - covered);
}

// Appends to `out` the positions of the set bits of `bits`, ascending, skipping the first `skip` and taking
// at most `limit`.
inline void list_bits(const std::vector<std::uint64_t>& bits, std::size_t skip, std::size_t limit,
                      std::vector<std::uint32_t>& out) {
  for (std::size_t w = 0; w < bits.size() && limit > 0; ++w) {
    std::uint64_t word = bits[w];
    const auto n = static_cast<std::size_t>(std::popcount(word));
    if (skip >= n) {
      skip -= n;
      continue;
    }
    for (; word != 0 && limit > 0; word &= word - 1) {
      if (skip > 0) {
        --skip;
        continue;
      }
      out.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
      --limit;
    }
  }
}

}  // namespace textx
