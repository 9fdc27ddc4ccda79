#pragma once
// What the corpus subcommands (stats, freq, …) share: positional paths, --json, loading with messages, and
// printing either the wire-format JSON or a table.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/corpus_loader.hpp"
#include "wire/json.hpp"

namespace textx::cli {

struct CorpusArgs {
  std::vector<std::string> paths;
  bool json = false;
};

// Adds the required PATHS and the --json flag to `cmd`.
inline void add_corpus_arguments(CLI::App& cmd, CorpusArgs& args) {
  cmd.add_option("paths", args.paths, "Files, folders or corpus manifest.json files")->required();
  cmd.add_flag("--json", args.json, "Print the wire-format JSON (docs/wire-format.md)");
}

// Loads the paths (exit code 1 when nothing loads), computes `result_of(corpus)`, and prints it as JSON
// (wire::to_json) with --json or with `print_table(std::cout, corpus, result)`. Returns the exit code.
template <class ResultOf, class PrintTable>
int run_on_corpus(const CorpusArgs& args, ResultOf result_of, PrintTable print_table) {
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const auto result = result_of(corpus);
  if (args.json) {
    std::cout << wire::dump(wire::to_json(result)) << '\n';
  } else {
    print_table(std::cout, corpus, result);
  }
  return 0;
}

}  // namespace textx::cli
