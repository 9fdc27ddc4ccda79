#include "core/text/html_text.hpp"

namespace textx {

std::string html_to_text(std::string_view html) { return std::string(html); }

}  // namespace textx
