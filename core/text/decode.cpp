#include "core/text/decode.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text/ascii_swar.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;  // how much of a file the binary and UTF-16 checks look at

struct Signature {
  std::string_view magic;
  std::string_view what;
};

// File types readers are most likely to drop on the page by mistake, named so the message says what it is.
constexpr std::array kSignatures = {
    Signature{"\x89PNG", "a PNG image"},      Signature{"\xFF\xD8\xFF", "a JPEG image"},
    Signature{"GIF8", "a GIF image"},         Signature{"%PDF-", "a PDF document"},
    Signature{"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives)"},
    Signature{"\x7F" "ELF", "a program (ELF executable)"},
    Signature{"\x1F\x8B", "a gzip-compressed file"}, Signature{"BZh", "a bzip2-compressed file"},
    Signature{"7z\xBC\xAF", "a 7-Zip archive"}, Signature{"Rar!", "a RAR archive"},
    Signature{"\xD0\xCF\x11\xE0", "an old Microsoft Office file (.doc/.xls)"},
    Signature{std::string_view("\0asm", 4), "a WebAssembly module"},
};

// Windows-1252's 0x80-0x9F; the five unassigned bytes map to the C1 controls, as the WHATWG Encoding standard does.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

Error binary_error(std::string_view name, std::string_view what) {
  return Error{"load.binary", std::string(name) + " is " + std::string(what) + ", not a text file."};
}

// UTF-16 without a byte-order mark: the byte order whose high bytes are mostly zero, or nothing.
std::optional<Encoding> sniff_utf16(std::string_view bytes) {
  const std::size_t n = std::min(bytes.size(), kSniffBytes) & ~std::size_t{1};
  if (n < 4) return std::nullopt;
  std::size_t even_zeros = 0, odd_zeros = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_zeros += bytes[i] == '\0';
    odd_zeros += bytes[i + 1] == '\0';
  }
  const std::size_t units = n / 2;
  // At least four units, and one in ten, in the ASCII range (spaces, digits and punctuation do that even
  // in Korean or Russian text), and the other byte position zero four times less often (a character such
  // as U+AD00 or a low surrogate U+DE00 has a zero low byte).
  const auto looks_utf16 = [&](std::size_t ascii_zeros, std::size_t other_zeros) {
    return ascii_zeros >= 4 && ascii_zeros * 10 >= units && other_zeros * 4 <= ascii_zeros;
  };
  if (looks_utf16(odd_zeros, even_zeros)) return Encoding::kUtf16LE;
  if (looks_utf16(even_zeros, odd_zeros)) return Encoding::kUtf16BE;
  return std::nullopt;
}

bool is_binary_control(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B;
}

// How many bytes of `head` are control characters other than the usual whitespace and ESC. Text has few
// bytes below 0x20, so eight bytes without any are passed over at once.
std::size_t count_binary_controls(std::string_view head) {
  std::size_t controls = 0;
  std::size_t i = 0;
  if constexpr (swar::kAvailable) {
    for (; i + 8 <= head.size(); i += 8) {
      const swar::Word v = swar::load(head.data() + i);
      if ((swar::ascii(v) & swar::low7_at_most(v, 0x1F)) == 0) continue;
      for (std::size_t k = i; k < i + 8; ++k) controls += is_binary_control(head[k]);
    }
  }
  for (; i < head.size(); ++i) controls += is_binary_control(head[i]);
  return controls;
}

// Error when the bytes are not text: a zero byte, or many control characters.
std::optional<Error> binary_content(std::string_view bytes, std::string_view name, bool has_zero_byte) {
  if (has_zero_byte) return binary_error(name, "a binary file (it contains zero bytes)");
  const std::string_view head = bytes.substr(0, kSniffBytes);
  const std::size_t controls = count_binary_controls(head);
  if (controls * 20 > head.size())  // over 5%: no text looks like that
    return binary_error(name, "a binary file (it is full of control characters)");
  return std::nullopt;
}

DecodedText decode_utf16(std::string_view bytes, Encoding encoding) {
  DecodedText out;
  out.encoding = encoding;
  out.text.reserve(bytes.size());
  const bool little = encoding == Encoding::kUtf16LE;
  const auto unit = [&](std::size_t i) -> char16_t {
    const auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
    return static_cast<char16_t>(hi << 8 | lo);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out.text, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {  // unpaired surrogate
      append_utf8(out.text, kReplacementChar);
      ++out.replacements;
    } else {
      append_utf8(out.text, u);
    }
  }
  if (i < bytes.size()) {  // an odd trailing byte
    append_utf8(out.text, kReplacementChar);
    ++out.replacements;
  }
  return out;
}

DecodedText decode_windows1252(std::string_view bytes) {
  DecodedText out;
  out.encoding = Encoding::kWindows1252;
  out.text.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) out.text.push_back(c);
    else append_utf8(out.text, b < 0xA0 ? kWindows1252High[b - 0x80] : char32_t{b});
  }
  return out;
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kUtf16LE: return "UTF-16LE";
    case Encoding::kUtf16BE: return "UTF-16BE";
    case Encoding::kWindows1252: return "windows-1252";
  }
  return "UTF-8";
}

Result<DecodedText> decode_bytes(std::string_view bytes, std::string_view name) {
  if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4)) || starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4)))
    return Error{"load.encoding", std::string(name) + " is UTF-32 text, which textx does not read; save it as UTF-8."};
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    RepairedText repaired = repair_utf8(bytes);  // repair_utf8 drops the BOM
    return DecodedText{std::move(repaired.text), Encoding::kUtf8, true, repaired.replacements};
  }
  for (const Encoding encoding : {Encoding::kUtf16LE, Encoding::kUtf16BE}) {
    if (starts_with(bytes, encoding == Encoding::kUtf16LE ? "\xFF\xFE" : "\xFE\xFF")) {
      DecodedText decoded = decode_utf16(bytes.substr(2), encoding);
      decoded.byte_order_mark = true;
      return decoded;
    }
  }
  for (const Signature& signature : kSignatures)
    if (starts_with(bytes, signature.magic)) return binary_error(name, signature.what);
  // UTF-16 without a byte-order mark has zero bytes (sniff_utf16 wants at least four), and so has binary.
  const bool has_zero_byte = bytes.find('\0') != std::string_view::npos;
  if (has_zero_byte) {
    if (const std::optional<Encoding> utf16 = sniff_utf16(bytes)) return decode_utf16(bytes, *utf16);
  }
  if (std::optional<Error> binary = binary_content(bytes, name, has_zero_byte)) return *binary;

  RepairedText repaired = repair_utf8(bytes);
  if (repaired.replacements > 0) {
    // Lead bytes of well-formed multi-byte sequences; each U+FFFD added one of its own.
    std::size_t multibyte = 0;
    for (const char c : repaired.text) multibyte += (static_cast<unsigned char>(c) & 0xC0) == 0xC0;
    multibyte -= repaired.replacements;
    if (multibyte <= repaired.replacements) return decode_windows1252(bytes);
  }
  return DecodedText{std::move(repaired.text), Encoding::kUtf8, false, repaired.replacements};
}

}  // namespace textx
