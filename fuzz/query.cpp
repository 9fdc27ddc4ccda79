// Fuzz target: the query language end to end over a small fixed corpus (the doctest suite's mini corpus):
// parse_query, parse_document_filter, evaluation and the concordance with its JSON form. The input is the
// query text, optionally followed by a NUL and option bytes (a NUL cannot occur in a valid query, so seeds
// are plain queries):
//   [0] context  [1] bit 0 context in characters (x5), bit 1 case-sensitive, bit 2 diacritic-sensitive
//   [2] offset   [3] limit (255: no limit)   [4…] sort keys, one per byte (4 of them are one too many)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/query/concordance.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "fuzz/fuzz_check.hpp"
#include "tests/core/mini_corpus.hpp"
#include "wire/json.hpp"

namespace {

textx::ConcordanceOptions read_options(std::string_view bytes) {
  textx::ConcordanceOptions options;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  if (bytes.size() > 1) {
    options.unit = (byte(1) & 1) ? textx::ContextUnit::kCharacters : textx::ContextUnit::kWords;
    options.match = {.case_sensitive = (byte(1) & 2) != 0, .diacritic_sensitive = (byte(1) & 4) != 0};
  }
  if (bytes.size() > 0) options.context = byte(0) * (options.unit == textx::ContextUnit::kCharacters ? 5 : 1);
  if (bytes.size() > 2) options.offset = byte(2);
  if (bytes.size() > 3 && byte(3) != 255) options.limit = byte(3);
  for (std::size_t i = 4; i < bytes.size() && i < 8; ++i) options.sort.push_back(static_cast<textx::SortKey>(byte(i) % 8));
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const textx::Corpus corpus = textx::testing::mini_corpus();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view query = input.substr(0, nul);
  const textx::ConcordanceOptions options =
      read_options(nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1));

  (void)textx::parse_document_filter(query);
  const textx::Result<textx::Query> parsed = textx::parse_query(query);
  if (parsed.ok()) {
    const auto matches = textx::find_matches(corpus, parsed.value(), options.match);
    if (matches.ok()) {
      for (const textx::QueryMatch& m : matches.value()) {
        FUZZ_CHECK(m.doc < corpus.document_count() && m.length > 0);
        FUZZ_CHECK(m.first + m.length <= corpus.tokens(m.doc).size());
      }
    }
  }

  const textx::Result<textx::Concordance> result = textx::concordance(corpus, query, options);
  if (!result.ok()) {
    FUZZ_CHECK(!result.error().code.empty() && !result.error().message.empty());
    (void)textx::wire::dump(textx::wire::to_json(result.error()));
    return 0;
  }
  const textx::Concordance& concordance = result.value();
  FUZZ_CHECK(concordance.rows.size() <= concordance.total);
  for (const textx::KwicRow& row : concordance.rows) {
    FUZZ_CHECK(row.start < row.end && row.end <= corpus.document(row.doc).text.size());
    FUZZ_CHECK(textx::fuzz::is_valid_utf8(row.left) && textx::fuzz::is_valid_utf8(row.match) &&
               textx::fuzz::is_valid_utf8(row.right));
  }
  (void)textx::wire::dump(textx::wire::to_json(corpus, concordance));
  return 0;
}
