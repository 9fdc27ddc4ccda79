#pragma once
// Evaluation of a parsed query (query_ast.hpp) against a corpus's index: every match, in corpus order.
#include <cstdint>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/query/query_ast.hpp"
#include "core/text/fold.hpp"

namespace textx {

// A match: tokens [first, first + length) of a document. For NEAR, the span runs from the first to the
// last token of both sides.
struct QueryMatch {
  DocId doc = 0;
  std::uint32_t first = 0;
  std::uint32_t length = 0;
};

// At most this many keys may match one wildcard or regular expression.
inline constexpr std::size_t kMaxExpandedKeys = 100000;

// Every match of `query` in `corpus`, ordered by document id then position. A start position gives at most
// one match (the shortest, when alternatives of different lengths both match there). Words match by key:
// case and diacritics are ignored unless `match` asks otherwise; wildcards and regular expressions always
// match keys as folded by default. Errors: a wildcard or regular expression that does not compile or
// matches over kMaxExpandedKeys keys (query.too_broad), or a query of gaps only (query.too_broad).
Result<std::vector<QueryMatch>> find_matches(const Corpus& corpus, const Query& query, MatchOptions match);

}  // namespace textx
