// textx concord QUERY PATHS...: every match of a query with its context.
#include <iostream>
#include <memory>
#include <optional>
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
  std::optional<std::size_t> context_chars;
  std::string sort;
  bool json = false;
  bool csv = false;
  std::size_t width = 40;
};

// "R1,R2,R3" as sort keys, or an Error naming the key it does not know.
Result<std::vector<SortKey>> parse_sort(std::string_view list) {
  std::vector<SortKey> keys;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    const std::optional<SortKey> key = parse_sort_key(name);
    if (!key)
      return Error{"options.sort", "Unknown sort key \"" + std::string(name) + "\"; use L3, L2, L1, M, R1, R2, R3 or doc."};
    keys.push_back(*key);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return keys;
}

// RFC 4180 field: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void print_csv(std::ostream& out, const Corpus& corpus, const Concordance& concordance) {
  out << "doc,paragraph,start,end,left,match,right\r\n";
  for (const KwicRow& row : concordance.rows) {
    out << csv_field(corpus.document(row.doc).info.name) << ',' << row.paragraph << ',' << row.start << ','
        << row.end << ',' << csv_field(row.left) << ',' << csv_field(row.match) << ',' << csv_field(row.right)
        << "\r\n";
  }
}

int run_concord(const ConcordArgs& args) {
  ConcordanceOptions options = args.options;
  if (args.context_chars) {
    options.context = *args.context_chars;
    options.unit = ContextUnit::kCharacters;
  }
  Result<std::vector<SortKey>> sort = parse_sort(args.sort);
  if (!sort.ok()) {
    std::cerr << "textx: " << sort.error().to_string() << '\n';
    return 2;
  }
  options.sort = std::move(sort.value());
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const Result<Concordance> result = concordance(corpus, args.query, options);
  if (!result.ok()) {
    std::cerr << "textx: " << result.error().to_string() << '\n';
    return 2;
  }
  if (args.json) {
    std::cout << wire::concordance_json(corpus, result.value()) << '\n';
  } else if (args.csv) {
    print_csv(std::cout, corpus, result.value());
  } else {
    print_kwic(std::cout, corpus, result.value(), args.options.offset, args.width);
  }
  return 0;
}

}  // namespace

void register_concord(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ConcordArgs>();
  CLI::App* cmd = app.add_subcommand("concord", "Show every match of a query in context (KWIC)");
  cmd->add_option("query", args->query, "Query (docs/query-language.md): words, phrases, wild*cards, the * of, "
                                        "a|b, /regex/, x NEAR/5 y, doc:NAME, date:FROM..TO")
      ->required();
  cmd->add_option("paths", args->paths, "Files, folders or corpus manifest.json files")->required();
  cmd->add_flag("--json", args->json, "Print the wire-format JSON (docs/wire-format.md)");
  cmd->add_option("--context", args->options.context, "Words of context on each side")
      ->default_val(8)
      ->check(CLI::Range(std::size_t{0}, kMaxContextTokens));
  cmd->add_option("--context-chars", args->context_chars, "Characters of context on each side, instead of words")
      ->check(CLI::Range(std::size_t{0}, kMaxContextChars));
  cmd->add_option("--sort", args->sort, "Sort rows by up to three keys, e.g. R1,R2,R3 (L3..L1, M, R1..R3, doc)");
  cmd->add_flag("--csv", args->csv, "Print the rows as CSV (doc, paragraph, start, end, left, match, right)");
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
