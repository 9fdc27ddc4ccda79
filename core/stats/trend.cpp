#include "core/stats/trend.hpp"

#include <array>
#include <map>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"

namespace textx {
namespace {

constexpr std::array<std::string_view, 3> kPeriodNames = {"year", "decade", "month"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `date` has `count` digits from `at` and no digit right after them.
bool digits_at(std::string_view date, std::size_t at, std::size_t count) {
  if (date.size() < at + count) return false;
  for (std::size_t i = at; i < at + count; ++i)
    if (!is_digit(date[i])) return false;
  return date.size() == at + count || !is_digit(date[at + count]);
}

void add_to(TrendRow& row, std::size_t tokens, std::size_t hits) {
  ++row.documents;
  row.tokens += tokens;
  row.hits += hits;
}

void finish(TrendRow& row) {
  row.per_million = row.tokens ? 1e6 * static_cast<double>(row.hits) / static_cast<double>(row.tokens) : 0.0;
}

}  // namespace

std::string_view trend_period_name(TrendPeriod period) { return kPeriodNames[static_cast<std::size_t>(period)]; }

std::optional<TrendPeriod> parse_trend_period(std::string_view name) {
  for (std::size_t i = 0; i < kPeriodNames.size(); ++i)
    if (kPeriodNames[i] == name) return static_cast<TrendPeriod>(i);
  return std::nullopt;
}

DatePeriod period_of(std::string_view date, TrendPeriod by) {
  if (!digits_at(date, 0, 4)) return {};
  switch (by) {
    case TrendPeriod::kYear:
      return {std::string(date.substr(0, 4))};
    case TrendPeriod::kDecade:
      return {std::string(date.substr(0, 3)) + "0s"};
    case TrendPeriod::kMonth:
      break;
  }
  const bool month = date.size() > 4 && date[4] == '-' && digits_at(date, 5, 2) &&
                     ((date[5] == '0' && date[6] >= '1') || (date[5] == '1' && date[6] <= '2'));
  if (!month) return {"", true};
  return {std::string(date.substr(0, 7))};
}

Result<Trend> trend(const Corpus& corpus, std::string_view query, TrendPeriod by, MatchOptions match) {
  Result<QueryHits> hits = find_query_hits(corpus, query, match);
  if (!hits.ok()) return hits.error();
  const std::vector<QueryMatch>& matches = hits.value().matches;
  const std::vector<bool>& allowed = hits.value().documents;

  Trend result;
  result.query = std::string(query);
  result.by = by;
  std::map<std::string, TrendRow> periods;  // ordered by label, which is date order
  auto next = matches.begin();              // matches come by document, then position
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (!allowed[id]) continue;
    std::size_t hits = 0;
    while (next != matches.end() && next->doc < id) ++next;
    for (; next != matches.end() && next->doc == id; ++next) ++hits;
    const std::size_t tokens = corpus.tokens(id).size();
    add_to(result.total, tokens, hits);
    const DatePeriod period = period_of(corpus.document(id).info.date, by);
    if (!period.label.empty()) {
      TrendRow& row = periods[period.label];
      row.period = period.label;
      add_to(row, tokens, hits);
    } else {
      add_to(period.year_only ? result.year_only : result.undated, tokens, hits);
    }
  }
  for (auto& [label, row] : periods) {
    finish(row);
    result.periods.push_back(std::move(row));
  }
  finish(result.year_only);
  finish(result.undated);
  finish(result.total);
  return result;
}

}  // namespace textx
