#include "core/text/fold.hpp"

#include <algorithm>
#include <vector>

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

// Hangul syllables decompose by arithmetic (Unicode 15, section 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = 19 * kNCount;

void append_decomposed(std::vector<char32_t>& out, char32_t cp) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const char32_t index = cp - kSBase;
    out.push_back(kLBase + index / kNCount);
    out.push_back(kVBase + (index % kNCount) / kTCount);
    if (index % kTCount) out.push_back(kTBase + index % kTCount);
    return;
  }
  if (unicode::char_info(cp).has_decomposition()) {
    const auto parts = unicode::canonical_decomposition(cp);
    out.insert(out.end(), parts.begin(), parts.end());
    return;
  }
  out.push_back(cp);
}

// Canonical ordering: within each run of combining marks (class > 0), a stable sort by class.
void order_canonically(std::vector<char32_t>& cps) {
  std::size_t i = 0;
  while (i < cps.size()) {
    if (unicode::char_info(cps[i]).combining_class() == 0) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < cps.size() && unicode::char_info(cps[end]).combining_class() != 0) ++end;
    if (end - i > 1) {
      std::stable_sort(cps.begin() + static_cast<std::ptrdiff_t>(i), cps.begin() + static_cast<std::ptrdiff_t>(end),
                       [](char32_t a, char32_t b) {
                         return unicode::char_info(a).combining_class() < unicode::char_info(b).combining_class();
                       });
    }
    i = end;
  }
}

// The code points of `text` in NFD, case-folded and stripped of diacritics as `options` ask.
void fold_code_points(std::string_view text, MatchOptions options, std::vector<char32_t>& out) {
  std::vector<char32_t> decomposed;
  std::size_t pos = 0;
  while (pos < text.size()) append_decomposed(decomposed, next_code_point(text, pos));
  if (!options.case_sensitive) {
    for (const char32_t cp : decomposed) {
      if (!unicode::char_info(cp).has_case_folding()) {
        out.push_back(cp);
        continue;
      }
      for (const char32_t folded : unicode::case_folding(cp)) append_decomposed(out, folded);
    }
  } else {
    out = std::move(decomposed);
  }
  if (!options.diacritic_sensitive) {
    std::erase_if(out, [](char32_t cp) { return unicode::char_info(cp).diacritic(); });
  }
  order_canonically(out);
}

}  // namespace

void append_key(std::string& out, std::string_view word, MatchOptions options) {
  // ASCII has no decompositions or marks, and folds by a bit: the common case takes no detour. The word is
  // appended and lower-cased in place, in one pass that stops at the first non-ASCII byte: such a word is
  // taken back and folded by the Unicode path. (Appending through pointer iterators lets libc++ inline the
  // copy: for words this short, calling memcpy costs more than the copy.)
  const std::size_t start = out.size();
  out.append(word.data(), word.data() + word.size());
  auto* key = reinterpret_cast<unsigned char*>(out.data()) + start;
  std::size_t i = 0;
  if (options.case_sensitive) {
    while (i < word.size() && key[i] < 0x80) ++i;
  } else {
    for (; i < word.size() && key[i] < 0x80; ++i) {
      const unsigned b = key[i];
      key[i] = static_cast<unsigned char>(b + (b - 'A' < 26u ? 'a' - 'A' : 0));
    }
  }
  if (i == word.size()) return;
  out.resize(start);
  std::vector<char32_t> cps;
  fold_code_points(word, options, cps);
  for (const char32_t cp : cps) append_utf8(out, cp);
}

std::string key_of(std::string_view word, MatchOptions options) {
  std::string key;
  append_key(key, word, options);
  return key;
}

std::string to_nfd(std::string_view text) {
  std::vector<char32_t> cps;
  std::size_t pos = 0;
  while (pos < text.size()) append_decomposed(cps, next_code_point(text, pos));
  order_canonically(cps);
  std::string out;
  for (const char32_t cp : cps) append_utf8(out, cp);
  return out;
}

}  // namespace textx
