#pragma once
// A token's surface class: how its text relates to its default key, in 2 bits, so that a word matched case-
// or diacritic-sensitively is mostly filtered by class rather than by reading each token's text.
//
// An ASCII token's default key is its text with A-Z lowered (fold.hpp changes nothing else in ASCII), and
// its case- or diacritic-sensitive form is its text or that key (strict_form.hpp). So for ASCII text, the
// class says which ASCII form of the key the text is, and with the key, the text itself:
//   kLower  the text equals its key (no capital letter)
//   kTitle  the text is the key with its first character upper-cased ("The", "A", "I", "X1")
//   kCaps   the text is the key with every letter upper-cased, and is neither of the above ("THE", "1A")
//   kOther  anything else (a letter beyond ASCII, mixed case as "McKinley"): the text must be read
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace textx {

enum SurfaceClass : std::uint8_t { kLower = 0, kTitle = 1, kCaps = 2, kOther = 3 };

// The class of a token's text `word`.
inline SurfaceClass surface_class(std::string_view word) {
  std::size_t upper = 0, lower = 0;
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) return kOther;
    upper += byte >= 'A' && byte <= 'Z';
    lower += byte >= 'a' && byte <= 'z';
  }
  if (upper == 0) return kLower;
  if (upper == 1 && word.front() >= 'A' && word.front() <= 'Z') return kTitle;
  return lower == 0 ? kCaps : kOther;
}

// The class of the token text[start, end), as surface_class gives it, 8 bytes at a time: indexing classifies
// every token, and a loop over bytes costs what its other steps per token do. Reads whole 8-byte words of
// `text` past `end` (masked off) where the text has them.
inline SurfaceClass surface_class_in(std::string_view text, std::size_t start, std::size_t end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  std::uint64_t upper_first = 0, upper_rest = 0, lower = 0;
  for (std::size_t at = start; at < end; at += 8) {
    std::uint64_t word = 0;
    if (at + 8 <= text.size()) {
      std::memcpy(&word, text.data() + at, sizeof word);
      if (end - at < 8) word &= (std::uint64_t{1} << (8 * (end - at))) - 1;
    } else {
      for (std::size_t i = at; i < end; ++i) word |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * (i - at));
    }
    if (word & kHigh) return kOther;
    // Per byte (all below 0x80, so no carry leaves a byte): its high bit set when it is at least the bound.
    const std::uint64_t upper = (word + kOnes * (0x80 - 'A')) & ~(word + kOnes * (0x80 - 'Z' - 1)) & kHigh;
    lower |= (word + kOnes * (0x80 - 'a')) & ~(word + kOnes * (0x80 - 'z' - 1)) & kHigh;
    if (at == start) {
      upper_first = upper & 0x80;
      upper_rest |= upper & ~std::uint64_t{0x80};
    } else {
      upper_rest |= upper;
    }
  }
  if ((upper_first | upper_rest) == 0) return kLower;
  if (upper_first != 0 && upper_rest == 0) return kTitle;
  return lower == 0 ? kCaps : kOther;
}

// The text of an ASCII token of class kLower, kTitle or kCaps whose key is `key` (ASCII).
inline std::string surface_text(std::string_view key, SurfaceClass cls) {
  std::string out(key);
  for (std::size_t i = 0; i < out.size() && (cls == kCaps || i == 0) && cls != kLower; ++i)
    if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 'a' + 'A');
  return out;
}

// Classes packed 2 bits each, 4 to a byte, the first in the low bits.
inline SurfaceClass packed_class(const std::uint8_t* bytes, std::size_t index) {
  return static_cast<SurfaceClass>((bytes[index >> 2] >> (2 * (index & 3))) & 3);
}

// Precondition: the 2 bits at `index` are clear.
inline void pack_class(std::uint8_t* bytes, std::size_t index, unsigned cls) {
  bytes[index >> 2] = static_cast<std::uint8_t>(bytes[index >> 2] | cls << (2 * (index & 3)));
}

// Bytes holding `count` packed classes, plus a spare one (copy_classes reads a byte past the last).
inline std::size_t packed_class_bytes(std::size_t count) { return count / 4 + 2; }

// Copies classes [from, from + count) of `source` to [to, to + count) of `target` (whose bits there are clear),
// a byte of target at a time where it can.
void copy_classes(std::uint8_t* target, std::size_t to, const std::uint8_t* source, std::size_t from, std::size_t count);

// How many of classes [from, to) of `bytes` are each of the four classes.
struct ClassCounts {
  std::size_t of[4] = {0, 0, 0, 0};
};
ClassCounts count_classes(const std::uint8_t* bytes, std::size_t from, std::size_t to);

// A set of classes, found among packed classes 32 at a time: the classes of a 64-bit word compared with each
// class of the set at once, and only the matching ones visited.
class ClassSelector {
 public:
  explicit ClassSelector(unsigned classes = 0xF) : classes_(classes & 0xF) {}  // bit c: class c

  // Calls f(index, class) for each of classes [from, to) of `bytes` in the set, in order, until f returns false.
  template <typename F>
  void for_each(const std::uint8_t* bytes, std::size_t from, std::size_t to, F f) const {
    for (; from < to && (from & 31) != 0; ++from) {
      const SurfaceClass c = packed_class(bytes, from);
      if (((classes_ >> c) & 1) && !f(from, c)) return;
    }
    for (; from + 32 <= to; from += 32) {
      std::uint64_t word;
      std::memcpy(&word, bytes + (from >> 2), sizeof word);
      for (std::uint64_t hits = select(word); hits != 0; hits &= hits - 1) {
        const auto bit = static_cast<unsigned>(std::countr_zero(hits));  // even: the low bit of a class
        if (!f(from + bit / 2, static_cast<SurfaceClass>((word >> bit) & 3))) return;
      }
    }
    for (; from < to; ++from) {
      const SurfaceClass c = packed_class(bytes, from);
      if (((classes_ >> c) & 1) && !f(from, c)) return;
    }
  }

 private:
  // The low bit of each 2-bit class of `word` that is in the set.
  std::uint64_t select(std::uint64_t word) const {
    constexpr std::uint64_t kLow = 0x5555555555555555u;
    std::uint64_t out = 0;
    for (unsigned c = 0; c < 4; ++c) {
      if (((classes_ >> c) & 1) == 0) continue;
      const std::uint64_t differ = word ^ (kLow * c);
      out |= ~(differ | differ >> 1) & kLow;
    }
    return out;
  }

  unsigned classes_;
};

}  // namespace textx
