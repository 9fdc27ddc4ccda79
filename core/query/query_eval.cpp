#include "core/query/query_eval.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "core/query/document_filter.hpp"
#include "core/query/key_sequence.hpp"
#include "core/query/key_sequence_near.hpp"
#include "core/query/key_sequence_union.hpp"
#include "core/query/query_parser.hpp"
#include "core/query/strict_form.hpp"
#include "core/query/token_regex.hpp"

namespace textx {
namespace {

// A term ready to test tokens: the keys it accepts, and for a group its compiled alternatives.
struct CompiledTerm {
  QueryTerm::Kind kind = QueryTerm::Kind::kWord;
  std::vector<KeyId> keys;                                 // sorted; kWord, kWildcard, kRegex
  std::string strict_key;                                   // kWord under sensitive matching
  std::vector<std::vector<CompiledTerm>> alternatives;      // kGroup
  std::optional<std::size_t> fixed_length;                  // tokens it spans, when always the same
};

using CompiledSequence = std::vector<CompiledTerm>;

bool is_default(MatchOptions m) { return !m.case_sensitive && !m.diacritic_sensitive; }

std::optional<std::size_t> sequence_length(const CompiledSequence& sequence) {
  std::size_t total = 0;
  for (const CompiledTerm& term : sequence) {
    if (!term.fixed_length) return std::nullopt;
    total += *term.fixed_length;
  }
  return total;
}

Error term_error(const QueryTerm& term, const Error& error) {
  // Point at the term in the query; the engine's own message says where in the expression.
  return Error{error.code, "In \"" + term.text + "\" (character " + std::to_string(term.position + 1) + "): " +
                               error.message};
}

// The vocabulary keys a wildcard or regular expression accepts.
Result<std::vector<KeyId>> expand(const Corpus& corpus, const QueryTerm& term) {
  Result<TokenRegex> regex =
      term.kind == QueryTerm::Kind::kRegex ? TokenRegex::compile(term.text) : TokenRegex::from_wildcard(term.text);
  if (!regex.ok()) return term_error(term, regex.error());
  const TokenRegex& pattern = regex.value();
  const std::string& prefix = pattern.required_prefix();
  std::vector<KeyId> keys;
  for (KeyId key = 0; key < corpus.vocabulary_size(); ++key) {
    const std::string_view text = corpus.key_text(key);
    if (text.substr(0, prefix.size()) != prefix || !pattern.matches(text)) continue;
    if (keys.size() == kMaxExpandedKeys)
      return Error{"query.too_broad", "\"" + term.text + "\" matches more than " + std::to_string(kMaxExpandedKeys) +
                                          " different words; make it more specific."};
    keys.push_back(key);
  }
  return keys;
}

Result<CompiledSequence> compile_sequence(const Corpus& corpus, const std::vector<QueryTerm>& terms, MatchOptions match);

Result<CompiledTerm> compile_term(const Corpus& corpus, const QueryTerm& term, MatchOptions match) {
  CompiledTerm out;
  out.kind = term.kind;
  out.fixed_length = 1;
  switch (term.kind) {
    case QueryTerm::Kind::kWord: {
      if (const std::optional<KeyId> key = corpus.find_key(key_of(term.text))) out.keys.push_back(*key);
      if (!is_default(match)) out.strict_key = key_of(term.text, match);
      break;
    }
    case QueryTerm::Kind::kWildcard:
    case QueryTerm::Kind::kRegex: {
      Result<std::vector<KeyId>> keys = expand(corpus, term);
      if (!keys.ok()) return keys.error();
      out.keys = std::move(keys.value());
      break;
    }
    case QueryTerm::Kind::kAnyWord:
      break;
    case QueryTerm::Kind::kGroup: {
      std::optional<std::size_t> length;
      bool same = true;
      for (const std::vector<QueryTerm>& alternative : term.alternatives) {
        Result<CompiledSequence> compiled = compile_sequence(corpus, alternative, match);
        if (!compiled.ok()) return compiled.error();
        const std::optional<std::size_t> n = sequence_length(compiled.value());
        if (!n || (length && *length != *n)) same = false;
        length = n;
        out.alternatives.push_back(std::move(compiled.value()));
      }
      out.fixed_length = same ? length : std::nullopt;
      break;
    }
  }
  return out;
}

Result<CompiledSequence> compile_sequence(const Corpus& corpus, const std::vector<QueryTerm>& terms, MatchOptions match) {
  CompiledSequence sequence;
  for (const QueryTerm& term : terms) {
    Result<CompiledTerm> compiled = compile_term(corpus, term, match);
    if (!compiled.ok()) return compiled.error();
    sequence.push_back(std::move(compiled.value()));
  }
  return sequence;
}

// Tokens of one document, and what a strict comparison needs.
struct DocumentView {
  const Corpus& corpus;
  DocId doc;
  TokenSpan tokens;
  MatchOptions match;
  StrictForms& forms;
};

bool token_matches(const CompiledTerm& term, const DocumentView& view, std::size_t index) {
  if (term.kind == QueryTerm::Kind::kAnyWord) return true;
  const KeyId key = view.tokens.keys[index];
  if (!std::binary_search(term.keys.begin(), term.keys.end(), key)) return false;
  if (term.kind != QueryTerm::Kind::kWord || is_default(view.match)) return true;
  return view.forms.form(view.corpus.document(view.doc).text, view.tokens.starts[index],
                         view.corpus.key_text(key).size()) == term.strict_key;
}

// A set of token offsets from a match's start. A query spans at most kMaxQueryTerms tokens (each term is one
// token), so every offset where a part of it can end, 0 to 64, fits in two words.
class Offsets {
 public:
  static Offsets just(std::size_t offset) {
    Offsets out;
    out.set(offset);
    return out;
  }
  bool none() const { return (words_[0] | words_[1]) == 0; }
  void set(std::size_t offset) { words_[offset / 64] |= std::uint64_t{1} << (offset % 64); }
  Offsets& operator|=(const Offsets& other) {
    words_[0] |= other.words_[0];
    words_[1] |= other.words_[1];
    return *this;
  }
  // Calls f(offset) for each offset in the set, smallest first, until f returns false.
  template <class F>
  void each(F&& f) const {
    for (std::size_t w = 0; w < 2; ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        if (!f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)))) return;
  }

