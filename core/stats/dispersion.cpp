#include "core/stats/dispersion.hpp"

#include <algorithm>
#include <cmath>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"

namespace textx {

DispersionMeasures dispersion_measures(std::span<const std::size_t> part_sizes, std::span<const std::size_t> part_hits) {
  DispersionMeasures measures;
  const std::size_t parts = std::min(part_sizes.size(), part_hits.size());
  double size_total = 0, hit_total = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    size_total += static_cast<double>(part_sizes[i]);
    hit_total += static_cast<double>(part_hits[i]);
  }
  if (hit_total == 0 || size_total == 0) return measures;

  // DP: half the summed differences between each part's share of the hits (v) and of the corpus (s).
  double differences = 0, smallest_share = 1, rate_sum = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    const double share = static_cast<double>(part_sizes[i]) / size_total;
    differences += std::abs(static_cast<double>(part_hits[i]) / hit_total - share);
    smallest_share = std::min(smallest_share, share);
    rate_sum += static_cast<double>(part_hits[i]) / static_cast<double>(part_sizes[i]);
  }
  measures.dp = differences / 2;
  if (parts < 2) return measures;
  // DPnorm: DP over its largest possible value for these part sizes, all hits in the smallest part.
  measures.dp_norm = std::clamp(*measures.dp / (1 - smallest_share), 0.0, 1.0);

  // Juilland's D: 1 - V / sqrt(n - 1), V the coefficient of variation (population standard deviation over
  // the mean) of the parts' relative frequencies, so that parts of unequal size compare fairly.
  const double n = static_cast<double>(parts), mean = rate_sum / n;
  double squares = 0;
  for (std::size_t i = 0; i < parts; ++i) {
    const double deviation = static_cast<double>(part_hits[i]) / static_cast<double>(part_sizes[i]) - mean;
    squares += deviation * deviation;
  }
  const double variation = std::sqrt(squares / n) / mean;
  measures.juilland_d = std::clamp(1 - variation / std::sqrt(n - 1), 0.0, 1.0);
  return measures;
}

Result<Dispersion> dispersion(const Corpus& corpus, std::string_view query, MatchOptions match) {
  Result<QueryHits> hits = find_query_hits(corpus, query, match);
  if (!hits.ok()) return hits.error();
  const std::vector<QueryMatch>& matches = hits.value().matches;
  const std::vector<bool>& allowed = hits.value().documents;

  Dispersion result;
  result.query = std::string(query);
  result.hits = matches.size();
  std::vector<std::size_t> part_sizes, part_hits;
  auto next = matches.begin();  // matches come by document, then position
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (!allowed[id]) continue;
    DocumentDispersion doc;
    doc.doc = id;
    const TokenSpan tokens = corpus.tokens(id);
    doc.tokens = tokens.size();
    while (next != matches.end() && next->doc < id) ++next;
    for (; next != matches.end() && next->doc == id; ++next) {
      doc.positions.push_back(static_cast<double>(next->first) / static_cast<double>(doc.tokens));
      doc.starts.push_back(tokens.starts[next->first]);
    }
    if (doc.tokens > 0) {
      doc.per_million = 1e6 * static_cast<double>(doc.hits()) / static_cast<double>(doc.tokens);
      part_sizes.push_back(doc.tokens);
      part_hits.push_back(doc.hits());
    }
    result.tokens += doc.tokens;
    if (doc.hits() > 0) ++result.range;
    result.documents.push_back(std::move(doc));
  }
  if (result.tokens > 0) result.per_million = 1e6 * static_cast<double>(result.hits) / static_cast<double>(result.tokens);
  result.measures = dispersion_measures(part_sizes, part_hits);
  return result;
}

}  // namespace textx
