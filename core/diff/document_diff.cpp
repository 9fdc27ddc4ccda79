#include "core/diff/document_diff.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/diff/paragraph_alignment.hpp"
#include "core/diff/paragraph_features.hpp"

namespace textx {
namespace {

constexpr std::uint64_t kBaseWordDiffSteps = std::uint64_t{1} << 22;
constexpr std::uint64_t kWordDiffStepsPerToken = 128;
constexpr std::size_t kMinBand = 16;   // paragraphs compared on each side of the expected place, at least
constexpr std::size_t kMaxBand = 128;  // and at most

std::string_view span_text(const Document& doc, TextSpan span) {
  return std::string_view(doc.text).substr(span.start, span.end - span.start);
}

// Where each paragraph of the first document (n of them) is expected in the second (m): interpolated
// between the twins that keep their order (the longest chain increasing on both sides), proportionally
// where there are none.
std::vector<double> expected_places(std::vector<SimilarPair> twins, std::size_t n, std::size_t m) {
  std::sort(twins.begin(), twins.end(), [](const SimilarPair& x, const SimilarPair& y) { return x.a < y.a; });
  std::vector<std::size_t> tails, previous(twins.size());
  for (std::size_t k = 0; k < twins.size(); ++k) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), twins[k].b,
                                     [&](std::size_t t, std::uint32_t b) { return twins[t].b < b; });
    previous[k] = at == tails.begin() ? static_cast<std::size_t>(-1) : *(at - 1);
    if (at == tails.end()) tails.push_back(k);
    else *at = k;
  }
  // Anchors: the chain, with the documents' ends.
  std::vector<std::pair<double, double>> anchors{{-1.0, -1.0}};
  std::vector<std::pair<double, double>> chain;
  for (std::size_t k = tails.empty() ? static_cast<std::size_t>(-1) : tails.back(); k != static_cast<std::size_t>(-1);
       k = previous[k])
    chain.emplace_back(twins[k].a, twins[k].b);
  anchors.insert(anchors.end(), chain.rbegin(), chain.rend());
  anchors.emplace_back(static_cast<double>(n), static_cast<double>(m));
  std::vector<double> places(n);
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (anchors[k + 1].first < static_cast<double>(i)) ++k;
    const auto [a0, b0] = anchors[k];
    const auto [a1, b1] = anchors[k + 1];
    places[i] = b0 + (static_cast<double>(i) - a0) * (b1 - b0) / (a1 - a0);
  }
  return places;
}

