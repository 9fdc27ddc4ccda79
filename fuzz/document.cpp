// Fuzz target: a whole file added to a corpus (Corpus::add_document): encoding detection, HTML or plain
// text, paragraphs, sentences, tokens and the index, then the document's summary and the frequency list as
// JSON. The first byte picks the file name (plain text, HTML by extension, or a dated name) and whether
// a second copy goes in through add_documents; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/stats/frequency.hpp"
#include "fuzz/fuzz_check.hpp"
#include "wire/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto mode = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static constexpr const char* kNames[] = {"input.txt", "input.html", "1980-10-05 decree.txt", "page.XHTML"};

  textx::Corpus corpus;
  const textx::Result<textx::DocId> added = corpus.add_document({.name = kNames[mode % 4]}, bytes);
  if (!added.ok()) {
    FUZZ_CHECK(corpus.document_count() == 0);
    return 0;
  }
  const textx::Document& document = corpus.document(added.value());
  FUZZ_CHECK(textx::fuzz::is_valid_utf8(document.text));
  FUZZ_CHECK(document.token_count == corpus.tokens(added.value()).size());
  const std::size_t tokens = document.token_count;  // `document` may move when more are added
  const bool html = document.format == textx::SourceFormat::kHtml;
  if (mode & 4) {
    std::vector<textx::NewDocument> batch = {{{.name = "copy.txt"}, bytes}, {{.name = "empty.txt"}, ""}};
    for (const auto& result : corpus.add_documents(std::move(batch))) FUZZ_CHECK(result.ok());
    FUZZ_CHECK(corpus.token_count() == 2 * tokens || html);
  }
  if (mode & 8) FUZZ_CHECK(corpus.remove_document(added.value()));
  (void)textx::wire::dump(textx::wire::to_json(textx::wire::CorpusStats{&corpus}));
  (void)textx::wire::dump(textx::wire::to_json(textx::frequency_list(corpus, {})));
  return 0;
}
