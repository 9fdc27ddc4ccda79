#pragma once
// Eight bytes at a time ("SIMD within a register"), for the ASCII fast paths of the text model: plain
// 64-bit integer arithmetic, as fast in WebAssembly as natively, with no intrinsics.
//
// A mask has 0x80 set in each byte lane where a test holds, and nothing else. The lane tests are exact per
// byte (no carry or borrow crosses lanes), so a mask can be used to find the first lane, or every lane.
// Callers check their masks against their per-byte tables for all 256 byte values (see
// swar_matches_table) and fall back to the tables if they ever disagree.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>

namespace textx::swar {

using Word = std::uint64_t;

inline constexpr Word kOnes = 0x0101010101010101ull;
inline constexpr Word kHigh = 0x8080808080808080ull;
inline constexpr Word kLow7 = 0x7F7F7F7F7F7F7F7Full;

// Lanes are bytes in memory order only on little-endian machines (x86, ARM, WebAssembly).
inline constexpr bool kAvailable = std::endian::native == std::endian::little;

inline Word load(const char* p) {
  Word v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline constexpr Word broadcast(unsigned char b) { return kOnes * b; }

// Lanes holding a byte < 0x80.
inline constexpr Word ascii(Word v) { return ~v & kHigh; }

// Lanes whose low seven bits are >= lo (lo <= 0x80), and <= hi (hi <= 0x7F). Combine with ascii() for
// byte ranges: t + (0x80 - lo) and t + (0x7F - hi) stay below 0x100 in every lane, so no carry crosses.
inline constexpr Word low7_at_least(Word v, unsigned lo) { return ((v & kLow7) + broadcast(0x80 - lo)) & kHigh; }
inline constexpr Word low7_at_most(Word v, unsigned hi) { return ~((v & kLow7) + broadcast(0x7F - hi)) & kHigh; }

// Lanes holding exactly the byte b (b < 0x80).
inline constexpr Word equal(Word v, unsigned char b) {
  const Word x = v ^ broadcast(b);  // zero lanes where v == b
  // A lane is zero iff its low seven bits are zero and its high bit is clear: exact per lane.
  return ~(((x & kLow7) + kLow7) | x) & kHigh;
}

// Byte index (0-7) of the first lane set in a nonzero mask.
inline std::size_t first(Word mask) { return static_cast<std::size_t>(std::countr_zero(mask)) / 8; }

// Whether `lane_mask` (a function of a Word giving a mask) flags exactly the bytes `table` flags, for every
// byte value in every lane position.
template <class LaneMask, class Table>
bool swar_matches_table(LaneMask lane_mask, Table table) {
  if (!kAvailable) return false;
  for (unsigned b = 0; b < 256; ++b) {
    const Word mask = lane_mask(broadcast(static_cast<unsigned char>(b)));
    if (mask != (table(static_cast<unsigned char>(b)) ? kHigh : 0)) return false;
    // One lane at a time among other bytes, to catch any cross-lane effect.
    for (unsigned lane = 0; lane < 8; ++lane) {
      for (const unsigned other : {0x00u, 0x41u, 0x7Fu, 0x80u, 0xFFu}) {
        const Word v = (broadcast(static_cast<unsigned char>(other)) & ~(Word{0xFF} << (8 * lane))) |
                       (Word{b} << (8 * lane));
        const Word got = lane_mask(v) & (Word{0x80} << (8 * lane));
        if ((got != 0) != table(static_cast<unsigned char>(b))) return false;
      }
    }
  }
  return true;
}

}  // namespace textx::swar