// Candidate pairs: twins (a paragraph whose text occurs once in each document: that pair is certainly the
// best either can have, so neither is searched further), similar paragraphs with words, and identical
// paragraphs without words (a line of asterisks); each marked with whether the texts are the same.
std::vector<SimilarPair> candidate_pairs(const Document& da, const Document& db, const ParagraphFeatures& fa,
                                         const ParagraphFeatures& fb, const std::vector<double>& weights,
                                         const DiffOptions& options) {
  struct Occurrences {
    std::uint32_t a_count = 0, b_count = 0, a = 0, b = 0;
  };
  std::unordered_map<std::uint64_t, Occurrences> by_hash;
  for (std::uint32_t i = 0; i < fa.size(); ++i) {
    Occurrences& o = by_hash[fa.text_hash(i)];
    ++o.a_count;
    o.a = i;
  }
  for (std::uint32_t j = 0; j < fb.size(); ++j) {
    const auto found = by_hash.find(fb.text_hash(j));
    if (found == by_hash.end()) continue;
    ++found->second.b_count;
    found->second.b = j;
  }
  std::vector<SimilarPair> twins;
  std::vector<bool> a_twin(fa.size(), false), b_twin(fb.size(), false);
  for (const auto& [hash, o] : by_hash) {
    if (o.a_count != 1 || o.b_count != 1 ||
        !same_text(span_text(da, da.paragraphs[o.a]), span_text(db, db.paragraphs[o.b]), options.ignore_layout))
      continue;
    twins.push_back({o.a, o.b, 1.0, true});
    a_twin[o.a] = b_twin[o.b] = true;
  }

  SimilaritySearch search;
  search.threshold = std::min(options.min_similarity, options.min_move_similarity);
  search.far_threshold = options.min_move_similarity;
  // Insertions and deletions shift counterparts away from the expected place by up to the difference in
  // length (between twins): widen the band accordingly, within bounds.
  const std::size_t length_difference = fa.size() > fb.size() ? fa.size() - fb.size() : fb.size() - fa.size();
  search.band = std::clamp<std::size_t>(length_difference, kMinBand, kMaxBand);
  search.max_per_paragraph = options.max_candidates;
  search.max_scan = options.max_posting_scan;
  search.expected = expected_places(twins, fa.size(), fb.size());
  search.a_skip = std::move(a_twin);
  search.b_skip = std::move(b_twin);
  std::vector<SimilarPair> pairs = similar_pairs(fa, fb, weights, search);
  pairs.insert(pairs.end(), twins.begin(), twins.end());
  for (SimilarPair& p : pairs)
    p.same_text = fa.text_hash(p.a) == fb.text_hash(p.b) &&
                  same_text(span_text(da, da.paragraphs[p.a]), span_text(db, db.paragraphs[p.b]), options.ignore_layout);

  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> wordless;  // text hash -> paragraphs of b
  for (std::uint32_t j = 0; j < fb.size(); ++j)
    if (fb.words(j) == 0 && !search.b_skip[j]) wordless[fb.text_hash(j)].push_back(j);
  if (wordless.empty()) return pairs;
  const double ratio = fa.size() > 0 ? static_cast<double>(fb.size()) / fa.size() : 0;
  for (std::uint32_t i = 0; i < fa.size(); ++i) {
    if (fa.words(i) != 0 || search.a_skip[i]) continue;
    const auto found = wordless.find(fa.text_hash(i));
    if (found == wordless.end()) continue;
    // The max_candidates nearest the diagonal.
    const std::vector<std::uint32_t>& list = found->second;
    const auto diagonal = static_cast<std::uint32_t>(i * ratio);
    const auto mid = std::lower_bound(list.begin(), list.end(), diagonal);
    auto from = mid - std::min<std::ptrdiff_t>(mid - list.begin(), static_cast<std::ptrdiff_t>(options.max_candidates / 2));
    const auto to = from + std::min<std::ptrdiff_t>(list.end() - from, static_cast<std::ptrdiff_t>(options.max_candidates));
    for (; from != to; ++from)
      if (same_text(span_text(da, da.paragraphs[i]), span_text(db, db.paragraphs[*from]), options.ignore_layout))
        pairs.push_back({i, *from, 1.0, true});
  }
  return pairs;
}

std::vector<TextSpan> gaps_of(const Document& doc) {
  std::vector<TextSpan> gaps;
  gaps.reserve(doc.paragraphs.size() + 1);
  std::uint32_t at = 0;
  for (const TextSpan& p : doc.paragraphs) {
    gaps.push_back({at, p.start});
    at = p.end;
  }
  gaps.push_back({at, static_cast<std::uint32_t>(doc.text.size())});
  return gaps;
}

ParagraphRun run_of(const Document& doc, std::uint32_t first, std::uint32_t count) {
  if (count == 0) {
    const auto at = first < doc.paragraphs.size() ? doc.paragraphs[first].start : static_cast<std::uint32_t>(doc.text.size());
    return {first, 0, {at, at}};
  }
  return {first, count, {doc.paragraphs[first].start, doc.paragraphs[first + count - 1].end}};
}

PairOp op_of(const ParagraphLink& link) {
  if (link.moved) return PairOp::kMoved;
  if (link.b_count > 1) return PairOp::kSplit;
  if (link.a_count > 1) return PairOp::kMerged;
  return link.same_text ? PairOp::kEqual : PairOp::kChanged;
}

}  // namespace

std::string_view pair_op_name(PairOp op) {
  switch (op) {
    case PairOp::kEqual: return "equal";
    case PairOp::kChanged: return "changed";
    case PairOp::kMoved: return "moved";
    case PairOp::kSplit: return "split";
    case PairOp::kMerged: return "merged";
    case PairOp::kInserted: return "inserted";
    case PairOp::kDeleted: return "deleted";
  }
  return "equal";
}

std::optional<Error> check_diff_options(const DiffOptions& options) {
  const auto in_range = [](double t) { return t > 0 && t <= 1; };
  if (!in_range(options.min_similarity) || !in_range(options.min_move_similarity) ||
      !in_range(options.min_part_containment))
    return Error{"options.diff", "The similarity and containment thresholds must be above 0 and at most 1."};
  if (options.max_candidates == 0 || options.max_posting_scan == 0)
    return Error{"options.diff", "The candidate and scan limits of a diff must be at least 1."};
  return std::nullopt;
}

