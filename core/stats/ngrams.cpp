#include "core/stats/ngrams.hpp"

#include <algorithm>
#include <cstdint>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/stats/frequency.hpp"

namespace textx {
namespace {

// How n-grams are counted exactly without storing them: the n-gram starting at a token is named by a dense
// id, built size by size from the id of its (n-1)-word prefix and its last word's key. The pair fits in 64
// bits, so a hash table of pairs gives each distinct n-gram one id with no collisions to resolve. An n-gram
// whose prefix occurs once occurs once itself: such tokens are marked kUnique and never hashed again, which
// keeps the work for long n-grams small on real text.
constexpr std::uint32_t kNone = 0xFFFFFFFF;    // no n-gram of this size starts at this token
constexpr std::uint32_t kUnique = 0xFFFFFFFE;  // the n-gram starting here occurs nowhere else

// Dense ids for (prefix id, key) pairs: open addressing with linear probing, at most half full.
class PairIds {
 public:
  PairIds() { rehash(1u << 12); }

  // The id of `pair`, a new one (the next integer) when it was not seen before.
  std::uint32_t intern(std::uint64_t pair, bool& added) {
    std::size_t slot = slot_of(pair);
    while (pairs_[slot] != kEmpty) {
      if (pairs_[slot] == pair) {
        added = false;
        return ids_[slot];
      }
      slot = (slot + 1) & mask_;
    }
    added = true;
    const auto id = static_cast<std::uint32_t>(count_++);
    pairs_[slot] = pair;
    ids_[slot] = id;
    if (2 * count_ > pairs_.size()) rehash(2 * pairs_.size());
    return id;
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // no pair: prefix ids stay below kUnique

  std::size_t slot_of(std::uint64_t pair) const { return (pair * 0x9E3779B97F4A7C15ull) >> shift_; }

  void rehash(std::size_t slots) {
    std::vector<std::uint64_t> pairs(slots, kEmpty);
    std::vector<std::uint32_t> ids(slots);
    pairs.swap(pairs_);
    ids.swap(ids_);
    mask_ = slots - 1;
    shift_ = 64;
    for (std::size_t s = slots; s > 1; s >>= 1) --shift_;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i] == kEmpty) continue;
      std::size_t slot = slot_of(pairs[i]);
      while (pairs_[slot] != kEmpty) slot = (slot + 1) & mask_;
      pairs_[slot] = pairs[i];
      ids_[slot] = ids[i];
    }
  }

  std::vector<std::uint64_t> pairs_;
  std::vector<std::uint32_t> ids_;
  std::size_t count_ = 0;
  std::size_t mask_ = 0;
  int shift_ = 64;
};

// A document being counted: its tokens and where they begin in the per-token arrays.
struct CountedDocument {
  DocId id = 0;
  TokenSpan tokens;
  std::size_t base = 0;
};

// An n-gram passing the filters: where it first occurs (document index in the counted list, token) and its
// counts.
struct Candidate {
  std::uint32_t doc = 0;
  std::uint32_t first = 0;
  std::uint32_t frequency = 0;
  std::uint32_t range = 0;
  std::uint32_t size = 0;
};

// Per token: how many tokens from it to the end of its sentence, itself included, at most kMaxNgramSize (to
// the end of the document with `cross_sentences`). A token belongs to the last sentence starting at or
// before it.
void fill_room(const Document& doc, TokenSpan tokens, bool cross_sentences, std::uint8_t* room) {
  const std::size_t n = tokens.size();
  // Sentence index of each token, by walking tokens and sentences together.
  std::vector<std::uint32_t> sentence(n, 0);
  if (!cross_sentences) {
    std::size_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
      while (s + 1 < doc.sentences.size() && doc.sentences[s + 1].start <= tokens.starts[i]) ++s;
      sentence[i] = static_cast<std::uint32_t>(s);
    }
  }
  std::size_t run = 0;
  for (std::size_t i = n; i-- > 0;) {
    run = (i + 1 < n && sentence[i + 1] == sentence[i]) ? run + 1 : 1;
    room[i] = static_cast<std::uint8_t>(std::min(run, kMaxNgramSize));
  }
}