 private:
  std::uint64_t words_[2] = {0, 0};
};
constexpr std::size_t kMaxOffsets = 128;  // what Offsets holds; a query longer than the parser allows stops there
static_assert(kMaxQueryTerms + 1 <= kMaxOffsets);

// Every offset from `start` where `sequence` can end, begun at any offset in `at`. All the ways to match a
// group are kept side by side, so the work is linear in the query's terms whatever its nesting (trying each
// alternative and then the rest of the query after it, as a backtracking matcher does, takes time
// exponential in the number of groups: `(a|(a a))` twenty times over took seconds per candidate).
Offsets ends_of(const CompiledSequence& sequence, const DocumentView& view, std::size_t start, Offsets at) {
  for (const CompiledTerm& term : sequence) {
    if (at.none()) break;
    Offsets next;
    if (term.kind == QueryTerm::Kind::kGroup) {
      for (const CompiledSequence& alternative : term.alternatives) next |= ends_of(alternative, view, start, at);
    } else {
      at.each([&](std::size_t offset) {
        if (offset + 1 < kMaxOffsets && start + offset < view.tokens.size() && token_matches(term, view, start + offset))
          next.set(offset + 1);
        return true;
      });
    }
    at = next;
  }
  return at;
}

// Where `sequence` starting at token `from` of the document ends (one past its last token): the shortest
// way to match it, or nullopt.
std::optional<std::size_t> match_sequence(const CompiledSequence& sequence, const DocumentView& view, std::size_t from) {
  std::optional<std::size_t> end;
  ends_of(sequence, view, from, Offsets::just(0)).each([&](std::size_t offset) {
    end = from + offset;
    return false;
  });
  return end;
}