Result<DocumentDiff> diff_documents(const Corpus& corpus, DocId a, DocId b, const DiffOptions& options) {
  for (const DocId id : {a, b})
    if (id >= corpus.document_count() || corpus.document(id).removed)
      return Error{"diff.document", "There is no document number " + std::to_string(id) + " to compare."};
  if (const std::optional<Error> bad = check_diff_options(options)) return *bad;
  const Document& da = corpus.document(a);
  const Document& db = corpus.document(b);

  LocalKeys keys(corpus.vocabulary_size());
  ParagraphFeatures fa(da.text, da.paragraphs, corpus.tokens(a), keys, options.ignore_layout);
  ParagraphFeatures fb(db.text, db.paragraphs, corpus.tokens(b), keys, options.ignore_layout);
  const std::vector<double> weights = rarity_weights(fa, fb, keys.count());
  fa.weigh(weights);
  fb.weigh(weights);
  const std::vector<SimilarPair> candidates = candidate_pairs(da, db, fa, fb, weights, options);
  const std::vector<ParagraphLink> links = align_paragraphs(fa, fb, weights, candidates, options);

  std::vector<std::int32_t> a_link(fa.size(), -1), b_link(fb.size(), -1);
  for (std::size_t id = 0; id < links.size(); ++id) {
    for (std::uint32_t i = 0; i < links[id].a_count; ++i) a_link[links[id].a_first + i] = static_cast<std::int32_t>(id);
    for (std::uint32_t j = 0; j < links[id].b_count; ++j) b_link[links[id].b_first + j] = static_cast<std::int32_t>(id);
  }

  DocumentDiff diff;
  diff.a_gaps = gaps_of(da);
  diff.b_gaps = gaps_of(db);
  DiffBudget budget(options.word_diff_steps != 0
                        ? options.word_diff_steps
                        : kBaseWordDiffSteps + kWordDiffStepsPerToken * (da.token_count + db.token_count));
  const WordDiffOptions word_options{options.ignore_layout, options.semantic_cleanup};
  const auto add_link = [&](const ParagraphLink& link) {
    AlignedPair pair;
    pair.op = op_of(link);
    pair.a = run_of(da, link.a_first, link.a_count);
    pair.b = run_of(db, link.b_first, link.b_count);
    pair.similarity = link.same_text ? 1.0 : link.similarity;
    if (!link.same_text) {
      const std::span<const TextSpan> a_breaks(diff.a_gaps.data() + link.a_first + 1, link.a_count - 1);
      const std::span<const TextSpan> b_breaks(diff.b_gaps.data() + link.b_first + 1, link.b_count - 1);
      pair.words = diff_words(da.text, pair.a.span, db.text, pair.b.span, word_options, budget, a_breaks, b_breaks);
    }
    diff.pairs.push_back(std::move(pair));
  };

  std::vector<const ParagraphLink*> in_order;
  for (const ParagraphLink& link : links)
    if (!link.moved) in_order.push_back(&link);
  std::uint32_t a_from = 0, b_from = 0;
  for (std::size_t k = 0; k <= in_order.size(); ++k) {
    const auto a_to = k < in_order.size() ? in_order[k]->a_first : static_cast<std::uint32_t>(fa.size());
    const auto b_to = k < in_order.size() ? in_order[k]->b_first : static_cast<std::uint32_t>(fb.size());
    for (std::uint32_t i = a_from; i < a_to; ++i)
      if (a_link[i] < 0) diff.pairs.push_back({PairOp::kDeleted, run_of(da, i, 1), run_of(db, b_from, 0), 0.0, {}});
    for (std::uint32_t j = b_from; j < b_to; ++j) {
      if (b_link[j] < 0)
        diff.pairs.push_back({PairOp::kInserted, run_of(da, a_to, 0), run_of(db, j, 1), 0.0, {}});
      else if (links[static_cast<std::size_t>(b_link[j])].moved)
        add_link(links[static_cast<std::size_t>(b_link[j])]);
    }
    if (k < in_order.size()) {
      add_link(*in_order[k]);
      a_from = in_order[k]->a_first + in_order[k]->a_count;
      b_from = in_order[k]->b_first + in_order[k]->b_count;
    }
  }
  diff.word_diff_fell_back = budget.fell_back();
  return diff;
}

}  // namespace textx