Error size_error(const NgramOptions& options) {
  if (options.min_size > options.max_size && options.min_size <= kMaxNgramSize && options.max_size >= kMinNgramSize)
    return Error{"options.size", "The shortest n-gram size (" + std::to_string(options.min_size) +
                                     ") is larger than the longest (" + std::to_string(options.max_size) + ")."};
  const std::size_t wrong = options.min_size < kMinNgramSize || options.min_size > kMaxNgramSize ? options.min_size
                                                                                                 : options.max_size;
  return Error{"options.size", "N-grams are " + std::to_string(kMinNgramSize) + " to " + std::to_string(kMaxNgramSize) +
                                   " words long; " + std::to_string(wrong) + " is out of range."};
}

}  // namespace

Result<NgramList> ngram_list(const Corpus& corpus, const NgramOptions& options) {
  if (options.min_size < kMinNgramSize || options.max_size > kMaxNgramSize || options.min_size > options.max_size)
    return size_error(options);
  NgramList list;
  list.query = options.query;

  // Which documents count, and with a query, the matches an n-gram must hold.
  std::vector<bool> allowed(corpus.document_count(), false);
  std::vector<QueryMatch> matches;
  if (options.query.empty()) {
    for (DocId id = 0; id < corpus.document_count(); ++id) allowed[id] = !corpus.document(id).removed;
  } else {
    Result<Query> query = parse_query(options.query);
    if (!query.ok()) return query.error();
    Result<std::vector<QueryMatch>> found = find_matches(corpus, query.value(), options.match);
    if (!found.ok()) return found.error();
    matches = std::move(found.value());
    allowed = allowed_documents(corpus, query.value().filter);
  }
  std::vector<CountedDocument> docs;
  std::size_t positions = 0;
  std::size_t next_match = 0;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (!allowed[id]) continue;
    const TokenSpan tokens = corpus.tokens(id);
    list.tokens += tokens.size();
    // With a query, documents without a match hold no n-gram to count.
    const std::size_t doc_matches = next_match;
    while (next_match < matches.size() && matches[next_match].doc == id) ++next_match;
    if (!options.query.empty() && next_match == doc_matches) continue;
    docs.push_back({id, tokens, positions});
    positions += tokens.size();
  }

  // Per token: room left in its sentence, and with a query the end of the earliest match starting at or after
  // it (an n-gram [i, i + n) holds a match when that end is at most i + n).
  std::vector<std::uint8_t> room(positions);
  std::vector<std::uint32_t> match_end;
  if (!options.query.empty()) match_end.assign(positions, kNone);
  next_match = 0;
  for (const CountedDocument& doc : docs) {
    fill_room(corpus.document(doc.id), doc.tokens, options.cross_sentences, room.data() + doc.base);
    if (options.query.empty()) continue;
    while (matches[next_match].doc != doc.id) ++next_match;
    std::size_t last = next_match;
    while (last < matches.size() && matches[last].doc == doc.id) ++last;
    std::uint32_t earliest = kNone;
    std::size_t m = last;
    for (std::size_t i = doc.tokens.size(); i-- > 0;) {
      while (m > next_match && matches[m - 1].first >= i) {
        --m;
        earliest = std::min(earliest, matches[m].first + matches[m].length);
      }
      match_end[doc.base + i] = earliest;
    }
    next_match = last;
  }
  const auto holds_match = [&](std::size_t global, std::size_t local, std::size_t size) {
    return match_end.empty() || match_end[global] <= local + size;
  };

  std::vector<bool> stop_word;
  if (options.skip_stop_words) {
    stop_word.resize(corpus.vocabulary_size());
    for (KeyId key = 0; key < corpus.vocabulary_size(); ++key) stop_word[key] = is_stop_word(corpus.key_text(key));
  }
  const auto passes_stop_words = [&](const CountedDocument& doc, std::size_t first, std::size_t size) {
    return !options.skip_stop_words || (!stop_word[doc.tokens.keys[first]] && !stop_word[doc.tokens.keys[first + size - 1]]);
  };

  // The best offset + limit candidates, kept in a buffer trimmed now and then: order by frequency, then word by
  // word by key rank (a shorter n-gram before its extensions).
  const std::vector<std::uint32_t>& ranks = corpus.key_ranks();
  const auto better = [&](const Candidate& a, const Candidate& b) {
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    const KeyId* ka = docs[a.doc].tokens.keys.data() + a.first;
    const KeyId* kb = docs[b.doc].tokens.keys.data() + b.first;
    for (std::uint32_t j = 0; j < std::min(a.size, b.size); ++j)
      if (ka[j] != kb[j]) return ranks[ka[j]] < ranks[kb[j]];
    return a.size < b.size;
  };
  const std::size_t wanted = options.limit > std::numeric_limits<std::size_t>::max() - options.offset
                                 ? std::numeric_limits<std::size_t>::max()
                                 : options.offset + options.limit;
  std::vector<Candidate> kept;
  const auto consider = [&](const Candidate& candidate) {
    ++list.total;
    if (wanted == 0) return;
    kept.push_back(candidate);
    if (kept.size() >= (1u << 16) && wanted <= kept.size() / 2) {
      std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(wanted), kept.end(), better);
      kept.resize(wanted);
    }
  };
  const std::size_t min_frequency = std::max<std::size_t>(options.min_frequency, 1);
  const bool unique_ones_pass = min_frequency <= 1 && options.min_range <= 1;

  // Size 1: the ids are the keys themselves.
  std::vector<std::uint32_t> id(positions);
  std::vector<std::uint32_t> prefix_count(corpus.vocabulary_size(), 0);
  for (const CountedDocument& doc : docs) {
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      id[doc.base + i] = doc.tokens.keys[i];
      ++prefix_count[doc.tokens.keys[i]];
    }
  }
  for (std::size_t size = 2; size <= options.max_size; ++size) {
    const bool report = size >= options.min_size;
    PairIds pair_ids;
    std::vector<std::uint32_t> occurrences;                 // per id, every occurrence (for the next size)
    std::vector<std::uint32_t> frequency, range, last_doc;  // per id, occurrences counted (holding a match)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> first;  // per id, first counted occurrence
    for (std::uint32_t d = 0; d < docs.size(); ++d) {
      const CountedDocument& doc = docs[d];
      for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        const std::size_t g = doc.base + i;
        std::uint32_t current = id[g];
        if (current == kNone) continue;
        if (room[g] < size) {
          id[g] = kNone;
          continue;
        }
        if (current == kUnique || prefix_count[current] == 1) {
          id[g] = kUnique;
          if (report && unique_ones_pass && holds_match(g, i, size) && passes_stop_words(doc, i, size))
            consider({d, static_cast<std::uint32_t>(i), 1, 1, static_cast<std::uint32_t>(size)});
          continue;
        }
        bool added = false;
        current = pair_ids.intern((std::uint64_t{current} << 32) | doc.tokens.keys[i + size - 1], added);
        id[g] = current;
        if (added) {
          occurrences.push_back(0);
          if (report) {
            frequency.push_back(0);
            range.push_back(0);
            last_doc.push_back(kNone);
            first.emplace_back(0, 0);
          }
        }
        ++occurrences[current];
        if (!report || !holds_match(g, i, size)) continue;
        if (frequency[current]++ == 0) first[current] = {d, static_cast<std::uint32_t>(i)};
        if (last_doc[current] != d) {
          last_doc[current] = d;
          ++range[current];
        }
      }
    }
    if (report) {
      for (std::uint32_t n = 0; n < frequency.size(); ++n) {
        if (frequency[n] < min_frequency || range[n] < options.min_range) continue;
        const auto [d, i] = first[n];
        if (!passes_stop_words(docs[d], i, size)) continue;
        consider({d, i, frequency[n], range[n], static_cast<std::uint32_t>(size)});
      }
    }
    prefix_count = std::move(occurrences);
  }

  std::sort(kept.begin(), kept.end(), better);
  const std::size_t begin = std::min(options.offset, kept.size());
  const std::size_t end = begin + std::min(options.limit, kept.size() - begin);
  for (std::size_t r = begin; r < end; ++r) {
    const Candidate& c = kept[r];
    const CountedDocument& doc = docs[c.doc];
    NgramRow row;
    for (std::uint32_t j = 0; j < c.size; ++j) {
      row.keys.push_back(doc.tokens.keys[c.first + j]);
      if (j > 0) row.ngram += ' ';
      row.ngram += token_display_form(corpus, doc.id, c.first + j);
    }
    row.frequency = c.frequency;
    row.per_million = list.tokens ? 1e6 * static_cast<double>(c.frequency) / static_cast<double>(list.tokens) : 0.0;
    row.range = c.range;
    list.rows.push_back(std::move(row));
  }
  return list;
}

}  // namespace textx
