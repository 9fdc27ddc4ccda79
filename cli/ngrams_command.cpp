// textx ngrams PATHS...: n-gram clusters, most frequent first.
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/ngrams.hpp"

namespace textx::cli {
namespace {

struct NgramArgs {
  NgramOptions options;
  std::optional<std::size_t> size, min_size, max_size;
};

void print_table(std::ostream& out, const NgramList& list, const NgramOptions& options) {
  out << list.total << " distinct n-grams of " << options.min_size;
  if (options.max_size != options.min_size) out << "-" << options.max_size;
  out << " words in " << list.tokens << " tokens";
  if (!list.query.empty()) out << ", holding \"" << list.query << "\"";
  if (!list.rows.empty() && list.rows.size() < list.total)
    out << " (showing " << options.offset + 1 << "-" << options.offset + list.rows.size() << ")";
  out << '\n';
  out << std::right << std::setw(6) << "rank" << std::setw(10) << "freq" << std::setw(12) << "per million"
      << std::setw(7) << "range" << "  n-gram\n";
  for (std::size_t i = 0; i < list.rows.size(); ++i) {
    const NgramRow& row = list.rows[i];
    out << std::setw(6) << options.offset + i + 1 << std::setw(10) << row.frequency << std::setw(12) << std::fixed
        << std::setprecision(1) << row.per_million << std::setw(7) << row.range << "  " << row.ngram << '\n';
  }
}

}  // namespace

void register_ngrams(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto ngram = std::make_shared<NgramArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ngrams", "List n-grams (runs of 2 to 8 words within a sentence) by frequency, with their range");
  add_corpus_arguments(*cmd, *args);
  NgramOptions& options = ngram->options;
  cmd->add_option("--size", ngram->size, "Words per n-gram, 2 to 8 (default 3)");
  cmd->add_option("--min-size", ngram->min_size, "Shortest n-grams to list (2 to 8; --max-size alone: 2)");
  cmd->add_option("--max-size", ngram->max_size, "Longest n-grams to list (2 to 8; --min-size alone: 8)");
  cmd->add_option("--min", options.min_frequency, "Leave out n-grams occurring fewer times than this")->default_val(1);
  cmd->add_option("--min-range", options.min_range, "Leave out n-grams found in fewer documents than this")
      ->default_val(1);
  cmd->add_flag("--stop-words", options.skip_stop_words,
                "Leave out n-grams that begin or end with an English function word (of the, the united…)");
  cmd->add_flag("--cross-sentences", options.cross_sentences,
                "Let n-grams run across sentence ends (never across documents)");
  cmd->add_option("--query", options.query,
                  "Only n-grams holding a whole match of this query (docs/query-language.md), in the documents "
                  "its doc:/date: filters allow");
  cmd->add_flag("--case-sensitive", options.match.case_sensitive, "Match the query's letter case exactly");
  cmd->add_flag("--diacritic-sensitive", options.match.diacritic_sensitive, "Match the query's accents exactly");
  cmd->add_option("--offset", options.offset, "Skip this many n-grams (the count of distinct n-grams stays exact)");
  cmd->add_option("--limit", options.limit, "Print at most this many n-grams (the count stays exact)");
  cmd->callback([args, ngram, &exit_code] {
    const Result<NgramOptions> sized = with_ngram_sizes(ngram->options, ngram->size, ngram->min_size, ngram->max_size);
    if (!sized.ok()) {
      std::cerr << "textx: " << sized.error().to_string() << '\n';
      exit_code = 2;
      return;
    }
    const NgramOptions& options = sized.value();
    exit_code = run_checked_on_corpus(
        *args, [&](const Corpus& corpus) { return ngram_list(corpus, options); },
        [&](std::ostream& out, const Corpus&, const NgramList& list) { print_table(out, list, options); });
  });
}

}  // namespace textx::cli
