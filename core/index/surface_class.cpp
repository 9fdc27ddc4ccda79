#include "core/index/surface_class.hpp"

#include <algorithm>
#include <array>

namespace textx {
namespace {

// Per byte of packed classes, how many of its four are each class, in 16-bit lanes (class c in bits 16c..).
constexpr std::array<std::uint64_t, 256> kByteCounts = [] {
  std::array<std::uint64_t, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte)
    for (unsigned i = 0; i < 4; ++i) table[byte] += std::uint64_t{1} << (16 * ((byte >> (2 * i)) & 3));
  return table;
}();

}  // namespace

void copy_classes(std::uint8_t* target, std::size_t to, const std::uint8_t* source, std::size_t from, std::size_t count) {
  const std::size_t end = from + count;
  for (; from < end && (to & 3) != 0; ++from, ++to) pack_class(target, to, packed_class(source, from));
  const unsigned shift = 2 * (from & 3);
  // Each whole target byte takes four classes from the source's two bytes at that point.
  for (; from + 4 <= end; from += 4, to += 4) {
    const unsigned pair = source[from >> 2] | static_cast<unsigned>(source[(from >> 2) + 1]) << 8;
    target[to >> 2] = static_cast<std::uint8_t>(pair >> shift);
  }
  for (; from < end; ++from, ++to) pack_class(target, to, packed_class(source, from));
}

ClassCounts count_classes(const std::uint8_t* bytes, std::size_t from, std::size_t to) {
  ClassCounts out;
  for (; from < to && (from & 3) != 0; ++from) ++out.of[packed_class(bytes, from)];
  // Whole bytes through the table, the lanes emptied before they can overflow (16383 bytes of 4 each).
  while (from + 4 <= to) {
    const std::size_t stop = std::min(to & ~std::size_t{3}, from + 4 * 16383);
    std::uint64_t lanes = 0;
    for (; from < stop; from += 4) lanes += kByteCounts[bytes[from >> 2]];
    for (unsigned c = 0; c < 4; ++c) out.of[c] += (lanes >> (16 * c)) & 0xFFFF;
  }
  for (; from < to; ++from) ++out.of[packed_class(bytes, from)];
  return out;
}

}  // namespace textx
