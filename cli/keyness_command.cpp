// textx keyness PATHS... --target SELECTION: the words a set of documents uses more (or, with --negative,
// less) than the rest of the corpus or a reference set, by log-likelihood with Log Ratio and %DIFF.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/keyness.hpp"

namespace textx::cli {
namespace {

std::string describe(const SubCorpus& side) {
  std::ostringstream out;
  out << (side.rest ? std::string("the rest of the corpus") : "\"" + side.selection + "\"") << " (" << side.documents
      << (side.documents == 1 ? " document, " : " documents, ") << side.tokens << " tokens)";
  return out.str();
}

// "<0.0001", "<0.05" or "" from the critical values of G².
std::string band(double g2) {
  const std::optional<double> p = significance(g2);
  if (!p) return "";
  std::ostringstream out;
  out << '<' << *p;
  return out.str();
}

void print_table(std::ostream& out, const Keyness& k, std::size_t offset) {
  const bool positive = k.sign == KeywordSign::kPositive;
  out << (positive ? "Words used more in " : "Words used less in ") << describe(k.target) << " than in "
      << describe(k.reference) << '\n';
  out << k.total << (positive ? " positive" : " negative") << (k.total == 1 ? " keyword" : " keywords");
  if (!k.rows.empty() && k.rows.size() < k.total) out << " (showing " << offset + 1 << '-' << offset + k.rows.size() << ')';
  out << '\n';
  out << std::right << std::setw(6) << "rank" << std::setw(9) << "target" << std::setw(10) << "reference"
      << std::setw(11) << "log-lik." << std::setw(9) << "p" << std::setw(10) << "log ratio" << std::setw(10) << "%diff"
      << "  word\n";
  for (std::size_t i = 0; i < k.rows.size(); ++i) {
    const KeywordRow& row = k.rows[i];
    std::ostringstream diff;
    if (row.percent_diff) diff << std::fixed << std::setprecision(1) << *row.percent_diff;
    else diff << "inf";
    out << std::setw(6) << offset + i + 1 << std::setw(9) << row.target_frequency << std::setw(10)
        << row.reference_frequency << std::setw(11) << std::fixed << std::setprecision(2) << row.log_likelihood
        << std::setw(9) << band(row.log_likelihood) << std::setw(10) << row.log_ratio << std::setw(10) << diff.str()
        << "  " << row.word << '\n';
  }
}

}  // namespace

void register_keyness(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto options = std::make_shared<KeynessOptions>();
  auto negative = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "keyness", "List the words a set of documents uses more than the rest of the corpus (or a reference set)");
  add_corpus_arguments(*cmd, *args);
  cmd->add_option("--target", options->target, "The documents to characterise, as query filters: doc:1980*, date:1980..1990")
      ->required();
  cmd->add_option("--reference", options->reference,
                  "The documents to compare with, as query filters (default: every document outside the target)");
  cmd->add_option("--min", options->min_frequency,
                  "Leave out words occurring fewer times than this in target and reference together")
      ->default_val(1);
  cmd->add_flag("--stop-words", options->skip_stop_words, "Leave out English function words (the, of, and…)");
  cmd->add_flag("--negative", *negative, "List the words the target uses less than the reference, instead of more");
  cmd->add_option("--offset", options->offset, "Skip this many keywords (the total stays exact)");
  cmd->add_option("--limit", options->limit, "Print at most this many keywords (the total stays exact)");
  cmd->callback([args, options, negative, &exit_code] {
    options->sign = *negative ? KeywordSign::kNegative : KeywordSign::kPositive;
    exit_code = run_on_corpus(
        *args, [&](const Corpus& corpus) { return keyness(corpus, *options); },
        [&](std::ostream& out, const Corpus&, const Keyness& k) { print_table(out, k, options->offset); });
  });
}

}  // namespace textx::cli
