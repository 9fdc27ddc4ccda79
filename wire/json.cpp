#include "wire/json.hpp"

#include <cmath>
#include <cstdio>

#include "core/text/utf8.hpp"

namespace textx::wire {
namespace {

std::string_view slice(const Document& doc, std::uint32_t start, std::uint32_t end) {
  return std::string_view(doc.text).substr(start, end - start);
}

// Adds {"first", "count", "start", "end", "start_utf16", "end_utf16"} of `run` to `out`.
void add_run(nlohmann::ordered_json& out, const Document& doc, const ParagraphRun& run) {
  out["first"] = run.first;
  out["count"] = run.count;
  out["start"] = run.span.start;
  out["end"] = run.span.end;
  out["start_utf16"] = doc.utf16.to_utf16(doc.text, run.span.start);
  out["end_utf16"] = doc.utf16.to_utf16(doc.text, run.span.end);
}

nlohmann::ordered_json run_json(const Document& doc, const ParagraphRun& run) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  add_run(out, doc, run);
  return out;
}

nlohmann::ordered_json side_json(const Document& doc, const std::vector<TextSpan>& gaps) {
  nlohmann::ordered_json gap_texts = nlohmann::ordered_json::array();
  for (const TextSpan& gap : gaps) gap_texts.push_back(slice(doc, gap.start, gap.end));
  return {{"name", doc.info.name},
          {"title", doc.info.title},
          {"bytes", doc.text.size()},
          {"paragraphs", doc.paragraphs.size()},
          {"gaps", std::move(gap_texts)}};
}

// "text" (the first side's) and, when the second side's differs (in layout only), "b_text".
void add_texts(nlohmann::ordered_json& out, std::string_view a_text, std::string_view b_text) {
  out["text"] = a_text;
  if (b_text != a_text) out["b_text"] = b_text;
}

nlohmann::ordered_json words_json(const Document& a, const Document& b, const std::vector<WordEdit>& words) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const WordEdit& w : words) {
    nlohmann::ordered_json edit;
    switch (w.kind) {
      case EditKind::kEqual:
        edit["op"] = "equal";
        add_texts(edit, slice(a, w.a_start, w.a_end), slice(b, w.b_start, w.b_end));
        break;
      case EditKind::kDelete:
        edit["op"] = "delete";
        edit["text"] = slice(a, w.a_start, w.a_end);
        break;
      case EditKind::kInsert:
        edit["op"] = "insert";
        edit["text"] = slice(b, w.b_start, w.b_end);
        break;
    }
    out.push_back(std::move(edit));
  }
  return out;
}

double rounded(double similarity) { return std::round(similarity * 10000) / 10000; }

// Appends `text` as a JSON string exactly as dump() writes it: UTF-8 kept, quote, backslash and control
// characters escaped. Text that is not valid UTF-8 (a file name, say) goes through nlohmann's own writer,
// which replaces what it cannot read.
void append_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) {
    out += dump(nlohmann::ordered_json(text));
    return;
  }
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", c);
        out += escape;
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void append_field(std::string& out, const char* name, std::size_t value) {
  out += '"';
  out += name;
  out += "\":";
  out += std::to_string(value);
}

}  // namespace

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

std::string concordance_json(const Corpus& corpus, const Concordance& concordance) {
  std::string out = "{\"query\":";
  append_string(out, concordance.query);
  out += ',';
  append_field(out, "total", concordance.total);
  out += ",\"hits\":[";
  for (std::size_t i = 0; i < concordance.rows.size(); ++i) {
    const KwicRow& row = concordance.rows[i];
    const Document& doc = corpus.document(row.doc);
    out += i == 0 ? "{\"doc\":" : ",{\"doc\":";
    append_string(out, doc.info.name);
    out += ',';
    append_field(out, "paragraph", row.paragraph);
    out += ',';
    append_field(out, "start", row.start);
    out += ',';
    append_field(out, "end", row.end);
    out += ',';
    append_field(out, "start_utf16", doc.utf16.to_utf16(doc.text, row.start));
    out += ',';
    append_field(out, "end_utf16", doc.utf16.to_utf16(doc.text, row.end));
    out += ",\"left\":";
    append_string(out, row.left);
    out += ",\"match\":";
    append_string(out, row.match);
    out += ",\"right\":";
    append_string(out, row.right);
    out += '}';
  }
  out += "]}";
  return out;
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
            {"distinct_keys", corpus.vocabulary_size()},
            {"index_bytes", corpus.index_memory_bytes()},
            {"vocabulary_bytes", corpus.vocabulary_memory_bytes()},
            {"segments", corpus.segments().size()}}}};
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

