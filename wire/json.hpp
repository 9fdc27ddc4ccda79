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
#include "core/stats/frequency.hpp"

namespace textx::wire {

// {"query", "total", "hits": [{"doc", "paragraph", "start", "end", "start_utf16", "end_utf16", "left", "match", "right"}]}
nlohmann::ordered_json to_json(const Corpus& corpus, const Concordance& concordance);

// {"name", "title", "date", "source", "encoding", "bom", "format", "replacements", "bytes", "paragraphs",
//  "sentences", "tokens", "distinct_keys"}
nlohmann::ordered_json to_json(const Document& document);

// A corpus's statistics, for to_json: every live document's summary and the totals.
struct CorpusStats {
  const Corpus* corpus;
};

// {"documents": [document summaries], "total": {"documents", "bytes", "paragraphs", "sentences", "tokens",
//  "distinct_keys"}}
nlohmann::ordered_json to_json(const CorpusStats& stats);

// {"tokens", "types", "rows": [{"word", "key", "frequency", "per_million", "range"}]}
nlohmann::ordered_json to_json(const FrequencyList& list);

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
