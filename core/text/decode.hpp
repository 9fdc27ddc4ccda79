#pragma once
// Bytes to text: detects the encoding of a file and decodes it to valid UTF-8, or refuses binary content.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace textx {

enum class Encoding { kUtf8, kUtf16LE, kUtf16BE, kWindows1252 };

// The encoding's WHATWG label: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252".
std::string_view encoding_name(Encoding encoding);

struct DecodedText {
  std::string text;               // valid UTF-8, byte-order mark removed
  Encoding encoding = Encoding::kUtf8;
  bool byte_order_mark = false;   // the encoding was declared by a BOM rather than detected
  std::size_t replacements = 0;   // ill-formed sequences replaced by U+FFFD
};

// Decodes `bytes`, detecting the encoding:
//  1. a byte-order mark names UTF-8, UTF-16LE or UTF-16BE (UTF-32 is refused);
//  2. without one, UTF-16 is recognised by its zero bytes: ASCII-range characters leave a zero in every
//     other byte, so zeros at most odd (or even) positions and almost none at the others mean UTF-16LE (BE);
//  3. other zero bytes, known binary signatures (PNG, PDF, ZIP, ELF…) or many control characters mean a
//     binary file, refused with an Error naming `name`;
//  4. valid UTF-8 is UTF-8;
//  5. invalid UTF-8 stays UTF-8, with each ill-formed sequence replaced, when valid multi-byte sequences
//     outnumber the invalid ones (a UTF-8 file with a few damaged bytes); otherwise it is windows-1252.
// Empty input decodes to empty UTF-8 text.
Result<DecodedText> decode_bytes(std::string_view bytes, std::string_view name);

}  // namespace textx
