// textx freq PATHS...: the frequency list, most frequent first.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/frequency.hpp"

namespace textx::cli {
namespace {

void print_table(std::ostream& out, const FrequencyList& list, std::size_t offset) {
  out << list.types << " distinct words in " << list.tokens << " tokens";
  if (!list.rows.empty() && list.rows.size() < list.types)
    out << " (showing " << offset + 1 << "-" << offset + list.rows.size() << ")";
  out << '\n';
  out << std::right << std::setw(6) << "rank" << std::setw(10) << "freq" << std::setw(12) << "per million"
      << std::setw(7) << "range" << "  word\n";
  for (std::size_t i = 0; i < list.rows.size(); ++i) {
    const FrequencyRow& row = list.rows[i];
    out << std::setw(6) << offset + i + 1 << std::setw(10) << row.frequency << std::setw(12) << std::fixed
        << std::setprecision(1) << row.per_million << std::setw(7) << row.range << "  " << row.word << '\n';
  }
}

}  // namespace

void register_freq(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto options = std::make_shared<FrequencyOptions>();
  CLI::App* cmd = app.add_subcommand("freq", "List words by frequency, with the number of documents each occurs in");
  add_corpus_arguments(*cmd, *args);
  cmd->add_option("--min", options->min_frequency, "Leave out words occurring fewer times than this")
      ->default_val(1);
  cmd->add_flag("--stop-words", options->skip_stop_words, "Leave out English function words (the, of, and…)");
  cmd->add_option("--offset", options->offset, "Skip this many words (the count of distinct words stays exact)");
  cmd->add_option("--limit", options->limit, "Print at most this many words (the count of distinct words stays exact)");
  cmd->callback([args, options, &exit_code] {
    exit_code = run_on_corpus(
        *args, [&](const Corpus& corpus) { return frequency_list(corpus, *options); },
        [&](std::ostream& out, const Corpus&, const FrequencyList& list) { print_table(out, list, options->offset); });
  });
}

}  // namespace textx::cli
