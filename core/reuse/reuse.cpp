#include "core/reuse/reuse.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/reuse/word_forms.hpp"
#include "core/stats/frequency.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"

namespace textx {
namespace {

// Seeds whose diagonals differ by at most kDiagonalStep from the previous one, and by at most
// kMaxDiagonalSpread from the first, are one candidate region; within it, seeds more than kMaxSeedGap
// source tokens apart start a new one. Windows reach kWindowPad tokens beyond the seeds, and the band
// kBandMargin diagonals beyond theirs: room for the words around a shared passage, and for small shifts.
constexpr std::int64_t kDiagonalStep = 8;
constexpr std::int64_t kMaxDiagonalSpread = 32;
constexpr std::int64_t kMaxSeedGap = 24;
constexpr std::int64_t kWindowPad = 16;
constexpr std::int64_t kBandMargin = 8;
// Corpus-wide bounds: every region of the State of the Union corpus (267,415) fits, in ~0.5 s natively.
constexpr std::size_t kMaxRegionsCorpusWide = std::size_t{1} << 19;
// Alignment cells one search may fill in all: about a quarter of a second natively for one passage, a
// second corpus-wide.
constexpr std::size_t kMaxPassageCells = std::size_t{1} << 26;
constexpr std::size_t kMaxCorpusWideCells = std::size_t{1} << 28;

constexpr std::uint32_t kQuerySource = 0xFFFFFFFFu;  // source "document" of a query text

// Where shingle words recur: source tokens [source_pos, source_end) against target token target_pos.
struct Seed {
  std::uint32_t source_doc = 0;  // corpus-wide: the source document; otherwise unused
  std::uint32_t target_doc = 0;
  std::uint32_t source_pos = 0;
  std::uint32_t source_end = 0;
  std::uint32_t target_pos = 0;
  std::int64_t diagonal() const { return static_cast<std::int64_t>(target_pos) - source_pos; }
};

// A candidate region: seeds of one (source, target) pair close in diagonal and along the source; their
// source extent, diagonals, first target token and number.
struct Region {
  std::uint32_t source_doc = 0, target_doc = 0;
  std::int64_t source_begin = 0, source_end = 0;
  std::int64_t diagonal_low = 0, diagonal_high = 0;
  std::int64_t first_target = 0;
  std::size_t seeds = 0;
};

AlignToken corpus_token(const ShingleIndex& index, KeyId key) { return {key, index.form_of(key), index.is_stop(key)}; }

std::vector<AlignToken> corpus_window(const ShingleIndex& index, const TokenSpan& tokens, std::int64_t begin,
                                      std::int64_t end) {
  std::vector<AlignToken> out;
  out.reserve(static_cast<std::size_t>(end - begin));
  for (std::int64_t t = begin; t < end; ++t) out.push_back(corpus_token(index, tokens.keys[static_cast<std::size_t>(t)]));
  return out;
}

// Groups seeds (sorted by pair, then diagonal) into regions.
std::vector<Region> group_seeds(std::vector<Seed>& seeds) {
  std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) {
    if (a.source_doc != b.source_doc) return a.source_doc < b.source_doc;
    if (a.target_doc != b.target_doc) return a.target_doc < b.target_doc;
    if (a.diagonal() != b.diagonal()) return a.diagonal() < b.diagonal();
    return a.source_pos < b.source_pos;
  });
  std::vector<Region> regions;
  std::size_t i = 0;
  while (i < seeds.size()) {
    std::size_t j = i + 1;
    while (j < seeds.size() && seeds[j].source_doc == seeds[i].source_doc && seeds[j].target_doc == seeds[i].target_doc &&
           seeds[j].diagonal() - seeds[j - 1].diagonal() <= kDiagonalStep &&
           seeds[j].diagonal() - seeds[i].diagonal() <= kMaxDiagonalSpread)
      ++j;
    // Within the diagonal group, split along the source where seeds are far apart or the region too long.
    std::sort(seeds.begin() + static_cast<std::ptrdiff_t>(i), seeds.begin() + static_cast<std::ptrdiff_t>(j),
              [](const Seed& a, const Seed& b) { return a.source_pos < b.source_pos; });
    Region region;
    for (std::size_t k = i; k < j; ++k) {
      const Seed& s = seeds[k];
      const bool starts = region.seeds == 0 || static_cast<std::int64_t>(s.source_pos) > region.source_end + kMaxSeedGap ||
                          static_cast<std::int64_t>(s.source_end) - region.source_begin > static_cast<std::int64_t>(kMaxRegionTokens);
      if (starts) {
        if (region.seeds) regions.push_back(region);
        region = {s.source_doc, s.target_doc, s.source_pos, s.source_end, s.diagonal(), s.diagonal(), s.target_pos, 0};
      }
      region.source_end = std::max<std::int64_t>(region.source_end, s.source_end);
      region.diagonal_low = std::min(region.diagonal_low, s.diagonal());
      region.diagonal_high = std::max(region.diagonal_high, s.diagonal());
      region.first_target = std::min<std::int64_t>(region.first_target, s.target_pos);
      ++region.seeds;
    }
    if (region.seeds) regions.push_back(region);
    i = j;
  }
  return regions;
}

