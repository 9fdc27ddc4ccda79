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

nlohmann::ordered_json to_json(const DocumentText& text) {
  const Document& doc = *text.document;
  nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
  for (const TextSpan& span : doc.paragraphs)
    paragraphs.push_back({doc.utf16.to_utf16(doc.text, span.start), doc.utf16.to_utf16(doc.text, span.end)});
  return {{"name", doc.info.name},
          {"title", doc.info.title},
          {"date", doc.info.date},
          {"text", doc.text},
          {"paragraphs", std::move(paragraphs)}};
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

nlohmann::ordered_json to_json(const Error& error) {
  return {{"error", {{"code", error.code}, {"message", error.to_string()}}}};
}

std::string dump(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace textx::wire
