#pragma once
// The one conversion from the core's UTF-8 byte offsets to UTF-16 code-unit offsets, the unit JavaScript
// strings are indexed by (a code point above U+FFFF is two units there, four bytes here).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace textx {

class Utf16Offsets {
 public:
  // Indexes valid UTF-8 `text`; keeps one checkpoint per kStride bytes, not the text.
  explicit Utf16Offsets(std::string_view text);

  // The UTF-16 offset of the code point that starts at `byte_offset` in the text given to the constructor
  // (or of the end, for text.size()). Precondition: byte_offset is on a code-point boundary, <= text.size().
  std::size_t to_utf16(std::string_view text, std::size_t byte_offset) const;

  static constexpr std::size_t kStride = 256;

 private:
  std::vector<std::uint32_t> checkpoints_;  // UTF-16 offset at byte offsets 0, kStride, 2*kStride…
};

}  // namespace textx
