// Embind bindings: the only place where JavaScript meets the core. JSON strings in, JSON strings out;
// every failure comes back as {"error": {"code", "message"}} rather than a trap or an exception.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/collate.hpp"
#include "core/diff/document_diff.hpp"
#include "core/query/concordance.hpp"
#include "core/reuse/reuse.hpp"
#include "core/stats/collocates.hpp"
#include "core/stats/dispersion.hpp"
#include "core/stats/keyness.hpp"
#include "core/stats/ngrams.hpp"
#include "core/stats/trend.hpp"
#include "core/text/utf8.hpp"
#include "wire/json.hpp"

namespace textx::wasm {
namespace {

using nlohmann::json;

Error invalid_request(const std::string& what) { return Error{"request.invalid", what}; }

// Most concordance rows one answer carries (the total stays exact): a page of rows for a reader, and a bound
// on the JSON one answer builds, which for a word on every line of a large corpus would otherwise fill the
// 4 GB of wasm memory. Without a "limit", an answer has this many rows at most.
constexpr std::size_t kMaxRowsPerAnswer = 100'000;

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads an optional non-negative integer field; `out` keeps its default when the field is absent.
bool read_count(const json& object, const char* key, std::size_t& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_number_integer() || it->get<long long>() < 0) return false;
  out = it->get<std::size_t>();
  return true;
}

// Reads an optional non-negative integer field into `out`, left empty when the field is absent.
bool read_optional_count(const json& object, const char* key, std::optional<std::size_t>& out) {
  std::size_t value = 0;
  if (!object.contains(key) || object[key].is_null()) return true;
  if (!read_count(object, key, value)) return false;
  out = value;
  return true;
}

// Reads an optional boolean field; `out` keeps its default when the field is absent.
bool read_flag(const json& object, const char* key, bool& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}

// A request with a string "query" and the optional matching switches.
bool read_query_request(const json& request, MatchOptions& match) {
  return !request.is_discarded() && request.is_object() && request.contains("query") && request["query"].is_string() &&
         read_flag(request, "case_sensitive", match.case_sensitive) &&
         read_flag(request, "diacritic_sensitive", match.diacritic_sensitive);
}


// Reads the reuse options of a request ({"min_words"?, "limit"?, "ngram"?, "skip_stop_words"?, "word_forms"?,
// "same_document"?, "max_occurrences"?}) over the defaults; false when one has the wrong type.
bool read_reuse_options(const json& request, ReuseOptions& options) {
  return read_count(request, "min_words", options.min_words) && read_count(request, "limit", options.limit) &&
         read_count(request, "ngram", options.shingles.ngram) &&
         read_count(request, "max_occurrences", options.max_occurrences) &&
         read_flag(request, "skip_stop_words", options.shingles.skip_stop_words) &&
         read_flag(request, "word_forms", options.shingles.word_forms) &&
         read_flag(request, "same_document", options.same_document);
}

// The fields of a document's information a reader may change (setDocumentInfo).
constexpr const char* kInfoFields[] = {"title", "date", "source"};

constexpr const char* kReuseOptionsHelp =
    "min_words, limit, ngram and max_occurrences must be whole numbers of zero or more; skip_stop_words, word_forms "
    "and same_document true or false.";

// Reads an optional number in (0, 1]; `out` keeps its default when the field is absent.
bool read_fraction(const json& object, const char* key, double& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_number()) return false;
  out = it->get<double>();
  return true;
}

// The diff options of a request: "min_similarity", "min_move_similarity", "min_part_containment",
// "ignore_layout", "semantic_cleanup" (all optional).
Result<DiffOptions> diff_options(const json& request) {
  DiffOptions options;
  if (!read_fraction(request, "min_similarity", options.min_similarity) ||
      !read_fraction(request, "min_move_similarity", options.min_move_similarity) ||
      !read_fraction(request, "min_part_containment", options.min_part_containment) ||
      !read_flag(request, "ignore_layout", options.ignore_layout) ||
      !read_flag(request, "semantic_cleanup", options.semantic_cleanup))
    return invalid_request("min_similarity, min_move_similarity and min_part_containment must be numbers; "
                           "ignore_layout and semantic_cleanup true or false.");
  if (const std::optional<Error> bad = check_diff_options(options)) return *bad;
  return options;
}

