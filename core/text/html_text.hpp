#pragma once
// Text of an HTML document, for reading and analysis: markup removed, block structure kept as blank lines.
#include <string>
#include <string_view>

namespace textx {

// Returns the text of `html` (valid UTF-8).
std::string html_to_text(std::string_view html);

}  // namespace textx
