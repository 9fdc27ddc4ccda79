#include "core/stats/collocates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/stats/frequency.hpp"

namespace textx {
namespace {

constexpr std::array<std::string_view, 4> kMeasureNames = {"logdice", "ll", "mi", "t"};

double score_of(const AssociationScores& scores, AssociationMeasure measure) {
  switch (measure) {
    case AssociationMeasure::kLogDice: return scores.log_dice;
    case AssociationMeasure::kLogLikelihood: return scores.log_likelihood;
    case AssociationMeasure::kMutualInformation: return scores.mi;
    case AssociationMeasure::kTScore: return scores.t_score;
  }
  return 0;
}

// O ln(O / E), with 0 ln 0 = 0.
double information(double observed, double expected) {
  return observed > 0 ? observed * std::log(observed / expected) : 0.0;
}

// The index of the sentence holding byte `offset`: the last one starting at or before it (0 if none).
std::size_t sentence_at(const Document& doc, std::uint32_t offset) {
  const auto after = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), offset,
                                      [](std::uint32_t o, const TextSpan& s) { return o < s.start; });
  return after == doc.sentences.begin() ? 0 : static_cast<std::size_t>(after - doc.sentences.begin() - 1);
}

// Per token of the document being counted: part of a match, or already counted in a window.
enum TokenState : std::uint8_t { kFree = 0, kMatched = 1, kCounted = 2 };

}  // namespace

AssociationScores association_scores(std::size_t observed, std::size_t span, std::size_t collocate,
                                     std::size_t tokens, std::size_t node) {
  // The contingency table of Evert (2008): rows inside / outside the windows, columns the collocate / any
  // other word.
  const double n = static_cast<double>(tokens);
  const double o11 = static_cast<double>(observed);
  const double r1 = static_cast<double>(span), r2 = n - r1;
  const double c1 = static_cast<double>(collocate), c2 = n - c1;
  const double o12 = r1 - o11, o21 = c1 - o11, o22 = r2 - o21;
  const double e11 = r1 * c1 / n, e12 = r1 * c2 / n, e21 = r2 * c1 / n, e22 = r2 * c2 / n;
  AssociationScores scores;
  scores.expected = e11;
  scores.mi = std::log2(o11 / e11);
  scores.t_score = (o11 - e11) / std::sqrt(o11);
  const double g2 =
      2 * (information(o11, e11) + information(o12, e12) + information(o21, e21) + information(o22, e22));
  scores.log_likelihood = o11 < e11 ? -g2 : g2;
  scores.log_dice = 14 + std::log2(2 * o11 / (static_cast<double>(node) + c1));
  return scores;
}

std::string_view measure_name(AssociationMeasure measure) { return kMeasureNames[static_cast<std::size_t>(measure)]; }

std::optional<AssociationMeasure> parse_measure(std::string_view name) {
  for (std::size_t i = 0; i < kMeasureNames.size(); ++i)
    if (name == kMeasureNames[i]) return static_cast<AssociationMeasure>(i);
  return std::nullopt;
}

