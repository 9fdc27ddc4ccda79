// Fuzz target: HTML to text (core/text/html_text.hpp), which reads scraped and downloaded pages. The
// result must be valid UTF-8 laid out as documented (no blank line at either end, never two in a row).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)textx::looks_like_html(bytes);
  const std::string html = textx::repair_utf8(bytes).text;
  const std::string text = textx::html_to_text(html);
  FUZZ_CHECK(textx::fuzz::is_valid_utf8(text));
  FUZZ_CHECK(!text.starts_with("\n\n") && !text.ends_with("\n\n"));
  FUZZ_CHECK(text.find("\n\n\n") == std::string::npos);
  return 0;
}