// A document named in a request: its id (a whole number, as documents were added, from 0) or its name (the
// first live document with it).
Result<DocId> document_ref(const Corpus& corpus, const json& request, const char* key) {
  const auto it = request.find(key);
  if (it != request.end() && it->is_number_integer() && it->get<long long>() >= 0 &&
      it->get<unsigned long long>() < corpus.document_count() && !corpus.document(it->get<DocId>()).removed)
    return it->get<DocId>();
  if (it != request.end() && it->is_string()) {
    for (DocId id = 0; id < corpus.document_count(); ++id)
      if (!corpus.document(id).removed && corpus.document(id).info.name == it->get<std::string>()) return id;
    return Error{"diff.document", "There is no document named " + it->dump() + " in the corpus."};
  }
  if (it == request.end()) return invalid_request(std::string("The request needs \"") + key + "\": a document's id or name.");
  return Error{"diff.document", "There is no document " + it->dump() + " in the corpus."};
}

// The paragraph diff of two documents of `corpus` as JSON, or an error.
std::string diff_json(const Corpus& corpus, const json& request) {
  const Result<DocId> a = document_ref(corpus, request, "a");
  if (!a.ok()) return wire::dump(wire::to_json(a.error()));
  const Result<DocId> b = document_ref(corpus, request, "b");
  if (!b.ok()) return wire::dump(wire::to_json(b.error()));
  const Result<DiffOptions> options = diff_options(request);
  if (!options.ok()) return wire::dump(wire::to_json(options.error()));
  const Result<DocumentDiff> diff = diff_documents(corpus, a.value(), b.value(), options.value());
  if (!diff.ok()) return wire::dump(wire::to_json(diff.error()));
  return wire::dump(wire::to_json(wire::DiffReport{&corpus, a.value(), b.value(), &diff.value(), &options.value()}));
}

}  // namespace

// A corpus owned by JavaScript (call .delete() when done).
class CorpusHandle {
 public:
  // info_json: {"name", "title"?, "date"?, "source"?, "encoding"?}; bytes: a Uint8Array or ArrayBuffer of the
  // file. With "encoding", the bytes are UTF-8 already converted from that encoding by the caller (the
  // page's TextDecoder); without it the core detects the encoding. Returns the document's summary (see
  // wire::to_json(Document)) or an error.
  std::string addDocument(const std::string& info_json, const std::string& bytes) {
    const json info = json::parse(info_json, nullptr, false);
    if (info.is_discarded() || !info.is_object())
      return wire::dump(wire::to_json(invalid_request("addDocument expects document information as a JSON object.")));
    Result<DocId> added = corpus_.add_document(
        {string_field(info, "name"), string_field(info, "title"), string_field(info, "date"),
         string_field(info, "source"), string_field(info, "encoding")},
        bytes);
    if (!added.ok()) return wire::dump(wire::to_json(added.error()));
    return wire::dump(wire::to_json(corpus_.document(added.value())));
  }

