#include "wire/json.hpp"

namespace textx::wire {

nlohmann::ordered_json to_json(const Corpus& corpus, const Concordance& concordance) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const KwicRow& row : concordance.rows) {
    const Document& doc = corpus.document(row.doc);
    hits.push_back({{"doc", doc.info.name},
                    {"paragraph", row.paragraph},
                    {"start", row.start},
                    {"end", row.end},
                    {"start_utf16", doc.utf16.to_utf16(doc.text, row.start)},
                    {"end_utf16", doc.utf16.to_utf16(doc.text, row.end)},
                    {"left", row.left},
                    {"match", row.match},
                    {"right", row.right}});
  }
  return {{"query", concordance.query}, {"total", concordance.total}, {"hits", std::move(hits)}};
}

nlohmann::ordered_json to_json(const Document& document) {
  return {{"name", document.info.name},
          {"title", document.info.title},
          {"date", document.info.date},
          {"source", document.info.source},
          {"encoding", document.encoding},
          {"bom", document.byte_order_mark},
          {"format", document.format == SourceFormat::kHtml ? "html" : "text"},
          {"replacements", document.replacements},
          {"bytes", document.text.size()},
          {"paragraphs", document.paragraphs.size()},
          {"sentences", document.sentences.size()},
          {"tokens", document.token_count},
          {"distinct_keys", document.distinct_keys}};
}

nlohmann::ordered_json to_json(const CorpusStats& stats) {
  const Corpus& corpus = *stats.corpus;
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  std::size_t bytes = 0, paragraphs = 0, sentences = 0;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    const Document& doc = corpus.document(id);
    if (doc.removed) continue;
    documents.push_back(to_json(doc));
    bytes += doc.text.size();
    paragraphs += doc.paragraphs.size();
    sentences += doc.sentences.size();
  }
  return {{"documents", std::move(documents)},
          {"total",
           {{"documents", corpus.live_document_count()},
            {"bytes", bytes},
            {"paragraphs", paragraphs},
            {"sentences", sentences},
            {"tokens", corpus.token_count()},
            {"distinct_keys", corpus.vocabulary_size()}}}};
}

nlohmann::ordered_json to_json(const FrequencyList& list) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const FrequencyRow& row : list.rows) {
    rows.push_back({{"word", row.word},
                    {"frequency", row.frequency},
                    {"per_million", row.per_million},
                    {"range", row.range}});
  }
  return {{"tokens", list.tokens}, {"types", list.types}, {"rows", std::move(rows)}};
}

// N-gram clusters and collocates.
nlohmann::ordered_json to_json(const NgramList& list) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const NgramRow& row : list.rows) {
    rows.push_back({{"ngram", row.ngram},
                    {"size", row.keys.size()},
                    {"frequency", row.frequency},
                    {"per_million", row.per_million},
                    {"range", row.range}});
  }
  return {{"query", list.query}, {"tokens", list.tokens}, {"total", list.total}, {"rows", std::move(rows)}};
}

nlohmann::ordered_json to_json(const CollocateList& list) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const CollocateRow& row : list.rows) {
    rows.push_back({{"word", row.word},
                    {"observed", row.observed},
                    {"left", row.left},
                    {"right", row.right},
                    {"frequency", row.frequency},
                    {"expected", row.scores.expected},
                    {"mi", row.scores.mi},
                    {"t_score", row.scores.t_score},
                    {"log_likelihood", row.scores.log_likelihood},
                    {"log_dice", row.scores.log_dice}});
  }
  return {{"query", list.query},
          {"measure", measure_name(list.measure)},
          {"window", {{"left", list.left}, {"right", list.right}}},
          {"tokens", list.tokens},
          {"node_frequency", list.node_frequency},
          {"span", list.span},
          {"total", list.total},
          {"rows", std::move(rows)}};
}

// --- Dispersion, keyness, trend ---

namespace {

nlohmann::ordered_json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json trend_counts(const TrendRow& row) {
  return {{"documents", row.documents}, {"tokens", row.tokens}, {"hits", row.hits}, {"per_million", row.per_million}};
}

nlohmann::ordered_json sub_corpus(const SubCorpus& side) {
  return {{"selection", side.rest ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(side.selection)},
          {"documents", side.documents},
          {"tokens", side.tokens}};
}

}  // namespace

nlohmann::ordered_json to_json(const Corpus& corpus, const Dispersion& dispersion) {
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  for (const DocumentDispersion& row : dispersion.documents) {
    const Document& doc = corpus.document(row.doc);
    nlohmann::ordered_json starts_utf16 = nlohmann::ordered_json::array();
    for (const std::uint32_t start : row.starts) starts_utf16.push_back(doc.utf16.to_utf16(doc.text, start));
    documents.push_back({{"doc", doc.info.name},
                         {"date", doc.info.date},
                         {"tokens", row.tokens},
                         {"hits", row.hits()},
                         {"per_million", row.per_million},
                         {"positions", row.positions},
                         {"starts", row.starts},
                         {"starts_utf16", std::move(starts_utf16)}});
  }
  return {{"query", dispersion.query},
          {"total",
           {{"documents", dispersion.documents.size()},
            {"tokens", dispersion.tokens},
            {"hits", dispersion.hits},
            {"range", dispersion.range},
            {"per_million", dispersion.per_million}}},
          {"dp", optional_number(dispersion.measures.dp)},
          {"dp_norm", optional_number(dispersion.measures.dp_norm)},
          {"juilland_d", optional_number(dispersion.measures.juilland_d)},
          {"documents", std::move(documents)}};
}