nlohmann::ordered_json to_json(const DiffReport& report) {
  const Document& a = report.corpus->document(report.a);
  const Document& b = report.corpus->document(report.b);
  const DocumentDiff& diff = *report.diff;
  nlohmann::ordered_json summary;
  for (const PairOp op : {PairOp::kEqual, PairOp::kChanged, PairOp::kMoved, PairOp::kSplit, PairOp::kMerged,
                          PairOp::kInserted, PairOp::kDeleted})
    summary[std::string(pair_op_name(op))] = 0;
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const AlignedPair& pair : diff.pairs) {
    summary[std::string(pair_op_name(pair.op))] = summary[std::string(pair_op_name(pair.op))].get<int>() + 1;
    nlohmann::ordered_json out{{"op", pair_op_name(pair.op)}, {"similarity", rounded(pair.similarity)}};
    if (pair.a.count > 0) out["a"] = run_json(a, pair.a);
    if (pair.b.count > 0) out["b"] = run_json(b, pair.b);
    const std::string_view a_text = slice(a, pair.a.span.start, pair.a.span.end);
    const std::string_view b_text = slice(b, pair.b.span.start, pair.b.span.end);
    if (pair.a.count == 0) out["text"] = b_text;
    else if (pair.b.count == 0) out["text"] = a_text;
    else if (pair.words.empty()) add_texts(out, a_text, b_text);
    else out["words"] = words_json(a, b, pair.words);
    pairs.push_back(std::move(out));
  }
  const DiffOptions& options = *report.options;
  return {{"a", side_json(a, diff.a_gaps)},
          {"b", side_json(b, diff.b_gaps)},
          {"options",
           {{"min_similarity", options.min_similarity},
            {"min_move_similarity", options.min_move_similarity},
            {"min_part_containment", options.min_part_containment},
            {"ignore_layout", options.ignore_layout},
            {"semantic_cleanup", options.semantic_cleanup}}},
          {"summary", std::move(summary)},
          {"word_diff_fell_back", diff.word_diff_fell_back},
          {"pairs", std::move(pairs)}};
}

nlohmann::ordered_json to_json(const CollationReport& report) {
  const ParagraphCollation& c = *report.collation;
  const AlignmentTable& table = c.table;
  nlohmann::ordered_json witnesses = nlohmann::ordered_json::array();
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::size_t row = 0;
  for (const ParagraphCollation::Witness& w : c.witnesses) {
    const Document& doc = report.corpus->document(w.doc);
    nlohmann::ordered_json witness{{"name", doc.info.name}};
    add_run(witness, doc, {w.first, w.count, w.span});
    witnesses.push_back(std::move(witness));
    if (w.count == 0) {
      rows.push_back(nullptr);
      continue;
    }
    nlohmann::ordered_json cells = nlohmann::ordered_json::array();
    for (std::size_t col = 0; col < table.columns; ++col) {
      const std::int32_t t = table.cell(row, col);
      if (t < 0) {
        cells.push_back(nullptr);
        continue;
      }
      const TextSpan token = table.tokens[row][static_cast<std::size_t>(t)];
      cells.push_back(slice(doc, w.span.start + token.start, w.span.start + token.end));
    }
    rows.push_back(std::move(cells));
    ++row;
  }
  nlohmann::ordered_json variant = nlohmann::ordered_json::array();
  for (const bool v : table.variant) variant.push_back(v);
  return {{"columns", table.columns}, {"variant", std::move(variant)}, {"witnesses", std::move(witnesses)},
          {"rows", std::move(rows)}};
}

nlohmann::ordered_json to_json(const Error& error) {
  return {{"error", {{"code", error.code}, {"message", error.to_string()}}}};
}

std::string dump(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace textx::wire