// Orders regions by seeds, most first, and keeps the first `most`.
void keep_strongest(std::vector<Region>& regions, std::size_t most, ReuseResult& result) {
  std::stable_sort(regions.begin(), regions.end(), [](const Region& a, const Region& b) { return a.seeds > b.seeds; });
  if (regions.size() > most) {
    regions.resize(most);
    result.truncated = true;
  }
}

// The tokens of a region's source: the query's, or a corpus document's.
struct SourceView {
  std::span<const AlignToken> query;
  TokenSpan document;
  bool is_query = true;
  std::size_t size() const { return is_query ? query.size() : document.size(); }
};

// Byte offsets and paragraphs of tokens [begin, end) of a live document.
ReuseSpan document_span(const Corpus& corpus, DocId doc, std::uint32_t begin, std::uint32_t end) {
  const Document& d = corpus.document(doc);
  ReuseSpan span;
  span.doc = doc;
  span.token_begin = begin;
  span.token_end = end;
  if (begin < end) {
    span.start = corpus.tokens(doc).starts[begin];
    span.end = corpus.token_end(doc, end - 1);
    span.first_paragraph = static_cast<std::uint32_t>(d.paragraph_at(span.start));
    span.last_paragraph = static_cast<std::uint32_t>(d.paragraph_at(span.end - 1));
  }
  return span;
}

// The words of a query text with their byte offsets, for spans over it.
struct QueryText {
  std::vector<WordSpan> words;
};

ReuseSpan text_span(const QueryText& text, std::uint32_t begin, std::uint32_t end) {
  ReuseSpan span;
  span.token_begin = begin;
  span.token_end = end;
  if (begin < end) {
    span.start = text.words[begin].start;
    span.end = text.words[end - 1].end;
  }
  return span;
}

// What the search needs to turn alignments into matches: how to read the source's tokens and offsets.
class Searcher {
 public:
  Searcher(const Corpus& corpus, const ShingleIndex& index, const ReuseOptions& options, std::size_t max_cells)
      : corpus_(corpus), index_(index), options_(options), max_cells_(max_cells) {}

