#pragma once
// One passage in several versions (witnesses), aligned word by word into a table, as CollateX's alignment
// table shows it: one row per witness, one column per position; a cell holds a witness's token there, or
// nothing where that witness has no reading.
//
// Method (progressive alignment against a growing variant graph, docs/diff.md):
//  - each witness is cut into tokens: a word or a punctuation mark with the whitespace after it (so that
//    a row's cells, joined, are the witness's text byte for byte); tokens match when their matching keys
//    are equal (case and diacritics ignored, as in searches);
//  - the first witness gives the graph its nodes, in order; each further witness is aligned with the
//    graph's nodes in their current order by dynamic programming (the most matching tokens, a word
//    counting twice as much as a punctuation mark); a matched token joins its node, an unmatched one
//    becomes a new node at its place;
//  - a node's rank is one more than the highest rank of the nodes before it on any witness's path; nodes
//    of equal rank (different readings of one place, "red" and "blue" in "the red car" / "the blue car")
//    share a column.
// Limits: the result depends on the order of the witnesses (the first one weighs most); a passage that
// moved within the paragraph is not recognised as a transposition, only as an omission and an addition;
// each alignment step takes time and memory proportional to nodes × tokens, so passages are refused
// beyond kMaxCollateCells.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/diff_options.hpp"
#include "core/error.hpp"
#include "core/text/segments.hpp"

namespace textx {

inline constexpr std::size_t kMaxWitnesses = 64;
inline constexpr std::size_t kMaxCollateCells = std::size_t{1} << 24;  // nodes × tokens of one step

struct AlignmentTable {
  std::size_t columns = 0;
  // Per witness, its tokens as spans of its text, in order; together they cover the text exactly.
  std::vector<std::vector<TextSpan>> tokens;
  // witnesses × columns, row by row: the index of the witness's token in that column, or -1.
  std::vector<std::int32_t> cells;
  // Per column: the witnesses do not all read the same there (a token differs, or is missing).
  std::vector<bool> variant;

  std::int32_t cell(std::size_t witness, std::size_t column) const { return cells[witness * columns + column]; }
};

// Aligns the witnesses' texts (valid UTF-8). An Error when there are fewer than 2 or more than
// kMaxWitnesses ("collate.witnesses"), or a step would exceed kMaxCollateCells ("collate.too_long").
Result<AlignmentTable> align_witnesses(std::span<const std::string_view> witnesses);

// One paragraph of a document and its counterparts in other documents (found by diff_documents), aligned.
struct ParagraphCollation {
  struct Witness {
    DocId doc = 0;
    std::uint32_t first = 0;  // its paragraphs [first, first + count) (a split paragraph has several)
    std::uint32_t count = 0;  // 0: the document has no counterpart (the paragraph was deleted there)
    TextSpan span;            // their text
  };
  std::vector<Witness> witnesses;  // the base document first, then the others in the order given
  AlignmentTable table;            // rows for the witnesses with a counterpart, in the same order
};

// Collates paragraph `paragraph` of document `base` with its counterparts in `others`. An Error when a
// document is not a live one ("diff.document"), the paragraph does not exist ("collate.paragraph"), or as
// align_witnesses; witnesses without a counterpart are listed but have no row. Needs at least one other
// document with a counterpart.
Result<ParagraphCollation> collate_paragraph(const Corpus& corpus, DocId base, std::uint32_t paragraph,
                                             std::span<const DocId> others, const DiffOptions& options = {});

}  // namespace textx
