// textx diff A B: the paragraph diff of two documents, with word-level marks inside changed paragraphs.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_loader.hpp"
#include "cli/diff_printer.hpp"
#include "core/diff/document_diff.hpp"
#include "wire/json.hpp"

namespace textx::cli {
namespace {

struct DiffArgs {
  std::vector<std::string> paths;
  DiffOptions options;
  bool exact_layout = false;
  bool raw = false;
  bool json = false;
  std::optional<std::uint32_t> paragraph;  // from 1: collate this paragraph of the first file
  DiffPrintOptions print;
};

// Loads one file as the next document of `corpus`; false, after saying why on stderr, when it is not
// exactly one readable text file.
bool load_one(const std::string& path, Corpus& corpus) {
  const std::size_t before = corpus.document_count();
  const LoadReport report = load_paths({path}, corpus);
  for (const std::string& problem : report.problems) std::cerr << "textx: " << problem << '\n';
  if (corpus.document_count() == before + 1 && report.problems.empty()) return true;
  if (corpus.document_count() != before + 1 && report.problems.empty())
    std::cerr << "textx: [diff.input] " << path << " is not one text file; diff compares two files.\n";
  return false;
}

// --paragraph N: paragraph N of the first file aligned word by word with its counterparts in the others.
int run_collate(const DiffArgs& args, const Corpus& corpus) {
  std::vector<DocId> others;
  for (DocId id = 1; id < corpus.document_count(); ++id) others.push_back(id);
  if (*args.paragraph == 0) {
    std::cerr << "textx: [collate.paragraph] paragraphs are numbered from 1.\n";
    return 2;
  }
  const Result<ParagraphCollation> collation = collate_paragraph(corpus, 0, *args.paragraph - 1, others, args.options);
  if (!collation.ok()) {
    std::cerr << "textx: " << collation.error().to_string() << '\n';
    return 2;
  }
  if (args.json) {
    std::cout << wire::dump(wire::to_json(wire::CollationReport{&corpus, &collation.value()})) << '\n';
  } else {
    print_collation(std::cout, corpus, collation.value());
  }
  return 0;
}

int run_diff(DiffArgs args) {
  if (args.paragraph ? args.paths.size() < 2 : args.paths.size() != 2) {
    std::cerr << "textx: [diff.input] diff compares exactly two files (with --paragraph, two or more).\n";
    return 2;
  }
  args.options.ignore_layout = !args.exact_layout;
  args.options.semantic_cleanup = !args.raw;
  Corpus corpus;
  for (const std::string& path : args.paths)
    if (!load_one(path, corpus)) return 1;
  if (args.paragraph) return run_collate(args, corpus);
  const Result<DocumentDiff> diff = diff_documents(corpus, 0, 1, args.options);
  if (!diff.ok()) {
    std::cerr << "textx: " << diff.error().to_string() << '\n';
    return 2;
  }
  if (args.json) {
    std::cout << wire::dump(wire::to_json(wire::DiffReport{&corpus, 0, 1, &diff.value(), &args.options})) << '\n';
  } else {
    print_diff(std::cout, corpus, 0, 1, diff.value(), args.print);
  }
  return 0;
}

}  // namespace

void register_diff(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare two versions of a text paragraph by paragraph: equal, changed, moved, split, merged, inserted and "
      "deleted paragraphs, with [-deleted-] and {+inserted+} words inside changed ones (docs/diff.md)");
  cmd->add_option("paths", args->paths,
                  "The two files: the older version A, then the newer B (with --paragraph, any number of versions)")
      ->required();
  cmd->add_option("--paragraph", args->paragraph,
                  "Align paragraph N (from 1) of the first file word by word with its counterparts in the other "
                  "files, as a table with one column per version");
  cmd->add_flag("--json", args->json, "Print the wire-format JSON (docs/diff.md)");
  const auto threshold = CLI::Range(0.0, 1.0);
  cmd->add_option("--min-similarity", args->options.min_similarity,
                  "Least similarity (shared words, 0 to 1) for paragraphs to pair where they stand")
      ->default_val(args->options.min_similarity)
      ->check(threshold);
  cmd->add_option("--min-move-similarity", args->options.min_move_similarity,
                  "Least similarity for a paragraph to be recognised as moved")
      ->default_val(args->options.min_move_similarity)
      ->check(threshold);
  cmd->add_option("--min-part-containment", args->options.min_part_containment,
                  "Least share of a part's words found in the whole for a split or merge")
      ->default_val(args->options.min_part_containment)
      ->check(threshold);
  cmd->add_flag("--exact-layout", args->exact_layout,
                "Count changes of line breaks and spacing as changes (by default they are ignored)");
  cmd->add_flag("--raw", args->raw, "Show the shortest word diff, without merging small unchanged stretches");
  cmd->add_flag("--full", args->print.full, "Print equal paragraphs in full, not just their first words");
  cmd->add_flag("--color", args->print.color, "Colour deletions red and insertions green");
  cmd->callback([args, &exit_code] { exit_code = run_diff(*args); });
}

}  // namespace textx::cli