// The keys whose occurrences contain every match's first token (nullopt: any token can start a match).
std::optional<std::vector<KeyId>> first_token_keys(const CompiledSequence& sequence) {
  if (sequence.empty()) return std::nullopt;
  const CompiledTerm& t = sequence.front();
  if (t.kind == QueryTerm::Kind::kAnyWord) return std::nullopt;
  if (t.kind != QueryTerm::Kind::kGroup) return t.keys;
  std::vector<KeyId> keys;
  for (const CompiledSequence& alternative : t.alternatives) {
    const std::optional<std::vector<KeyId>> sub = first_token_keys(alternative);
    if (!sub) return std::nullopt;
    keys.insert(keys.end(), sub->begin(), sub->end());
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// The most selective anchor: a term at a fixed token offset from the start whose keys are known, and the
// offset. Falls back to the first term (offset 0); nullopt keys mean every position is a candidate.
struct Anchor {
  std::optional<std::vector<KeyId>> keys;
  std::size_t offset = 0;
};

std::size_t occurrences(const Corpus& corpus, const std::vector<KeyId>& keys) {
  std::size_t n = 0;
  for (const IndexSegment& segment : corpus.segments())
    for (const KeyId key : keys) n += segment.postings(key).size();
  return n;
}

Anchor choose_anchor(const Corpus& corpus, const CompiledSequence& sequence) {
  Anchor best{first_token_keys(sequence), 0};
  std::size_t best_count = best.keys ? occurrences(corpus, *best.keys) : static_cast<std::size_t>(-1);
  std::size_t offset = 0;
  for (const CompiledTerm& term : sequence) {
    if (!term.fixed_length) break;
    if (term.kind == QueryTerm::Kind::kWord || term.kind == QueryTerm::Kind::kWildcard ||
        term.kind == QueryTerm::Kind::kRegex) {
      const std::size_t count = occurrences(corpus, term.keys);
      if (count < best_count) {
        best = {term.keys, offset};
        best_count = count;
      }
    }
    offset += *term.fixed_length;
  }
  return best;
}

// Candidate positions of the anchor in a segment, ascending. Precondition: anchor.keys is set.
std::vector<std::uint32_t> anchor_positions(const IndexSegment& segment, const Anchor& anchor) {
  std::vector<std::uint32_t> positions;
  for (const KeyId key : *anchor.keys) {
    const std::span<const std::uint32_t> list = segment.postings(key);
    positions.insert(positions.end(), list.begin(), list.end());
  }
  if (anchor.keys->size() > 1) std::sort(positions.begin(), positions.end());
  return positions;
}

Error gaps_only() {
  return Error{"query.too_broad", "A query of only * (any word) matches every word of the corpus; add a word to look for."};
}

// A term of one token as a set of keys (with the forms a word matched case- or diacritic-sensitively must
// have), or nullopt for alternatives of several tokens.
std::optional<KeySet> key_set(const CompiledTerm& term, MatchOptions match) {
  switch (term.kind) {
    case QueryTerm::Kind::kWord:
      if (is_default(match) || term.keys.empty()) return KeySet{false, term.keys, {}};
      return KeySet{false, term.keys, {{term.strict_key}}};
    case QueryTerm::Kind::kWildcard:
    case QueryTerm::Kind::kRegex:
      return KeySet{false, term.keys, {}};  // expand() lists keys in ascending order
    case QueryTerm::Kind::kAnyWord:
      return KeySet{true, {}, {}};
    case QueryTerm::Kind::kGroup: {
      // Each alternative's keys, with a form it asks for (nullopt: any form).
      std::vector<std::pair<KeyId, std::optional<std::string>>> entries;
      for (const CompiledSequence& alternative : term.alternatives) {
        if (alternative.size() != 1) return std::nullopt;
        std::optional<KeySet> sub = key_set(alternative.front(), match);
        if (!sub) return std::nullopt;
        if (sub->any) return KeySet{true, {}, {}};
        for (std::size_t i = 0; i < sub->keys.size(); ++i) {
          if (sub->surfaces.empty()) entries.emplace_back(sub->keys[i], std::nullopt);
          else
            for (std::string& form : sub->surfaces[i]) entries.emplace_back(sub->keys[i], std::move(form));
        }
      }
      // Per key: the forms asked for, or none when an alternative takes the key in any form.
      std::sort(entries.begin(), entries.end());
      KeySet out;
      bool forms = false;
      for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i;
        std::vector<std::string> wanted;
        bool any_form = false;
        for (; j < entries.size() && entries[j].first == entries[i].first; ++j) {
          if (!entries[j].second) any_form = true;
          else if (wanted.empty() || wanted.back() != *entries[j].second) wanted.push_back(*entries[j].second);
        }
        if (any_form) wanted.clear();
        forms = forms || !wanted.empty();
        out.keys.push_back(entries[i].first);
        out.surfaces.push_back(std::move(wanted));
        i = j;
      }
      if (!forms) out.surfaces.clear();
      return out;
    }
  }
  return std::nullopt;
}

std::optional<KeySequence> key_sequence(const CompiledSequence& sequence, MatchOptions match) {
  KeySequence out;
  for (const CompiledTerm& term : sequence) {
    std::optional<KeySet> set = key_set(term, match);
    if (!set) return std::nullopt;
    out.push_back(std::move(*set));
  }
  return out;
}

// At most this many key sequences spell out a query's alternatives (beyond, the general evaluation).
constexpr std::size_t kMaxSpelledSequences = 64;

// The key sequences `sequence` stands for, each group of several-token alternatives spelled out, appended
// to every sequence of `out` (which starts as {{}}); false when they would be over kMaxSpelledSequences.
// Their union, the shortest at each start, is what match_sequence finds.
bool spell_out(const CompiledSequence& sequence, MatchOptions match, std::vector<KeySequence>& out) {
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    const CompiledTerm& term = sequence[i];
    if (std::optional<KeySet> set = key_set(term, match)) {
      for (KeySequence& prefix : out) prefix.push_back(*set);
      continue;
    }
    std::vector<KeySequence> grown;
    for (const CompiledSequence& alternative : term.alternatives) {
      std::vector<KeySequence> spelled = out;
      if (!spell_out(alternative, match, spelled)) return false;
      if (grown.size() + spelled.size() > kMaxSpelledSequences) return false;
      grown.insert(grown.end(), std::make_move_iterator(spelled.begin()), std::make_move_iterator(spelled.end()));
    }
    out = std::move(grown);
  }
  return true;
}

