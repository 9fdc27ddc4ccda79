#pragma once
// A document diff in the terminal: one heading per pair (op, paragraph numbers from 1, similarity) and the
// text under it with [-deleted-] and {+inserted+} marks.
#include <ostream>

#include "core/corpus/corpus.hpp"
#include "core/diff/collate.hpp"
#include "core/diff/document_diff.hpp"

namespace textx::cli {

struct DiffPrintOptions {
  bool full = false;   // print equal paragraphs in full rather than their first words
  bool color = false;  // ANSI colours for the marks
};

void print_diff(std::ostream& out, const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff,
                const DiffPrintOptions& options);

// A collation as a vertical table: one line per column, one column of text per witness, "*" before the
// places where the witnesses differ.
void print_collation(std::ostream& out, const Corpus& corpus, const ParagraphCollation& collation);

}  // namespace textx::cli
