#pragma once
// A fast non-cryptographic hash of short byte strings (words, keys, tokens) for the core's hash tables:
// eight bytes at a time, then the rest, then a final mix. Tables take its low bits.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace textx {

inline std::uint32_t hash_bytes(std::string_view bytes) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull * (bytes.size() + 1);
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, bytes.data() + i, sizeof chunk);
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i + k < bytes.size(); ++k)
    tail |= std::uint64_t{static_cast<unsigned char>(bytes[i + k])} << (8 * k);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  h *= 0xFF51AFD7ED558CCDull;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace textx
