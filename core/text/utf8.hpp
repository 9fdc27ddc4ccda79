#pragma once
// UTF-8 reading and repair. Offsets everywhere in the core are UTF-8 byte offsets into repaired text.
#include <cstddef>
#include <string>
#include <string_view>

namespace textx {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Text known to be valid UTF-8, and how many invalid sequences were replaced to make it so.
struct RepairedText {
  std::string text;
  std::size_t replacements = 0;
};

// Copies `bytes` as UTF-8, dropping a leading UTF-8 byte-order mark and replacing each maximal
// ill-formed subpart with U+FFFD (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal Subparts").
// Valid input is copied unchanged; empty input gives empty text.
RepairedText repair_utf8(std::string_view bytes);

// Decodes the code point starting at `pos` of valid UTF-8 `text` and advances `pos` past it.
// Precondition: pos < text.size() and text is valid UTF-8 (as produced by repair_utf8).
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    pos += 1;
    return lead;
  }
  if (lead < 0xE0) {
    const char32_t cp = (char32_t(lead & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
    pos += 2;
    return cp;
  }
  if (lead < 0xF0) {
    const char32_t cp =
        (char32_t(lead & 0x0F) << 12) | (char32_t(byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
    pos += 3;
    return cp;
  }
  const char32_t cp = (char32_t(lead & 0x07) << 18) | (char32_t(byte(pos + 1) & 0x3F) << 12) |
                      (char32_t(byte(pos + 2) & 0x3F) << 6) | (byte(pos + 3) & 0x3F);
  pos += 4;
  return cp;
}

// Whether `bytes` are well-formed UTF-8 throughout.
bool is_valid_utf8(std::string_view bytes);

// Appends the UTF-8 encoding of `cp` (a Unicode scalar value) to `out`.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

}  // namespace textx
