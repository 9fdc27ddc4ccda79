#pragma once
// Word-level diff of two passages that never splits a word: the passages are cut into UAX #29 segments
// (words, punctuation marks, runs of whitespace, each kept), the segment sequences are diffed (Myers,
// sequence_diff.hpp), and the result is cleaned up so that it reads like an editor's marks:
//  - an unchanged stretch squeezed between two changes and no longer than the change on either side of it
//    (by characters) is folded into one bigger change: "[-old-]{+new+} [-text-]{+words+}" becomes
//    "[-old text-]{+new words+}", while "the [-quick-]{+slow+} brown [-fox-]{+cat+}" stays;
//  - a pure insertion or deletion that could sit at several places (after or before a repeated space) is
//    put where it starts with a word and ends with the whitespace after it: "the {+big +}dog".
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/diff/sequence_diff.hpp"
#include "core/text/segments.hpp"

namespace textx {

enum class TokenClass : std::uint8_t { kWord, kSpace, kOther };

// A segment of a passage: a word (has a letter or digit), a run of whitespace, or anything else (a
// punctuation mark, a symbol, an emoji), as byte offsets [start, end) into the text.
struct DiffToken {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenClass token_class = TokenClass::kOther;
};

// The segments of text[span], in order, covering it exactly; consecutive whitespace segments are one token.
std::vector<DiffToken> diff_tokens(std::string_view text, TextSpan span);

// One step of a word diff, as byte offsets into the two texts. kEqual: the same words on both sides (with
// ignore_layout, their whitespace may differ: a line break against a space). kDelete: a_start..a_end is
// removed, at b_start == b_end. kInsert: b_start..b_end is added, at a_start == a_end.
struct WordEdit {
  EditKind kind = EditKind::kEqual;
  std::uint32_t a_start = 0;
  std::uint32_t a_end = 0;
  std::uint32_t b_start = 0;
  std::uint32_t b_end = 0;
};

struct WordDiffOptions {
  bool ignore_layout = true;      // any run of whitespace matches any other (re-wrapped lines are no change)
  bool semantic_cleanup = true;   // the two clean-up steps described above
};

// The word diff of a_text[a_span] against b_text[b_span]: edits in order, covering both spans exactly (so
// each passage is the concatenation of its side of the edits), a deletion before an insertion at the same
// place. Empty when both spans are empty. Draws on `budget` (see sequence_diff.hpp).
// `a_breaks` and `b_breaks` (sorted) are the stretches between paragraphs inside a span, when it covers
// several (split and merged pairs): the whitespace there is a paragraph break, which matches only another
// paragraph break, so that the diff shows where a paragraph was divided or joined.
std::vector<WordEdit> diff_words(std::string_view a_text, TextSpan a_span, std::string_view b_text, TextSpan b_span,
                                 const WordDiffOptions& options, DiffBudget& budget,
                                 std::span<const TextSpan> a_breaks = {}, std::span<const TextSpan> b_breaks = {});

}  // namespace textx