  // Several documents as one index segment (cheaper than one at a time). infos_json: a JSON array of
  // document information as for addDocument; byte_arrays: a JS array of Uint8Array, one per entry.
  // Returns a JSON array with, per document, its summary or {"error": …}.
  std::string addDocuments(const std::string& infos_json, const emscripten::val& byte_arrays) {
    const json infos = json::parse(infos_json, nullptr, false);
    const auto count = byte_arrays["length"].as<std::size_t>();
    if (infos.is_discarded() || !infos.is_array() || infos.size() != count)
      return wire::dump(wire::to_json(
          invalid_request("addDocuments expects a JSON array of document information and as many byte arrays.")));
    std::vector<std::string> bytes(count);  // kept alive while the core reads them
    std::vector<NewDocument> batch;
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < count; ++i) {
      if (!infos[i].is_object())
        return wire::dump(wire::to_json(invalid_request("Each document's information must be a JSON object.")));
      bytes[i] = byte_arrays[i].as<std::string>();
      batch.push_back({{string_field(infos[i], "name"), string_field(infos[i], "title"), string_field(infos[i], "date"),
                        string_field(infos[i], "source"), string_field(infos[i], "encoding")},
                       bytes[i]});
    }
    for (const Result<DocId>& added : corpus_.add_documents(std::move(batch)))
      out.push_back(added.ok() ? wire::to_json(corpus_.document(added.value())) : wire::to_json(added.error()));
    return wire::dump(out);
  }

  // A JSON array of every document's summary, in the order they were added.
  std::string documents() const {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (DocId id = 0; id < corpus_.document_count(); ++id)
      if (!corpus_.document(id).removed) list.push_back(wire::to_json(corpus_.document(id)));
    return wire::dump(list);
  }

  // request_json: {"doc": name, "title"?, "date"?, "source"?}: the fields given (strings) replace those of the
  // first live document of that name; an empty date is read from the name again. Returns the document's new
  // summary, or an error (document.unknown, request.invalid).
  std::string setDocumentInfo(const std::string& request_json) {
    const json request = json::parse(request_json, nullptr, false);
    const bool valid = !request.is_discarded() && request.is_object() && request.contains("doc") && request["doc"].is_string() &&
                       std::all_of(std::begin(kInfoFields), std::end(kInfoFields), [&](const char* key) {
                         return !request.contains(key) || request[key].is_string();
                       });
    if (!valid)
      return wire::dump(wire::to_json(invalid_request(
          "setDocumentInfo expects {\"doc\": \"a document's name\", \"title\"?: \"…\", \"date\"?: \"…\", \"source\"?: \"…\"}.")));
    const std::optional<DocId> id = find_document_named(corpus_, request["doc"].get<std::string>());
    if (!id)
      return wire::dump(wire::to_json(Error{"document.unknown", "There is no document " + request["doc"].dump() + " in the corpus."}));
    const DocumentInfo& info = corpus_.document(*id).info;
    const auto field = [&](const char* key, const std::string& current) {
      return request.contains(key) ? request[key].get<std::string>() : current;
    };
    corpus_.set_document_info(*id, field("title", info.title), field("date", info.date), field("source", info.source));
    return wire::dump(wire::to_json(corpus_.document(*id)));
  }

  // request_json: {"doc": name or index among the live documents}. The document's text and paragraph spans
  // (wire::to_json(DocumentText)), for reading it with hits marked, or an error.
  std::string documentText(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    const auto doc = request.is_object() ? request.find("doc") : request.end();
    if (request.is_discarded() || !request.is_object() || doc == request.end() ||
        !(doc->is_string() || (doc->is_number_integer() && doc->get<long long>() >= 0)))
      return wire::dump(wire::to_json(
          invalid_request("documentText expects {\"doc\": \"a document's name\"} or {\"doc\": its index}.")));
    std::size_t index = 0;
    for (DocId id = 0; id < corpus_.document_count(); ++id) {
      const Document& document = corpus_.document(id);
      if (document.removed) continue;
      if (doc->is_string() ? document.info.name == doc->get<std::string>() : index == doc->get<std::size_t>())
        return wire::dump(wire::to_json(wire::DocumentText{&document}));
      ++index;
    }
    return wire::dump(wire::to_json(Error{"document.unknown", "There is no document " + doc->dump() + " in the corpus."}));
  }

  // request_json: {"min"?, "stop_words"?, "offset"?, "limit"?}. The frequency list (wire::to_json(FrequencyList)).
  std::string frequency(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    FrequencyOptions options;
    if (request.is_discarded() || !request.is_object() || !read_count(request, "min", options.min_frequency) ||
        !read_count(request, "offset", options.offset) || !read_count(request, "limit", options.limit) ||
        !read_flag(request, "stop_words", options.skip_stop_words))
      return wire::dump(wire::to_json(invalid_request(
          "frequency expects {\"min\"?: n, \"offset\"?: n, \"limit\"?: n, \"stop_words\"?: true|false}.")));
    return wire::dump(wire::to_json(frequency_list(corpus_, options)));
  }

  // --- N-gram clusters and collocates (docs/statistics.md) ---

  // request_json: {"size"? | "min_size"?, "max_size"?, "min"?, "min_range"?, "stop_words"?, "cross_sentences"?,
  // "query"?, "case_sensitive"?, "diacritic_sensitive"?, "offset"?, "limit"?}. The n-gram list
  // (wire::to_json(NgramList)) or an error.
  std::string ngrams(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    NgramOptions options;
    std::optional<std::size_t> size, min_size, max_size;
    if (request.is_discarded() || !request.is_object())
      return wire::dump(wire::to_json(invalid_request("ngrams expects a JSON object such as {\"size\": 3}.")));
    if (!read_optional_count(request, "size", size) || !read_optional_count(request, "min_size", min_size) ||
        !read_optional_count(request, "max_size", max_size) || !read_count(request, "min", options.min_frequency) ||
        !read_count(request, "min_range", options.min_range) || !read_count(request, "offset", options.offset) ||
        !read_count(request, "limit", options.limit))
      return wire::dump(wire::to_json(invalid_request(
          "size, min_size, max_size, min, min_range, offset and limit must be whole numbers of zero or more.")));
    if (!read_flag(request, "stop_words", options.skip_stop_words) ||
        !read_flag(request, "cross_sentences", options.cross_sentences) ||
        !read_flag(request, "case_sensitive", options.match.case_sensitive) ||
        !read_flag(request, "diacritic_sensitive", options.match.diacritic_sensitive))
      return wire::dump(wire::to_json(invalid_request(
          "stop_words, cross_sentences, case_sensitive and diacritic_sensitive must be true or false.")));
    if (const auto query = request.find("query"); query != request.end() && !query->is_null()) {
      if (!query->is_string()) return wire::dump(wire::to_json(invalid_request("query must be a string.")));
      options.query = query->get<std::string>();
    }
    Result<NgramOptions> sized = with_ngram_sizes(options, size, min_size, max_size);
    if (!sized.ok()) return wire::dump(wire::to_json(sized.error()));
    const Result<NgramList> result = ngram_list(corpus_, sized.value());
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(result.value()));
  }

  // request_json: {"query", "left"?, "right"?, "measure"?: "logdice"|"ll"|"mi"|"t", "min"?, "stop_words"?,
  // "cross_sentences"?, "case_sensitive"?, "diacritic_sensitive"?, "offset"?, "limit"?}. The collocates
  // (wire::to_json(CollocateList)) or an error.
  std::string collocates(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object() || !request.contains("query") || !request["query"].is_string())
      return wire::dump(wire::to_json(invalid_request("collocates expects {\"query\": \"…\"}.")));
    CollocateOptions options;
    if (!read_count(request, "left", options.left) || !read_count(request, "right", options.right) ||
        !read_count(request, "min", options.min_frequency) || !read_count(request, "offset", options.offset) ||
        !read_count(request, "limit", options.limit))
      return wire::dump(wire::to_json(
          invalid_request("left, right, min, offset and limit must be whole numbers of zero or more.")));
    if (!read_flag(request, "stop_words", options.skip_stop_words) ||
        !read_flag(request, "cross_sentences", options.cross_sentences) ||
        !read_flag(request, "case_sensitive", options.match.case_sensitive) ||
        !read_flag(request, "diacritic_sensitive", options.match.diacritic_sensitive))
      return wire::dump(wire::to_json(invalid_request(
          "stop_words, cross_sentences, case_sensitive and diacritic_sensitive must be true or false.")));
    if (const auto measure = request.find("measure"); measure != request.end() && !measure->is_null()) {
      const std::optional<AssociationMeasure> parsed =
          measure->is_string() ? parse_measure(measure->get<std::string>()) : std::nullopt;
      if (!parsed)
        return wire::dump(wire::to_json(
            Error{"options.measure", "Unknown measure " + measure->dump() + "; use logdice, ll, mi or t."}));
      options.measure = *parsed;
    }
    const Result<CollocateList> result = textx::collocates(corpus_, request["query"].get<std::string>(), options);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(result.value()));
  }
  // --- end of n-gram clusters and collocates ---

  // --- Dispersion, keyness, trend (docs/statistics.md) ---

  // request_json: {"query", "case_sensitive"?, "diacritic_sensitive"?}. The dispersion of the query over the
  // documents (wire::to_json(Corpus, Dispersion)) or an error.
  std::string dispersion(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    MatchOptions match;
    if (!read_query_request(request, match))
      return wire::dump(wire::to_json(invalid_request(
          "dispersion expects {\"query\": \"…\", \"case_sensitive\"?: true|false, \"diacritic_sensitive\"?: true|false}.")));
    const Result<Dispersion> result = textx::dispersion(corpus_, request["query"].get<std::string>(), match);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(corpus_, result.value()));
  }

  // request_json: {"target", "reference"?, "min"?, "stop_words"?, "negative"?, "offset"?, "limit"?}; target and
  // reference are selections in the query language's filter syntax. The keywords (wire::to_json(Keyness)) or
  // an error.
  std::string keyness(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    KeynessOptions options;
    bool negative = false;
    const auto reference = request.is_object() ? request.find("reference") : request.end();
    if (request.is_discarded() || !request.is_object() || !request.contains("target") || !request["target"].is_string() ||
        (reference != request.end() && !reference->is_null() && !reference->is_string()) ||
        !read_count(request, "min", options.min_frequency) || !read_count(request, "offset", options.offset) ||
        !read_count(request, "limit", options.limit) || !read_flag(request, "stop_words", options.skip_stop_words) ||
        !read_flag(request, "negative", negative))
      return wire::dump(wire::to_json(invalid_request(
          "keyness expects {\"target\": \"doc:… date:…\", \"reference\"?: \"…\", \"min\"?: n, \"stop_words\"?: "
          "true|false, \"negative\"?: true|false, \"offset\"?: n, \"limit\"?: n}.")));
    options.target = request["target"].get<std::string>();
    options.reference = string_field(request, "reference");
    options.sign = negative ? KeywordSign::kNegative : KeywordSign::kPositive;
    const Result<Keyness> result = textx::keyness(corpus_, options);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(result.value()));
  }

  // request_json: {"query", "by"?: "year"|"decade"|"month", "case_sensitive"?, "diacritic_sensitive"?}. The
  // hits per period (wire::to_json(Trend)) or an error.
  std::string trend(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    MatchOptions match;
    const std::string by_name = request.is_object() ? string_field(request, "by") : std::string();
    const std::optional<TrendPeriod> by = by_name.empty() ? TrendPeriod::kYear : parse_trend_period(by_name);
    const auto by_field = request.is_object() ? request.find("by") : request.end();
    if (!read_query_request(request, match) || !by ||
        (by_field != request.end() && !by_field->is_null() && !by_field->is_string()))
      return wire::dump(wire::to_json(invalid_request(
          "trend expects {\"query\": \"…\", \"by\"?: \"year\"|\"decade\"|\"month\", \"case_sensitive\"?: true|false, "
          "\"diacritic_sensitive\"?: true|false}.")));
    const Result<Trend> result = textx::trend(corpus_, request["query"].get<std::string>(), *by, match);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(result.value()));
  }

  // --- end of dispersion, keyness, trend ---

  // Summaries of every document and corpus totals (wire::to_json(CorpusStats)).
  std::string stats() const { return wire::dump(wire::to_json(wire::CorpusStats{&corpus_})); }

  // request_json: {"doc": name, "paragraph"?: n} (a paragraph, or the whole document) or {"text": "…"},
  // with the options of read_reuse_options. Passages of the corpus repeating it (wire::to_json(ReuseAnswer)),
  // or an error. The shingle index is built on the first call and kept until the corpus or the shingle
  // options change.
  std::string reuse(const std::string& request_json) {
    const json request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object())
      return wire::dump(wire::to_json(invalid_request("reuse expects {\"doc\": \"name\", \"paragraph\"?: n} or {\"text\": \"…\"}.")));
    ReuseOptions options;
    if (!read_reuse_options(request, options)) return wire::dump(wire::to_json(invalid_request(kReuseOptionsHelp)));
    const auto doc = request.find("doc");
    const auto text = request.find("text");
    const bool has_doc = doc != request.end() && !doc->is_null(), has_text = text != request.end() && !text->is_null();
    if (has_doc == has_text || (has_doc && !doc->is_string()) || (has_text && !text->is_string()))
      return wire::dump(wire::to_json(invalid_request("reuse expects either \"doc\" (a document's name) or \"text\" (a string).")));
    std::optional<std::size_t> paragraph;
    if (const auto p = request.find("paragraph"); p != request.end() && !p->is_null()) {
      std::size_t value = 0;
      if (!read_count(request, "paragraph", value))
        return wire::dump(wire::to_json(invalid_request("paragraph must be a whole number of zero or more.")));
      paragraph = value;
    }
    if (const std::optional<Error> error = check_reuse_options(options)) return wire::dump(wire::to_json(*error));
    const ShingleIndex& index = shingle_index(options.shingles);
    if (has_text) {
      const std::string query = repair_utf8(text->get<std::string>()).text;  // offsets refer to the repaired text
      const Result<ReuseResult> result = find_reuse_of_text(corpus_, index, query, options);
      if (!result.ok()) return wire::dump(wire::to_json(result.error()));
      return wire::dump(wire::to_json(wire::ReuseAnswer{&corpus_, &result.value(), &options, query}));
    }
    const std::optional<DocId> id = find_document_named(corpus_, doc->get<std::string>());
    if (!id)
      return wire::dump(wire::to_json(Error{"reuse.document", "No document is named " + doc->dump() + "."}));
    const Result<ReuseResult> result = find_reuse(corpus_, index, *id, paragraph, options);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(wire::ReuseAnswer{&corpus_, &result.value(), &options}));
  }

  // request_json: the options of read_reuse_options. Every passage two documents share, each pair once.
  std::string sharedPassages(const std::string& request_json) {
    const json request = json::parse(request_json, nullptr, false);
    ReuseOptions options;
    if (request.is_discarded() || !request.is_object() || !read_reuse_options(request, options))
      return wire::dump(wire::to_json(invalid_request(kReuseOptionsHelp)));
    if (const std::optional<Error> error = check_reuse_options(options)) return wire::dump(wire::to_json(*error));
    const Result<ReuseResult> result = find_shared_passages(corpus_, shingle_index(options.shingles), options);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(wire::ReuseAnswer{&corpus_, &result.value(), &options}));
  }

  // request_json: {"query", "context"?, "context_unit"?: "words"|"characters", "sort"?: ["R1", …],
  // "offset"?, "limit"?, "case_sensitive"?, "diacritic_sensitive"?}. Returns the concordance or an error.
  // Sorted, every match is put in order once and kept (the last query, options and sort, until the corpus
  // changes): the next pages and an export page by page cost their rows only.
  std::string concordance(const std::string& request_json) {
    const json request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object() || !request.contains("query") || !request["query"].is_string())
      return wire::dump(wire::to_json(invalid_request("concordance expects {\"query\": \"…\"}.")));
    ConcordanceOptions options;
    options.limit = kMaxRowsPerAnswer;
    if (!read_count(request, "context", options.context) || !read_count(request, "offset", options.offset) ||
        !read_count(request, "limit", options.limit))
      return wire::dump(
          wire::to_json(invalid_request("context, offset and limit must be whole numbers of zero or more.")));
    if (options.limit > kMaxRowsPerAnswer)
      return wire::dump(wire::to_json(Error{"options.limit", "One answer holds at most 100,000 rows; ask for the "
                                                             "next ones with \"offset\"."}));
    if (!read_flag(request, "case_sensitive", options.match.case_sensitive) ||
        !read_flag(request, "diacritic_sensitive", options.match.diacritic_sensitive))
      return wire::dump(wire::to_json(invalid_request("case_sensitive and diacritic_sensitive must be true or false.")));
    const std::string unit = string_field(request, "context_unit");
    if (unit == "characters") options.unit = ContextUnit::kCharacters;
    else if (!unit.empty() && unit != "words")
      return wire::dump(wire::to_json(invalid_request("context_unit must be \"words\" or \"characters\".")));
    if (const auto sort = request.find("sort"); sort != request.end() && !sort->is_null()) {
      if (!sort->is_array()) return wire::dump(wire::to_json(invalid_request("sort must be a list such as [\"R1\", \"R2\"].")));
      for (const json& name : *sort) {
        const std::optional<SortKey> key = name.is_string() ? parse_sort_key(name.get<std::string>()) : std::nullopt;
        if (!key)
          return wire::dump(wire::to_json(Error{"options.sort", "Unknown sort key " + name.dump() +
                                                                    "; use L3, L2, L1, M, R1, R2, R3 or doc."}));
        options.sort.push_back(*key);
      }
    }
    const std::string query = request["query"].get<std::string>();
    if (options.sort.empty()) {
      const Result<Concordance> result = textx::concordance(corpus_, query, options);
      if (!result.ok()) return wire::dump(wire::to_json(result.error()));
      return wire::concordance_json(corpus_, result.value());
    }
    if (const std::optional<Error> error = check_concordance_options(options)) return wire::dump(wire::to_json(*error));
    if (!sorted_ || sorted_revision_ != corpus_.revision() || sorted_->query != query ||
        !(sorted_->match == options.match) || sorted_->sort != options.sort) {
      sorted_.reset();  // free the old order before making the new
      Result<SortedMatches> sorted = sorted_matches(corpus_, query, options.match, options.sort);
      if (!sorted.ok()) return wire::dump(wire::to_json(sorted.error()));
      sorted_ = std::move(sorted.value());
      sorted_revision_ = corpus_.revision();
    }
    const Result<Concordance> page = concordance_page(corpus_, *sorted_, options);
    if (!page.ok()) return wire::dump(wire::to_json(page.error()));
    return wire::concordance_json(corpus_, page.value());
  }

  // request_json: {"a": id or name, "b": id or name, "min_similarity"?, "min_move_similarity"?,
  // "min_part_containment"?, "ignore_layout"?, "semantic_cleanup"?}. The paragraph diff of document a
  // against document b (wire::to_json(DiffReport), docs/diff.md) or an error.
  std::string diff(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object())
      return wire::dump(wire::to_json(invalid_request("diff expects {\"a\": id or name, \"b\": id or name}.")));
    return diff_json(corpus_, request);
  }

  // request_json: {"doc": id or name, "paragraph": n (from 0), "witnesses": [id or name, …], and the diff
  // options}. The paragraph aligned word by word with its counterparts in the witnesses
  // (wire::to_json(CollationReport)) or an error.
  std::string collate(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    std::size_t paragraph = 0;
    if (request.is_discarded() || !request.is_object() || !request.contains("paragraph") ||
        !read_count(request, "paragraph", paragraph) || !request.contains("witnesses") || !request["witnesses"].is_array())
      return wire::dump(wire::to_json(invalid_request(
          "collate expects {\"doc\": id or name, \"paragraph\": n, \"witnesses\": [id or name, …]}.")));
    const Result<DocId> base = document_ref(corpus_, request, "doc");
    if (!base.ok()) return wire::dump(wire::to_json(base.error()));
    std::vector<DocId> others;
    for (const json& ref : request["witnesses"]) {
      const Result<DocId> id = document_ref(corpus_, json{{"doc", ref}}, "doc");
      if (!id.ok()) return wire::dump(wire::to_json(id.error()));
      others.push_back(id.value());
    }
    const Result<DiffOptions> options = diff_options(request);
    if (!options.ok()) return wire::dump(wire::to_json(options.error()));
    const auto index = static_cast<std::uint32_t>(std::min<std::size_t>(paragraph, 0xFFFFFFFFu));
    const Result<ParagraphCollation> collation = collate_paragraph(corpus_, base.value(), index, others, options.value());
    if (!collation.ok()) return wire::dump(wire::to_json(collation.error()));
    return wire::dump(wire::to_json(wire::CollationReport{&corpus_, &collation.value()}));
  }

 private:
  // The shingle index for `options`, rebuilt when the corpus or the options changed since the last one.
  const ShingleIndex& shingle_index(const ShingleOptions& options) {
    if (!shingle_index_ || !shingle_index_->describes(corpus_) || !(shingle_index_->options() == options)) {
      shingle_index_.reset();  // free the old one before building the new
      shingle_index_.emplace(corpus_, options);
    }
    return *shingle_index_;
  }

  Corpus corpus_{kBrowserLimits};
  std::optional<ShingleIndex> shingle_index_;
  std::optional<SortedMatches> sorted_;  // the last sorted concordance's matches, in order
  std::uint64_t sorted_revision_ = 0;    // the corpus revision they were found at
};

