#include "core/stats/frequency.hpp"

#include <algorithm>
#include <array>

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

// Our own short list of English function words, sorted for binary search, as keys: lower case, no accents.
constexpr std::array<std::string_view, 127> kStopWords = {
    "a",       "about",  "above",   "after",   "again",  "against", "all",     "am",      "an",      "and",
    "any",     "are",    "as",      "at",      "be",     "because", "been",    "before",  "being",   "below",
    "between", "both",   "but",     "by",      "can",    "could",   "did",     "do",      "does",    "doing",
    "down",    "during", "each",    "few",     "for",    "from",    "further", "had",     "has",     "have",
    "having",  "he",     "her",     "here",    "hers",   "herself", "him",     "himself", "his",     "how",
    "i",       "if",     "in",      "into",    "is",     "it",      "its",     "itself",  "just",    "me",
    "more",    "most",   "must",    "my",      "myself", "no",      "nor",     "not",     "now",     "of",
    "off",     "on",     "once",    "only",    "or",     "other",   "our",     "ours",    "ourselves", "out",
    "over",    "own",    "same",    "shall",   "she",    "should",  "so",      "some",    "such",    "than",
    "that",    "the",    "their",   "theirs",  "them",   "themselves", "then", "there",   "these",   "they",
    "this",    "those",  "through", "to",      "too",    "under",   "until",   "up",      "upon",    "very",
    "was",     "we",     "were",    "what",    "when",   "where",   "which",   "while",   "who",     "whom",
    "why",     "will",   "with",    "would",   "you",    "your",    "yours",
};

// Sorted and full: a missing entry would be an empty string at the end and break the order.
constexpr bool stop_words_sorted() {
  for (std::size_t i = 1; i < kStopWords.size(); ++i)
    if (!(kStopWords[i - 1] < kStopWords[i])) return false;
  return true;
}
static_assert(stop_words_sorted());

}  // namespace

std::string display_form(std::string_view surface) {
  std::string out;
  std::size_t pos = 0;
  while (pos < surface.size()) {
    const char32_t cp = next_code_point(surface, pos);
    const auto folded = unicode::char_info(cp).has_case_folding() ? unicode::case_folding(cp) : std::span<const char32_t>();
    append_utf8(out, folded.size() == 1 ? folded[0] : cp);
  }
  return out;
}

bool is_stop_word(std::string_view key) { return std::binary_search(kStopWords.begin(), kStopWords.end(), key); }

std::string token_display_form(const Corpus& corpus, DocId doc, std::size_t index) {
  const std::uint32_t start = corpus.tokens(doc).starts[index];
  return display_form(std::string_view(corpus.document(doc).text).substr(start, corpus.token_end(doc, index) - start));
}

FrequencyList frequency_list(const Corpus& corpus, const FrequencyOptions& options) {
  const std::size_t vocabulary = corpus.vocabulary_size();
  std::vector<std::size_t> frequency(vocabulary, 0), range(vocabulary, 0);
  std::vector<DocId> last_doc(vocabulary, static_cast<DocId>(-1));
  std::vector<std::pair<DocId, std::uint32_t>> first_seen(vocabulary, {static_cast<DocId>(-1), 0});
  FrequencyList list;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (corpus.document(id).removed) continue;
    const TokenSpan tokens = corpus.tokens(id);
    list.tokens += tokens.size();
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      const KeyId key = tokens.keys[i];
      ++frequency[key];
      if (last_doc[key] != id) {
        last_doc[key] = id;
        ++range[key];
      }
      if (first_seen[key].first == static_cast<DocId>(-1)) first_seen[key] = {id, i};
    }
  }
  std::vector<KeyId> kept;
  for (KeyId key = 0; key < vocabulary; ++key) {
    if (frequency[key] == 0 || frequency[key] < options.min_frequency) continue;
    if (options.skip_stop_words && is_stop_word(corpus.key_text(key))) continue;
    kept.push_back(key);
  }
  list.types = kept.size();
  const auto by_frequency = [&](KeyId a, KeyId b) {
    return frequency[a] != frequency[b] ? frequency[a] > frequency[b] : corpus.key_text(a) < corpus.key_text(b);
  };
  const std::size_t first = std::min(options.offset, kept.size());
  const std::size_t end = first + std::min(options.limit, kept.size() - first);
  std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(end), kept.end(), by_frequency);
  for (std::size_t i = first; i < end; ++i) {
    const KeyId key = kept[i];
    const auto [doc, index] = first_seen[key];
    list.rows.push_back({key, token_display_form(corpus, doc, index), frequency[key],
                         list.tokens ? 1e6 * static_cast<double>(frequency[key]) / static_cast<double>(list.tokens) : 0.0,
                         range[key]});
  }
  return list;
}

}  // namespace textx
