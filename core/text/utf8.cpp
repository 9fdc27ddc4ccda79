#include "core/text/utf8.hpp"

#include "core/text/ascii_swar.hpp"

namespace textx {
namespace {

// Length of the well-formed sequence starting at `i`, or 0 when it is ill-formed. On 0, `bad_len` is the
// length of the maximal subpart to replace by one U+FFFD (at least 1). Ranges follow Table 3-7.
std::size_t well_formed_length(std::string_view s, std::size_t i, std::size_t& bad_len) {
  const auto at = [&](std::size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
  const int b0 = at(0);
  bad_len = 1;
  if (b0 < 0x80) return 1;
  int need = 0, lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // C0, C1, F5..FF and stray continuation bytes
  }
  for (int k = 1; k <= need; ++k) {
    const int b = at(k);
    const int min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) {
      bad_len = static_cast<std::size_t>(k);
      return 0;
    }
  }
  return static_cast<std::size_t>(need + 1);
}

}  // namespace

RepairedText repair_utf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  RepairedText out;
  out.text.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // ASCII runs are the common case; find their end eight bytes at a time and copy them whole.
    std::size_t run = i;
    if constexpr (swar::kAvailable) {
      for (; run + 8 <= bytes.size(); run += 8) {
        const swar::Word high = swar::load(bytes.data() + run) & swar::kHigh;
        if (high) {
          run += swar::first(high);
          break;
        }
      }
    }
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.text.append(bytes.data() + i, run - i);
    i = run;
    if (i == bytes.size()) break;
    std::size_t bad_len = 0;
    const std::size_t len = well_formed_length(bytes, i, bad_len);
    if (len > 0) {
      out.text.append(bytes.data() + i, len);
      i += len;
    } else {
      append_utf8(out.text, kReplacementChar);
      ++out.replacements;
      i += bad_len;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  std::size_t bad_len = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = well_formed_length(bytes, i, bad_len);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace textx
