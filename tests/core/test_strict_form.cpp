// The forms case- and diacritic-sensitive matching compares (core/query/strict_form.hpp), found without
// folding for ASCII tokens, against key_of of every token's text.
#include <doctest/doctest.h>

#include <string>

#include "core/query/strict_form.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/mini_corpus.hpp"
#include "tests/core/sotu_corpus.hpp"

namespace {

bool is_ascii(const std::string& text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Checks StrictForms::form against key_of for every token of `text` under `match`; counts the tokens.
std::size_t check_text(const std::string& text, textx::MatchOptions match) {
  textx::StrictForms forms(match);
  std::size_t n = 0;
  for (const auto& w : textx::find_words(text)) {
    const std::string word = text.substr(w.start, w.end - w.start);
    const std::size_t key_length = textx::key_of(word).size();
    CAPTURE(word);
    CHECK(forms.form(text, static_cast<std::uint32_t>(w.start), key_length) == textx::key_of(word, match));
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("for an ASCII word the case-sensitive form is its text and the diacritic-sensitive one its lower case") {
  const textx::Corpus& corpus = textx::testing::sotu_corpus();
  std::size_t ascii = 0;
  for (textx::DocId id = 0; id < corpus.document_count(); id += 7) {
    const std::string& text = corpus.document(id).text;
    for (const auto& w : textx::find_words(text)) {
      const std::string word = text.substr(w.start, w.end - w.start);
      if (!is_ascii(word)) continue;
      ++ascii;
      std::string lower = word;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      CHECK(textx::key_of(word, {true, false}) == word);
      CHECK(textx::key_of(word, {true, true}) == word);
      CHECK(textx::key_of(word, {false, true}) == lower);
      CHECK(textx::key_of(word).size() == word.size());
    }
  }
  CHECK(ascii > 100000);
}

TEST_CASE("strict forms equal key_of of each token's text, ASCII or not") {
  const std::string hostile =
      "The THE the\u2014Majer M\u00e1jer Ma\u0301jer majer\u0301 MAJER\u0301\u2014x \u212Aelvin Kelvin stra\u00dfe "
      "STRASSE caf\u00e9 CAFE\u0301, T\u0308he \u0130stanbul I\u0307 \uFB01ne fine \u01C5 x\u00a0y don\u2019t U.S. "
      "1,000 \u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD \u0627\u0644\u0633\u064E\u0644\u0627\u0645 \U0001D400BC end";
  for (const textx::MatchOptions match : {textx::MatchOptions{}, textx::MatchOptions{true, false},
                                          textx::MatchOptions{false, true}, textx::MatchOptions{true, true}}) {
    CAPTURE(match.case_sensitive);
    CAPTURE(match.diacritic_sensitive);
    CHECK(check_text(hostile, match) > 25);
    for (const auto& doc : textx::testing::mini_documents()) check_text(doc.text, match);
  }
}
