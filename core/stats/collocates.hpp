#pragma once
// Collocates of a query: the words found within a window of words around its matches, scored by the
// association measures of Evert (2008) and Rychlý (2008) (formulas in docs/statistics.md).
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace textx {

inline constexpr std::size_t kMaxCollocateWindow = 10;  // words on either side: L1..L10, R1..R10

enum class AssociationMeasure { kLogDice, kLogLikelihood, kMutualInformation, kTScore };

struct CollocateOptions {
  std::size_t left = 5;            // words before each match, at most kMaxCollocateWindow
  std::size_t right = 5;           // words after it; left + right > 0
  AssociationMeasure measure = AssociationMeasure::kLogDice;  // the order of the rows
  std::size_t min_frequency = 1;   // leave out collocates co-occurring fewer times than this
  bool skip_stop_words = false;    // leave out collocates that are stop words (the scores are unchanged)
  bool cross_sentences = false;    // let windows run across sentence ends (never across documents)
  MatchOptions match;              // how the query matches; collocates are always grouped by default key
  std::size_t offset = 0;          // first row to return, in the chosen order
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // most rows to return
};

// The scores of one contingency table (docs/statistics.md): O11 = `observed`, R1 = `span`, C1 = `collocate`,
// N = `tokens`; logDice also takes the node's frequency. Precondition: 0 < observed <= min(span, collocate),
// span + collocate - observed <= tokens.
struct AssociationScores {
  double expected = 0;        // E11 = R1 C1 / N
  double mi = 0;              // log2(O11 / E11)
  double t_score = 0;         // (O11 - E11) / sqrt(O11)
  double log_likelihood = 0;  // G2 = 2 sum Oij ln(Oij / Eij), negative when O11 < E11
  double log_dice = 0;        // 14 + log2(2 O11 / (f_node + C1))
};
AssociationScores association_scores(std::size_t observed, std::size_t span, std::size_t collocate,
                                     std::size_t tokens, std::size_t node);

struct CollocateRow {
  KeyId key = 0;
  std::string word;              // shown as in the frequency list (token_display_form of its first occurrence)
  std::size_t observed = 0;      // O11: its tokens inside the windows
  std::size_t left = 0;          // of which before the match whose window counted them
  std::size_t right = 0;         // and after it
  std::size_t frequency = 0;     // C1: its tokens in the documents counted
  AssociationScores scores;
};

struct CollocateList {
  std::string query;
  std::size_t left = 0;            // the window
  std::size_t right = 0;
  AssociationMeasure measure = AssociationMeasure::kLogDice;
  std::size_t tokens = 0;          // N: tokens of the documents counted (live, allowed by the query's filters)
  std::size_t node_frequency = 0;  // matches of the query
  std::size_t span = 0;            // R1: tokens inside the windows (each counted once; never a match's own)
  std::size_t total = 0;           // collocates passing the filters, whatever offset and limit select
  std::vector<CollocateRow> rows;  // by the measure, then by observed, then alphabetically by key
};

// The collocates of `query` in `corpus`. A window holds up to `left` words before and `right` words after a
// match, within its sentence (within its document with cross_sentences), never the words of any match; a
// word inside the windows of several matches counts once, for the earliest of them. Errors: the query's
// (query_parser.hpp, query_eval.hpp), options.window for a window out of range. A query matching nothing
// gives an empty list.
Result<CollocateList> collocates(const Corpus& corpus, std::string_view query, const CollocateOptions& options);

// The name of a measure ("logdice", "ll", "mi", "t") and back; nullopt for an unknown name.
std::string_view measure_name(AssociationMeasure measure);
std::optional<AssociationMeasure> parse_measure(std::string_view name);

}  // namespace textx
