#include "core/query/strict_form.hpp"

#include <algorithm>

#include "core/index/surface_class.hpp"
#include "core/text/word_breaks.hpp"

namespace textx {

std::string_view StrictForms::form(std::string_view text, std::uint32_t start, std::size_t key_length) {
  // ASCII folds byte for byte, and only A-Z changes (to a-z): an ASCII token's default key is as long as the
  // token. So when the key's length in bytes from `start` is ASCII and an ASCII byte (which would lengthen
  // the key) or the end follows, those bytes are the whole token.
  const std::size_t end = start + key_length;
  bool ascii = end <= text.size() && (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80);
  for (std::size_t i = start; ascii && i < end; ++i) ascii = static_cast<unsigned char>(text[i]) < 0x80;
  if (ascii) {
    const std::string_view word = text.substr(start, key_length);
    if (match_.case_sensitive) return word;
    scratch_.assign(word);
    for (char& c : scratch_)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return scratch_;
  }
  WordBoundaryScanner scanner(text, start);
  std::size_t word_start = 0, word_end = 0;
  scanner.next_word(word_start, word_end);
  scratch_.clear();
  append_key(scratch_, text.substr(start, word_end - start), match_);
  return scratch_;
}

unsigned StrictForms::accepted_classes(std::string_view key, const std::vector<std::string>& wanted) const {
  if (wanted.empty()) return 0xF;
  unsigned out = 0;
  for (const char c : key)
    if (static_cast<unsigned char>(c) >= 0x80) return out;  // no ASCII token has this key
  // An ASCII token's form is its text (case kept), or its key (case ignored: diacritics are all it keeps).
  for (const SurfaceClass cls : {kLower, kTitle, kCaps}) {
    const std::string form = match_.case_sensitive ? surface_text(key, cls) : std::string(key);
    if (std::find(wanted.begin(), wanted.end(), form) != wanted.end()) out |= 1u << cls;
  }
  return out;
}

}  // namespace textx
