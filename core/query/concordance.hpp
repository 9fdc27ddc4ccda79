#pragma once
// Concordance (KWIC): every occurrence of a word or an exact phrase, with its left and right context.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace textx {

inline constexpr std::size_t kMaxContextTokens = 100;

struct ConcordanceOptions {
  std::size_t context_tokens = 8;  // words of context on each side, at most kMaxContextTokens
  std::size_t offset = 0;          // first hit to return (hits are in corpus order)
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // most hits to return
  MatchOptions match;              // by default case and diacritics are ignored
};

// One KWIC row. Offsets are UTF-8 bytes into the document's text; `left`, `match` and `right` are the
// text of the context and the match, with each run of whitespace shown as one space.
struct KwicRow {
  DocId doc = 0;
  std::uint32_t first_token = 0;  // index of the match's first token in the document
  std::size_t paragraph = 0;      // index of the paragraph holding the match
  std::uint32_t start = 0;        // match start
  std::uint32_t end = 0;          // match end
  std::string left;
  std::string match;
  std::string right;
};

struct Concordance {
  std::string query;
  std::size_t total = 0;        // every hit in the corpus, whatever offset and limit say
  std::vector<KwicRow> rows;    // hits [offset, offset + limit) in corpus order
};

// Finds every occurrence of `query`, a word or a sequence of words matched token by token as an exact
// phrase. The query is split into words by the same rules as the documents and matched by key (see
// key_of), ignoring case and diacritics unless options.match asks otherwise. Returns an Error when the
// query has no words or options are out of range; an unknown word gives total 0.
Result<Concordance> concordance(const Corpus& corpus, std::string_view query, const ConcordanceOptions& options);

}  // namespace textx