  // Aligns the regions (in order, within the cell budget) and keeps the matches with enough shared words,
  // best first, overlaps removed. `source_of(region)` gives the source's tokens (the query's, or a
  // document's) and `source_span_of(region, begin, end)` a span over tokens [begin, end) of it.
  template <class SourceOf, class SourceSpanOf>
  void align_regions(const std::vector<Region>& regions, SourceOf source_of, SourceSpanOf source_span_of,
                     ReuseResult& result) const {
    std::vector<ReuseMatch> matches;
    std::size_t cells = 0;
    for (const Region& region : regions) {
      const SourceView source = source_of(region);
      const TokenSpan target = corpus_.tokens(region.target_doc);
      const auto source_size = static_cast<std::int64_t>(source.size());
      const auto target_size = static_cast<std::int64_t>(target.size());
      std::int64_t sw_begin = std::max<std::int64_t>(0, region.source_begin - kWindowPad);
      std::int64_t sw_end = std::min(source_size, region.source_end + kWindowPad);
      const std::int64_t d_low = region.diagonal_low - kBandMargin, d_high = region.diagonal_high + kBandMargin;
      std::int64_t tw_begin = std::max<std::int64_t>(0, sw_begin + d_low);
      std::int64_t tw_end = std::min(target_size, sw_end + d_high);
      clip(region, sw_end, tw_begin, tw_end);
      if (sw_begin >= sw_end || tw_begin >= tw_end) continue;
      const auto region_cells = static_cast<std::size_t>((sw_end - sw_begin) * (d_high - d_low + 1));
      if (cells + region_cells > max_cells_) {
        result.truncated = true;
        continue;
      }
      cells += region_cells;
      const std::vector<AlignToken> target_window = corpus_window(index_, target, tw_begin, tw_end);
      const std::vector<AlignToken> source_window =
          source.is_query ? std::vector<AlignToken>(source.query.begin() + sw_begin, source.query.begin() + sw_end)
                          : corpus_window(index_, source.document, sw_begin, sw_end);
      const std::int64_t shift = tw_begin - sw_begin;  // window diagonal = absolute diagonal - shift
      const LocalAlignment a = align_banded(source_window, target_window, d_low - shift, d_high - shift);
      ++result.regions;
      const std::size_t shared = a.exact + a.loose;
      if (shared < options_.min_words || shared == 0) continue;
      ReuseMatch m;
      const auto s0 = static_cast<std::uint32_t>(sw_begin), t0 = static_cast<std::uint32_t>(tw_begin);
      m.source = source_span_of(region, s0 + a.source_begin, s0 + a.source_end);
      m.target = document_span(corpus_, region.target_doc, t0 + a.target_begin, t0 + a.target_end);
      m.shared_words = shared;
      m.exact_words = a.exact;
      m.score = a.score;
      const double lengths = static_cast<double>((a.source_end - a.source_begin) + (a.target_end - a.target_begin));
      m.similarity = (2.0 * static_cast<double>(a.exact) + static_cast<double>(a.loose)) / lengths;
      m.weight = static_cast<double>(shared) * m.similarity;
      for (const MatchedRun& run : a.runs) {
        const ReuseSpan s = source_span_of(region, s0 + run.source_begin, s0 + run.source_end);
        const ReuseSpan t = document_span(corpus_, region.target_doc, t0 + run.target_begin, t0 + run.target_end);
        m.shared.push_back({s.token_begin, s.token_end, s.start, s.end, t.token_begin, t.token_end, t.start, t.end, run.exact});
      }
      matches.push_back(std::move(m));
    }
    rank(matches, result);
  }

  // Restricts windows in the query's own document to stay clear of the query (set_query_span), and the
  // source of a within-document pair to end before its target begins.
  void set_query_span(std::optional<DocId> doc, std::int64_t begin, std::int64_t end) {
    query_doc_ = doc;
    query_begin_ = begin;
    query_end_ = end;
  }

 private:
  void clip(const Region& region, std::int64_t& sw_end, std::int64_t& tw_begin,
            std::int64_t& tw_end) const {
    if (region.source_doc == kQuerySource) {
      if (query_doc_ && region.target_doc == *query_doc_) {
        if (region.first_target < query_begin_) tw_end = std::min(tw_end, query_begin_);
        else tw_begin = std::max(tw_begin, query_end_);
      }
    } else if (region.source_doc == region.target_doc) {
      sw_end = std::min(sw_end, region.first_target);
      tw_begin = std::max(tw_begin, sw_end);
    }
  }

  // Sorts by weight, drops matches overlapping a better one on both sides, applies the limit.
  void rank(std::vector<ReuseMatch>& matches, ReuseResult& result) const {
    std::sort(matches.begin(), matches.end(), [](const ReuseMatch& a, const ReuseMatch& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      if (a.similarity != b.similarity) return a.similarity > b.similarity;
      if (a.target.doc != b.target.doc) return a.target.doc < b.target.doc;
      if (a.target.token_begin != b.target.token_begin) return a.target.token_begin < b.target.token_begin;
      if (a.source.doc != b.source.doc) return a.source.doc < b.source.doc;
      return a.source.token_begin < b.source.token_begin;
    });
    const auto overlap = [](const ReuseSpan& a, const ReuseSpan& b) {
      return a.token_begin < b.token_end && b.token_begin < a.token_end;
    };
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> kept_by_pair;
    std::vector<ReuseMatch> kept;
    for (ReuseMatch& m : matches) {
      auto& same_pair = kept_by_pair[{m.source.doc.value_or(kQuerySource), *m.target.doc}];
      const bool covered = std::any_of(same_pair.begin(), same_pair.end(), [&](std::size_t k) {
        return overlap(kept[k].source, m.source) && overlap(kept[k].target, m.target);
      });
      if (covered) continue;
      same_pair.push_back(kept.size());
      kept.push_back(std::move(m));
    }
    result.total = kept.size();
    if (kept.size() > options_.limit) kept.resize(options_.limit);
    result.matches = std::move(kept);
  }