// The paragraph diff of two documents given as bytes, without a corpus: a_info_json and b_info_json as for
// addDocument, options_json the diff options of Corpus.diff ("{}" for the defaults). The diff (as
// Corpus.diff), or an error, also when a document cannot be read.
std::string diffBytes(const std::string& a_info_json, const std::string& a_bytes, const std::string& b_info_json,
                      const std::string& b_bytes, const std::string& options_json) {
  Corpus corpus(kBrowserLimits);
  for (const auto& [info_json, bytes] : {std::pair{&a_info_json, &a_bytes}, std::pair{&b_info_json, &b_bytes}}) {
    const json info = json::parse(*info_json, nullptr, false);
    if (info.is_discarded() || !info.is_object())
      return wire::dump(wire::to_json(invalid_request("diffBytes expects document information as JSON objects.")));
    const Result<DocId> added = corpus.add_document({string_field(info, "name"), string_field(info, "title"),
                                                      string_field(info, "date"), string_field(info, "source"),
                                                      string_field(info, "encoding")},
                                                     *bytes);
    if (!added.ok()) return wire::dump(wire::to_json(added.error()));
  }
  json request = json::parse(options_json, nullptr, false);
  if (request.is_discarded() || !request.is_object())
    return wire::dump(wire::to_json(invalid_request("diffBytes expects its options as a JSON object, such as {}.")));
  request["a"] = 0;
  request["b"] = 1;
  return diff_json(corpus, request);
}