// The key sequences of a sequence with groups of several-token alternatives, or nullopt (spell_out), or
// when one of them would be gaps only.
std::optional<std::vector<KeySequence>> spelled_sequences(const CompiledSequence& sequence, MatchOptions match) {
  std::vector<KeySequence> out(1);
  if (!spell_out(sequence, match, out)) return std::nullopt;
  for (const KeySequence& keys : out)
    if (std::all_of(keys.begin(), keys.end(), [](const KeySet& set) { return set.any; })) return std::nullopt;
  return out;
}

// Appends the matches starting at `starts` (ascending positions of `segment`), each `length` tokens long.
void append_matches(const IndexSegment& segment, const std::vector<std::uint32_t>& starts, std::size_t length,
                    std::vector<QueryMatch>& out) {
  std::size_t local = 0;
  for (const std::uint32_t start : starts) {
    while (segment.first_token(local + 1) <= start) ++local;
    out.push_back({segment.document_id(local), start - segment.first_token(local), static_cast<std::uint32_t>(length)});
  }
}

// Matches of one sequence in every allowed document, by document id then position, or an Error when no
// term narrows the search (a query of gaps only would list every word of the corpus).
Result<std::vector<QueryMatch>> sequence_matches(const Corpus& corpus, const CompiledSequence& sequence,
                                                 const std::vector<bool>& allowed, MatchOptions match) {
  const Anchor anchor = choose_anchor(corpus, sequence);
  if (!anchor.keys) return gaps_only();
  std::vector<QueryMatch> matches;
  if (const std::optional<KeySequence> keys = key_sequence(sequence, match)) {
    KeySequenceMatcher matcher(corpus, *keys, allowed, match);
    for (const IndexSegment& segment : corpus.segments())
      append_matches(segment, matcher.starts(segment, 0, std::numeric_limits<std::size_t>::max()), keys->size(), matches);
    return matches;
  }
  StrictForms forms(match);
  for (const IndexSegment& segment : corpus.segments()) {
    std::size_t local = 0;
    for (const std::uint32_t position : anchor_positions(segment, anchor)) {
      while (segment.first_token(local + 1) <= position) ++local;
      const DocId doc = segment.document_id(local);
      if (!allowed[doc] || position - segment.first_token(local) < anchor.offset) continue;
      const std::size_t start = position - segment.first_token(local) - anchor.offset;
      const DocumentView view{corpus, doc, segment.tokens(local), match, forms};
      if (const std::optional<std::size_t> end = match_sequence(sequence, view, start))
        matches.push_back({doc, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(*end - start)});
    }
  }
  // Already in corpus order: segments hold ascending document ids (merges keep their order), and each
  // segment's candidates are ascending positions.
  return matches;
}

