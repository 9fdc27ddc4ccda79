#pragma once
// Concordance (KWIC): every match of a query (docs/query-language.md) with its left and right context,
// sortable and paged, with the exact total.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/query/query_eval.hpp"
#include "core/text/fold.hpp"

namespace textx {

inline constexpr std::size_t kMaxContextTokens = 100;
inline constexpr std::size_t kMaxContextChars = 1000;
inline constexpr std::size_t kMaxSortKeys = 3;

enum class ContextUnit { kWords, kCharacters };

// What rows can be sorted by: the words before (L3, L2, L1) or after (R1, R2, R3) the match, the match
// itself, or the document. Words compare by key, alphabetically; a missing word (document edge) sorts first.
enum class SortKey { kL3, kL2, kL1, kMatch, kR1, kR2, kR3, kDocument };

struct ConcordanceOptions {
  std::size_t context = 8;                  // words (at most kMaxContextTokens) or characters (kMaxContextChars)
  ContextUnit unit = ContextUnit::kWords;
  std::vector<SortKey> sort;                // up to kMaxSortKeys; empty: corpus order
  std::size_t offset = 0;                   // first row to return, in the sorted order
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // most rows to return
  MatchOptions match;                       // by default case and diacritics are ignored
};

// One KWIC row. Offsets are UTF-8 bytes into the document's text; `left`, `match` and `right` are the text
// of the context and the match, with each run of whitespace shown as one space.
struct KwicRow {
  DocId doc = 0;
  std::uint32_t first_token = 0;  // index of the match's first token in the document
  std::uint32_t token_count = 0;  // tokens the match spans
  std::size_t paragraph = 0;      // index of the paragraph holding the match's start
  std::uint32_t start = 0;        // match start
  std::uint32_t end = 0;          // match end
  std::string left;
  std::string match;
  std::string right;
};

struct Concordance {
  std::string query;
  std::size_t total = 0;        // every match in the corpus, whatever offset and limit say
  std::vector<KwicRow> rows;    // matches [offset, offset + limit) in the requested order
};

// Parses and runs `query` (query_parser.hpp, query_eval.hpp), orders the matches and builds the requested
// page of rows. Returns the parser's or evaluator's Error for a malformed query, or an Error for options
// out of range; a query that matches nothing gives total 0. In corpus order only the page's matches are
// listed where the query allows (find_match_page); sorted, every match is (sorted_matches).
Result<Concordance> concordance(const Corpus& corpus, std::string_view query, const ConcordanceOptions& options);

// The Error for options out of range (context, number of sort keys), or nullopt.
std::optional<Error> check_concordance_options(const ConcordanceOptions& options);

// Every match of a query in the order of `sort` (ties in corpus order): computed once, it gives any page of
// the sorted concordance for the cost of that page's rows (concordance_page). The wasm API keeps the last one.
struct SortedMatches {
  std::string query;
  MatchOptions match;
  std::vector<SortKey> sort;
  std::vector<QueryMatch> matches;
};
Result<SortedMatches> sorted_matches(const Corpus& corpus, std::string_view query, MatchOptions match,
                                     const std::vector<SortKey>& sort);

// The rows [options.offset, options.offset + options.limit) of `sorted`, with options.context and unit; the
// same as concordance() with sorted's query, match and sort. An Error for options out of range.
Result<Concordance> concordance_page(const Corpus& corpus, const SortedMatches& sorted, const ConcordanceOptions& options);

// The name of a sort key ("L3" … "R3", "M", "doc") and back; nullopt for an unknown name.
std::string_view sort_key_name(SortKey key);
std::optional<SortKey> parse_sort_key(std::string_view name);

}  // namespace textx