// The engine's limits, for the page to check a file's size before reading it and for tests:
// {"document_bytes", "corpus_bytes", "corpus_tokens", "rows_per_answer"}.
std::string limits() {
  return wire::dump(nlohmann::ordered_json{{"document_bytes", kBrowserLimits.document_bytes},
                                           {"corpus_bytes", kBrowserLimits.corpus_bytes},
                                           {"corpus_tokens", kBrowserLimits.corpus_tokens},
                                           {"rows_per_answer", kMaxRowsPerAnswer}});
}

// Called by operator new when the allocator has nothing left: the 4 GB a page's wasm may grow to are gone.
// Without it the module aborts with a bare "Aborted()", which reads like a bug of ours; a RangeError saying
// what happened lets the page tell the reader in plain words. Either way nothing is unwound and the module
// is unusable afterwards: the page starts a new one with every document.
[[noreturn]] void out_of_memory() {
  emscripten::val::global("RangeError")
      .new_(std::string("Out of memory: the analysis engine needed more than the 4 GB a browser gives it."))
      .throw_();
}

// Stops the module with a WebAssembly trap (`unreachable`), as a bug or exhausted memory would: the page's
// tests use it to check that the page restarts its engine and loads the documents again. It touches
// nothing; a page can only ever stop its own engine with it.
void trapForTesting() { __builtin_trap(); }