// The matches of `first` with a match of `second` within `distance` tokens on either side, each widened to
// cover the nearest such match.
std::vector<QueryMatch> near_matches(const std::vector<QueryMatch>& first, const std::vector<QueryMatch>& second,
                                     std::size_t distance) {
  std::vector<QueryMatch> out;
  std::size_t lo = 0;
  for (const QueryMatch& a : first) {
    const std::int64_t a_start = a.first, a_end = std::int64_t{a.first} + a.length;  // [start, end)
    while (lo < second.size() && (second[lo].doc < a.doc ||
                                  (second[lo].doc == a.doc &&
                                   std::int64_t{second[lo].first} + second[lo].length + std::int64_t(distance) < a_start)))
      ++lo;
    const QueryMatch* nearest = nullptr;
    std::int64_t nearest_gap = 0;
    for (std::size_t i = lo; i < second.size() && second[i].doc == a.doc; ++i) {
      const std::int64_t b_start = second[i].first, b_end = b_start + second[i].length;
      if (b_start > a_end + std::int64_t(distance)) break;
      if (b_start < a_end && b_end > a_start) continue;  // overlapping: the same words, not a neighbour
      const std::int64_t gap = b_start >= a_end ? b_start - a_end : a_start - b_end;
      if (gap <= std::int64_t(distance) && (!nearest || gap < nearest_gap)) {
        nearest = &second[i];
        nearest_gap = gap;
      }
    }
    if (!nearest) continue;
    const std::uint32_t start = std::min(a.first, nearest->first);
    const std::uint32_t end = std::max(a.first + a.length, nearest->first + nearest->length);
    out.push_back({a.doc, start, end - start});
  }
  return out;
}

}  // namespace

namespace {

// Every match of a query whose main sequence is compiled already.
Result<std::vector<QueryMatch>> compiled_matches(const Corpus& corpus, const Query& query, MatchOptions match,
                                                 const CompiledSequence& sequence, const std::vector<bool>& allowed) {
  Result<std::vector<QueryMatch>> matches = sequence_matches(corpus, sequence, allowed, match);
  if (!matches.ok() || !query.near_distance) return matches;
  Result<CompiledSequence> near = compile_sequence(corpus, query.near_sequence, match);
  if (!near.ok()) return near.error();
  Result<std::vector<QueryMatch>> near_side = sequence_matches(corpus, near.value(), allowed, match);
  if (!near_side.ok()) return near_side.error();
  return near_matches(matches.value(), near_side.value(), *query.near_distance);
}

}  // namespace

Result<std::vector<QueryMatch>> find_matches(const Corpus& corpus, const Query& query, MatchOptions match) {
  Result<CompiledSequence> sequence = compile_sequence(corpus, query.sequence, match);
  if (!sequence.ok()) return sequence.error();
  return compiled_matches(corpus, query, match, sequence.value(), allowed_documents(corpus, query.filter));
}

