// Fuzz target: decode_bytes (core/text/decode.hpp), the first thing every file goes through. Any bytes
// must give valid UTF-8 text or a load.* Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text/decode.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const textx::Result<textx::DecodedText> decoded = textx::decode_bytes(bytes, "input.txt");
  if (decoded.ok()) {
    FUZZ_CHECK(textx::fuzz::is_valid_utf8(decoded.value().text));
  } else {
    FUZZ_CHECK(decoded.error().code.starts_with("load."));
    FUZZ_CHECK(!decoded.error().message.empty());
  }
  return 0;
}
