#include <doctest/doctest.h>

#include "core/corpus/corpus.hpp"
#include "core/text/fold.hpp"
#include "tests/core/mini_corpus.hpp"

using textx::Corpus;

TEST_CASE("a corpus indexes every token of every document under its folded key") {
  const Corpus corpus = textx::testing::mini_corpus();
  REQUIRE(corpus.document_count() == 3);
  std::size_t tokens = 0;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) tokens += corpus.document(id).tokens.size();
  CHECK(corpus.token_count() == tokens);

  const auto key = corpus.find_key("independence");
  REQUIRE(key.has_value());
  CHECK(corpus.key_text(*key) == "independence");
  for (const textx::TokenRef& ref : corpus.occurrences(*key)) {
    const textx::Document& doc = corpus.document(ref.doc);
    const textx::Token& token = doc.tokens[ref.index];
    CHECK(token.key == *key);
    CHECK(textx::key_of(std::string_view(doc.text).substr(token.start, token.end - token.start)) == "independence");
  }
  CHECK_FALSE(corpus.find_key("Independence").has_value());  // keys are folded; callers fold first
  CHECK_FALSE(corpus.find_key("absent").has_value());
}

TEST_CASE("invalid UTF-8 is repaired and counted, never refused") {
  const Corpus corpus = textx::testing::mini_corpus();
  const textx::Document& hostile = corpus.document(2);
  CHECK(hostile.replacements == 1);
  CHECK(hostile.text.find("\uFFFD(") != std::string::npos);
}

TEST_CASE("binary bytes are refused with a message naming the file, and nothing loaded is lost") {
  Corpus corpus = textx::testing::mini_corpus();
  const std::size_t before = corpus.token_count();
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "picture.png"}, png);
  REQUIRE_FALSE(added.ok());
  CHECK(added.error().code == "load.binary");
  CHECK(added.error().to_string() ==
        "[load.binary] picture.png is a PNG image, not a text file.");
  CHECK(corpus.document_count() == 3);
  CHECK(corpus.token_count() == before);
}

TEST_CASE("an empty document is accepted and has no tokens") {
  Corpus corpus;
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "empty.txt"}, "");
  REQUIRE(added.ok());
  CHECK(corpus.document(added.value()).tokens.empty());
  CHECK(corpus.token_count() == 0);
}

TEST_CASE("a 10 MB document on one line is read into sentence units without trouble") {
  std::string line;
  line.reserve(10 * 1024 * 1024 + 100);
  while (line.size() < 10 * 1024 * 1024) line += "The Union is strong, and its people are free. ";
  Corpus corpus;
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "one-line.txt"}, line);
  REQUIRE(added.ok());
  const textx::Document& doc = corpus.document(added.value());
  CHECK(doc.sentences.size() == line.size() / 46);
  CHECK(doc.paragraphs.size() > 1000);
  CHECK(doc.tokens.size() == 9 * doc.sentences.size());
  CHECK(doc.distinct_keys == 9);
}

TEST_CASE("mixed line ends in one document: LF, CRLF and CR all end lines and blank lines") {
  Corpus corpus;
  const std::string text = "First paragraph\r\ncontinues.\n\nSecond.\r\rThird\rcontinues.\r\n\r\nFourth.";
  const auto added = corpus.add_document({.name = "mixed.txt"}, text);
  REQUIRE(added.ok());
  const textx::Document& doc = corpus.document(added.value());
  REQUIRE(doc.paragraphs.size() == 4);
  CHECK(doc.text.substr(doc.paragraphs[2].start, doc.paragraphs[2].end - doc.paragraphs[2].start) ==
        "Third\rcontinues.");
  CHECK(doc.sentences.size() == 4);
}
