#pragma once
// Each subcommand of the textx CLI registers itself on the app; its callback sets the process exit code.
#include <CLI/CLI.hpp>

namespace textx::cli {

void register_concord(CLI::App& app, int& exit_code);
void register_stats(CLI::App& app, int& exit_code);
void register_freq(CLI::App& app, int& exit_code);
void register_diff(CLI::App& app, int& exit_code);

}  // namespace textx::cli
