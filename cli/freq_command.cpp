// textx freq PATHS...: the frequency list, most frequent first.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_loader.hpp"
#include "core/stats/frequency.hpp"
#include "wire/json.hpp"

namespace textx::cli {
namespace {

struct FreqArgs {
  std::vector<std::string> paths;
  FrequencyOptions options;
  bool json = false;
};

void print_table(std::ostream& out, const FrequencyList& list) {
  out << list.types << " distinct words in " << list.tokens << " tokens\n";
  out << std::right << std::setw(6) << "rank" << std::setw(10) << "freq" << std::setw(12) << "per million"
      << std::setw(7) << "range" << "  word\n";
  for (std::size_t i = 0; i < list.rows.size(); ++i) {
    const FrequencyRow& row = list.rows[i];
    out << std::setw(6) << i + 1 << std::setw(10) << row.frequency << std::setw(12) << std::fixed
        << std::setprecision(1) << row.per_million << std::setw(7) << row.range << "  " << row.word << '\n';
  }
}

int run_freq(const FreqArgs& args) {
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const FrequencyList list = frequency_list(corpus, args.options);
  if (args.json) {
    std::cout << wire::dump(wire::to_json(list)) << '\n';
  } else {
    print_table(std::cout, list);
  }
  return 0;
}

}  // namespace

void register_freq(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FreqArgs>();
  CLI::App* cmd = app.add_subcommand("freq", "List words by frequency, with the number of documents each occurs in");
  cmd->add_option("paths", args->paths, "Files, folders or corpus manifest.json files")->required();
  cmd->add_flag("--json", args->json, "Print the wire-format JSON (docs/wire-format.md)");
  cmd->add_option("--min", args->options.min_frequency, "Leave out words occurring fewer times than this")
      ->default_val(1);
  cmd->add_flag("--stop-words", args->options.skip_stop_words, "Leave out English function words (the, of, and…)");
  cmd->add_option("--limit", args->options.limit, "Print at most this many words (the count of distinct words stays exact)");
  cmd->callback([args, &exit_code] { exit_code = run_freq(*args); });
}

}  // namespace textx::cli
