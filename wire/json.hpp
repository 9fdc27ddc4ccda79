#pragma once
// The JSON wire format shared by the CLI's --json output and the wasm API; documented in docs/wire-format.md.
// Offsets are UTF-8 byte offsets into the document's text.
#include <string>

#include <nlohmann/json.hpp>

#include "core/corpus/corpus.hpp"
#include "core/diff/collate.hpp"
#include "core/diff/document_diff.hpp"
#include "core/error.hpp"
#include "core/query/concordance.hpp"
#include "core/reuse/reuse.hpp"
#include "core/stats/collocates.hpp"
#include "core/stats/dispersion.hpp"
#include "core/stats/frequency.hpp"
#include "core/stats/keyness.hpp"
#include "core/stats/ngrams.hpp"
#include "core/stats/trend.hpp"

namespace textx::wire {

// {"query", "total", "hits": [{"doc", "paragraph", "start", "end", "start_utf16", "end_utf16", "left", "match", "right"}]}
nlohmann::ordered_json to_json(const Corpus& corpus, const Concordance& concordance);
// The same as dump(to_json(corpus, concordance)), written directly: a thousand rows are a page's first
// screen and an export asks for many such pages, and building the JSON tree first cost four times the rows.
std::string concordance_json(const Corpus& corpus, const Concordance& concordance);

// {"name", "title", "date", "source", "encoding", "bom", "format", "replacements", "bytes", "paragraphs",
//  "sentences", "tokens", "distinct_keys"}
nlohmann::ordered_json to_json(const Document& document);

// One document's text for reading it: {"name", "title", "date", "text", "paragraphs": [[start_utf16, end_utf16], …]}.
// Paragraph spans are UTF-16 offsets into "text", as a JavaScript string indexes it.
struct DocumentText {
  const Document* document;
};
nlohmann::ordered_json to_json(const DocumentText& text);

// A corpus's statistics, for to_json: every live document's summary and the totals.
struct CorpusStats {
  const Corpus* corpus;
};

// {"documents": [document summaries], "total": {"documents", "bytes", "paragraphs", "sentences", "tokens",
//  "distinct_keys", "index_bytes", "vocabulary_bytes", "segments"}}
nlohmann::ordered_json to_json(const CorpusStats& stats);

// {"tokens", "types", "rows": [{"word", "key", "frequency", "per_million", "range"}]}
nlohmann::ordered_json to_json(const FrequencyList& list);

// N-gram clusters and collocates (docs/statistics.md).
// {"query", "tokens", "total", "rows": [{"ngram", "size", "frequency", "per_million", "range"}]}
nlohmann::ordered_json to_json(const NgramList& list);
// {"query", "measure", "window": {"left", "right"}, "tokens", "node_frequency", "span", "total",
//  "rows": [{"word", "observed", "left", "right", "frequency", "expected", "mi", "t_score", "log_likelihood",
//  "log_dice"}]}
nlohmann::ordered_json to_json(const CollocateList& list);

// --- Dispersion, keyness, trend (docs/statistics.md) ---

// {"query", "total": {"documents", "tokens", "hits", "range", "per_million"}, "dp", "dp_norm", "juilland_d",
//  "documents": [{"doc", "date", "tokens", "hits", "per_million", "positions", "starts", "starts_utf16"}]};
// a measure that is undefined is null.
nlohmann::ordered_json to_json(const Corpus& corpus, const Dispersion& dispersion);

// {"target": {"selection", "documents", "tokens"}, "reference": {…; "selection" null for the rest},
//  "sign": "positive"|"negative", "total", "rows": [{"word", "target_frequency", "reference_frequency",
//  "target_per_million", "reference_per_million", "log_likelihood", "p", "p_below", "log_ratio", "percent_diff"}]}
nlohmann::ordered_json to_json(const Keyness& keyness);

// {"query", "by", "periods": [{"period", "documents", "tokens", "hits", "per_million"}], "year_only": {…},
//  "undated": {…}, "total": {…}} (the summary rows without "period")
nlohmann::ordered_json to_json(const Trend& trend);

// --- end of dispersion, keyness, trend ---

// A reuse search's result with what writing it needs: the corpus, the options asked for and, when the
// passage was a text given by the reader rather than a corpus passage, that text (offsets refer to it).
struct ReuseAnswer {
  const Corpus* corpus;
  const ReuseResult* result;
  const ReuseOptions* options;
  std::string_view query_text{};
};

// {"query": span | null, "options": {…}, "shingles", "skipped_shingles", "seeds", "regions", "truncated",
//  "total", "matches": [{"similarity", "shared_words", "exact_words", "weight", "score", "source": span,
//  "target": span, "shared": [{"exact", "source": offsets, "target": offsets}]}]}; see docs/reuse.md.
nlohmann::ordered_json to_json(const ReuseAnswer& answer);

// A document diff with what it needs to be shown: the corpus holding the two documents and the options used.
struct DiffReport {
  const Corpus* corpus;
  DocId a;
  DocId b;
  const DocumentDiff* diff;
  const DiffOptions* options;
};

// {"a": {"name", "title", "bytes", "paragraphs", "gaps"}, "b": {…}, "options": {…}, "summary": {op: count},
//  "word_diff_fell_back", "pairs": [{"op", "similarity", "a"?: run, "b"?: run, "text"?, "b_text"?, "words"?}]}
// where a run is {"first", "count", "start", "end", "start_utf16", "end_utf16"}; see docs/diff.md.
nlohmann::ordered_json to_json(const DiffReport& report);

// A paragraph collated across documents.
struct CollationReport {
  const Corpus* corpus;
  const ParagraphCollation* collation;
};

// {"columns", "variant": [bool per column], "witnesses": [{"name", "first", "count", "start", "end",
//  "start_utf16", "end_utf16"}], "rows": [[cell text or null per column] or null per witness]}; see docs/diff.md.
nlohmann::ordered_json to_json(const CollationReport& report);

// {"error": {"code", "message"}}
nlohmann::ordered_json to_json(const Error& error);

// Serialises compactly; invalid UTF-8 cannot occur in our text but is replaced rather than thrown on.
std::string dump(const nlohmann::ordered_json& value, int indent = -1);

}  // namespace textx::wire
