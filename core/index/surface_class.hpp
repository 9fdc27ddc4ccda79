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
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
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

// A set of classes, and for each byte of packed classes which of its four are in the set: walks packed
// classes a byte at a time, skipping the bytes with none in the set.
class ClassSelector {
 public:
  explicit ClassSelector(unsigned classes = 0xF) {  // bit c: class c
    for (unsigned byte = 0; byte < 256; ++byte) {
      unsigned hits = 0;
      for (unsigned i = 0; i < 4; ++i) hits |= ((classes >> ((byte >> (2 * i)) & 3)) & 1) << i;
      hits_[byte] = static_cast<std::uint8_t>(hits);
    }
  }

  // Calls f(index, class) for each of classes [from, to) of `bytes` in the set, in order, until f returns false.
  template <typename F>
  void for_each(const std::uint8_t* bytes, std::size_t from, std::size_t to, F f) const {
    while (from < to) {
      unsigned hits = hits_[bytes[from >> 2]] >> (from & 3);
      if (hits == 0) {
        from = (from | 3) + 1;
        continue;
      }
      const std::size_t at = from + static_cast<std::size_t>(std::countr_zero(hits));
      if (at >= to) return;
      if (!f(at, packed_class(bytes, at))) return;
      from = at + 1;
    }
  }

 private:
  std::array<std::uint8_t, 256> hits_{};
};

}  // namespace textx
