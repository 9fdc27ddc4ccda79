#pragma once
// Random text for differential tests: the fast paths of the text model must give exactly what the
// reference implementation (reference_text_model.hpp) gives. Every ASCII byte can appear, next to code
// points of every Word_Break and Sentence_Break value, the spaces and line breaks segments.cpp knows, and
// 2-, 3- and 4-byte sequences; "prose" mixes words, punctuation and line breaks the way real text does, so
// that the ASCII runs the fast paths take are long and their edges varied.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/text/utf8.hpp"

namespace textx::testing {

// Code points outside ASCII, one or more per property value the rules distinguish.
inline const std::vector<char32_t>& non_ascii_samples() {
  static const std::vector<char32_t> samples = {
      0x00E9,  0x00C9,  0x0301,  0x200D,  0x00AD,  0x200B,  0x05D0,  0x05D1,  0x30A2,  0x1F1E6, 0x1F1E7,
      0x1F600, 0x2029,  0x2028,  0x0085,  0x00A0,  0x3000,  0x2003,  0x202F,  0x205F,  0xFEFF,  0x2019,
      0x00B7,  0x066C,  0xFF0E,  0x3002,  0x00BB,  0xFF41,  0x4E2D,  0x0660,  0x203F,  0xFFFD,  0x05F4,
      0x2024,  0xFE52,  0x10000, 0x0600,  0x00AB,  0x2018,  0x201C,  0x201D,  0x0589,  0x037E,  0x0387,
      0x1680,  0x2060,  0xFE13,  0xFF0C,  0x3001,  0x00C0,  0x0041,  0x0131,  0x1E9E,  0x00DF,  0xFB01,
  };
  return samples;
}

class RandomText {
 public:
  explicit RandomText(std::uint32_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  // `length` code points, each any ASCII byte (NUL included) or a non-ASCII sample.
  std::string uniform(std::size_t length) {
    std::string out;
    for (std::size_t i = 0; i < length; ++i) append_code_point(out, any_code_point());
    return out;
  }

  // Words of ASCII letters and digits (sometimes with a non-ASCII letter or mark) between spaces,
  // punctuation, sentence ends and line breaks; about `length` bytes.
  std::string prose(std::size_t length) {
    static const char* const separators[] = {" ", " ", " ", " ", ", ", ". ", ".  ", "! ", "? ", "; ", ": ",
                                             "'", "\"", "-", "_", ".", ",", "\n", "\r\n", "\n\n", "\r", " (",
                                             ") ", ".) ", "...", " \t", "\t", "\f", "\v", " . ", "'s ", "\xC2\xA0"};
    std::string out;
    while (out.size() < length) {
      const std::size_t word_length = 1 + below(below(4) == 0 ? 20 : 8);
      for (std::size_t i = 0; i < word_length; ++i) {
        const std::size_t pick = below(100);
        if (pick < 45) out.push_back(static_cast<char>('a' + below(26)));
        else if (pick < 60) out.push_back(static_cast<char>('A' + below(26)));
        else if (pick < 75) out.push_back(static_cast<char>('0' + below(10)));
        else if (pick < 80) append_code_point(out, non_ascii_samples()[below(non_ascii_samples().size())]);
        else if (pick < 85) out.push_back(static_cast<char>(below(0x80)));
        else out.push_back(static_cast<char>('a' + below(3)));
      }
      if (below(6) == 0) append_code_point(out, any_code_point());
      out += separators[below(std::size(separators))];
    }
    return out;
  }

  // Bytes that are mostly valid UTF-8 with some damage: truncated, overlong, surrogate and stray bytes.
  std::string damaged_utf8(std::size_t length) {
    std::string out = below(2) ? prose(length) : uniform(length / 2);
    const std::size_t damage = below(4);
    for (std::size_t i = 0; i < damage && !out.empty(); ++i) {
      const std::size_t at = below(out.size());
      static const char* const bad[] = {"\x80", "\xBF", "\xC0\xAF", "\xC2", "\xE0\x80\x80", "\xED\xA0\x80",
                                        "\xF4\x90\x80\x80", "\xF8", "\xFF", "\xE2\x82", "\xF0\x9F\x98", "\xC3"};
      out.insert(at, bad[below(std::size(bad))]);
    }
    return out;
  }

 private:
  char32_t any_code_point() {
    if (below(3) == 0) return non_ascii_samples()[below(non_ascii_samples().size())];
    return static_cast<char32_t>(below(0x80));
  }

  static void append_code_point(std::string& out, char32_t cp) { append_utf8(out, cp); }

  std::mt19937 rng_;
};

}  // namespace textx::testing
