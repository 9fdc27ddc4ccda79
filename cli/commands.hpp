#pragma once
// Each subcommand of the textx CLI registers itself on the app; its callback sets the process exit code.
#include <CLI/CLI.hpp>

namespace textx::cli {

void register_concord(CLI::App& app, int& exit_code);
void register_stats(CLI::App& app, int& exit_code);
void register_freq(CLI::App& app, int& exit_code);
void register_ngrams(CLI::App& app, int& exit_code);
void register_collocates(CLI::App& app, int& exit_code);
void register_dispersion(CLI::App& app, int& exit_code);
void register_keyness(CLI::App& app, int& exit_code);
void register_trend(CLI::App& app, int& exit_code);
void register_reuse(CLI::App& app, int& exit_code);
void register_diff(CLI::App& app, int& exit_code);

}  // namespace textx::cli
