// Surface classes (core/index/surface_class.hpp): each class's claim about a token's text checked against
// key_of; the classes a segment stores beside its postings checked against classes recomputed from the text
// after batches, tiered merges and removals; and case- and diacritic-sensitive words, which the classes
// filter, checked against a naive scan of the text, whole and paged, with document filters.
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/index/surface_class.hpp"
#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/query/strict_form.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/naive_query.hpp"
#include "tests/core/random_text.hpp"
#include "tests/core/sotu_corpus.hpp"

using textx::Corpus;
using textx::MatchOptions;
using textx::SurfaceClass;

namespace {

using namespace textx::testing;

const std::vector<MatchOptions> kAllOptions = {{false, false}, {true, false}, {false, true}, {true, true}};

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// What a class promises about a token: an ASCII token of class kLower, kTitle or kCaps is the text
// surface_text gives for its key, and so is its case-sensitive form; its case-insensitive forms are its key.
void check_class_claim(const std::string& word) {
  CAPTURE(word);
  const SurfaceClass cls = textx::surface_class(word);
  // Indexing's word-at-a-time classification agrees, the word alone or inside a longer text.
  CHECK(textx::surface_class_in(word, 0, word.size()) == cls);
  const std::string inside = "Ab\xC3\xA9" + word + "ZZ\xC3\xA9 tail of any length";
  CHECK(textx::surface_class_in(inside, 4, 4 + word.size()) == cls);
  if (cls == textx::kOther) return;
  CHECK(is_ascii(word));
  const std::string key = textx::key_of(word);
  CHECK(textx::surface_text(key, cls) == word);
  CHECK(textx::key_of(word, {true, false}) == word);
  CHECK(textx::key_of(word, {true, true}) == word);
  CHECK(textx::key_of(word, {false, true}) == key);
}

// The token texts of a document, from its text afresh.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& w : textx::find_words(text)) out.push_back(text.substr(w.start, w.end - w.start));
  return out;
}

// Compares every class a segment stores beside its postings with the class of the token's text; returns
// how many postings it compared.
std::size_t check_segment_classes(const Corpus& corpus) {
  std::size_t compared = 0;
  for (const textx::IndexSegment& segment : corpus.segments()) {
    std::vector<std::vector<std::string>> words(segment.document_count());
    for (std::size_t local = 0; local < segment.document_count(); ++local)
      words[local] = words_of(corpus.document(segment.document_id(local)).text);
    std::size_t postings = 0;
    for (textx::KeyId key = 0; key < corpus.vocabulary_size(); ++key) {
      const textx::ClassedPostings list = segment.classed_postings(key);
      CHECK(list.positions.size() == segment.postings(key).size());
      for (std::size_t k = 0; k < list.positions.size(); ++k) {
        const std::uint32_t p = list.positions[k];
        const std::size_t local = segment.document_of(p);
        const std::string& word = words[local][p - segment.first_token(local)];
        CAPTURE(word);
        CHECK(list.class_at(segment.posting_classes(), k) == textx::surface_class(word));
        ++compared;
      }
      postings += list.positions.size();
    }
    CHECK(postings == segment.token_count());
  }
  return compared;
}

// Words that share keys in every way they can differ: case (single capitals, mixed case), precomposed and
// decomposed accents, marks after the word, sharp s, the Kelvin sign, a titlecase digraph, digits.
std::string spelling_variant(std::mt19937& rng) {
  static const std::vector<std::string> stems = {"a", "i", "o", "the", "of", "us", "majer", "kelvin", "strasse", "x1",
                                                 "1a", "dz", "cafe", "and"};
  std::string out;
  const std::string& stem = stems[rng() % stems.size()];
  const unsigned style = rng() % 8;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    char c = stem[i];
    const bool upper = style == 1 ? i == 0 : style == 2 ? true : style == 3 ? rng() % 2 == 0 : false;
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (style == 4 && c == 'k' && i == 0) {
      out += "\u212A";  // Kelvin sign: folds to k
      continue;
    }
    if (style == 5 && c == 'e') {
      out += rng() % 2 ? "\u00e9" : "e\u0301";  // precomposed or decomposed
      continue;
    }
    if (style == 6 && c == 's' && i + 1 < stem.size() && stem[i + 1] == 's') {
      out += rng() % 2 ? "\u00df" : "SS";
      ++i;
      continue;
    }
    if (style == 7 && c == 'd' && i + 1 < stem.size() && stem[i + 1] == 'z') {
      out += "\u01C5";  // Dž, titlecase, folds to dž
      ++i;
      continue;
    }
    out += c;
  }
  if (rng() % 10 == 0) out += "\u0301";  // a mark after the word
  return out;
}

