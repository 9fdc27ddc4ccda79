#pragma once
// Text reuse: passages of the corpus that repeat a given passage exactly or loosely, and, corpus-wide,
// every passage two documents share.
//
// Method (docs/reuse.md): the passage's shingles (ShingleIndex) are looked up to find seeds, places where
// `ngram` content words recur; seeds are grouped by document and diagonal (target position minus source
// position) into candidate regions; each region is aligned token by token (align_banded) to find the exact
// boundaries and the shared words. Matches are ranked by weight = shared words x similarity.
//
// Bounds that keep hostile input cheap: a shingle occurring more than max_occurrences times in the corpus
// is skipped (it is boilerplate, and "the the the…" would otherwise pair every token with every other);
// at most kMaxSeeds seeds are kept, rarest shingles first; at most kMaxRegions regions are aligned (524,288
// corpus-wide), those with the most seeds first, within a budget of alignment cells; a region longer than
// kMaxRegionTokens source tokens is aligned in pieces. A result says when a bound left candidates out.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/reuse/local_alignment.hpp"
#include "core/reuse/shingle_index.hpp"

namespace textx {

inline constexpr std::size_t kMaxSeeds = std::size_t{1} << 21;
inline constexpr std::size_t kMaxRegions = 4096;
inline constexpr std::size_t kMaxRegionTokens = 20000;

struct ReuseOptions {
  ShingleOptions shingles{};            // must equal the index's options
  std::size_t min_words = 8;            // least matched words (exact or loose) a match must have
  std::size_t limit = 20;               // most matches returned (total still counts them all)
  bool same_document = false;           // also look in the passage's own document (never overlapping it)
  std::size_t max_occurrences = 1000;   // shingles occurring more often in the corpus are skipped
};

// A stretch of a document (or of a query text): tokens [token_begin, token_end), bytes [start, end),
// paragraphs first_paragraph..last_paragraph.
struct ReuseSpan {
  std::optional<DocId> doc;  // nullopt: the query text
  std::uint32_t token_begin = 0, token_end = 0;
  std::uint32_t start = 0, end = 0;
  std::uint32_t first_paragraph = 0, last_paragraph = 0;
};

// Matched words in both passages: tokens and bytes on each side.
struct SharedWords {
  std::uint32_t source_token_begin = 0, source_token_end = 0, source_start = 0, source_end = 0;
  std::uint32_t target_token_begin = 0, target_token_end = 0, target_start = 0, target_end = 0;
  bool exact = true;  // the same words; false: the same word forms (policy / policies)
};

struct ReuseMatch {
  ReuseSpan source;               // part of the query passage (or, corpus-wide, of the earlier document)
  ReuseSpan target;               // where it recurs
  std::size_t shared_words = 0;   // matched token pairs, exact + loose
  std::size_t exact_words = 0;
  double similarity = 0;          // (2 exact + loose) / (source tokens + target tokens): 1 for a copy
  double weight = 0;              // shared_words x similarity: the ranking
  int score = 0;                  // the alignment score
  std::vector<SharedWords> shared;  // in text order
};

struct ReuseResult {
  std::optional<ReuseSpan> query;  // the passage searched for; nullopt corpus-wide
  std::size_t query_words = 0;     // tokens of the passage (corpus-wide: of the corpus)
  std::size_t shingles = 0;        // shingles looked up (corpus-wide: in the index)
  std::size_t skipped_shingles = 0;  // left out as occurring more than max_occurrences times
  bool truncated = false;          // a bound (kMaxSeeds, kMaxRegions, the alignment budget) left candidates out
  std::size_t seeds = 0;
  std::size_t regions = 0;         // candidate regions aligned
  std::size_t total = 0;           // matches found, before `limit`
  std::vector<ReuseMatch> matches;  // by weight, then similarity, then place; at most `limit`
};

// Checks the options' ranges (reuse.options); nullopt when usable. Check before building a ShingleIndex.
std::optional<Error> check_reuse_options(const ReuseOptions& options);

// Passages elsewhere in the corpus that repeat paragraph `paragraph` of document `doc`, or the whole
// document when `paragraph` is nullopt. Errors: no such live document or paragraph, options that do not
// fit the index (reuse.options), a stale index (reuse.index). An empty passage gives no matches.
Result<ReuseResult> find_reuse(const Corpus& corpus, const ShingleIndex& index, DocId doc,
                               std::optional<std::size_t> paragraph, const ReuseOptions& options);

// Passages of the corpus that repeat `text` (valid UTF-8). Error reuse.empty when it has no words.
Result<ReuseResult> find_reuse_of_text(const Corpus& corpus, const ShingleIndex& index, std::string_view text,
                                       const ReuseOptions& options);

// Every passage shared by two documents of the corpus (and, with same_document, repeated within one),
// each pair once: the source is in the document loaded first (or earlier in the same document).
Result<ReuseResult> find_shared_passages(const Corpus& corpus, const ShingleIndex& index,
                                         const ReuseOptions& options);

// The candidate stage alone: every place where a shingle of the passage (as for find_reuse) recurs,
// within the frequency cap and seed budget, sorted. Source tokens are the passage document's token indices.
struct ReuseSeed {
  std::uint32_t source_token = 0;  // first token of the shingle in the passage
  DocId target_doc = 0;
  std::uint32_t target_token = 0;  // first token of the same shingle there
  auto operator<=>(const ReuseSeed&) const = default;
};
Result<std::vector<ReuseSeed>> find_reuse_seeds(const Corpus& corpus, const ShingleIndex& index, DocId doc,
                                                std::optional<std::size_t> paragraph, const ReuseOptions& options);

// The first live document named `name`, or nullopt.
std::optional<DocId> find_document_named(const Corpus& corpus, std::string_view name);

}  // namespace textx