namespace {

// The exact total of a query answered segment by segment, count(segment) matches in each, and its matches
// [offset, offset + limit) from page(segment, from, limit) (SegmentMatch values) of the segments the page
// spans.
template <typename Count, typename Page>
MatchPage page_by_segments(const Corpus& corpus, std::size_t offset, std::size_t limit, Count count, Page page) {
  MatchPage out;
  for (const IndexSegment& segment : corpus.segments()) {
    const std::size_t n = count(segment);
    out.total += n;
    if (offset >= n) {
      offset -= n;
      continue;
    }
    const std::size_t wanted = limit - out.matches.size();
    if (wanted > 0)
      for (const SegmentMatch& m : page(segment, offset, wanted)) {
        const std::size_t local = segment.document_of(m.start);
        out.matches.push_back({segment.document_id(local), m.start - segment.first_token(local), m.length});
      }
    offset = 0;
  }
  return out;
}

std::vector<SegmentMatch> with_length(const std::vector<std::uint32_t>& starts, std::size_t length) {
  std::vector<SegmentMatch> out;
  out.reserve(starts.size());
  for (const std::uint32_t start : starts) out.push_back({start, static_cast<std::uint32_t>(length)});
  return out;
}

}  // namespace

Result<MatchPage> find_match_page(const Corpus& corpus, const Query& query, MatchOptions match, std::size_t offset,
                                  std::size_t limit) {
  Result<CompiledSequence> sequence = compile_sequence(corpus, query.sequence, match);
  if (!sequence.ok()) return sequence.error();
  if (!choose_anchor(corpus, sequence.value()).keys) return gaps_only();
  const std::vector<bool> allowed = allowed_documents(corpus, query.filter);
  const std::optional<KeySequence> keys = key_sequence(sequence.value(), match);
  // NEAR of two key sequences: counted through a bitmap of the second side's starts.
  if (query.near_distance) {
    Result<CompiledSequence> near = compile_sequence(corpus, query.near_sequence, match);
    if (!near.ok()) return near.error();
    if (!choose_anchor(corpus, near.value()).keys) return gaps_only();
    const std::optional<KeySequence> near_keys = key_sequence(near.value(), match);
    if (keys && near_keys) {
      KeySequenceMatcher first(corpus, *keys, allowed, match), second(corpus, *near_keys, allowed, match);
      KeySequenceNear matcher(first, second, *query.near_distance);
      return page_by_segments(
          corpus, offset, limit, [&](const IndexSegment& segment) { return matcher.count(segment); },
          [&](const IndexSegment& segment, std::size_t from, std::size_t n) { return matcher.matches(segment, from, n); });
    }
  } else if (keys) {
    // Phrases of key sets: counted without checking every match token by token.
    KeySequenceMatcher matcher(corpus, *keys, allowed, match);
    return page_by_segments(
        corpus, offset, limit, [&](const IndexSegment& segment) { return matcher.count(segment); },
        [&](const IndexSegment& segment, std::size_t from, std::size_t n) {
          return with_length(matcher.starts(segment, from, n), keys->size());
        });
  } else if (std::optional<std::vector<KeySequence>> spelled = spelled_sequences(sequence.value(), match)) {
    // Alternatives of several tokens: the union of their key sequences.
    KeySequenceUnion matcher(corpus, std::move(*spelled), allowed, match);
    return page_by_segments(
        corpus, offset, limit, [&](const IndexSegment& segment) { return matcher.count(segment); },
        [&](const IndexSegment& segment, std::size_t from, std::size_t n) { return matcher.matches(segment, from, n); });
  }
  // Otherwise every match is listed, then the page cut from them.
  Result<std::vector<QueryMatch>> all = compiled_matches(corpus, query, match, sequence.value(), allowed);
  if (!all.ok()) return all.error();
  MatchPage page;
  page.total = all.value().size();
  const std::size_t from = std::min(offset, page.total);
  const std::size_t to = from + std::min(limit, page.total - from);
  page.matches.assign(all.value().begin() + static_cast<std::ptrdiff_t>(from),
                      all.value().begin() + static_cast<std::ptrdiff_t>(to));
  return page;
}

Result<QueryHits> find_query_hits(const Corpus& corpus, std::string_view text, MatchOptions match) {
  Result<Query> query = parse_query(text);
  if (!query.ok()) return query.error();
  Result<std::vector<QueryMatch>> found = find_matches(corpus, query.value(), match);
  if (!found.ok()) return found.error();
  return QueryHits{std::move(found.value()), allowed_documents(corpus, query.value().filter)};
}

}  // namespace textx