  const Corpus& corpus_;
  const ShingleIndex& index_;
  const ReuseOptions& options_;
  std::size_t max_cells_;
  std::optional<DocId> query_doc_;
  std::int64_t query_begin_ = 0, query_end_ = 0;
};

// Seeds of a query passage: its shingles looked up, rarest first, within the budgets.
std::vector<Seed> query_seeds(const ShingleIndex& index, std::span<const AlignToken> query, std::optional<DocId> query_doc,
                              std::uint32_t query_begin, const ReuseOptions& options, ReuseResult& result) {
  const std::size_t n = options.shingles.ngram;
  std::vector<std::uint32_t> content;
  for (std::uint32_t t = 0; t < query.size(); ++t)
    if (!query[t].stop) content.push_back(t);
  struct Lookup {
    std::span<const std::uint64_t> occurrences;
    std::uint32_t begin, end;  // source tokens of the shingle
  };
  std::vector<Lookup> lookups;
  std::vector<FormId> forms(n);
  for (std::size_t j = 0; j + n <= content.size(); ++j) {
    ++result.shingles;
    for (std::size_t k = 0; k < n; ++k) forms[k] = query[content[j + k]].form;
    const std::span<const std::uint64_t> occurrences = index.occurrences(ShingleIndex::hash_forms(forms));
    if (occurrences.size() > options.max_occurrences) {
      ++result.skipped_shingles;
      continue;
    }
    if (!occurrences.empty()) lookups.push_back({occurrences, content[j], content[j + n - 1] + 1});
  }
  std::stable_sort(lookups.begin(), lookups.end(),
                   [](const Lookup& a, const Lookup& b) { return a.occurrences.size() < b.occurrences.size(); });
  std::vector<Seed> seeds;
  const std::uint32_t query_end = query_begin + static_cast<std::uint32_t>(query.size());
  for (const Lookup& lookup : lookups) {
    if (seeds.size() + lookup.occurrences.size() > kMaxSeeds) {
      result.truncated = true;
      break;
    }
    for (std::uint64_t entry : lookup.occurrences) {
      const std::uint32_t position = ShingleIndex::position_of(entry);
      const std::size_t k = index.document_at(position);
      const DocId doc = index.document_id(k);
      const std::uint32_t t = position - index.first_token(k);
      if (query_doc && doc == *query_doc && (!options.same_document || (t >= query_begin && t < query_end))) continue;
      seeds.push_back({kQuerySource, doc, lookup.begin, lookup.end, t});
    }
  }
  result.seeds = seeds.size();
  return seeds;
}

// Searches for `query` (tokens of a document's stretch or of a text).
template <class SourceSpanOf>
ReuseResult search_passage(const Corpus& corpus, const ShingleIndex& index, const std::vector<AlignToken>& query,
                           std::optional<DocId> query_doc, std::uint32_t query_begin, const ReuseOptions& options,
                           SourceSpanOf source_span_of) {
  ReuseResult result;
  result.query_words = query.size();
  std::vector<Seed> seeds = query_seeds(index, query, query_doc, query_begin, options, result);
  std::vector<Region> regions = group_seeds(seeds);
  keep_strongest(regions, kMaxRegions, result);
  Searcher searcher(corpus, index, options, kMaxPassageCells);
  searcher.set_query_span(query_doc, query_begin, query_begin + static_cast<std::int64_t>(query.size()));
  searcher.align_regions(
      regions, [&](const Region&) { return SourceView{query, {}, true}; },
      [&](const Region&, std::uint32_t begin, std::uint32_t end) { return source_span_of(begin, end); }, result);
  return result;
}

}  // namespace

std::optional<Error> check_reuse_options(const ReuseOptions& options) {
  if (options.shingles.ngram < kMinNgram || options.shingles.ngram > kMaxNgram)
    return Error{"reuse.options", "The n-gram size must be between " + std::to_string(kMinNgram) + " and " +
                                      std::to_string(kMaxNgram) + " words."};
  if (options.min_words == 0) return Error{"reuse.options", "The least number of shared words must be 1 or more."};
  return std::nullopt;
}

