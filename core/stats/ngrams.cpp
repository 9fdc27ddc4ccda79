#include "core/stats/ngrams.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/stats/frequency.hpp"

namespace textx {
namespace {

// How n-grams are counted exactly without storing them: token positions are sorted into groups of equal
// n-grams, size by size, as a radix sort over word sequences does. The groups of size n - 1 are split by
// the alphabetical rank of each position's n-th word; each resulting run is one distinct n-gram, its length
// the frequency. A position whose group has one member starts a unique n-gram, and so do its longer
// n-grams: they are counted there and then, and the position leaves the sort. On real text most positions
// leave within a few sizes, so long n-grams cost little; nothing is hashed, so nothing can collide.

// Per token, packed in 32 bits: the alphabetical rank of its key (high bits) and how many tokens from it to
// the end of its sentence, itself included, at most kMaxNgramSize (low bits).
constexpr unsigned kRoomBits = 4;
constexpr std::uint32_t kRoomMask = (1u << kRoomBits) - 1;
constexpr std::size_t kMaxRanks = std::size_t{1} << (32 - kRoomBits);
static_assert(kMaxNgramSize <= kRoomMask);

// Groups at least this large are split by a radix sort on ranks, smaller ones by std::sort.
constexpr std::size_t kRadixGroup = 512;

constexpr std::uint32_t kNoMatch = 0xFFFFFFFF;

constexpr std::size_t kPrefetch = 16;  // positions ahead

// An n-gram passing the filters: its first occurrence (global token position), size and counts.
struct Candidate {
  std::uint32_t first = 0;
  std::uint32_t size = 0;
  std::uint32_t frequency = 0;
  std::uint32_t range = 0;
};

// Fills room (the low bits of `packed`) for one document's tokens: the tokens left in the sentence of each,
// or in the document with `cross_sentences`. A token belongs to the last sentence starting at or before it.
void fill_room(const Document& doc, TokenSpan tokens, bool cross_sentences, std::uint32_t* packed) {
  std::size_t run = 0;
  std::size_t next_sentence = doc.sentences.size();  // first sentence starting after the token after i
  for (std::size_t i = tokens.size(); i-- > 0;) {
    bool same_sentence = i + 1 < tokens.size();
    if (same_sentence && !cross_sentences) {
      // Does a sentence start after token i, at or before token i + 1?
      while (next_sentence > 0 && doc.sentences[next_sentence - 1].start > tokens.starts[i + 1]) --next_sentence;
      same_sentence = next_sentence == 0 || doc.sentences[next_sentence - 1].start <= tokens.starts[i];
    }
    run = same_sentence ? run + 1 : 1;
    packed[i] |= static_cast<std::uint32_t>(std::min(run, kMaxNgramSize));
  }
}

// Sorts `entries` ((rank << 32) | position, positions ascending) by rank, keeping positions ascending within
// a rank: LSD radix over the rank's bits, 11 at a time.
void radix_sort_by_rank(std::vector<std::uint64_t>& entries, std::vector<std::uint64_t>& scratch, unsigned rank_bits) {
  constexpr unsigned kDigit = 11;
  scratch.resize(entries.size());
  for (unsigned shift = 32; shift < 32 + rank_bits; shift += kDigit) {
    std::uint32_t count[1u << kDigit] = {};
    for (const std::uint64_t e : entries) ++count[(e >> shift) & ((1u << kDigit) - 1)];
    std::uint32_t sum = 0;
    for (std::uint32_t& c : count) {
      const std::uint32_t here = c;
      c = sum;
      sum += here;
    }
    for (const std::uint64_t e : entries) scratch[count[(e >> shift) & ((1u << kDigit) - 1)]++] = e;
    entries.swap(scratch);
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

Result<NgramOptions> with_ngram_sizes(NgramOptions options, std::optional<std::size_t> size,
                                      std::optional<std::size_t> min_size, std::optional<std::size_t> max_size) {
  if (size && (min_size || max_size))
    return Error{"options.size", "Give either one n-gram size or a smallest and largest size, not both."};
  if (size) {
    options.min_size = options.max_size = *size;
  } else if (min_size || max_size) {
    options.min_size = min_size.value_or(kMinNgramSize);
    options.max_size = max_size.value_or(kMaxNgramSize);
  }
  return options;
}

Result<NgramList> ngram_list(const Corpus& corpus, const NgramOptions& options) {
  if (options.min_size < kMinNgramSize || options.max_size > kMaxNgramSize || options.min_size > options.max_size)
    return size_error(options);
  if (corpus.vocabulary_size() > kMaxRanks)
    return Error{"corpus.too_large", "The corpus has more than " + std::to_string(kMaxRanks) +
                                         " different words; n-grams cannot be counted over it."};
  NgramList list;
  list.query = options.query;

  // Which documents count, and with a query, the matches an n-gram must hold.
  std::vector<bool> allowed(corpus.document_count(), false);
  std::vector<QueryMatch> matches;
  if (options.query.empty()) {
    for (DocId id = 0; id < corpus.document_count(); ++id) allowed[id] = !corpus.document(id).removed;
  } else {
    Result<QueryHits> hits = find_query_hits(corpus, options.query, options.match);
    if (!hits.ok()) return hits.error();
    matches = std::move(hits.value().matches);
    allowed = std::move(hits.value().documents);
  }
  // The documents counted, one after another in global positions; with a query only those with a match.
  std::vector<DocId> docs;
  std::vector<std::uint32_t> bases;  // first global position of each, then the end
  std::size_t positions = 0;
  for (std::size_t id = 0, next_match = 0; id < corpus.document_count(); ++id) {
    if (!allowed[id]) continue;
    const std::size_t size = corpus.tokens(static_cast<DocId>(id)).size();
    list.tokens += size;
    const std::size_t doc_matches = next_match;
    while (next_match < matches.size() && matches[next_match].doc == id) ++next_match;
    if (!options.query.empty() && next_match == doc_matches) continue;
    if (positions + size >= kNoMatch)
      return Error{"corpus.too_large", "The corpus has too many words to count n-grams over it at once."};
    docs.push_back(static_cast<DocId>(id));
    bases.push_back(static_cast<std::uint32_t>(positions));
    positions += size;
  }
  bases.push_back(static_cast<std::uint32_t>(positions));
  // The document of a position: the one holding the first position of its block of 2^kBlockBits, or one of
  // the few after it (found by binary search between that one and the next block's).
  constexpr unsigned kBlockBits = 8;
  std::vector<std::uint32_t> block_doc((positions >> kBlockBits) + 2, 0);
  for (std::size_t d = 0; d + 1 < bases.size(); ++d)
    for (std::size_t b = (bases[d] + (1u << kBlockBits) - 1) >> kBlockBits; (b << kBlockBits) < bases[d + 1]; ++b)
      block_doc[b] = static_cast<std::uint32_t>(d);
  for (std::size_t b = 1; b < block_doc.size(); ++b)
    if ((b << kBlockBits) >= positions) block_doc[b] = docs.empty() ? 0 : static_cast<std::uint32_t>(docs.size() - 1);
  const auto doc_of = [&](std::uint32_t g) {
    const std::size_t lo = block_doc[g >> kBlockBits], hi = block_doc[(g >> kBlockBits) + 1];
    if (lo == hi || g < bases[lo + 1]) return lo;
    return static_cast<std::size_t>(std::upper_bound(bases.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                                     bases.begin() + static_cast<std::ptrdiff_t>(hi) + 1, g) -
                                    bases.begin() - 1);
  };

  // Per token: rank and room; with a query, the end of the earliest match starting at or after it (an n-gram
  // [g, g + n) holds a match when that end is at most g + n).
  const std::vector<std::uint32_t>& key_ranks = corpus.key_ranks();
  std::vector<std::uint32_t> packed(positions);
  std::vector<std::uint32_t> match_end;
  if (!options.query.empty()) match_end.assign(positions, kNoMatch);
  for (std::size_t d = 0, next_match = 0; d < docs.size(); ++d) {
    const TokenSpan tokens = corpus.tokens(docs[d]);
    std::uint32_t* doc_packed = packed.data() + bases[d];
    for (std::size_t i = 0; i < tokens.size(); ++i) doc_packed[i] = key_ranks[tokens.keys[i]] << kRoomBits;
    fill_room(corpus.document(docs[d]), tokens, options.cross_sentences, doc_packed);
    if (options.query.empty()) continue;
    while (matches[next_match].doc != docs[d]) ++next_match;
    std::size_t last = next_match;
    while (last < matches.size() && matches[last].doc == docs[d]) ++last;
    std::uint32_t earliest = kNoMatch;
    for (std::size_t i = tokens.size(), m = last; i-- > 0;) {
      while (m > next_match && matches[m - 1].first >= i) {
        --m;
        earliest = std::min(earliest, bases[d] + matches[m].first + matches[m].length);
      }
      match_end[bases[d] + i] = earliest;
    }
    next_match = last;
  }
  const auto rank_at = [&](std::uint32_t g) { return packed[g] >> kRoomBits; };
  const auto room_at = [&](std::uint32_t g) { return packed[g] & kRoomMask; };
  const auto holds_match = [&](std::uint32_t g, std::size_t size) { return match_end.empty() || match_end[g] <= g + size; };

  std::vector<bool> stop_rank;  // per rank: a stop word
  if (options.skip_stop_words) {
    stop_rank.resize(corpus.vocabulary_size());
    for (KeyId key = 0; key < corpus.vocabulary_size(); ++key) stop_rank[key_ranks[key]] = is_stop_word(corpus.key_text(key));
  }
  const auto passes_stop_words = [&](std::uint32_t g, std::size_t size) {
    return !options.skip_stop_words || (!stop_rank[rank_at(g)] && !stop_rank[rank_at(static_cast<std::uint32_t>(g + size - 1))]);
  };

  // The best offset + limit candidates, kept in a buffer trimmed now and then; once trimmed, anything not
  // better than the worst kept is turned away at once. Order: frequency, then word by word alphabetically (a
  // shorter n-gram before its extensions).
  const auto better = [&](const Candidate& a, const Candidate& b) {
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    for (std::uint32_t j = 0; j < std::min(a.size, b.size); ++j) {
      const std::uint32_t ra = rank_at(a.first + j), rb = rank_at(b.first + j);
      if (ra != rb) return ra < rb;
    }
    return a.size < b.size;
  };
  const std::size_t wanted = options.limit > std::numeric_limits<std::size_t>::max() - options.offset
                                 ? std::numeric_limits<std::size_t>::max()
                                 : options.offset + options.limit;
  std::vector<Candidate> kept;
  std::optional<Candidate> cutoff;
  const auto consider = [&](const Candidate& candidate) {
    ++list.total;
    if (wanted == 0 || (cutoff && !better(candidate, *cutoff))) return;
    kept.push_back(candidate);
    if (kept.size() >= (1u << 16) && wanted <= kept.size() / 2) {
      std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(wanted - 1), kept.end(), better);
      kept.resize(wanted);
      cutoff = kept.back();
    }
  };
  const std::size_t min_frequency = std::max<std::size_t>(options.min_frequency, 1);
  const bool unique_ones_pass = min_frequency <= 1 && options.min_range <= 1;
  // A position alone in its group from size `size` on: its n-grams of that size and longer occur once.
  const auto unique_from = [&](std::uint32_t g, std::size_t size) {
    if (!unique_ones_pass) return;
    const std::size_t longest = std::min<std::size_t>(room_at(g), options.max_size);
    for (std::size_t n = std::max(size, options.min_size); n <= longest; ++n)
      if (holds_match(g, n) && passes_stop_words(g, n)) consider({g, static_cast<std::uint32_t>(n), 1, 1});
  };

  // Size 1: every position with room for a bigram (and with a query, for one holding a match: the longest
  // n-gram from a position holds every match the shorter ones do), grouped by rank by a counting sort
  // (positions ascending within a group). Groups are runs of `order` ending at each `group_end`.
  const auto may_start = [&](std::uint32_t g) {
    const std::size_t room = std::min<std::size_t>(room_at(g), options.max_size);
    return room >= 2 && holds_match(g, room);
  };
  std::vector<std::uint32_t> order, group_end;
  {
    std::vector<std::uint32_t> start(corpus.vocabulary_size() + 1, 0);
    for (std::uint32_t g = 0; g < positions; ++g)
      if (may_start(g)) ++start[rank_at(g) + 1];
    for (std::size_t r = 1; r < start.size(); ++r) {
      if (start[r] > 0) group_end.push_back(start[r - 1] + start[r]);
      start[r] += start[r - 1];
    }
    order.resize(start.back());
    for (std::uint32_t g = 0; g < positions; ++g)
      if (may_start(g)) order[start[rank_at(g)]++] = g;
  }
  unsigned rank_bits = 0;
  while ((std::size_t{1} << rank_bits) < corpus.vocabulary_size()) ++rank_bits;

  std::vector<std::uint64_t> entries, scratch;
  for (std::size_t size = 2; size <= options.max_size; ++size) {
    const bool report = size >= options.min_size;
    std::size_t write = 0;  // groups are refined in place: what is kept moves to the front of `order`
    std::vector<std::uint32_t> next_end;
    for (std::size_t group = 0, begin = 0; group < group_end.size(); begin = group_end[group++]) {
      const std::size_t end = group_end[group];
      if (end - begin == 1) {
        unique_from(order[begin], size);
        continue;
      }
      entries.clear();
      for (std::size_t k = begin; k < end; ++k) {
        // The reads of `packed` are scattered over the corpus: ask for them a little ahead (a no-op in wasm).
        if (k + kPrefetch < end) __builtin_prefetch(&packed[order[k + kPrefetch]]);
        const std::uint32_t g = order[k];
        if (room_at(g) >= size) entries.push_back((std::uint64_t{rank_at(static_cast<std::uint32_t>(g + size - 1))} << 32) | g);
      }
      // Often every member goes on with the same word (repeated passages; "the united states of" + "america"):
      // then the group is already in order.
      const bool one_word = std::all_of(entries.begin(), entries.end(),
                                        [&](std::uint64_t e) { return (e >> 32) == (entries.front() >> 32); });
      if (!one_word && entries.size() >= kRadixGroup) radix_sort_by_rank(entries, scratch, rank_bits);
      else if (!one_word) std::sort(entries.begin(), entries.end());
      for (std::size_t run = 0, run_end = 0; run < entries.size(); run = run_end) {
        const std::uint64_t rank = entries[run] >> 32;
        run_end = run + 1;
        while (run_end < entries.size() && (entries[run_end] >> 32) == rank) ++run_end;
        const auto first = static_cast<std::uint32_t>(entries[run]);
        if (run_end - run == 1) {
          unique_from(first, size);
          continue;
        }
        if (report && passes_stop_words(first, size)) {
          // Occurrences (holding a match) and their documents: positions ascend, so documents do too.
          std::uint32_t frequency = 0, range = 0, earliest = 0;
          std::size_t doc = 0, doc_end = 0;
          for (std::size_t k = run; k < run_end; ++k) {
            const auto g = static_cast<std::uint32_t>(entries[k]);
            if (!holds_match(g, size)) continue;
            if (frequency++ == 0) earliest = g;
            if (range == 0 || g >= doc_end) {
              doc = doc_of(g);
              doc_end = bases[doc + 1];
              ++range;
            }
          }
          if (frequency >= min_frequency && range >= options.min_range && frequency > 0)
            consider({earliest, static_cast<std::uint32_t>(size), frequency, range});
        }
        if (size < options.max_size) {
          for (std::size_t k = run; k < run_end; ++k) order[write++] = static_cast<std::uint32_t>(entries[k]);
          next_end.push_back(static_cast<std::uint32_t>(write));
        }
      }
    }
    order.resize(write);
    group_end = std::move(next_end);
  }

  std::sort(kept.begin(), kept.end(), better);
  const std::size_t begin = std::min(options.offset, kept.size());
  const std::size_t end = begin + std::min(options.limit, kept.size() - begin);
  for (std::size_t r = begin; r < end; ++r) {
    const Candidate& c = kept[r];
    const std::size_t d = doc_of(c.first);
    const TokenSpan tokens = corpus.tokens(docs[d]);
    NgramRow row;
    for (std::uint32_t j = 0; j < c.size; ++j) {
      const std::size_t local = c.first - bases[d] + j;
      row.keys.push_back(tokens.keys[local]);
      if (j > 0) row.ngram += ' ';
      row.ngram += token_display_form(corpus, docs[d], local);
    }
    row.frequency = c.frequency;
    row.per_million = list.tokens ? 1e6 * static_cast<double>(c.frequency) / static_cast<double>(list.tokens) : 0.0;
    row.range = c.range;
    list.rows.push_back(std::move(row));
  }
  return list;
}

}  // namespace textx
