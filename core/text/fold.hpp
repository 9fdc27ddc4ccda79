#pragma once
// Matching keys: the form two spellings share when a search treats them as the same word.
//
// Every key is in canonical decomposition (NFD), so canonically equivalent spellings (precomposed "á" and
// "a" + U+0301) always match. Ignoring case applies Unicode full case folding (CaseFolding.txt, status C
// and F: "ß" matches "SS"), as canonical caseless matching does: NFD(fold(NFD(word))). Ignoring diacritics
// then drops the nonspacing marks shared across scripts (Script=Inherited: the combining accents, Arabic
// harakat), so "Majer", "MÁJER" and "Ma\u0301jer" share the key "majer".
#include <string>
#include <string_view>

namespace textx {

struct MatchOptions {
  bool case_sensitive = false;
  bool diacritic_sensitive = false;
  bool operator==(const MatchOptions&) const = default;
};

// Appends the key of `word` (valid UTF-8) under `options` to `out`.
void append_key(std::string& out, std::string_view word, MatchOptions options = {});

// The key of `word` under `options`; empty for an empty word.
std::string key_of(std::string_view word, MatchOptions options = {});

// The canonical decomposition (NFD) of valid UTF-8 `text`, as Unicode's NormalizationTest.txt defines it.
std::string to_nfd(std::string_view text);

}  // namespace textx
