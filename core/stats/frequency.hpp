#pragma once
// The frequency list: how often each word occurs in the corpus, and in how many documents.
#include <cstddef>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace textx {

struct FrequencyOptions {
  std::size_t min_frequency = 1;   // leave out words rarer than this
  bool skip_stop_words = false;    // leave out English function words (see is_stop_word)
  std::size_t offset = 0;          // first row to return, in the list's order
  std::size_t limit = static_cast<std::size_t>(-1);  // most rows to return (types still counts them all)
};

struct FrequencyRow {
  KeyId key = 0;
  std::string word;              // how the word is shown: its first occurrence, case-folded, accents kept
  std::size_t frequency = 0;     // occurrences in live documents
  double per_million = 0;        // frequency per million tokens of the corpus
  std::size_t range = 0;         // documents it occurs in
};

struct FrequencyList {
  std::size_t tokens = 0;        // tokens in live documents
  std::size_t types = 0;         // distinct words passing the options' filters
  std::vector<FrequencyRow> rows;  // by frequency, then alphabetically by key; rows [offset, offset + limit)
};

// The frequency list of `corpus` (live documents). Words are matching keys (case and diacritics ignored),
// shown in a readable form. Empty for an empty corpus.
FrequencyList frequency_list(const Corpus& corpus, const FrequencyOptions& options);

// Whether `key` (a default matching key) is one of a short list of English function words (articles,
// pronouns, auxiliaries, prepositions, conjunctions) that the --stop-words switch leaves out.
bool is_stop_word(std::string_view key);

// How token `index` of live document `doc` is shown in statistics: its surface form with each code point
// replaced by its simple (one code point) case folding, so accents and composition stay as written.
std::string token_display_form(const Corpus& corpus, DocId doc, std::size_t index);
// How a word is shown in lists: its surface form with each code point replaced by its simple (one code point)
// case folding. Unlike a key it keeps accents and the text's own composition, so "Májer" shows as "májer".
std::string display_form(std::string_view surface);

}  // namespace textx
