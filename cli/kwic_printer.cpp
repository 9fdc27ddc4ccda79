#include "cli/kwic_printer.hpp"

#include <string>
#include <string_view>

#include "core/text/utf8.hpp"

namespace textx::cli {
namespace {

// The last `width` code points of `text`, padded on the left with spaces to `width`.
std::string fit_left(std::string_view text, std::size_t width) {
  const std::size_t count = count_code_points(text);
  if (count <= width) return std::string(width - count, ' ') + std::string(text);
  std::size_t skip = count - width, pos = 0;
  while (skip > 0) {
    next_code_point(text, pos);
    --skip;
  }
  return std::string(text.substr(pos));
}

// The first `width` code points of `text`.
std::string fit_right(std::string_view text, std::size_t width) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < width && pos < text.size(); ++n) next_code_point(text, pos);
  return std::string(text.substr(0, pos));
}

}  // namespace

void print_kwic(std::ostream& out, const Corpus& corpus, const Concordance& concordance, std::size_t offset,
                std::size_t side_width) {
  out << concordance.total << (concordance.total == 1 ? " hit" : " hits") << " for \"" << concordance.query << "\"";
  if (!concordance.rows.empty() && concordance.rows.size() < concordance.total)
    out << " (showing " << offset + 1 << "-" << offset + concordance.rows.size() << ")";
  out << '\n';
  for (const KwicRow& row : concordance.rows) {
    out << fit_left(row.left, side_width) << " [" << row.match << "] " << fit_right(row.right, side_width) << "  "
        << corpus.document(row.doc).info.name << '\n';
  }
}

}  // namespace textx::cli
