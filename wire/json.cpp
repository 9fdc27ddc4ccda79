#include "wire/json.hpp"

namespace textx::wire {

nlohmann::ordered_json to_json(const Corpus& corpus, const Concordance& concordance) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const KwicRow& row : concordance.rows) {
    hits.push_back({{"doc", corpus.document(row.doc).info.name},
                    {"start", row.start},
                    {"end", row.end},
                    {"left", row.left},
                    {"match", row.match},
                    {"right", row.right}});
  }
  return {{"query", concordance.query}, {"total", concordance.total}, {"hits", std::move(hits)}};
}

nlohmann::ordered_json to_json(const Document& document) {
  return {{"name", document.info.name},       {"title", document.info.title},
          {"date", document.info.date},       {"source", document.info.source},
          {"bytes", document.text.size()},    {"tokens", document.tokens.size()},
          {"replacements", document.replacements}};
}

nlohmann::ordered_json to_json(const Error& error) {
  return {{"error", {{"code", error.code}, {"message", error.to_string()}}}};
}

std::string dump(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace textx::wire
