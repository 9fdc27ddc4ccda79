// textx reuse PATHS...: passages the documents share (text reuse), corpus-wide or for one passage.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_loader.hpp"
#include "core/reuse/reuse.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"
#include "wire/json.hpp"

namespace textx::cli {
namespace {

struct ReuseArgs {
  std::vector<std::string> paths;
  std::optional<std::string> doc;
  std::optional<std::size_t> paragraph;
  std::optional<std::string> text;
  ReuseOptions options;
  bool keep_stop_words = false;
  bool exact_words = false;
  bool json = false;
  std::size_t max_chars = 600;
};

// A passage for the terminal: whitespace runs as one space, shared words in [brackets] (the same words)
// or {braces} (the same word in another form), shortened in the middle past `max_chars` code points.
std::string marked(std::string_view text, std::uint32_t start, std::uint32_t end,
                   const std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, bool>>& runs, std::size_t max_chars) {
  std::string out;
  std::size_t run = 0;
  bool space = false;
  for (std::uint32_t pos = start; pos < end;) {
    const char c = text[pos];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      ++pos;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (run < runs.size() && pos == runs[run].first.first) out += runs[run].second ? '[' : '{';
    std::size_t next = pos;
    next_code_point(text, next);
    out.append(text.substr(pos, next - pos));
    pos = static_cast<std::uint32_t>(next);
    if (run < runs.size() && pos == runs[run].first.second) out += runs[run++].second ? ']' : '}';
  }
  const std::size_t count = count_code_points(out);
  if (count <= max_chars) return out;
  // Keep the first and last halves of the budget.
  std::size_t head = 0, tail = 0;
  for (std::size_t n = 0; n < max_chars / 2; ++n) next_code_point(out, head);
  tail = head;
  for (std::size_t n = max_chars / 2; n < count - (max_chars - max_chars / 2); ++n) next_code_point(out, tail);
  return out.substr(0, head) + " … " + out.substr(tail);
}

// Byte bounds of `span` widened by up to kContextWords words on each side, with whether text was left out.
constexpr std::uint32_t kContextWords = 6;
struct Shown {
  std::uint32_t start, end;
  bool before, after;
};
Shown with_context(const Corpus& corpus, const ReuseSpan& span, const std::vector<WordSpan>& query_words) {
  const std::uint32_t first = span.token_begin > kContextWords ? span.token_begin - kContextWords : 0;
  if (!span.doc) {
    const auto last = std::min<std::size_t>(span.token_end + kContextWords, query_words.size());
    return {query_words[first].start, query_words[last - 1].end, first > 0, last < query_words.size()};
  }
  const TokenSpan tokens = corpus.tokens(*span.doc);
  const auto last = std::min<std::size_t>(span.token_end + kContextWords, tokens.size());
  return {tokens.starts[first], corpus.token_end(*span.doc, last - 1), first > 0, last < tokens.size()};
}

std::string place(const Corpus& corpus, const ReuseSpan& span) {
  if (!span.doc) return "the text given";
  std::string out = corpus.document(*span.doc).info.name + ", paragraph " + std::to_string(span.first_paragraph);
  if (span.last_paragraph != span.first_paragraph) out += "-" + std::to_string(span.last_paragraph);
  return out;
}

void print_matches(std::ostream& out, const Corpus& corpus, const ReuseResult& result, std::string_view query_text,
                   std::size_t max_chars) {
  if (result.query) {
    out << result.total << (result.total == 1 ? " passage repeats " : " passages repeat ") << place(corpus, *result.query)
        << " (" << result.query_words << " words)";
  } else {
    out << result.total << (result.total == 1 ? " passage shared" : " passages shared") << " between documents";
  }
  if (result.matches.size() < result.total) out << " (showing " << result.matches.size() << ")";
  out << '\n';
  if (result.skipped_shingles)
    out << "(" << result.skipped_shingles << " shingles left out as too frequent to be evidence of reuse)\n";
  if (result.truncated) out << "(the search reached its bounds: some candidate passages were not compared)\n";
  const std::vector<WordSpan> query_words = find_words(query_text);
  if (!result.matches.empty()) out << "Shared words are in [brackets]; {braces} mark another form of the same word.\n";
  for (std::size_t i = 0; i < result.matches.size(); ++i) {
    const ReuseMatch& m = result.matches[i];
    std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, bool>> source_runs, target_runs;
    for (const SharedWords& w : m.shared) {
      source_runs.push_back({{w.source_start, w.source_end}, w.exact});
      target_runs.push_back({{w.target_start, w.target_end}, w.exact});
    }
    const std::string_view source_text = m.source.doc ? std::string_view(corpus.document(*m.source.doc).text) : query_text;
    const std::string_view target_text = corpus.document(*m.target.doc).text;
    char similarity[16];
    std::snprintf(similarity, sizeof similarity, "%.2f", m.similarity);
    out << '\n'
        << i + 1 << ". " << m.shared_words << " shared words (" << m.exact_words << " exact), similarity " << similarity
        << '\n';
    const Shown source = with_context(corpus, m.source, query_words);
    const Shown target = with_context(corpus, m.target, query_words);
    out << "   " << place(corpus, m.source) << ":\n     " << (source.before ? "…" : "")
        << marked(source_text, source.start, source.end, source_runs, max_chars) << (source.after ? "…" : "") << '\n';
    out << "   " << place(corpus, m.target) << ":\n     " << (target.before ? "…" : "")
        << marked(target_text, target.start, target.end, target_runs, max_chars) << (target.after ? "…" : "") << '\n';
  }
}

int fail(const Error& error, bool json) {
  if (json) std::cout << wire::dump(wire::to_json(error)) << '\n';
  std::cerr << "textx: " << error.to_string() << '\n';
  return 2;
}

int run_reuse(const ReuseArgs& args) {
  ReuseOptions options = args.options;
  options.shingles.skip_stop_words = !args.keep_stop_words;
  options.shingles.word_forms = !args.exact_words;
  if (args.paragraph && !args.doc)
    return fail(Error{"options.reuse", "--paragraph needs --doc NAME: the document the paragraph belongs to."}, false);
  if (args.doc && args.text)
    return fail(Error{"options.reuse", "Give either --doc (a passage of the corpus) or --text, not both."}, false);
  if (const std::optional<Error> error = check_reuse_options(options)) return fail(*error, args.json);
  Corpus corpus;
  if (!load_or_explain(args.paths, corpus)) return 1;
  const ShingleIndex index(corpus, options.shingles);
  Result<ReuseResult> result = Error{};
  if (args.doc) {
    const std::optional<DocId> doc = find_document_named(corpus, *args.doc);
    if (!doc) return fail(Error{"reuse.document", "No document is named \"" + *args.doc + "\"; textx stats lists the names."}, args.json);
    result = find_reuse(corpus, index, *doc, args.paragraph, options);
  } else if (args.text) {
    const RepairedText repaired = repair_utf8(*args.text);
    result = find_reuse_of_text(corpus, index, repaired.text, options);
    if (result.ok() && args.json)
      std::cout << wire::dump(wire::to_json(wire::ReuseAnswer{&corpus, &result.value(), &options, repaired.text})) << '\n';
    else if (result.ok())
      print_matches(std::cout, corpus, result.value(), repaired.text, args.max_chars);
    return result.ok() ? 0 : fail(result.error(), args.json);
  } else {
    result = find_shared_passages(corpus, index, options);
  }
  if (!result.ok()) return fail(result.error(), args.json);
  if (args.json) {
    std::cout << wire::dump(wire::to_json(wire::ReuseAnswer{&corpus, &result.value(), &options})) << '\n';
  } else {
    print_matches(std::cout, corpus, result.value(), {}, args.max_chars);
  }
  return 0;
}

}  // namespace

void register_reuse(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReuseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "reuse",
      "Find passages the documents share, exactly or loosely (text reuse): every shared passage between documents, "
      "or, with --doc or --text, the passages repeating one passage. Method and parameters: docs/reuse.md");
  cmd->add_option("paths", args->paths, "Files, folders or corpus manifest.json files")->required();
  cmd->add_option("--doc", args->doc, "Look for one passage: this document (its name, as textx stats lists it)");
  cmd->add_option("--paragraph", args->paragraph, "With --doc: only this paragraph (numbered from 0) instead of the whole document");
  cmd->add_option("--text", args->text, "Look for this text instead of a passage of the corpus");
  cmd->add_option("--min-words", args->options.min_words, "Least shared words a passage must have")
      ->default_val(8)
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->add_option("--ngram", args->options.shingles.ngram, "Content words per shingle (the seeds of a match)")
      ->default_val(3)
      ->check(CLI::Range(kMinNgram, kMaxNgram));
  cmd->add_flag("--keep-stop-words", args->keep_stop_words,
                "Make shingles of every word, function words (the, of, and…) included");
  cmd->add_flag("--exact-words", args->exact_words,
                "Match words exactly, not by word form (policy and policies then differ)");
  cmd->add_flag("--same-document", args->options.same_document, "Also look within the passage's own document");
  cmd->add_option("--max-occurrences", args->options.max_occurrences,
                  "Leave out shingles occurring more often than this in the corpus (boilerplate)")
      ->default_val(1000);
  cmd->add_option("--limit", args->options.limit, "Print at most this many passages (the total stays exact)")
      ->default_val(20);
  cmd->add_option("--max-chars", args->max_chars, "Characters shown of each passage in text output")->default_val(600);
  cmd->add_flag("--json", args->json, "Print the wire-format JSON (docs/reuse.md)");
  cmd->callback([args, &exit_code] { exit_code = run_reuse(*args); });
}

}  // namespace textx::cli