nlohmann::ordered_json to_json(const Keyness& keyness) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const KeywordRow& row : keyness.rows) {
    rows.push_back({{"word", row.word},
                    {"target_frequency", row.target_frequency},
                    {"reference_frequency", row.reference_frequency},
                    {"target_per_million", row.target_per_million},
                    {"reference_per_million", row.reference_per_million},
                    {"log_likelihood", row.log_likelihood},
                    {"p", row.p},
                    {"p_below", optional_number(significance(row.log_likelihood))},
                    {"log_ratio", row.log_ratio},
                    {"percent_diff", optional_number(row.percent_diff)}});
  }
  return {{"target", sub_corpus(keyness.target)},
          {"reference", sub_corpus(keyness.reference)},
          {"sign", keyness.sign == KeywordSign::kPositive ? "positive" : "negative"},
          {"total", keyness.total},
          {"rows", std::move(rows)}};
}

nlohmann::ordered_json to_json(const Trend& trend) {
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const TrendRow& row : trend.periods) {
    nlohmann::ordered_json entry = {{"period", row.period}};
    entry.update(trend_counts(row));
    periods.push_back(std::move(entry));
  }
  return {{"query", trend.query},
          {"by", std::string(trend_period_name(trend.by))},
          {"periods", std::move(periods)},
          {"year_only", trend_counts(trend.year_only)},
          {"undated", trend_counts(trend.undated)},
          {"total", trend_counts(trend.total)}};
}

// --- end of dispersion, keyness, trend ---


namespace {

// Offsets of a reuse span or shared run: in a document's text, or in the query text (doc == nullopt).
class ReuseOffsets {
 public:
  ReuseOffsets(const Corpus& corpus, std::string_view query_text) : corpus_(corpus), query_text_(query_text), query_utf16_(query_text) {}

  void add(nlohmann::ordered_json& out, std::optional<DocId> doc, std::uint32_t token_begin, std::uint32_t token_end,
           std::uint32_t start, std::uint32_t end) const {
    const std::string_view text = doc ? std::string_view(corpus_.document(*doc).text) : query_text_;
    const Utf16Offsets& utf16 = doc ? corpus_.document(*doc).utf16 : query_utf16_;
    out["token_start"] = token_begin;
    out["token_end"] = token_end;
    out["start"] = start;
    out["end"] = end;
    out["start_utf16"] = utf16.to_utf16(text, start);
    out["end_utf16"] = utf16.to_utf16(text, end);
  }

  nlohmann::ordered_json span(const ReuseSpan& span, bool with_text) const {
    nlohmann::ordered_json out;
    out["doc"] = span.doc ? nlohmann::ordered_json(corpus_.document(*span.doc).info.name) : nlohmann::ordered_json();
    out["paragraph"] = span.doc ? nlohmann::ordered_json(span.first_paragraph) : nlohmann::ordered_json();
    out["paragraph_last"] = span.doc ? nlohmann::ordered_json(span.last_paragraph) : nlohmann::ordered_json();
    add(out, span.doc, span.token_begin, span.token_end, span.start, span.end);
    if (with_text) {
      const std::string_view text = span.doc ? std::string_view(corpus_.document(*span.doc).text) : query_text_;
      out["text"] = text.substr(span.start, span.end - span.start);
    }
    return out;
  }

 private:
  const Corpus& corpus_;
  std::string_view query_text_;
  Utf16Offsets query_utf16_;
};

}  // namespace

nlohmann::ordered_json to_json(const ReuseAnswer& answer) {
  const ReuseResult& result = *answer.result;
  const ReuseOptions& options = *answer.options;
  const ReuseOffsets offsets(*answer.corpus, answer.query_text);
  nlohmann::ordered_json matches = nlohmann::ordered_json::array();
  for (const ReuseMatch& m : result.matches) {
    nlohmann::ordered_json shared = nlohmann::ordered_json::array();
    for (const SharedWords& w : m.shared) {
      nlohmann::ordered_json source, target;
      offsets.add(source, m.source.doc, w.source_token_begin, w.source_token_end, w.source_start, w.source_end);
      offsets.add(target, m.target.doc, w.target_token_begin, w.target_token_end, w.target_start, w.target_end);
      shared.push_back({{"exact", w.exact}, {"source", std::move(source)}, {"target", std::move(target)}});
    }
    matches.push_back({{"similarity", m.similarity},
                       {"shared_words", m.shared_words},
                       {"exact_words", m.exact_words},
                       {"weight", m.weight},
                       {"score", m.score},
                       {"source", offsets.span(m.source, true)},
                       {"target", offsets.span(m.target, true)},
                       {"shared", std::move(shared)}});
  }
  nlohmann::ordered_json query;
  if (result.query) {
    query = offsets.span(*result.query, false);
    query["tokens"] = result.query_words;
  }
  return {{"query", std::move(query)},
          {"options",
           {{"ngram", options.shingles.ngram},
            {"skip_stop_words", options.shingles.skip_stop_words},
            {"word_forms", options.shingles.word_forms},
            {"min_words", options.min_words},
            {"same_document", options.same_document},
            {"max_occurrences", options.max_occurrences},
            {"limit", options.limit}}},
          {"shingles", result.shingles},
          {"skipped_shingles", result.skipped_shingles},
          {"seeds", result.seeds},
          {"regions", result.regions},
          {"truncated", result.truncated},
          {"total", result.total},
          {"matches", std::move(matches)}};
}

nlohmann::ordered_json to_json(const Error& error) {
  return {{"error", {{"code", error.code}, {"message", error.to_string()}}}};
}

std::string dump(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace textx::wire
