#include "core/text/words.hpp"

#include "core/text/utf8.hpp"

namespace textx {
namespace {

enum class CharClass { kOther, kLetter, kDigit, kIdeograph, kJoinLetters, kJoinDigits, kJoinBoth };

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return CharClass::kLetter;
    if (cp == '_') return CharClass::kLetter;  // joins like a letter (ExtendNumLet)
    if (cp == '\'' || cp == '.') return CharClass::kJoinBoth;
    if (cp == ':') return CharClass::kJoinLetters;
    if (cp == ',' || cp == ';') return CharClass::kJoinDigits;
    return CharClass::kOther;
  }
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x2024 || cp == 0xFE52 || cp == 0xFF07 || cp == 0xFF0E)
    return CharClass::kJoinBoth;
  if (cp == 0x00B7 || cp == 0x0387 || cp == 0x2027 || cp == 0xFE13 || cp == 0xFE55 || cp == 0xFF1A)
    return CharClass::kJoinLetters;
  if (in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xF900, 0xFAFF) || in(cp, 0x20000, 0x3FFFF) ||
      in(cp, 0x3041, 0x309F))
    return CharClass::kIdeograph;
  // Latin-1 punctuation and symbols (but ª µ º), general punctuation through miscellaneous symbols,
  // supplemental and CJK punctuation, presentation-form punctuation, specials and emoji.
  if (in(cp, 0x80, 0xBF)) return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? CharClass::kLetter : CharClass::kOther;
  if (cp == 0xD7 || cp == 0xF7) return CharClass::kOther;
  if (in(cp, 0x2000, 0x2BFF) || in(cp, 0x2E00, 0x2E7F) || in(cp, 0x3000, 0x3004) || in(cp, 0x3008, 0x303F) ||
      in(cp, 0xFE10, 0xFE6F) || in(cp, 0xFF00, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) ||
      in(cp, 0xFF5B, 0xFF65) || in(cp, 0xFEFF, 0xFEFF) || in(cp, 0xFFF0, 0xFFFF) || in(cp, 0x1F000, 0x1FAFF))
    return CharClass::kOther;
  return CharClass::kLetter;
}

bool is_word_char(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// Whether a joiner of class `joiner` between `before` and `after` keeps them in one word.
bool joins(CharClass before, CharClass joiner, CharClass after) {
  const bool letters = before == CharClass::kLetter && after == CharClass::kLetter;
  const bool digits = before == CharClass::kDigit && after == CharClass::kDigit;
  switch (joiner) {
    case CharClass::kJoinBoth: return letters || digits;
    case CharClass::kJoinLetters: return letters;
    case CharClass::kJoinDigits: return digits;
    default: return false;
  }
}

}  // namespace

std::vector<WordSpan> find_words(std::string_view text) {
  std::vector<WordSpan> words;
  std::size_t pos = 0;
  bool in_word = false;
  WordSpan current;
  CharClass last = CharClass::kOther;  // class of the last word character in the current word
  while (pos < text.size()) {
    const std::size_t start = pos;
    const CharClass c = classify(next_code_point(text, pos));
    if (c == CharClass::kIdeograph) {
      if (in_word) words.push_back(current);
      in_word = false;
      words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos)});
      continue;
    }
    if (is_word_char(c)) {
      if (!in_word) current.start = static_cast<std::uint32_t>(start);
      in_word = true;
      current.end = static_cast<std::uint32_t>(pos);
      last = c;
      continue;
    }
    if (in_word && c != CharClass::kOther && pos < text.size()) {
      std::size_t peek = pos;
      const CharClass after = classify(next_code_point(text, peek));
      if (joins(last, c, after)) continue;  // the following word character extends the word
    }
    if (in_word) words.push_back(current);
    in_word = false;
  }
  if (in_word) words.push_back(current);
  // A run made only of '_' is not a word: keep words holding a letter or digit.
  std::erase_if(words, [&](const WordSpan& w) {
    return text.substr(w.start, w.end - w.start).find_first_not_of('_') == std::string_view::npos;
  });
  return words;
}

std::string fold_key(std::string_view word) {
  std::string key(word);
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return key;
}

}  // namespace textx
