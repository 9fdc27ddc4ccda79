// textx: the analysis core from a terminal. Every subcommand reads files, folders or corpus manifests and
// prints a human-readable result, or the wire-format JSON with --json.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"textx: concordance and corpus analysis for text collections"};
  app.require_subcommand(1);
  int exit_code = 0;
  textx::cli::register_concord(app, exit_code);
  textx::cli::register_stats(app, exit_code);
  textx::cli::register_freq(app, exit_code);
  textx::cli::register_ngrams(app, exit_code);
  textx::cli::register_collocates(app, exit_code);
  textx::cli::register_dispersion(app, exit_code);
  textx::cli::register_keyness(app, exit_code);
  textx::cli::register_trend(app, exit_code);
  textx::cli::register_reuse(app, exit_code);
  textx::cli::register_diff(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
