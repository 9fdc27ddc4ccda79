#pragma once
// The query language (docs/query-language.md): from the text a reader types to a Query (query_ast.hpp).
//
//   independence                    a word; a typed word is split into tokens as the text model splits text
//   mutual respect for sovereignty  a phrase: terms matched on consecutive tokens
//   independ*  organi?ation  *ism   wildcards inside a word ('*' any run, '?' one character)
//   the * of                        '*' alone: any one word
//   independence|sovereignty        alternatives; (mutual respect)|equality  (peace|war) treaty
//   /imperialis(m|t)s?/             a regular expression over one token
//   "non-interference (in) affairs" a quoted phrase: operators inside are ordinary punctuation
//   peace NEAR/5 security           proximity: within 5 words, either order
//   doc:1980*  date:1980..1990      document filters, anywhere in the query
//
// Errors are values: query.invalid (NUL), query.empty (nothing to search for), query.too_complex (limits
// below), query.syntax ("At character N: ..." with N the 1-based code point of the offending character).
#include <cstddef>
#include <string_view>

#include "core/error.hpp"
#include "core/query/query_ast.hpp"

namespace textx {

inline constexpr std::size_t kMaxQueryLength = 10000;  // code points, after UTF-8 repair
inline constexpr std::size_t kMaxQueryTerms = 64;      // words, wildcards, gaps and regular expressions in all
inline constexpr std::size_t kMaxQueryNesting = 8;     // parentheses inside parentheses
inline constexpr std::size_t kMaxNearDistance = 100;   // NEAR/0 .. NEAR/100

// Parses `text` (any bytes: invalid UTF-8 is repaired first, as documents are). Never throws; runs in time
// linear in the length of the text.
Result<Query> parse_query(std::string_view text);

// Parses a selection of documents written as the query language's filters only ("doc:1980* date:..1990");
// empty text selects every document. Errors as parse_query's, plus query.syntax for any search term.
Result<DocumentFilter> parse_document_filter(std::string_view text);

}  // namespace textx
