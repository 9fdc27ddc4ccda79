#pragma once
// The form of a token that case- or diacritic-sensitive matching compares: key_of(token text, options)
// (core/text/fold.hpp), found without allocating for the common token, one of ASCII.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/fold.hpp"

namespace textx {

class StrictForms {
 public:
  explicit StrictForms(MatchOptions match) : match_(match) {}

  // The key under the options of the token starting at byte `start` of `text` (a document's text), whose
  // default key has `key_length` bytes. The view lasts until the next call. When the token is ASCII (the
  // key's length in ASCII bytes, followed by an ASCII byte or the end: no longer token folds to a key that
  // short), its form is its text (case kept) or its text lower-cased (diacritics kept, case ignored);
  // otherwise the token's end is found again and its text folded.
  std::string_view form(std::string_view text, std::uint32_t start, std::size_t key_length);

  // The surface classes (surface_class.hpp) whose tokens of default key `key` all have one of the forms
  // `wanted`, as bits (bit c: class c): those of the ASCII classes whose form is wanted. A token of class
  // kOther must be read (form()). Empty `wanted` (any form): every class.
  unsigned accepted_classes(std::string_view key, const std::vector<std::string>& wanted) const;

 private:
  MatchOptions match_;
  std::string scratch_;
};

}  // namespace textx
