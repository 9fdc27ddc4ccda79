#pragma once
// N-gram clusters: every run of 2 to 8 consecutive words within a sentence, counted exactly across the
// corpus, with the number of documents each occurs in (docs/statistics.md).
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

inline constexpr std::size_t kMinNgramSize = 2;
inline constexpr std::size_t kMaxNgramSize = 8;

struct NgramOptions {
  std::size_t min_size = 3;        // words per n-gram, kMinNgramSize <= min_size <= max_size <= kMaxNgramSize
  std::size_t max_size = 3;
  std::size_t min_frequency = 1;   // leave out n-grams rarer than this
  std::size_t min_range = 1;       // leave out n-grams found in fewer documents than this
  bool skip_stop_words = false;    // leave out n-grams whose first or last word is a stop word (is_stop_word)
  bool cross_sentences = false;    // let n-grams run across sentence ends (never across documents)
  std::string query;               // when not empty: only n-grams holding a whole match of this query, counted
                                   // in the documents its doc:/date: filters allow
  MatchOptions match;              // how the query matches
  std::size_t offset = 0;          // first row to return, in the list's order
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // most rows to return
};

struct NgramRow {
  std::vector<KeyId> keys;         // the words' matching keys, in order
  std::string ngram;               // the words as shown (see token_display_form), separated by single spaces
  std::size_t frequency = 0;       // occurrences
  double per_million = 0;          // frequency per million tokens of the documents counted
  std::size_t range = 0;           // documents it occurs in
};

struct NgramList {
  std::string query;               // the options' query, if any
  std::size_t tokens = 0;          // tokens of the documents counted (live; allowed by the query's filters)
  std::size_t total = 0;           // distinct n-grams passing the filters, whatever offset and limit select
  std::vector<NgramRow> rows;      // by frequency, then word by word alphabetically by key; [offset, offset + limit)
};

// The n-gram clusters of `corpus`'s live documents. Words are matching keys (case and diacritics ignored)
// and an n-gram is `size` consecutive word tokens of one sentence (of one document with cross_sentences).
// Errors: options.size for sizes out of range, the query's errors (query_parser.hpp, query_eval.hpp).
// An empty corpus, or a query matching nothing, gives an empty list.
Result<NgramList> ngram_list(const Corpus& corpus, const NgramOptions& options);

// The sizes a reader asked for, as the CLI and the wasm API read them: `size` alone, or `min_size` and/or
// `max_size` (a missing one stands at its limit, 2 or 8); `options`' own sizes when none is given. Error
// options.size when `size` comes with either of the others; ngram_list checks the range.
Result<NgramOptions> with_ngram_sizes(NgramOptions options, std::optional<std::size_t> size,
                                      std::optional<std::size_t> min_size, std::optional<std::size_t> max_size);

}  // namespace textx
