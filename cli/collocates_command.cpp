// textx collocates QUERY PATHS...: the words around a query's matches, scored by association measures.
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/collocates.hpp"

namespace textx::cli {
namespace {

struct CollocateArgs {
  std::string query;
  std::string measure = "logdice";
  CollocateOptions options;
};

Result<CollocateOptions> measured_options(const CollocateArgs& args) {
  CollocateOptions options = args.options;
  const std::optional<AssociationMeasure> measure = parse_measure(args.measure);
  if (!measure)
    return Error{"options.measure", "Unknown measure \"" + args.measure + "\"; use logdice, ll, mi or t."};
  options.measure = *measure;
  return options;
}

void print_table(std::ostream& out, const CollocateList& list, std::size_t offset) {
  out << "Collocates of \"" << list.query << "\": " << list.node_frequency
      << (list.node_frequency == 1 ? " match" : " matches") << ", window L" << list.left << "-R" << list.right << " ("
      << list.span << " words), " << list.tokens << " tokens; " << list.total << " collocates by "
      << measure_name(list.measure);
  if (!list.rows.empty() && list.rows.size() < list.total)
    out << " (showing " << offset + 1 << "-" << offset + list.rows.size() << ")";
  out << '\n';
  out << std::right << std::setw(6) << "rank" << std::setw(7) << "O" << std::setw(6) << "L" << std::setw(6) << "R"
      << std::setw(9) << "freq" << std::setw(10) << "E" << std::setw(8) << "MI" << std::setw(8) << "t"
      << std::setw(10) << "LL" << std::setw(9) << "logDice" << "  word\n";
  for (std::size_t i = 0; i < list.rows.size(); ++i) {
    const CollocateRow& row = list.rows[i];
    out << std::setw(6) << offset + i + 1 << std::setw(7) << row.observed << std::setw(6) << row.left << std::setw(6)
        << row.right << std::setw(9) << row.frequency << std::fixed << std::setprecision(3) << std::setw(10)
        << row.scores.expected << std::setprecision(2) << std::setw(8) << row.scores.mi << std::setw(8)
        << row.scores.t_score << std::setw(10) << row.scores.log_likelihood << std::setw(9) << row.scores.log_dice
        << "  " << row.word << '\n';
  }
}

}  // namespace

void register_collocates(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto collocate = std::make_shared<CollocateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "collocates", "List the words found near a query's matches, scored by logDice, log-likelihood, MI and t-score");
  cmd->add_option("query", collocate->query, "Query (docs/query-language.md); doc:/date: filters choose the documents")
      ->required();
  add_corpus_arguments(*cmd, *args);
  CollocateOptions& options = collocate->options;
  cmd->add_option("--left", options.left, "Words before each match in the window, 0 to 10")->default_val(5);
  cmd->add_option("--right", options.right, "Words after each match in the window, 0 to 10")->default_val(5);
  cmd->add_option("--measure", collocate->measure, "Order by logdice (default), ll (log-likelihood), mi or t");
  cmd->add_option("--min", options.min_frequency, "Leave out words found fewer times than this in the windows")
      ->default_val(1);
  cmd->add_flag("--stop-words", options.skip_stop_words, "Leave out English function words (the scores stay the same)");
  cmd->add_flag("--cross-sentences", options.cross_sentences,
                "Let windows run across sentence ends (never across documents)");
  cmd->add_flag("--case-sensitive", options.match.case_sensitive, "Match the query's letter case exactly");
  cmd->add_flag("--diacritic-sensitive", options.match.diacritic_sensitive, "Match the query's accents exactly");
  cmd->add_option("--offset", options.offset, "Skip this many collocates (the count stays exact)");
  cmd->add_option("--limit", options.limit, "Print at most this many collocates (the count stays exact)");
  cmd->callback([args, collocate, &exit_code] {
    const Result<CollocateOptions> measured = measured_options(*collocate);
    if (!measured.ok()) {
      std::cerr << "textx: " << measured.error().to_string() << '\n';
      exit_code = 2;
      return;
    }
    const CollocateOptions& options = measured.value();
    exit_code = run_checked_on_corpus(
        *args, [&](const Corpus& corpus) { return collocates(corpus, collocate->query, options); },
        [&](std::ostream& out, const Corpus&, const CollocateList& list) { print_table(out, list, options.offset); });
  });
}

}  // namespace textx::cli