std::string spelling_text(std::mt19937& rng, std::size_t words) {
  static const std::vector<std::string> separators = {" ", " ", " ", "\n", ", ", "\u2014", "\u00a0", ". ", "\u201d "};
  std::string out;
  for (std::size_t w = 0; w < words; ++w) out += spelling_variant(rng) + separators[rng() % separators.size()];
  return out;
}

// Documents added one at a time (tiered merges), in batches, then some removed: named "s-<n>".
Corpus spellings_corpus() {
  std::mt19937 rng(7001);
  Corpus corpus;
  int d = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 9; ++i)
      REQUIRE(corpus.add_document({.name = "s-" + std::to_string(d++)}, spelling_text(rng, rng() % 300)).ok());
    std::vector<std::string> texts;
    for (int i = 0; i < 5; ++i) texts.push_back(spelling_text(rng, rng() % 500));
    std::vector<textx::NewDocument> batch;
    for (const std::string& t : texts) batch.push_back({{.name = "s-" + std::to_string(d++)}, t});
    for (const auto& added : corpus.add_documents(std::move(batch))) REQUIRE(added.ok());
  }
  for (const textx::DocId id : {2u, 11u, 17u, 30u}) REQUIRE(corpus.remove_document(id));
  return corpus;
}

// A phrase of words ("*": any word; "a|b": either word, each one token) as the naive scan's pattern: a token
// matches a word with the same key and the same form under `match`.
Pattern phrase_pattern(const std::vector<std::string>& terms, MatchOptions match) {
  Pattern pattern;
  for (const std::string& term : terms) {
    if (term == "*") {
      pattern.push_back(any());
      continue;
    }
    std::vector<TokenTest> words;
    for (std::size_t from = 0; from <= term.size();) {
      const std::size_t bar = std::min(term.find('|', from), term.size());
      words.push_back(word(term.substr(from, bar - from), match));
      from = bar + 1;
    }
    pattern.push_back(either(words));
  }
  return pattern;
}

// The query of `terms` (joined by spaces, alternatives in parentheses) with each filter, whole and paged,
// against the naive scan. Returns how many matches the unfiltered query has.
std::size_t check_phrase(const Corpus& corpus, const std::vector<std::string>& terms, MatchOptions match,
                         const std::vector<std::string>& filters) {
  std::string query;
  for (const std::string& term : terms)
    query += (query.empty() ? "" : " ") + (term.find('|') != std::string::npos ? "(" + term + ")" : term);
  const std::vector<Hit> expected = naive(fresh_tokens(corpus), phrase_pattern(terms, match));
  check_query_pages(corpus, query, match, expected, filters);
  return expected.size();
}

}  // namespace

