#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/text/decode.hpp"

using textx::decode_bytes;
using textx::Encoding;

namespace {

std::string utf16(const std::u16string& text, bool little_endian, bool bom) {
  std::string out;
  if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (const char16_t unit : text) {
    const char lo = static_cast<char>(unit & 0xFF), hi = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

textx::DecodedText decoded(const std::string& bytes) {
  auto result = decode_bytes(bytes, "test.txt");
  REQUIRE(result.ok());
  return result.value();
}

const std::u16string kMixed = u"Independence \u2013 \uB3C5\uB9BD (Korean) \U0001F600 M\u00E1jer\r\n";
const std::string kMixedUtf8 = "Independence \u2013 \uB3C5\uB9BD (Korean) \U0001F600 M\u00E1jer\r\n";

}  // namespace

TEST_CASE("UTF-8 with and without a byte-order mark") {
  CHECK(decoded(kMixedUtf8).text == kMixedUtf8);
  CHECK(decoded(kMixedUtf8).encoding == Encoding::kUtf8);
  CHECK_FALSE(decoded(kMixedUtf8).byte_order_mark);
  const auto with_bom = decoded("\xEF\xBB\xBF" + kMixedUtf8);
  CHECK(with_bom.text == kMixedUtf8);
  CHECK(with_bom.byte_order_mark);
  CHECK(decoded("\xEF\xBB\xBF").text.empty());  // a file that is only a BOM
  CHECK(decoded("").text.empty());
}

TEST_CASE("UTF-16 in both byte orders, with a BOM or detected without one") {
  for (const bool little : {true, false}) {
    for (const bool bom : {true, false}) {
      CAPTURE(little);
      CAPTURE(bom);
      const auto text = decoded(utf16(kMixed, little, bom));
      CHECK(text.text == kMixedUtf8);
      CHECK(text.encoding == (little ? Encoding::kUtf16LE : Encoding::kUtf16BE));
      CHECK(text.byte_order_mark == bom);
      CHECK(text.replacements == 0);
    }
  }
  // Korean with spaces only, no BOM: the spaces' zero bytes are enough.
  const std::u16string korean = u"\uB3C5\uB9BD\uC740 \uAD6D\uC81C \uAD00\uACC4\uC758 \uAE30\uCD08\uC774\uB2E4. ";
  CHECK(decoded(utf16(korean + korean, true, false)).encoding == Encoding::kUtf16LE);
  // Unpaired surrogates and an odd trailing byte become U+FFFD.
  const auto broken = decoded(utf16(u"a\xD800" "b", true, true) + "x");
  CHECK(broken.text == "a\uFFFDb\uFFFD");
  CHECK(broken.replacements == 2);
}

TEST_CASE("bytes that are not UTF-8 fall back to windows-1252") {
  const auto latin = decoded("Imre M\xE1jer \x93quoted\x94 \x96 caf\xE9 \x80 5");
  CHECK(latin.encoding == Encoding::kWindows1252);
  CHECK(latin.text == "Imre M\u00e1jer \u201cquoted\u201d \u2013 caf\u00e9 \u20ac 5");
  CHECK(latin.replacements == 0);
  // A UTF-8 file with one damaged byte stays UTF-8, the damage counted.
  const auto damaged = decoded("M\u00e1jer \u2013 \u201cquoted\u201d \xFF end");
  CHECK(damaged.encoding == Encoding::kUtf8);
  CHECK(damaged.replacements == 1);
  CHECK(damaged.text == "M\u00e1jer \u2013 \u201cquoted\u201d \uFFFD end");
}

TEST_CASE("every truncated prefix of multi-byte UTF-8 decodes without a crash") {
  const std::string text = "\u00e1\u2013\U0001F600\U00020000";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    for (std::size_t start = 0; start < n; ++start) {
      const auto result = decode_bytes(text.substr(start, n - start), "prefix.txt");
      REQUIRE(result.ok());
    }
  }
  // Overlong forms, surrogates and out-of-range sequences in an otherwise UTF-8 file.
  const auto bad = decoded("\u00e1\u00e9\u00ed\u00f3 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 ok");
  CHECK(bad.encoding == Encoding::kWindows1252);  // more damage than valid sequences: read as windows-1252
}

TEST_CASE("binary content is refused with a message that names the file and says what it is") {
  struct Case {
    std::string bytes;
    const char* message;
  };
  const Case cases[] = {
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "[load.binary] scan.bin is a PNG image, not a text file."},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "[load.binary] scan.bin is a PDF document, not a text file."},
      {std::string("PK\x03\x04\x14\0\0\0", 8),
       "[load.binary] scan.bin is a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives), not a text file."},
      {std::string("\x7F" "ELF\x02\x01\x01\0", 8), "[load.binary] scan.bin is a program (ELF executable), not a text file."},
      {std::string("text\0more text", 14), "[load.binary] scan.bin is a binary file (it contains zero bytes), not a text file."},
      {"\x01\x02\x03\x04\x05\x06 abc", "[load.binary] scan.bin is a binary file (it is full of control characters), not a text file."},
      {std::string("\xFF\xFE\0\0a\0\0\0", 8), "[load.encoding] scan.bin is UTF-32 text, which textx does not read; save it as UTF-8."},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.message));
    const auto result = decode_bytes(c.bytes, "scan.bin");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().to_string() == c.message);
  }
}

TEST_CASE("CR, LF and CRLF line ends and tabs are text, not binary") {
  const std::string text = "one\rtwo\nthree\r\nfour\tfive\f";
  CHECK(decoded(text).text == text);
}

TEST_CASE("the control-character limit holds wherever the controls are, around the 5% threshold") {
  std::mt19937 rng(5);
  const std::string controls = "\x01\x02\x07\x08\x0E\x1A\x1F";
  const std::string allowed = "\t\n\r\f\v\x1B";
  for (int round = 0; round < 3000; ++round) {
    const std::size_t size = 20 + rng() % 300;
    std::string text(size, 'a');
    for (std::size_t i = 0; i < size; ++i)
      if (rng() % 4 == 0) text[i] = allowed[rng() % allowed.size()];
    const std::size_t wanted = size / 20 + rng() % 3;  // at, just above or further above the limit
    for (std::size_t n = 0; n < wanted; ++n) text[rng() % size] = controls[rng() % controls.size()];
    std::size_t count = 0;
    for (const char c : text) count += controls.find(c) != std::string::npos;
    CAPTURE(text);
    CHECK(decode_bytes(text, "t.txt").ok() == (count * 20 <= size));
  }
}
