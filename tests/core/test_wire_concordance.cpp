// wire::concordance_json writes what dump(to_json(...)) writes, byte for byte: on real pages and on hostile
// names and text (quotes, backslashes, control characters, invalid UTF-8 in a name, astral characters).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/query/concordance.hpp"
#include "tests/core/sotu_corpus.hpp"
#include "wire/json.hpp"

using textx::Corpus;

namespace {

void check_same(const Corpus& corpus, const std::string& query, textx::ConcordanceOptions options) {
  CAPTURE(query);
  const auto result = textx::concordance(corpus, query, options);
  REQUIRE(result.ok());
  CHECK(textx::wire::concordance_json(corpus, result.value()) ==
        textx::wire::dump(textx::wire::to_json(corpus, result.value())));
}

}  // namespace

TEST_CASE("the concordance's JSON is written directly as the JSON tree would be, on State of the Union pages") {
  const Corpus& corpus = textx::testing::sotu_corpus();
  textx::ConcordanceOptions options;
  options.limit = 300;
  for (const char* query : {"independence", "the * of", "\"liberty\"", "xylophone"}) check_same(corpus, query, options);
  options.sort = {textx::SortKey::kR1, textx::SortKey::kL1};
  options.offset = 1000;
  options.context = 20;
  check_same(corpus, "will", options);
}

TEST_CASE("the concordance's JSON escapes names and text exactly as the JSON tree would") {
  Corpus corpus;
  const std::string hostile = std::string("peace \x01 \"quoted\" back\\slash\x1f tab\there \x7f end \xF0\x9F\x98\x80 peace ") +
                              "\xE2\x80\xA8 line\r\nbreak \x0b\x0c peace";
  REQUIRE(corpus.add_document({.name = "a \"quoted\" \\ name\x02.txt"}, hostile).ok());
  REQUIRE(corpus.add_document({.name = std::string("bad \xC3\x28 \xFF name.txt")}, "peace and peace").ok());
  REQUIRE(corpus.add_document({.name = "\xF0\x9F\x98\x80 emoji name"}, "peace").ok());
  for (const std::size_t context : {std::size_t{0}, std::size_t{3}, std::size_t{8}}) {
    textx::ConcordanceOptions options;
    options.context = context;
    check_same(corpus, "peace", options);
    options.unit = textx::ContextUnit::kCharacters;
    check_same(corpus, "peace", options);
  }
  // The escapes were exercised: a control character in the text, and a name that is not UTF-8 (replaced).
  const std::string json = textx::wire::concordance_json(corpus, textx::concordance(corpus, "peace", {}).value());
  CHECK(json.find("\\u0001") != std::string::npos);
  CHECK(json.find("\\\"quoted\\\"") != std::string::npos);
  CHECK(json.find("bad \uFFFD( \uFFFD name.txt") != std::string::npos);
  check_same(corpus, "quoted", {});
  check_same(corpus, "peace doc:\"a*\"", {});
  check_same(corpus, std::string("peace \xFF"), {});  // a query the CLI read from invalid UTF-8 bytes
}
