// textx trend QUERY PATHS...: how often a query occurs per year, decade or month of the documents' dates.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/trend.hpp"

namespace textx::cli {
namespace {

struct TrendArgs {
  std::string query;
  std::string by = "year";
  MatchOptions match;
};

void print_row(std::ostream& out, const std::string& label, const TrendRow& row) {
  out << std::left << std::setw(10) << label << std::right << std::setw(10) << row.documents << std::setw(11)
      << row.tokens << std::setw(8) << row.hits << std::setw(13) << std::fixed << std::setprecision(1)
      << row.per_million << '\n';
}

void print_table(std::ostream& out, const Trend& trend) {
  out << trend.total.hits << (trend.total.hits == 1 ? " hit" : " hits") << " for \"" << trend.query << "\" in "
      << trend.total.documents << (trend.total.documents == 1 ? " document" : " documents") << ", by "
      << trend_period_name(trend.by) << '\n';
  if (trend.periods.empty() && trend.total.documents > 0)
    out << "No document has a date (from a manifest, or at the start of its file name, such as 1980-10-decree.txt)"
        << (trend.year_only.documents ? " with a month" : "") << ".\n";
  out << std::left << std::setw(10) << "period" << std::right << std::setw(10) << "documents" << std::setw(11)
      << "tokens" << std::setw(8) << "hits" << std::setw(13) << "per million" << '\n';
  for (const TrendRow& row : trend.periods) print_row(out, row.period, row);
  if (trend.year_only.documents) print_row(out, "year only", trend.year_only);
  if (trend.undated.documents) print_row(out, "undated", trend.undated);
}

}  // namespace

void register_trend(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto options = std::make_shared<TrendArgs>();
  CLI::App* cmd = app.add_subcommand("trend", "Show how often a query occurs per year, decade or month of the documents' dates");
  cmd->add_option("query", options->query, "Query (docs/query-language.md); doc: and date: choose the documents")
      ->required();
  add_corpus_arguments(*cmd, *args);
  cmd->add_option("--by", options->by, "Period: year, decade or month (documents dated by a year alone are "
                                       "listed as \"year only\")")
      ->default_val("year")
      ->check(CLI::IsMember({"year", "decade", "month"}));
  cmd->add_flag("--case-sensitive", options->match.case_sensitive, "Match letter case exactly");
  cmd->add_flag("--diacritic-sensitive", options->match.diacritic_sensitive, "Match accents and other diacritics exactly");
  cmd->callback([args, options, &exit_code] {
    const TrendPeriod by = parse_trend_period(options->by).value_or(TrendPeriod::kYear);
    exit_code = run_on_corpus(
        *args, [&](const Corpus& corpus) { return trend(corpus, options->query, by, options->match); },
        [](std::ostream& out, const Corpus&, const Trend& t) { print_table(out, t); });
  });
}

}  // namespace textx::cli
