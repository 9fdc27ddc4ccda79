// Fuzz target: parsing a corpus manifest (wire/manifest.hpp), a JSON file that comes with a downloaded or
// shared corpus. Any bytes must give a Manifest or a manifest.invalid Error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "wire/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const textx::Result<textx::wire::Manifest> manifest = textx::wire::parse_manifest(bytes, "manifest.json");
  if (!manifest.ok()) FUZZ_CHECK(manifest.error().code == "manifest.invalid");
  return 0;
}
