// The hostile inputs of docs/security.md, each given to a corpus that already holds documents: each gets
// its exact answer (accepted as what, or refused with which message), and afterwards the corpus answers the
// same query with the same total as before (nothing already loaded was lost). The CLI, wasm and page
// suites (tests/*/hostile.test.mjs) run the same list through their own surfaces.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/concordance.hpp"
#include "core/stats/frequency.hpp"
#include "tests/core/mini_corpus.hpp"
#include "wire/json.hpp"

namespace {

using textx::Corpus;

std::size_t total(const Corpus& corpus, std::string_view query) {
  textx::ConcordanceOptions options;
  options.limit = 0;  // the total alone
  const auto result = textx::concordance(corpus, query, options);
  REQUIRE(result.ok());
  return result.value().total;
}

// The mini corpus and its answer to the query every case asks again afterwards.
struct Loaded {
  Corpus corpus = textx::testing::mini_corpus();
  std::size_t documents = corpus.live_document_count();
  std::size_t tokens = corpus.token_count();
  std::size_t independence = total(corpus, "independence");
  std::size_t added = 0;  // documents accepted since

  // Nothing already loaded changed: the same documents (plus those added) and the same answer.
  void check_unchanged() const {
    CHECK(corpus.live_document_count() == documents + added);
    CHECK(total(corpus, "independence") == independence);
    for (textx::DocId id = 0; id < documents; ++id) CHECK(corpus.document(id).token_count == corpus.tokens(id).size());
  }
};

// Adds a file expected to be refused with exactly `message`; the corpus must be as it was.
void check_refused(const std::string& name, std::string_view bytes, const std::string& message) {
  Loaded loaded;
  const auto added = loaded.corpus.add_document({.name = name}, bytes);
  REQUIRE_FALSE(added.ok());
  CHECK(added.error().to_string() == message);
  CHECK(loaded.corpus.token_count() == loaded.tokens);
  loaded.check_unchanged();
}

// Adds a file expected to be accepted; returns its document for further checks (the corpus stays alive).
const textx::Document& check_accepted(Loaded& loaded, const std::string& name, std::string_view bytes) {
  const auto added = loaded.corpus.add_document({.name = name}, bytes);
  REQUIRE(added.ok());
  ++loaded.added;
  loaded.check_unchanged();
  return loaded.corpus.document(added.value());
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile files: empty, 0 and 1 byte") {
  Loaded loaded;
  const textx::Document& empty = check_accepted(loaded, "empty.txt", "");
  CHECK(empty.token_count == 0);
  CHECK(empty.paragraphs.empty());
  const textx::Document& letter = check_accepted(loaded, "a.txt", "a");
  CHECK(letter.token_count == 1);
  CHECK(letter.encoding == "UTF-8");
  const textx::Document& high = check_accepted(loaded, "ff.txt", "\xFF");
  CHECK(high.encoding == "windows-1252");
  CHECK(high.text == "\u00FF");
  const textx::Document& newline = check_accepted(loaded, "newline.txt", "\n");
  CHECK(newline.token_count == 0);
  check_refused("nul.txt", std::string_view("\0", 1), "[load.binary] nul.txt is a binary file (it contains zero bytes), not a text file.");
}

TEST_CASE("hostile files: binary formats are refused by name") {
  check_refused("logo.png", std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
                "[load.binary] logo.png is a PNG image, not a text file.");
  check_refused("textx", std::string_view("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16),
                "[load.binary] textx is a program (ELF executable), not a text file.");
  // A zip bomb's first bytes: the page unpacks archives (with limits) before the core sees them; given to
  // the core as they are, they are refused as what they are.
  check_refused("bomb.zip", std::string_view("PK\x03\x04\x14\0\0\0\x08\0", 10),
                "[load.binary] bomb.zip is a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP archives), not a text file.");
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>(1 + (i * 7) % 31);
  check_refused("noise.bin", noise, "[load.binary] noise.bin is a binary file (it is full of control characters), not a text file.");
}

TEST_CASE("hostile files: invalid and truncated UTF-8, UTF-16 without a byte-order mark") {
  Loaded loaded;
  // Mostly UTF-8 with one bad byte and a truncated sequence at the end: repaired, each counted. (With as
  // many bad sequences as good ones, the bytes would be read as windows-1252, as below.)
  const textx::Document& bad =
      check_accepted(loaded, "bad.txt", "caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xC3\x28 end \xE2\x82");
  CHECK(bad.encoding == "UTF-8");
  CHECK(bad.replacements == 2);
  CHECK(bad.text == "caf\u00E9 na\u00EFve r\u00E9sum\u00E9 \uFFFD( end \uFFFD");
  // Bytes that are no UTF-8 at all are read as windows-1252.
  const textx::Document& latin = check_accepted(loaded, "latin.txt", "\x93Quoted\x94 caf\xE9");
  CHECK(latin.encoding == "windows-1252");
  CHECK(latin.text == "\u201CQuoted\u201D caf\u00E9");
  const std::string utf16le("S\0o\0v\0e\0r\0e\0i\0g\0n\0t\0y\0 \0o\0f\0 \0n\0a\0t\0i\0o\0n\0s\0", 44);
  const textx::Document& wide = check_accepted(loaded, "wide.txt", utf16le);
  CHECK(wide.encoding == "UTF-16LE");
  CHECK_FALSE(wide.byte_order_mark);
  CHECK(wide.text == "Sovereignty of nations");
  check_refused("wide32.txt", std::string_view("\xFF\xFE\0\0a\0\0\0", 8),
                "[load.encoding] wide32.txt is UTF-32 text, which textx does not read; save it as UTF-8.");
}

TEST_CASE("hostile files: one 10 MB line, and 1,000,000 one-word paragraphs") {
  Loaded loaded;
  std::string line;
  for (int i = 0; line.size() < 10'000'000; ++i) line += "Word" + std::to_string(i % 1000) + (i % 17 ? " " : ". ");
  auto start = std::chrono::steady_clock::now();
  const textx::Document& long_line = check_accepted(loaded, "line.txt", line);
  CHECK(long_line.paragraphs.size() > 1000);  // divided at sentences (kLongParagraphBytes)
  std::size_t expected = 0;
  for (std::size_t at = line.find("Word999"); at != std::string::npos; at = line.find("Word999", at + 1)) ++expected;
  CHECK(expected > 1000);
  CHECK(total(loaded.corpus, "word999") == expected);
  MESSAGE("10 MB line: " << seconds_since(start) << " s");

  std::string paragraphs;
  paragraphs.reserve(9'000'000);
  for (int i = 0; i < 1'000'000; ++i) {
    paragraphs += 'w';  // not "w" + to_string(…): GCC 12 warns falsely (-Wrestrict) on that
    paragraphs += std::to_string(i % 100);
    paragraphs += "\n\n";
  }
  start = std::chrono::steady_clock::now();
  const textx::Document& many = check_accepted(loaded, "paragraphs.txt", paragraphs);
  CHECK(many.paragraphs.size() == 1'000'000);
  CHECK(many.token_count == 1'000'000);
  CHECK(total(loaded.corpus, "w42") == 10'000);
  MESSAGE("1,000,000 paragraphs: " << seconds_since(start) << " s");
}

TEST_CASE("hostile files: HTML with scripts, event attributes and javascript: links") {
  Loaded loaded;
  const std::string html =
      "<!doctype html><html><head><title>Page</title><script>alert('independence')</script>"
      "<style>body{background:url(javascript:alert(2))}</style></head><body>"
      "<p>Text <img src=x onerror=\"alert(3)\"> with <a href=\"javascript:alert(4)\">a link</a>.</p>"
      "<iframe src=\"https://example.org\">inside</iframe><p onclick=\"steal()\">Last</p></body></html>";
  const textx::Document& page = check_accepted(loaded, "page.html", html);
  CHECK(page.format == textx::SourceFormat::kHtml);
  CHECK(page.text == "Page\n\nText with a link.\n\nLast");
  // The document's JSON carries none of it either.
  const std::string json = textx::wire::dump(textx::wire::to_json(page));
  for (const char* gone : {"alert", "javascript", "onerror", "onclick", "<", "example.org"}) {
    CAPTURE(gone);
    CHECK(page.text.find(gone) == std::string::npos);
    CHECK(json.find(gone) == std::string::npos);
  }
}

TEST_CASE("hostile files: names with HTML and path characters are kept as given, never read as a date or a path") {
  Loaded loaded;
  const std::string name = "<img src=x onerror=alert(1)>/../../etc/passwd \"quoted\" & 'single'.txt";
  const textx::Document& doc = check_accepted(loaded, name, "Harmless text.");
  CHECK(doc.info.name == name);
  CHECK(doc.info.date.empty());
  const auto parsed = nlohmann::json::parse(textx::wire::dump(textx::wire::to_json(doc)));
  CHECK(parsed["name"] == name);
  check_refused("<b>x</b>.png", std::string_view("\x89PNG\r\n\x1a\n", 8), "[load.binary] <b>x</b>.png is a PNG image, not a text file.");
}

TEST_CASE("hostile queries: 10,000 characters, deep nesting, many alternatives, pathological expressions") {
  Loaded loaded;
  const auto refused = [&](const std::string& query, const std::string& message) {
    const auto result = textx::concordance(loaded.corpus, query, {});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().to_string() == message);
    loaded.check_unchanged();
  };
  // One word of 10,000 letters is a query like any other; one character more is refused.
  CHECK(total(loaded.corpus, std::string(10'000, 'a')) == 0);
  refused(std::string(10'001, 'a'), "[query.too_complex] The query is longer than 10,000 characters; shorten it.");
  std::string words;
  while (words.size() < 9'990) words += "peace ";
  refused(words, "[query.too_complex] At character 385: this is search term 65; a query can hold at most 64 words, "
                 "wildcards, * gaps and regular expressions.");
  std::string nested = std::string(500, '(') + "independence" + std::string(500, ')');
  refused(nested, "[query.too_complex] At character 9: parentheses can be nested at most 8 deep.");
  std::string alternatives = "independence";
  for (int i = 0; i < 500; ++i) alternatives += "|w" + std::to_string(i);
  refused(alternatives, "[query.too_complex] At character 256: this is search term 65; a query can hold at most 64 "
                        "words, wildcards, * gaps and regular expressions.");

  const auto start = std::chrono::steady_clock::now();
  for (const std::string query : {"/(a*)*b/", "/(a|aa)*c/", "/(.*a){20}/", "/((a+)+)+$/", "/(x+x+)+y/"}) {
    CAPTURE(query);
    const auto result = textx::concordance(loaded.corpus, query, {});
    CHECK((result.ok() || result.error().code == "query.too_complex"));
  }
  refused("/(a{100}){100}/", "[query.too_complex] In \"(a{100}){100}\" (character 1): The expression is too complex: it "
                             "would take more than 10000 steps to test each word; use fewer or smaller repetitions.");
  CHECK(seconds_since(start) < 5.0);
  loaded.check_unchanged();
}

TEST_CASE("corpus limits: a document or a corpus too large is refused with its size, and nothing changes") {
  SUBCASE("the page's limits, reached by a 200 MB file") {
    Corpus corpus(textx::kBrowserLimits);
    REQUIRE(corpus.add_document({.name = "small.txt"}, "independence").ok());
    const std::string big(200u << 20, 'a');
    const auto added = corpus.add_document({.name = "big.txt"}, big);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().to_string() ==
          "[load.too_large] big.txt is 200 MB, more than the 128 MB one document can hold here; split it into "
          "smaller files and add those.");
    CHECK(corpus.live_document_count() == 1);
    CHECK(total(corpus, "independence") == 1);
  }
  SUBCASE("a text that grows past the limit once decoded (windows-1252 bytes become 2 or 3 bytes)") {
    Corpus corpus({.document_bytes = 100});
    const auto added = corpus.add_document({.name = "latin.txt"}, std::string(60, '\x93'));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().to_string() == "[load.too_large] latin.txt is 180 bytes once read as text, more than the 100 "
                                       "bytes one document can hold here; split it into smaller files and add those.");
  }
  SUBCASE("the corpus's bytes and words") {
    Corpus corpus({.corpus_bytes = 100, .corpus_tokens = 12});
    REQUIRE(corpus.add_document({.name = "one.txt"}, "independence of nations and peoples").ok());  // 35 bytes, 5 words
    const auto bytes = corpus.add_document({.name = "two.txt"}, std::string(70, 'x'));
    REQUIRE_FALSE(bytes.ok());
    CHECK(bytes.error().to_string() == "[load.corpus_full] two.txt (70 bytes of text) would bring the corpus to 105 bytes, "
                                       "more than the 100 bytes it can hold here; the documents already loaded are unchanged.");
    const auto words = corpus.add_document({.name = "three.txt"}, "a b c d e f g h");
    REQUIRE_FALSE(words.ok());
    CHECK(words.error().to_string() == "[load.corpus_full] three.txt (8 words) would bring the corpus to 13 words, "
                                       "more than the 12 it can hold here; the documents already loaded are unchanged.");
    // A refused document leaves no trace, not even in the vocabulary; a batch stops at the limit, document by document.
    CHECK(corpus.vocabulary_size() == 5);
    std::vector<textx::NewDocument> batch = {{{.name = "four.txt"}, "a b c d"}, {{.name = "five.txt"}, "e f g h"}};
    const auto results = corpus.add_documents(std::move(batch));
    CHECK(results[0].ok());
    CHECK(results[1].error().code == "load.corpus_full");
    CHECK(corpus.token_count() == 9);
    CHECK(corpus.text_bytes() == 35 + 7);
    // Removing a document makes room again.
    REQUIRE(corpus.remove_document(0));
    CHECK(corpus.text_bytes() == 7);
    CHECK(corpus.add_document({.name = "three.txt"}, "a b c d e f g h").ok());
    CHECK(total(corpus, "independence") == 0);
  }
}