Result<CollocateList> collocates(const Corpus& corpus, std::string_view query_text, const CollocateOptions& options) {
  if (options.left > kMaxCollocateWindow || options.right > kMaxCollocateWindow ||
      options.left + options.right == 0)
    return Error{"options.window",
                 "The window runs from 1 to " + std::to_string(kMaxCollocateWindow) + " words on either side (L" +
                     std::to_string(options.left) + " R" + std::to_string(options.right) +
                     " was asked); at least one side must be wider than 0."};
  Result<QueryHits> hits = find_query_hits(corpus, query_text, options.match);
  if (!hits.ok()) return hits.error();
  const std::vector<QueryMatch>& matches = hits.value().matches;
  const std::vector<bool>& allowed = hits.value().documents;

  CollocateList list;
  list.query = std::string(query_text);
  list.left = options.left;
  list.right = options.right;
  list.measure = options.measure;
  list.node_frequency = matches.size();

  // Each word's frequency in the documents counted, and its first occurrence there (how it is shown).
  const std::size_t vocabulary = corpus.vocabulary_size();
  std::vector<std::uint32_t> frequency(vocabulary, 0);
  std::vector<std::pair<DocId, std::uint32_t>> first_seen(vocabulary, {0, 0});
  std::size_t longest = 0;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (!allowed[id]) continue;
    const TokenSpan tokens = corpus.tokens(id);
    list.tokens += tokens.size();
    longest = std::max(longest, tokens.size());
    for (std::uint32_t i = 0; i < tokens.size(); ++i)
      if (frequency[tokens.keys[i]]++ == 0) first_seen[tokens.keys[i]] = {id, i};
  }

  // The windows, document by document: mark the matches' tokens, then count each free token of each window
  // once, for the first match (in text order) whose window holds it.
  std::vector<std::uint32_t> observed(vocabulary, 0), left(vocabulary, 0), right(vocabulary, 0);
  std::vector<KeyId> seen;  // keys with observed > 0
  std::vector<std::uint8_t> state(longest, kFree);
  std::vector<std::uint32_t> touched;
  const auto count = [&](KeyId key, std::vector<std::uint32_t>& side) {
    if (observed[key]++ == 0) seen.push_back(key);
    ++side[key];
    ++list.span;
  };
  for (std::size_t begin = 0, end = 0; begin < matches.size(); begin = end) {
    const DocId id = matches[begin].doc;
    while (end < matches.size() && matches[end].doc == id) ++end;
    const Document& doc = corpus.document(id);
    const TokenSpan tokens = corpus.tokens(id);
    for (std::size_t m = begin; m < end; ++m) {
      for (std::uint32_t i = matches[m].first; i < matches[m].first + matches[m].length; ++i) {
        state[i] = kMatched;
        touched.push_back(i);
      }
    }
    for (std::size_t m = begin; m < end; ++m) {
      const std::uint32_t first = matches[m].first, last = first + matches[m].length - 1;
      // A window stops where the sentence of the match's first (last) word begins (ends).
      std::uint32_t lowest_start = 0, end_offset = static_cast<std::uint32_t>(doc.text.size());
      if (!options.cross_sentences) {
        lowest_start = doc.sentences.empty() ? 0 : doc.sentences[sentence_at(doc, tokens.starts[first])].start;
        const std::size_t s = sentence_at(doc, tokens.starts[last]);
        if (s + 1 < doc.sentences.size()) end_offset = doc.sentences[s + 1].start;
      }
      for (std::uint32_t j = first, step = 0; j > 0 && step < options.left; ++step) {
        --j;
        if (tokens.starts[j] < lowest_start) break;
        if (state[j] != kFree) continue;
        state[j] = kCounted;
        touched.push_back(j);
        count(tokens.keys[j], left);
      }
      for (std::uint32_t j = last + 1, step = 0; j < tokens.size() && step < options.right; ++j, ++step) {
        if (tokens.starts[j] >= end_offset) break;
        if (state[j] != kFree) continue;
        state[j] = kCounted;
        touched.push_back(j);
        count(tokens.keys[j], right);
      }
    }
    for (const std::uint32_t i : touched) state[i] = kFree;
    touched.clear();
  }

  std::vector<CollocateRow> rows;
  for (const KeyId key : seen) {
    if (observed[key] < options.min_frequency) continue;
    if (options.skip_stop_words && is_stop_word(corpus.key_text(key))) continue;
    CollocateRow row;
    row.key = key;
    row.observed = observed[key];
    row.left = left[key];
    row.right = right[key];
    row.frequency = frequency[key];
    row.scores = association_scores(row.observed, list.span, row.frequency, list.tokens, list.node_frequency);
    rows.push_back(std::move(row));
  }
  list.total = rows.size();
  const std::vector<std::uint32_t>& ranks = corpus.key_ranks();
  const auto better = [&](const CollocateRow& a, const CollocateRow& b) {
    const double sa = score_of(a.scores, options.measure), sb = score_of(b.scores, options.measure);
    if (sa != sb) return sa > sb;
    if (a.observed != b.observed) return a.observed > b.observed;
    return ranks[a.key] < ranks[b.key];
  };
  const std::size_t begin = std::min(options.offset, rows.size());
  const std::size_t end = begin + std::min(options.limit, rows.size() - begin);
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(end), rows.end(), better);
  for (std::size_t r = begin; r < end; ++r) {
    rows[r].word = token_display_form(corpus, first_seen[rows[r].key].first, first_seen[rows[r].key].second);
    list.rows.push_back(std::move(rows[r]));
  }
  return list;
}

}  // namespace textx
