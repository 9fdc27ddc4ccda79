#pragma once
// Terminal rendering of concordance rows: the match in a middle column, context cut to fit either side.
#include <ostream>

#include "core/corpus/corpus.hpp"
#include "core/query/concordance.hpp"

namespace textx::cli {

// Prints a header line with the total, then one line per row: left context right-aligned to `side_width`
// code points, the match between brackets, right context, and the document name.
void print_kwic(std::ostream& out, const Corpus& corpus, const Concordance& concordance, std::size_t offset,
                std::size_t side_width);

}  // namespace textx::cli