namespace {

// Tokens [begin, end) of paragraph `paragraph` of `doc`, or of the whole document.
Result<std::pair<std::uint32_t, std::uint32_t>> passage_tokens(const Corpus& corpus, DocId doc,
                                                               std::optional<std::size_t> paragraph) {
  if (doc >= corpus.document_count() || corpus.document(doc).removed)
    return Error{"reuse.document", "There is no such document in the corpus."};
  const Document& d = corpus.document(doc);
  const TokenSpan tokens = corpus.tokens(doc);
  if (!paragraph) return std::pair<std::uint32_t, std::uint32_t>{0, static_cast<std::uint32_t>(tokens.size())};
  if (*paragraph >= d.paragraphs.size())
    return Error{"reuse.paragraph", "Document " + d.info.name + " has " + std::to_string(d.paragraphs.size()) +
                                        " paragraphs (numbered from 0); there is no paragraph " +
                                        std::to_string(*paragraph) + "."};
  const TextSpan p = d.paragraphs[*paragraph];
  const auto first = std::lower_bound(tokens.starts.begin(), tokens.starts.end(), p.start);
  const auto last = std::lower_bound(first, tokens.starts.end(), p.end);
  return std::pair<std::uint32_t, std::uint32_t>{static_cast<std::uint32_t>(first - tokens.starts.begin()),
                                                 static_cast<std::uint32_t>(last - tokens.starts.begin())};
}

std::optional<Error> check_search(const Corpus& corpus, const ShingleIndex& index, const ReuseOptions& options) {
  if (auto error = check_reuse_options(options)) return error;
  if (!(options.shingles == index.options()))
    return Error{"reuse.index", "The shingle index was built with other options than the search asks for."};
  if (!index.describes(corpus)) return Error{"reuse.index", "The corpus changed since its shingle index was built."};
  return std::nullopt;
}

}  // namespace

Result<ReuseResult> find_reuse(const Corpus& corpus, const ShingleIndex& index, DocId doc,
                               std::optional<std::size_t> paragraph, const ReuseOptions& options) {
  if (auto error = check_search(corpus, index, options)) return *error;
  const auto range = passage_tokens(corpus, doc, paragraph);
  if (!range.ok()) return range.error();
  // Plain variables, not a structured binding: clang 14 (Emscripten 3.1.6) cannot capture those in lambdas.
  const std::uint32_t begin = range.value().first, end = range.value().second;
  const std::vector<AlignToken> query = corpus_window(index, corpus.tokens(doc), begin, end);
  ReuseResult result = search_passage(corpus, index, query, doc, begin, options, [&](std::uint32_t b, std::uint32_t e) {
    return document_span(corpus, doc, begin + b, begin + e);
  });
  result.query = document_span(corpus, doc, begin, end);
  if (paragraph) {  // the paragraph as a reader sees it, punctuation included
    const TextSpan p = corpus.document(doc).paragraphs[*paragraph];
    result.query->start = p.start;
    result.query->end = p.end;
    result.query->first_paragraph = result.query->last_paragraph = static_cast<std::uint32_t>(*paragraph);
  }
  return result;
}

