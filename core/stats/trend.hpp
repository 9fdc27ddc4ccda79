#pragma once
// Trend: how often a query occurs over the documents' dates, per year, decade or month, relative to how
// much text each period has.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace textx {

enum class TrendPeriod { kYear, kDecade, kMonth };

// "year", "decade", "month" and back; nullopt for another name.
std::string_view trend_period_name(TrendPeriod period);
std::optional<TrendPeriod> parse_trend_period(std::string_view name);

// The documents, tokens and hits of one period (or of the undated documents).
struct TrendRow {
  std::string period;       // "1980", "1980s" or "1980-10"; empty for the summary rows of Trend
  std::size_t documents = 0;
  std::size_t tokens = 0;
  std::size_t hits = 0;
  double per_million = 0;   // hits per million tokens; 0 when the period has no words
};

struct Trend {
  std::string query;
  TrendPeriod by = TrendPeriod::kYear;
  std::vector<TrendRow> periods;  // every period holding a document, with or without hits, in date order
  TrendRow year_only;             // by month: documents dated by a year alone, not in `periods`; else zero
  TrendRow undated;               // documents without a date that starts with a year, not in `periods`
  TrendRow total;                 // every document considered: periods + year_only + undated
};

// Where a date falls: its period's label, or empty. A date is read as YYYY[-MM[-DD]] (what manifests and
// date_from_name give); `year_only` is set when grouping by month a date that has only a year.
struct DatePeriod {
  std::string label;
  bool year_only = false;
};
DatePeriod period_of(std::string_view date, TrendPeriod by);

// The hits of `query` (docs/query-language.md) per period of the live documents its doc:/date: filters allow.
// Returns the parser's or evaluator's Error for a malformed query. Without any dated document, `periods`
// is empty and `undated` holds everything.
Result<Trend> trend(const Corpus& corpus, std::string_view query, TrendPeriod by, MatchOptions match);

}  // namespace textx
