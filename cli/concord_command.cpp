// textx concord QUERY PATHS...: every occurrence of a word or phrase with its context.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_loader.hpp"
#include "cli/kwic_printer.hpp"
#include "core/query/concordance.hpp"
#include "wire/json.hpp"

namespace textx::cli {
namespace {

struct ConcordArgs {
  std::string query;
  std::vector<std::string> paths;
  ConcordanceOptions options;
  bool json = false;
  std::size_t width = 40;
};

int run_concord(const ConcordArgs& args) {
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const Result<Concordance> result = concordance(corpus, args.query, args.options);
  if (!result.ok()) {
    std::cerr << "textx: " << result.error().to_string() << '\n';
    return 2;
  }
  if (args.json) {
    std::cout << wire::dump(wire::to_json(corpus, result.value())) << '\n';
  } else {
    print_kwic(std::cout, corpus, result.value(), args.options.offset, args.width);
  }
  return 0;
}

}  // namespace

void register_concord(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ConcordArgs>();
  CLI::App* cmd = app.add_subcommand("concord", "Show every occurrence of a word or phrase in context (KWIC)");
  cmd->add_option("query", args->query, "Word or phrase to find (ignoring case and diacritics by default)")->required();
  cmd->add_option("paths", args->paths, "Files, folders or corpus manifest.json files")->required();
  cmd->add_flag("--json", args->json, "Print the wire-format JSON (docs/wire-format.md)");
  cmd->add_option("--context", args->options.context_tokens, "Words of context on each side")
      ->default_val(8)
      ->check(CLI::Range(std::size_t{0}, kMaxContextTokens));
  cmd->add_option("--offset", args->options.offset, "Skip this many hits (total stays exact)");
  cmd->add_option("--limit", args->options.limit, "Print at most this many hits (total stays exact)");
  cmd->add_option("--width", args->width, "Characters of context shown on each side in text output")
      ->default_val(40);
  cmd->add_flag("--case-sensitive", args->options.match.case_sensitive, "Match letter case exactly");
  cmd->add_flag("--diacritic-sensitive", args->options.match.diacritic_sensitive,
                "Match accents and other diacritics exactly");
  cmd->callback([args, &exit_code] { exit_code = run_concord(*args); });
}

}  // namespace textx::cli