Result<std::vector<ReuseSeed>> find_reuse_seeds(const Corpus& corpus, const ShingleIndex& index, DocId doc,
                                                std::optional<std::size_t> paragraph, const ReuseOptions& options) {
  if (auto error = check_search(corpus, index, options)) return *error;
  const auto range = passage_tokens(corpus, doc, paragraph);
  if (!range.ok()) return range.error();
  // Plain variables, not a structured binding: clang 14 (Emscripten 3.1.6) cannot capture those in lambdas.
  const std::uint32_t begin = range.value().first, end = range.value().second;
  const std::vector<AlignToken> query = corpus_window(index, corpus.tokens(doc), begin, end);
  ReuseResult unused;
  std::vector<ReuseSeed> seeds;
  for (const Seed& s : query_seeds(index, query, doc, begin, options, unused))
    seeds.push_back({begin + s.source_pos, s.target_doc, s.target_pos});
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

Result<ReuseResult> find_reuse_of_text(const Corpus& corpus, const ShingleIndex& index, std::string_view text,
                                       const ReuseOptions& options) {
  if (auto error = check_search(corpus, index, options)) return *error;
  QueryText query_text{find_words(text)};
  if (query_text.words.empty()) return Error{"reuse.empty", "The passage to look for has no words."};
  std::vector<AlignToken> query;
  query.reserve(query_text.words.size());
  std::string key;
  const auto vocabulary = static_cast<KeyId>(corpus.vocabulary_size());
  for (std::size_t i = 0; i < query_text.words.size(); ++i) {
    const WordSpan w = query_text.words[i];
    key.clear();
    append_key(key, text.substr(w.start, w.end - w.start));
    if (const std::optional<KeyId> known = corpus.find_key(key)) {
      query.push_back(corpus_token(index, *known));
      continue;
    }
    // A word the corpus lacks: a key of its own; its word form may still be a corpus word's.
    const FormId form = index.find_form(options.shingles.word_forms ? word_form(key) : key);
    const auto own = static_cast<std::uint32_t>(i);
    query.push_back({vocabulary + own, form < index.form_count() ? form : static_cast<FormId>(index.form_count()) + own,
                     options.shingles.skip_stop_words && is_stop_word(key)});
  }
  ReuseResult result = search_passage(corpus, index, query, std::nullopt, 0, options,
                                      [&](std::uint32_t b, std::uint32_t e) { return text_span(query_text, b, e); });
  result.query = text_span(query_text, 0, static_cast<std::uint32_t>(query.size()));
  return result;
}

Result<ReuseResult> find_shared_passages(const Corpus& corpus, const ShingleIndex& index, const ReuseOptions& options) {
  if (auto error = check_search(corpus, index, options)) return *error;
  ReuseResult result;
  result.query_words = corpus.token_count();
  // Groups of entries with one fingerprint, rarest first: each pair of occurrences in two documents is a seed.
  const std::span<const std::uint64_t> entries = index.entries();
  struct Group {
    std::size_t begin, size;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i + 1;
    while (j < entries.size() && ShingleIndex::fingerprint_of(entries[j]) == ShingleIndex::fingerprint_of(entries[i])) ++j;
    ++result.shingles;
    if (j - i > options.max_occurrences) ++result.skipped_shingles;
    else if (j - i >= 2) groups.push_back({i, j - i});
    i = j;
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.size < b.size; });
  std::vector<Seed> seeds;
  const auto n = static_cast<std::uint32_t>(options.shingles.ngram);
  for (const Group& g : groups) {
    if (seeds.size() + g.size * (g.size - 1) / 2 > kMaxSeeds) {
      result.truncated = true;
      break;
    }
    for (std::size_t a = g.begin; a < g.begin + g.size; ++a) {
      const std::uint32_t pa = ShingleIndex::position_of(entries[a]);
      const std::size_t ka = index.document_at(pa);
      for (std::size_t b = a + 1; b < g.begin + g.size; ++b) {
        const std::uint32_t pb = ShingleIndex::position_of(entries[b]);
        const std::size_t kb = index.document_at(pb);
        if (ka == kb && !options.same_document) continue;
        const std::uint32_t sa = pa - index.first_token(ka);
        // The shingle ends at least n tokens on (more when stop words lie between): the window pad covers the rest.
        seeds.push_back({index.document_id(ka), index.document_id(kb), sa, sa + n, pb - index.first_token(kb)});
      }
    }
  }
  result.seeds = seeds.size();
  std::vector<Region> regions = group_seeds(seeds);
  keep_strongest(regions, kMaxRegionsCorpusWide, result);
  Searcher searcher(corpus, index, options, kMaxCorpusWideCells);
  searcher.align_regions(
      regions, [&](const Region& region) { return SourceView{{}, corpus.tokens(region.source_doc), false}; },
      [&](const Region& region, std::uint32_t begin, std::uint32_t end) {
        return document_span(corpus, region.source_doc, begin, end);
      },
      result);
  return result;
}

std::optional<DocId> find_document_named(const Corpus& corpus, std::string_view name) {
  for (DocId id = 0; id < corpus.document_count(); ++id)
    if (!corpus.document(id).removed && corpus.document(id).info.name == name) return id;
  return std::nullopt;
}

}  // namespace textx
