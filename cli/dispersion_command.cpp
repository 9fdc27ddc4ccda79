// textx dispersion QUERY PATHS...: how a query's hits spread over the documents (DP, Juilland's D) and where
// they fall inside each one.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"
#include "core/stats/dispersion.hpp"

namespace textx::cli {
namespace {

constexpr std::size_t kBarcodeWidth = 40;

struct DispersionArgs {
  std::string query;
  MatchOptions match;
};

// "0.1234", or "n/a" for an undefined measure.
std::string measure(const std::optional<double>& value) {
  if (!value) return "n/a";
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << *value;
  return out.str();
}

// One character per 1/kBarcodeWidth of the document: '|' where a hit falls, '.' elsewhere.
std::string barcode(const std::vector<double>& positions) {
  std::string bar(kBarcodeWidth, '.');
  for (const double p : positions) bar[std::min(kBarcodeWidth - 1, static_cast<std::size_t>(p * kBarcodeWidth))] = '|';
  return bar;
}

void print_table(std::ostream& out, const Corpus& corpus, const Dispersion& d) {
  out << d.hits << (d.hits == 1 ? " hit" : " hits") << " for \"" << d.query << "\" in " << d.range << " of "
      << d.documents.size() << (d.documents.size() == 1 ? " document" : " documents") << " (" << d.tokens
      << " tokens, " << std::fixed << std::setprecision(1) << d.per_million << " per million)\n";
  out << "DP " << measure(d.measures.dp) << ", DP normalised " << measure(d.measures.dp_norm) << ", Juilland's D "
      << measure(d.measures.juilland_d) << " (parts: the documents; DP 0 = even, 1 = all in one)\n";
  out << std::right << std::setw(9) << "tokens" << std::setw(7) << "hits" << std::setw(12) << "per million" << "  "
      << std::left << std::setw(kBarcodeWidth) << "where in the document" << "  document\n";
  for (const DocumentDispersion& doc : d.documents) {
    out << std::right << std::setw(9) << doc.tokens << std::setw(7) << doc.hits() << std::setw(12) << std::fixed
        << std::setprecision(1) << doc.per_million << "  " << barcode(doc.positions) << "  "
        << corpus.document(doc.doc).info.name << '\n';
  }
}

}  // namespace

void register_dispersion(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  auto options = std::make_shared<DispersionArgs>();
  CLI::App* cmd = app.add_subcommand(
      "dispersion", "Show how evenly a query's hits spread over the documents (Gries's DP) and where they fall");
  cmd->add_option("query", options->query, "Query (docs/query-language.md); doc: and date: choose the documents")
      ->required();
  add_corpus_arguments(*cmd, *args);
  cmd->add_flag("--case-sensitive", options->match.case_sensitive, "Match letter case exactly");
  cmd->add_flag("--diacritic-sensitive", options->match.diacritic_sensitive, "Match accents and other diacritics exactly");
  cmd->callback([args, options, &exit_code] {
    exit_code = run_on_corpus(
        *args, [&](const Corpus& corpus) { return dispersion(corpus, options->query, options->match); },
        [](std::ostream& out, const Corpus& corpus, const Dispersion& d) { print_table(out, corpus, d); });
  });
}

}  // namespace textx::cli
