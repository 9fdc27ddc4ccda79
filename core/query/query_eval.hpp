#pragma once
// Evaluation of a parsed query (query_ast.hpp) against a corpus's index: every match, in corpus order.
#include <cstddef>
#include <cstdint>
#include <string_view>
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

// The exact number of matches of `query`, and its matches [offset, offset + limit) in corpus order: what a
// page of a concordance in corpus order needs. Phrases of key sets (key_sequence.hpp, case- and
// diacritic-sensitive words included), NEAR of two of them (key_sequence_near.hpp) and alternatives of
// several words spelled out as up to 64 of them (key_sequence_union.hpp) are counted without listing every
// match; other queries list every match first. Errors as find_matches.
struct MatchPage {
  std::size_t total = 0;
  std::vector<QueryMatch> matches;
};
Result<MatchPage> find_match_page(const Corpus& corpus, const Query& query, MatchOptions match, std::size_t offset,
                                  std::size_t limit);

// A query as the statistics use it: its matches, and the documents its doc:/date: filters let through
// (allowed_documents), which are the documents every total is counted over.
struct QueryHits {
  std::vector<QueryMatch> matches;  // by document id, then position
  std::vector<bool> documents;      // per document id
};

// Parses `text` (parse_query) and finds its matches; the parser's or evaluator's Error otherwise.
Result<QueryHits> find_query_hits(const Corpus& corpus, std::string_view text, MatchOptions match);

}  // namespace textx
