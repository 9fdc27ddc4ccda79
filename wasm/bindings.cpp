// Embind bindings: the only place where JavaScript meets the core. JSON strings in, JSON strings out;
// every failure comes back as {"error": {"code", "message"}} rather than a trap or an exception.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/concordance.hpp"
#include "core/stats/collocates.hpp"
#include "core/stats/dispersion.hpp"
#include "core/stats/keyness.hpp"
#include "core/stats/ngrams.hpp"
#include "core/stats/trend.hpp"
#include "wire/json.hpp"

namespace textx::wasm {
namespace {

using nlohmann::json;

Error invalid_request(const std::string& what) { return Error{"request.invalid", what}; }

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

  // request_json: {"query", "context"?, "context_unit"?: "words"|"characters", "sort"?: ["R1", …],
  // "offset"?, "limit"?, "case_sensitive"?, "diacritic_sensitive"?}. Returns the concordance or an error.
  std::string concordance(const std::string& request_json) const {
    const json request = json::parse(request_json, nullptr, false);
    if (request.is_discarded() || !request.is_object() || !request.contains("query") || !request["query"].is_string())
      return wire::dump(wire::to_json(invalid_request("concordance expects {\"query\": \"…\"}.")));
    ConcordanceOptions options;
    if (!read_count(request, "context", options.context) || !read_count(request, "offset", options.offset) ||
        !read_count(request, "limit", options.limit))
      return wire::dump(
          wire::to_json(invalid_request("context, offset and limit must be whole numbers of zero or more.")));
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
    const Result<Concordance> result = textx::concordance(corpus_, request["query"].get<std::string>(), options);
    if (!result.ok()) return wire::dump(wire::to_json(result.error()));
    return wire::dump(wire::to_json(corpus_, result.value()));
  }

 private:
  Corpus corpus_;
};

}  // namespace textx::wasm

EMSCRIPTEN_BINDINGS(textx) {
  emscripten::class_<textx::wasm::CorpusHandle>("Corpus")
      .constructor<>()
      .function("addDocument", &textx::wasm::CorpusHandle::addDocument)
      .function("addDocuments", &textx::wasm::CorpusHandle::addDocuments)
      .function("documents", &textx::wasm::CorpusHandle::documents)
      .function("documentText", &textx::wasm::CorpusHandle::documentText)
      .function("stats", &textx::wasm::CorpusHandle::stats)
      .function("frequency", &textx::wasm::CorpusHandle::frequency)
      .function("concordance", &textx::wasm::CorpusHandle::concordance)
      .function("ngrams", &textx::wasm::CorpusHandle::ngrams)
      .function("collocates", &textx::wasm::CorpusHandle::collocates)
      .function("dispersion", &textx::wasm::CorpusHandle::dispersion)
      .function("keyness", &textx::wasm::CorpusHandle::keyness)
      .function("trend", &textx::wasm::CorpusHandle::trend);
}