TEST_CASE("surface classes of hand-picked words") {
  const std::vector<std::pair<std::string, SurfaceClass>> cases = {
      {"the", textx::kLower},    {"The", textx::kTitle},      {"THE", textx::kCaps},     {"tHE", textx::kOther},
      {"tHe", textx::kOther},    {"A", textx::kTitle},        {"I", textx::kTitle},      {"a", textx::kLower},
      {"McKinley", textx::kOther}, {"U.S.", textx::kCaps},    {"1a", textx::kLower},     {"1A", textx::kCaps},
      {"X1", textx::kTitle},     {"1,000", textx::kLower},    {"don't", textx::kLower},  {"Don't", textx::kTitle},
      {"DON'T", textx::kCaps},   {"caf\u00e9", textx::kOther}, {"\u212Aelvin", textx::kOther},
      {"stra\u00dfe", textx::kOther}, {"\u01C5", textx::kOther}, {"e\u0301", textx::kOther}};
  for (const auto& c : cases) {
    const std::string& word = c.first;  // not a structured binding: clang 14 cannot capture one in CAPTURE
    CAPTURE(word);
    CHECK(textx::surface_class(word) == c.second);
    check_class_claim(word);
  }
  CHECK(textx::surface_text("the", textx::kTitle) == "The");
  CHECK(textx::surface_text("the", textx::kCaps) == "THE");
  CHECK(textx::surface_text("u.s.", textx::kCaps) == "U.S.");
}

TEST_CASE("each surface class's claim holds for every short ASCII word and for real and random text") {
  // Every word of up to 3 characters over letters of both cases, a digit and an apostrophe.
  const std::string alphabet = "aBz9'";
  std::vector<std::string> words = {""};
  for (int length = 1; length <= 3; ++length) {
    const std::size_t before = words.size();
    for (std::size_t i = 0; i < before; ++i)
      if (static_cast<int>(words[i].size()) == length - 1)
        for (const char c : alphabet) words.push_back(words[i] + c);
  }
  std::size_t ascii_classes[4] = {0, 0, 0, 0};
  for (const std::string& w : words) {
    if (w.empty()) continue;
    check_class_claim(w);
    ++ascii_classes[textx::surface_class(w)];
  }
  for (const std::size_t n : ascii_classes) CHECK(n > 10);
  const Corpus& sotu = textx::testing::sotu_corpus();
  std::size_t checked = 0;
  for (textx::DocId id = 0; id < sotu.document_count(); id += 11)
    for (const std::string& w : words_of(sotu.document(id).text)) {
      check_class_claim(w);
      ++checked;
    }
  CHECK(checked > 100000);
  std::mt19937 rng(11);
  for (const std::string& w : words_of(spelling_text(rng, 3000))) check_class_claim(w);
  textx::testing::RandomText random(12);
  for (const std::string& w : words_of(random.prose(20000))) check_class_claim(w);
}

TEST_CASE("packed classes copy and count as one at a time would, at every alignment") {
  std::mt19937 rng(5);
  std::vector<std::uint8_t> classes(300);
  for (auto& c : classes) c = static_cast<std::uint8_t>(rng() % 4);
  std::vector<std::uint8_t> source(textx::packed_class_bytes(classes.size()), 0);
  for (std::size_t i = 0; i < classes.size(); ++i) textx::pack_class(source.data(), i, classes[i]);
  for (std::size_t i = 0; i < classes.size(); ++i) REQUIRE(textx::packed_class(source.data(), i) == classes[i]);
  for (std::size_t from = 0; from < 9; ++from)
    for (std::size_t to = 0; to < 9; ++to)
      for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{4}, std::size_t{37}, std::size_t{280}}) {
        std::vector<std::uint8_t> target(textx::packed_class_bytes(to + count), 0);
        textx::copy_classes(target.data(), to, source.data(), from, count);
        for (std::size_t k = 0; k < to + count; ++k)
          CHECK(textx::packed_class(target.data(), k) == (k < to ? 0 : classes[from + k - to]));
        const textx::ClassCounts counts = textx::count_classes(source.data(), from, from + count);
        for (unsigned c = 0; c < 4; ++c)
          CHECK(counts.of[c] == static_cast<std::size_t>(std::count(classes.begin() + static_cast<std::ptrdiff_t>(from),
                                                                    classes.begin() + static_cast<std::ptrdiff_t>(from + count), c)));
      }
  // Counting past a lane's capacity (16383 bytes of four classes).
  std::vector<std::uint8_t> many(textx::packed_class_bytes(200000), 0xFF);
  CHECK(textx::count_classes(many.data(), 3, 200000).of[textx::kOther] == 199997);
  for (unsigned set = 0; set < 16; ++set) {
    const textx::ClassSelector selector(set);
    std::vector<std::size_t> seen;
    selector.for_each(source.data(), 5, 290, [&](std::size_t k, SurfaceClass c) {
      CHECK(c == classes[k]);
      seen.push_back(k);
      return true;
    });
    std::vector<std::size_t> expected;
    for (std::size_t k = 5; k < 290; ++k)
      if ((set >> classes[k]) & 1) expected.push_back(k);
    CHECK(seen == expected);
  }
}

