#pragma once
// What the corpus subcommands (stats, freq, …) share: positional paths, --json, loading with messages, and
// printing either the wire-format JSON or a table.
#include <iostream>
#include <string>
#include <type_traits>
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

template <class T>
struct IsResult : std::false_type {};
template <class T>
struct IsResult<Result<T>> : std::true_type {};

// Prints `result` as JSON (wire::to_json, given the corpus when it takes one) with --json, or as a table.
template <class Value, class PrintTable>
void print_result(const CorpusArgs& args, const Corpus& corpus, const Value& result, PrintTable print_table) {
  if (!args.json) {
    print_table(std::cout, corpus, result);
  } else if constexpr (requires { wire::to_json(corpus, result); }) {
    std::cout << wire::dump(wire::to_json(corpus, result)) << '\n';
  } else {
    std::cout << wire::dump(wire::to_json(result)) << '\n';
  }
}

// Loads the paths (exit code 1 when nothing loads), computes `result_of(corpus)`, and prints it as JSON with
// --json or with `print_table(std::cout, corpus, result)`. When result_of returns a Result holding an Error
// (a malformed query or selection), prints "textx: [code] message" to stderr and returns 2. Returns the exit code.
template <class ResultOf, class PrintTable>
int run_on_corpus(const CorpusArgs& args, ResultOf result_of, PrintTable print_table) {
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const auto result = result_of(corpus);
  if constexpr (IsResult<std::decay_t<decltype(result)>>::value) {
    if (!result.ok()) {
      std::cerr << "textx: " << result.error().to_string() << '\n';
      return 2;
    }
    print_result(args, corpus, result.value(), print_table);
  } else {
    print_result(args, corpus, result, print_table);
  }
  return 0;
}

// As run_on_corpus, and `result_of` runs first on an empty corpus, so that mistakes in the query or the
// options are refused (exit code 2) before any file is read.
template <class ResultOf, class PrintTable>
int run_checked_on_corpus(const CorpusArgs& args, ResultOf result_of, PrintTable print_table) {
  if (const auto early = result_of(Corpus()); !early.ok()) {
    std::cerr << "textx: " << early.error().to_string() << '\n';
    return 2;
  }
  return run_on_corpus(args, result_of, print_table);
}

}  // namespace textx::cli
