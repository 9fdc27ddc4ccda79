#include "core/text/utf16_offsets.hpp"

#include <algorithm>

#include "core/text/ascii_swar.hpp"

namespace textx {
namespace {

// UTF-16 units contributed by the bytes [from, to): one per lead byte, two per 4-byte lead.
std::size_t utf16_units(std::string_view text, std::size_t from, std::size_t to) {
  const auto units_of = [&](std::size_t begin, std::size_t end) {
    std::size_t units = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      units += (b & 0xC0) != 0x80;
      units += b >= 0xF0;
    }
    return units;
  };
  std::size_t units = 0;
  std::size_t i = from;
  if constexpr (swar::kAvailable) {
    for (; i + 8 <= to; i += 8) {  // eight ASCII bytes are eight units
      units += (swar::load(text.data() + i) & swar::kHigh) == 0 ? 8 : units_of(i, i + 8);
    }
  }
  return units + units_of(i, to);
}

}  // namespace

Utf16Offsets::Utf16Offsets(std::string_view text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t units = 0;
  for (std::size_t at = 0; at <= text.size(); at += kStride) {
    checkpoints_.push_back(static_cast<std::uint32_t>(units));
    units += utf16_units(text, at, std::min(at + kStride, text.size()));
  }
}

std::size_t Utf16Offsets::to_utf16(std::string_view text, std::size_t byte_offset) const {
  const std::size_t checkpoint = byte_offset / kStride;
  return checkpoints_[checkpoint] + utf16_units(text, checkpoint * kStride, byte_offset);
}

}  // namespace textx
