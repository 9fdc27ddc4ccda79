#pragma once
// Paragraph diff of two documents: which paragraphs stayed, changed, moved, were split, merged, deleted or
// inserted, and a word-level diff inside each pair that differs. Lossless: the pairs, their word edits and
// the text between paragraphs (the gaps) together hold every byte of both documents' text.
// The method, thresholds and bounds are in docs/diff.md.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/diff_options.hpp"
#include "core/diff/word_diff.hpp"
#include "core/error.hpp"

namespace textx {

enum class PairOp : std::uint8_t { kEqual, kChanged, kMoved, kSplit, kMerged, kInserted, kDeleted };

// "equal", "changed", "moved", "split", "merged", "inserted", "deleted".
std::string_view pair_op_name(PairOp op);

// Consecutive paragraphs [first, first + count) of one document, and their text from the first one's start
// to the last one's end (the gaps between them included). count == 0 when a pair has nothing on this side;
// span is then empty, at the start of the paragraph that follows in that document (or at the text's end).
struct ParagraphRun {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  TextSpan span;
};

struct AlignedPair {
  PairOp op = PairOp::kEqual;
  ParagraphRun a;
  ParagraphRun b;
  // Similarity of the two sides (see DiffOptions): 1 for equal pairs, 0 for inserted and deleted ones.
  double similarity = 0;
  // For pairs with both sides whose texts differ (beyond layout, under ignore_layout): the word diff of
  // a.span against b.span. Empty otherwise: the text is the same on both sides.
  std::vector<WordEdit> words;
};

struct DocumentDiff {
  // Every paragraph of both documents in exactly one pair. In reading order, as a unified diff: the pairs
  // found in order, and between two of them first the deleted paragraphs (in the first document's order),
  // then the inserted and moved ones (in the second document's order). Moved pairs stand at their place
  // in the second document.
  std::vector<AlignedPair> pairs;
  // Per document, paragraphs + 1 spans: the text before each paragraph (after the previous one), then
  // after the last. Only whitespace. A text without paragraphs has one gap: all of it.
  std::vector<TextSpan> a_gaps;
  std::vector<TextSpan> b_gaps;
  // Some word diff ran out of its step budget and fell back to anchoring on unique words (see
  // sequence_diff.hpp): correct, but perhaps not the shortest.
  bool word_diff_fell_back = false;
};

// Diffs document `a` of `corpus` against document `b`. An Error when either is not a live document of the
// corpus ("diff.document") or the options are out of range ("options.diff"). Two empty documents give no
// pairs.
Result<DocumentDiff> diff_documents(const Corpus& corpus, DocId a, DocId b, const DiffOptions& options = {});

}  // namespace textx
