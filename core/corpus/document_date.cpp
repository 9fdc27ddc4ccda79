#include "core/corpus/document_date.hpp"

#include <cstddef>

namespace textx {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The two-digit number at `at`, or -1.
int two_digits(std::string_view s, std::size_t at) {
  if (at + 2 > s.size() || !is_digit(s[at]) || !is_digit(s[at + 1])) return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

bool is_separator(char c) { return c == '-' || c == '_' || c == '.'; }

}  // namespace

std::string date_from_name(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.size() < 4 || !is_digit(name[0]) || !is_digit(name[1]) || !is_digit(name[2]) || !is_digit(name[3]))
    return {};
  if (name[0] != '1' && name[0] != '2') return {};
  std::string date(name.substr(0, 4));
  const auto ends_number = [&](std::size_t at) { return at >= name.size() || !is_digit(name[at]); };

  // Eight digits run together: YYYYMMDD.
  if (name.size() >= 8 && ends_number(8)) {
    const int month = two_digits(name, 4), day = two_digits(name, 6);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return date + '-' + std::string(name.substr(4, 2)) + '-' + std::string(name.substr(6, 2));
    }
  }
  if (!ends_number(4)) return {};
  // Separated parts: YYYY[-MM[-DD]], each part followed by a non-digit.
  std::size_t at = 4;
  for (const int limit : {12, 31}) {
    if (at >= name.size() || !is_separator(name[at])) break;
    const int part = two_digits(name, at + 1);
    if (part < 1 || part > limit || !ends_number(at + 3)) break;
    date += '-';
    date += name.substr(at + 1, 2);
    at += 3;
  }
  return date;
}

}  // namespace textx
