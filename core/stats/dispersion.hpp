#pragma once
// Dispersion of a query: how evenly its hits spread over the documents (Gries's DP, Juilland's D), and where
// they fall inside each document, for a barcode plot. The corpus parts are the documents.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace textx {

// The measures of one distribution over corpus parts. Each is nullopt where its formula is undefined: all
// three when there is no hit; dp_norm and juilland_d when there is only one part (1 - min s_i = 0, and D
// divides by sqrt(parts - 1)).
struct DispersionMeasures {
  std::optional<double> dp;          // Gries (2008): 0.5 * sum |v_i - s_i|; 0 = spread as the parts' sizes
  std::optional<double> dp_norm;     // Lijffijt & Gries (2012): dp / (1 - min s_i), in [0, 1]
  std::optional<double> juilland_d;  // Juilland & Chang-Rodríguez (1964), on per-part relative frequencies
};

// DP, DPnorm and Juilland's D of hits `part_hits[i]` in parts of `part_sizes[i]` tokens (same length; every
// size above zero). docs/statistics.md gives the formulas.
DispersionMeasures dispersion_measures(std::span<const std::size_t> part_sizes, std::span<const std::size_t> part_hits);

// One document's share of the hits.
struct DocumentDispersion {
  DocId doc = 0;
  std::size_t tokens = 0;               // the document's tokens
  double per_million = 0;               // hits per million of its tokens; 0 for a document without words
  std::vector<double> positions;        // per hit: its first token's index / tokens, in [0, 1), ascending
  std::vector<std::uint32_t> starts;    // per hit: UTF-8 byte offset of its start in the document's text
  std::size_t hits() const { return positions.size(); }
};

struct Dispersion {
  std::string query;
  std::size_t tokens = 0;               // tokens of the documents considered
  std::size_t hits = 0;                 // every match (a phrase counts once)
  std::size_t range = 0;                // documents with at least one hit
  double per_million = 0;               // hits per million tokens
  DispersionMeasures measures;          // over the documents that have words (a part of 0 tokens holds no hit)
  std::vector<DocumentDispersion> documents;  // every document considered, in corpus order
};

// The dispersion of `query` (docs/query-language.md) over the live documents its doc:/date: filters allow
// (all live documents without filters). Returns the parser's or evaluator's Error for a malformed query; a
// query without hits gives hits 0 and no measures; an empty corpus gives no documents.
Result<Dispersion> dispersion(const Corpus& corpus, std::string_view query, MatchOptions match);

}  // namespace textx