TEST_CASE("the classes a word accepts are those whose ASCII texts have a form it asks for") {
  const std::vector<std::string> keys = {"the", "a", "i", "u.s.", "1a", "x1", "caf\u00e9", "don't"};
  for (const MatchOptions match : kAllOptions) {
    const textx::StrictForms forms(match);
    for (const std::string& key : keys)
      for (const std::string& word : {std::string("The"), std::string("THE"), std::string("the"), std::string("A"),
                                      std::string("a"), std::string("U.S."), std::string("u.S."), std::string("1A"),
                                      std::string("X1"), std::string("caf\u00e9"), std::string("Don't")}) {
        const std::vector<std::string> wanted = {textx::key_of(word, match)};
        unsigned expected = 0;
        for (const SurfaceClass cls : {textx::kLower, textx::kTitle, textx::kCaps}) {
          if (!is_ascii(key)) break;
          const std::string text = textx::surface_text(key, cls);
          if (textx::key_of(text) == key && textx::key_of(text, match) == wanted.front()) expected |= 1u << cls;
        }
        CAPTURE(key);
        CAPTURE(word);
        CHECK(forms.accepted_classes(key, wanted) == expected);
      }
    CHECK(forms.accepted_classes("the", {}) == 0xF);
  }
}

TEST_CASE("the classes beside the postings survive batches, tiered merges and removals") {
  const Corpus spellings = spellings_corpus();
  CHECK(spellings.segments().size() > 1);  // of 30 additions: merged in tiers
  CHECK(spellings.segments().size() < 10);
  CHECK(check_segment_classes(spellings) == spellings.token_count());
  const Corpus sotu = grown_sotu(70);
  CHECK(sotu.segments().size() > 3);
  CHECK(check_segment_classes(sotu) == sotu.token_count());
  CHECK(check_segment_classes(textx::testing::sotu_corpus()) == textx::testing::sotu_corpus().token_count());
}

TEST_CASE("case- and diacritic-sensitive words filtered by class agree with a naive scan of the text") {
  const Corpus spellings = spellings_corpus();
  const std::vector<std::string> filters = {"", " doc:s-1*", " doc:s-3?"};
  std::size_t matched = 0;
  for (const MatchOptions match : kAllOptions) {
    for (const std::vector<std::string>& terms : std::vector<std::vector<std::string>>{
             {"A"}, {"a"}, {"I"}, {"The"}, {"THE"}, {"the"}, {"tHE"}, {"Majer"}, {"MAJER"}, {"m\u00e1jer"},
             {"Kelvin"}, {"\u212Aelvin"}, {"stra\u00dfe"}, {"STRASSE"}, {"cafe"}, {"caf\u00e9"}, {"1A"}, {"X1"},
             {"\u01C5"}, {"The", "*", "of"}, {"A", "the"}, {"of", "THE"}, {"i", "*", "*", "A"},
             {"The|A"}, {"The|THE|the", "Of"}, {"a|I", "*", "of"}}) {
      matched += check_phrase(spellings, terms, match, filters);
    }
  }
  CHECK(matched > 1000);
  const Corpus sotu = grown_sotu(50);
  for (const MatchOptions match : kAllOptions)
    for (const std::vector<std::string>& terms : std::vector<std::vector<std::string>>{
             {"The"}, {"THE"}, {"A"}, {"I"}, {"The", "*", "of"}, {"United", "States"}, {"the", "*", "OF"}})
      check_phrase(sotu, terms, match, {"", " date:1800..1830", " doc:*washington*"});
}
