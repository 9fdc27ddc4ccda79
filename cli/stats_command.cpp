// textx stats PATHS...: how each document was read and what it holds.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/corpus_command.hpp"

namespace textx::cli {
namespace {

void print_table(std::ostream& out, const Corpus& corpus) {
  out << std::left << std::setw(14) << "encoding" << std::right << std::setw(8) << "invalid" << std::setw(11)
      << "paragraphs" << std::setw(10) << "sentences" << std::setw(9) << "tokens" << std::setw(10) << "distinct"
      << "  document\n";
  std::size_t paragraphs = 0, sentences = 0;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    const Document& doc = corpus.document(id);
    if (doc.removed) continue;
    const std::string encoding = doc.encoding + (doc.byte_order_mark ? "+BOM" : "");
    out << std::left << std::setw(14) << encoding << std::right << std::setw(8) << doc.replacements << std::setw(11)
        << doc.paragraphs.size() << std::setw(10) << doc.sentences.size() << std::setw(9) << doc.token_count
        << std::setw(10) << doc.distinct_keys << "  " << doc.info.name
        << (doc.format == SourceFormat::kHtml ? " (HTML)" : "") << '\n';
    paragraphs += doc.paragraphs.size();
    sentences += doc.sentences.size();
  }
  out << std::left << std::setw(14) << "total" << std::right << std::setw(8) << "" << std::setw(11) << paragraphs
      << std::setw(10) << sentences << std::setw(9) << corpus.token_count() << std::setw(10) << corpus.vocabulary_size()
      << "  " << corpus.document_count() << (corpus.document_count() == 1 ? " document\n" : " documents\n");
}

}  // namespace

void register_stats(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CorpusArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Show how each document was read: encoding, paragraphs, sentences, words");
  add_corpus_arguments(*cmd, *args);
  cmd->callback([args, &exit_code] {
    exit_code = run_on_corpus(
        *args, [](const Corpus& corpus) { return wire::CorpusStats{&corpus}; },
        [](std::ostream& out, const Corpus& corpus, const wire::CorpusStats&) { print_table(out, corpus); });
  });
}

}  // namespace textx::cli
