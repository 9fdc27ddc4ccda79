#pragma once
// The parsed form of a query (docs/query-language.md). parse_query (query_parser.hpp) builds it from the
// text a reader types; evaluate (query_eval.hpp) runs it against a corpus.
//
// A query is a sequence of terms matched on consecutive tokens (a phrase), optionally followed by
// NEAR/n and a second sequence, plus document filters. Positions are in code points of the query text, so
// error messages can point at the character a reader typed.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace textx {

struct QueryTerm {
  enum class Kind {
    kWord,      // one token whose key equals the key of `text` (a typed word that the text model splits into
                // several tokens, like "non-aligned", is parsed as several kWord terms)
    kWildcard,  // one token matching the glob in `text`: '*' any run of characters, '?' one character
    kRegex,     // one token matching the regular expression in `text` (without its slashes), whole token
    kAnyWord,   // exactly one token of any kind: the gap "*" standing alone
    kGroup,     // one of `alternatives`, each a sequence of one or more terms: "independence|sovereignty",
                // "(mutual respect)|equality"
  };
  Kind kind = Kind::kWord;
  std::string text;                                 // kWord, kWildcard, kRegex
  std::vector<std::vector<QueryTerm>> alternatives;  // kGroup
  std::size_t position = 0;                         // first code point of the term in the query
  std::size_t length = 0;                           // its length in code points
};

// Documents a query is limited to. Empty fields do not limit.
struct DocumentFilter {
  std::vector<std::string> names;  // globs over document names ('*', '?'), any of which must match
  std::string date_from;           // inclusive, compared as a prefix-aware date string: "1980", "1980-10"
  std::string date_to;             // inclusive: "1990" includes "1990-12-31"
};

struct Query {
  std::vector<QueryTerm> sequence;              // at least one term
  std::optional<std::size_t> near_distance;     // NEAR/n: `near_sequence` within n tokens, either side
  std::vector<QueryTerm> near_sequence;         // non-empty when near_distance is set
  DocumentFilter filter;
};

}  // namespace textx