// Takes memory in blocks of 64 MB until the allocator refuses, as an answer too large for the 4 GB a page's
// wasm may grow to would: the page's tests use it to check that running out of memory restarts the engine
// with every document. The blocks are never written, so the browser commits little real memory for them.
void exhaustMemoryForTesting() {
  static std::vector<std::unique_ptr<char[]>> held;
  held.reserve(64);  // 64 × 64 MB is the whole 4 GB: the list itself never needs to grow
  for (;;) held.emplace_back(new char[std::size_t{64} << 20]);
}

}  // namespace textx::wasm

EMSCRIPTEN_BINDINGS(textx) {
  std::set_new_handler(&textx::wasm::out_of_memory);
  emscripten::function("diffBytes", &textx::wasm::diffBytes);
  emscripten::function("limits", &textx::wasm::limits);
  emscripten::function("trapForTesting", &textx::wasm::trapForTesting);
  emscripten::function("exhaustMemoryForTesting", &textx::wasm::exhaustMemoryForTesting);
  emscripten::class_<textx::wasm::CorpusHandle>("Corpus")
      .constructor<>()
      .function("addDocument", &textx::wasm::CorpusHandle::addDocument)
      .function("addDocuments", &textx::wasm::CorpusHandle::addDocuments)
      .function("documents", &textx::wasm::CorpusHandle::documents)
      .function("documentText", &textx::wasm::CorpusHandle::documentText)
      .function("setDocumentInfo", &textx::wasm::CorpusHandle::setDocumentInfo)
      .function("stats", &textx::wasm::CorpusHandle::stats)
      .function("frequency", &textx::wasm::CorpusHandle::frequency)
      .function("concordance", &textx::wasm::CorpusHandle::concordance)
      .function("ngrams", &textx::wasm::CorpusHandle::ngrams)
      .function("collocates", &textx::wasm::CorpusHandle::collocates)
      .function("dispersion", &textx::wasm::CorpusHandle::dispersion)
      .function("keyness", &textx::wasm::CorpusHandle::keyness)
      .function("trend", &textx::wasm::CorpusHandle::trend)
      .function("reuse", &textx::wasm::CorpusHandle::reuse)
      .function("sharedPassages", &textx::wasm::CorpusHandle::sharedPassages)
      .function("diff", &textx::wasm::CorpusHandle::diff)
      .function("collate", &textx::wasm::CorpusHandle::collate);
}
