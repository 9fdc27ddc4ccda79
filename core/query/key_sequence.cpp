#include "core/query/key_sequence.hpp"

#include <algorithm>
#include <bit>
#include <limits>

#include "core/query/position_bits.hpp"

namespace textx {
namespace {

// A check of one token's key costs a cache miss (about ten times setting a bit as a posting list is walked
// in order): a term is checked token by token when its postings, plus a pass over the bitmap's words,
// outnumber ten times the anchor's candidates, and through a bitmap otherwise.
constexpr std::size_t kRandomCheckCost = 10;
// A token whose form must also be checked costs two more misses (its start, then its text), while its postings
// filtered by class cost about what plain postings do: such a term goes to the bitmap three times as readily.
constexpr std::size_t kFormCheckFactor = 3;

// A page reaching past this many matches of a segment comes from the list of them all (listed once), rather
// than from finding matches in order again for each page.
constexpr std::size_t kListAbove = 4096;

}  // namespace

KeySequenceMatcher::KeySequenceMatcher(const Corpus& corpus, const KeySequence& sequence, const std::vector<bool>& allowed,
                                       MatchOptions match)
    : corpus_(corpus), allowed_(allowed), length_(sequence.size()), forms_(match) {
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i].any) continue;
    Term term;
    term.offset = i;
    term.set = &sequence[i];
    if (term.set->keys.size() > 1) {
      term.key_bits.assign(corpus.vocabulary_size() / 64 + 1, 0);
      for (const KeyId key : term.set->keys) term.key_bits[key >> 6] |= std::uint64_t{1} << (key & 63);
    }
    if (!term.set->surfaces.empty()) {
      term.filtered = true;
      for (std::size_t k = 0; k < term.set->keys.size(); ++k) {
        term.accepted.push_back(forms_.accepted_classes(corpus.key_text(term.set->keys[k]), term.set->surfaces[k]));
        term.selectors.emplace_back(term.accepted.back() | 1u << kOther);
      }
      term.passing.resize(term.set->keys.size());
    }
    terms_.push_back(std::move(term));
  }
  for (const Term& term : terms_)
    if (term.filtered) filtered_.push_back(&term);
}

void KeySequenceMatcher::prepare(const IndexSegment& segment) {
  if (prepared_ == &segment) return;
  prepared_ = &segment;
  listed_ = false;
  plan_ = {};
  starts_.clear();
  all_allowed_ = true;
  for (std::size_t local = 0; local < segment.document_count() && all_allowed_; ++local)
    all_allowed_ = allowed_[segment.document_id(local)];
  for (Term& term : terms_) {
    term.postings = estimate(segment, term);
    term.listed.assign(term.passing.size(), false);
  }
}

// The term's postings in the segment whose class may pass: exact but for the kOther tokens, counted all.
std::size_t KeySequenceMatcher::estimate(const IndexSegment& segment, const Term& term) const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < term.set->keys.size(); ++i) {
    const ClassedPostings list = segment.classed_postings(term.set->keys[i]);
    if (!term.filtered || term.accepted[i] == 0xF) {
      n += list.positions.size();
      continue;
    }
    const ClassCounts counts =
        count_classes(segment.posting_classes(), list.classes_from, list.classes_from + list.positions.size());
    for (unsigned c = 0; c < 4; ++c)
      if (((term.accepted[i] | 1u << kOther) >> c) & 1) n += counts.of[c];
  }
  return n;
}

// Whether the token at segment `position`, of key `key`, has one of the forms `wanted`, read from its text.
// `local` is a document at or before the token's (it only moves forward).
bool KeySequenceMatcher::has_form(const IndexSegment& segment, std::uint32_t position, KeyId key,
                                  const std::vector<std::string>& wanted, std::size_t& local) {
  while (segment.first_token(local + 1) <= position) ++local;
  const std::string_view text = corpus_.document(segment.document_id(local)).text;
  const std::string_view form = forms_.form(text, segment.token_start(position), corpus_.key_text(key).size());
  return std::find(wanted.begin(), wanted.end(), form) != wanted.end();
}

// Whether the token at segment `position`, of the term's i-th key, has one of the forms the term asks for.
bool KeySequenceMatcher::form_passes(const IndexSegment& segment, const Term& term, std::size_t i, std::uint32_t position,
                                     std::size_t& local) {
  return has_form(segment, position, term.set->keys[i], term.set->surfaces[i], local);
}

// Calls take(position) for each posting of the term's i-th key whose form passes, in order, until take
// returns false: by class, the text read only for a token of class kOther.
template <typename Take>
void KeySequenceMatcher::for_each_passing(const IndexSegment& segment, const Term& term, std::size_t i, Take take) {
  const ClassedPostings list = segment.classed_postings(term.set->keys[i]);
  if (!term.filtered || term.accepted[i] == 0xF) {
    for (const std::uint32_t p : list.positions)
      if (!take(p)) return;
    return;
  }
  const unsigned accepted = term.accepted[i];
  std::size_t local = 0;
  term.selectors[i].for_each(segment.posting_classes(), list.classes_from, list.classes_from + list.positions.size(),
                             [&](std::size_t k, SurfaceClass c) {
                               const std::uint32_t p = list.positions[k - list.classes_from];
                               if (((accepted >> c) & 1) == 0 && !form_passes(segment, term, i, p, local)) return true;
                               return take(p);
                             });
}

// The postings of the term's i-th key whose forms pass (listed once per segment when the term has forms).
std::span<const std::uint32_t> KeySequenceMatcher::term_list(const IndexSegment& segment, const Term& term, std::size_t i) {
  if (!term.filtered || term.accepted[i] == 0xF) return segment.postings(term.set->keys[i]);
  if (!term.listed[i]) {
    term.listed[i] = true;
    std::vector<std::uint32_t>& out = term.passing[i];
    out.clear();
    for_each_passing(segment, term, i, [&](std::uint32_t p) {
      out.push_back(p);
      return true;
    });
  }
  return term.passing[i];
}

// How many postings of a one-term sequence pass, in allowed documents.
std::size_t KeySequenceMatcher::count_term(const IndexSegment& segment, const Term& term) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < term.set->keys.size(); ++i) {
    if (!term.filtered || term.accepted[i] == 0xF || !all_allowed_) {
      n += allowed_in(segment, term_list(segment, term, i));
      continue;
    }
    // Every document allowed: the accepted classes counted, and only the kOther tokens read.
    const ClassedPostings list = segment.classed_postings(term.set->keys[i]);
    const std::size_t from = list.classes_from, to = from + list.positions.size();
    const ClassCounts counts = count_classes(segment.posting_classes(), from, to);
    for (unsigned c = 0; c < kOther; ++c)
      if ((term.accepted[i] >> c) & 1) n += counts.of[c];
    if (counts.of[kOther] == 0) continue;
    static const ClassSelector others(1u << kOther);
    std::size_t local = 0;
    others.for_each(segment.posting_classes(), from, to, [&](std::size_t k, SurfaceClass) {
      n += form_passes(segment, term, i, list.positions[k - from], local);
      return true;
    });
  }
  return n;
}

bool KeySequenceMatcher::key_in(const Term& term, KeyId key) const {
  if (term.key_bits.empty()) return !term.set->keys.empty() && key == term.set->keys.front();
  return (term.key_bits[key >> 6] >> (key & 63)) & 1;
}

// Whether the tokens of the match at `start`, whose keys are the terms', have the forms the terms ask for.
// `local` is a document at or before the match's (starts are checked in ascending order, so it only
// moves forward).
bool KeySequenceMatcher::surfaces_pass(const IndexSegment& segment, std::uint32_t start, std::size_t& local,
                                       const std::vector<const Term*>& terms) {
  const PackedKeys keys = segment.all_keys();
  for (const Term* term : terms) {
    const auto position = static_cast<std::uint32_t>(start + term->offset);
    const KeyId key = keys[position];
    const std::vector<KeyId>& set = term->set->keys;
    const auto i = static_cast<std::size_t>(std::lower_bound(set.begin(), set.end(), key) - set.begin());
    if (!term->set->surfaces[i].empty() && !has_form(segment, position, key, term->set->surfaces[i], local)) return false;
  }
  return true;
}

// Sets the bit of each start position the term's postings allow (position minus the term's offset).
void KeySequenceMatcher::set_term_bits(const IndexSegment& segment, const Term& term, std::vector<std::uint64_t>& bits) {
  const auto offset = static_cast<std::uint32_t>(term.offset);
  for (std::size_t i = 0; i < term.set->keys.size(); ++i)
    for_each_passing(segment, term, i, [&](std::uint32_t p) {
      if (p >= offset) set_bit(bits, p - offset);
      return true;
    });
}

// Clears the starts of matches that would leave their document, and those of documents not allowed.
void KeySequenceMatcher::clear_invalid_starts(const IndexSegment& segment, std::vector<std::uint64_t>& bits) const {
  const auto tail = static_cast<std::uint32_t>(length_ - 1);
  for (std::size_t local = 0; local < segment.document_count(); ++local) {
    const std::uint32_t first = segment.first_token(local), end = segment.first_token(local + 1);
    if (!allowed_[segment.document_id(local)]) clear_bits(bits, first, end);
    else clear_bits(bits, end - first >= tail ? end - tail : first, end);
  }
}

// How many of `positions` (ascending segment positions) lie in allowed documents.
std::size_t KeySequenceMatcher::allowed_in(const IndexSegment& segment, std::span<const std::uint32_t> positions) const {
  if (all_allowed_) return positions.size();
  std::size_t n = 0;
  if (positions.size() < segment.document_count()) {
    for (const std::uint32_t p : positions) n += allowed_[segment.document_id(segment.document_of(p))];
    return n;
  }
  auto at = positions.begin();
  for (std::size_t local = 0; local < segment.document_count(); ++local) {
    const auto past = std::lower_bound(at, positions.end(), segment.first_token(local + 1));
    if (allowed_[segment.document_id(local)]) n += static_cast<std::size_t>(past - at);
    at = past;
  }
  return n;
}

std::size_t KeySequenceMatcher::count(const IndexSegment& segment) {
  prepare(segment);
  if (segment.token_count() == 0) return 0;
  if (length_ > 1) return count_sequence(segment);
  return count_term(segment, terms_.front());
}

std::vector<std::uint32_t> KeySequenceMatcher::starts(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  prepare(segment);
  if (segment.token_count() == 0) return {};
  if (length_ == 1) return term_starts(segment, from, limit);
  return sequence_starts(segment, from, limit);
}

void KeySequenceMatcher::set_starts(const IndexSegment& segment, std::vector<std::uint64_t>& bits) {
  prepare(segment);
  if (segment.token_count() == 0) return;
  if (length_ == 1) {
    const Term& term = terms_.front();
    for (std::size_t i = 0; i < term.set->keys.size(); ++i) {
      std::size_t local = 0;
      for (const std::uint32_t p : term_list(segment, term, i)) {
        if (!all_allowed_) {
          while (segment.first_token(local + 1) <= p) ++local;
          if (!allowed_[segment.document_id(local)]) continue;
        }
        set_bit(bits, p);
      }
    }
    return;
  }
  if (listed_) {
    for (const std::uint32_t start : starts_) set_bit(bits, start);
    return;
  }
  plan(segment);
  if (plan_.anchor->postings > 0 && plan_.bitmap && plan_.anchor_in_bitmap && plan_.checked.empty()) {
    for (std::size_t w = 0; w < bits_.size(); ++w) bits[w] |= bits_[w];
    return;
  }
  for_each_match(segment, [&](std::uint32_t start) {
    set_bit(bits, start);
    return true;
  });
}

bool KeySequenceMatcher::matches_at(const IndexSegment& segment, std::uint32_t start) {
  prepare(segment);
  if (start >= segment.token_count()) return false;
  std::size_t local = segment.document_of(start);
  if (!allowed_[segment.document_id(local)] || segment.first_token(local + 1) - start < length_) return false;
  const PackedKeys keys = segment.all_keys();
  for (const Term& term : terms_)
    if (!key_in(term, keys[start + term.offset])) return false;
  return filtered_.empty() || surfaces_pass(segment, start, local, filtered_);
}

// A one-term sequence: the term's postings in allowed documents, [from, from + limit) of them in order.
std::vector<std::uint32_t> KeySequenceMatcher::term_starts(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  const Term& term = terms_.front();
  std::vector<std::uint32_t> out;
  if (term.set->keys.size() == 1) {
    if (term.filtered && all_allowed_ && from < kListAbove && limit < kListAbove && !term.listed[0]) {
      // A first page: the passing postings found in order until it is full, without listing them all.
      for_each_passing(segment, term, 0, [&](std::uint32_t p) {
        if (from > 0) --from;
        else out.push_back(p);
        return out.size() < limit;
      });
      return out;
    }
    const std::span<const std::uint32_t> list = term_list(segment, term, 0);
    if (all_allowed_) {
      const std::size_t begin = std::min(from, list.size());
      return {list.begin() + static_cast<std::ptrdiff_t>(begin),
              list.begin() + static_cast<std::ptrdiff_t>(begin + std::min(limit, list.size() - begin))};
    }
    // Document by document, the allowed ones' postings found by binary search.
    auto at = list.begin();
    for (std::size_t local = 0; local < segment.document_count() && out.size() < limit; ++local) {
      if (!allowed_[segment.document_id(local)]) continue;
      at = std::lower_bound(at, list.end(), segment.first_token(local));
      const auto past = std::lower_bound(at, list.end(), segment.first_token(local + 1));
      const auto n = static_cast<std::size_t>(past - at);
      if (from >= n) {
        from -= n;
      } else {
        const auto take = std::min(limit - out.size(), n - from);
        out.insert(out.end(), at + static_cast<std::ptrdiff_t>(from), at + static_cast<std::ptrdiff_t>(from + take));
        from = 0;
      }
      at = past;
    }
    return out;
  }
  // Several keys: their postings merged through a bitmap, which lists them in order.
  bits_.assign(segment.token_count() / 64 + 1, 0);
  set_term_bits(segment, term, bits_);
  if (!all_allowed_) clear_invalid_starts(segment, bits_);
  list_bits(bits_, from, limit, out);
  return out;
}

// How a sequence of two terms or more is matched in the prepared segment. The anchor is the term with the
// fewest postings, whose postings are the candidates; each other term is checked through a bitmap of the
// start positions its postings allow (the bitmaps ANDed, with the starts that would leave a document, or
// lie in one not allowed, cleared), or token by token when it is much more frequent than the anchor.
// An anchor of several keys goes into the bitmap too, which then lists the candidates in order.
void KeySequenceMatcher::plan(const IndexSegment& segment) {
  if (plan_.ready) return;
  plan_ = {};
  plan_.ready = true;
  plan_.anchor = &*std::min_element(terms_.begin(), terms_.end(),
                                    [](const Term& a, const Term& b) { return a.postings < b.postings; });
  if (plan_.anchor->postings == 0) return;
  const std::size_t tokens = segment.token_count();
  std::vector<const Term*> bitmap_terms;
  plan_.anchor_in_bitmap = plan_.anchor->set->keys.size() > 1;
  if (plan_.anchor_in_bitmap) bitmap_terms.push_back(plan_.anchor);
  for (const Term& term : terms_) {
    if (&term == plan_.anchor) continue;
    const std::size_t check_cost = kRandomCheckCost * (term.filtered ? kFormCheckFactor : 1);
    const bool bitmap = term.postings + tokens / 32 < check_cost * plan_.anchor->postings;
    (bitmap ? bitmap_terms : plan_.checked).push_back(&term);
  }
  std::sort(plan_.checked.begin(), plan_.checked.end(), [](const Term* a, const Term* b) { return a->postings < b->postings; });
  for (const Term* term : plan_.checked)
    if (term->filtered) plan_.checked_forms.push_back(term);
  plan_.bitmap = !bitmap_terms.empty();
  if (!plan_.bitmap) return;
  bits_.assign(tokens / 64 + 1, 0);
  set_term_bits(segment, *bitmap_terms.front(), bits_);
  for (std::size_t t = 1; t < bitmap_terms.size(); ++t) {
    scratch_.assign(bits_.size(), 0);
    set_term_bits(segment, *bitmap_terms[t], scratch_);
    for (std::size_t w = 0; w < bits_.size(); ++w) bits_[w] &= scratch_[w];
  }
  clear_invalid_starts(segment, bits_);
}

// Whether the plan is the common fast one: candidates from one key tested against the bitmap alone.
bool KeySequenceMatcher::bitmap_only() const {
  return plan_.bitmap && !plan_.anchor_in_bitmap && plan_.checked.empty();
}

// The anchor's candidates that can start a match (positions at least its offset).
std::span<const std::uint32_t> KeySequenceMatcher::candidates(const IndexSegment& segment) {
  std::span<const std::uint32_t> list = term_list(segment, *plan_.anchor, 0);
  while (!list.empty() && list.front() < plan_.anchor->offset) list = list.subspan(1);
  return list;
}

// Calls take(start) for each match of the prepared segment in order, until take returns false.
template <typename Take>
void KeySequenceMatcher::for_each_match(const IndexSegment& segment, Take take) {
  plan(segment);
  if (plan_.anchor->postings == 0) return;
  const PackedKeys keys = segment.all_keys();
  std::size_t local_of_forms = 0;
  const auto passes = [&](std::uint32_t start) {
    for (const Term* term : plan_.checked)
      if (!key_in(*term, keys[start + term->offset])) return false;
    return plan_.checked_forms.empty() || surfaces_pass(segment, start, local_of_forms, plan_.checked_forms);
  };
  if (plan_.bitmap && plan_.anchor_in_bitmap) {
    for (std::size_t w = 0; w < bits_.size(); ++w)
      for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1) {
        const auto start = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word)));
        if (passes(start) && !take(start)) return;
      }
    return;
  }
  const auto offset = static_cast<std::uint32_t>(plan_.anchor->offset);
  if (plan_.bitmap) {
    const std::uint64_t* bits = bits_.data();
    for (const std::uint32_t p : candidates(segment)) {
      const std::uint32_t start = p - offset;
      if ((bits[start >> 6] >> (start & 63)) & 1 && passes(start) && !take(start)) return;
    }
    return;
  }
  // No bitmap: walk the anchor's postings along the documents, checking each candidate's bounds.
  const auto length = static_cast<std::uint32_t>(length_);
  std::size_t local = 0;
  std::uint32_t first = segment.first_token(0), end = segment.first_token(1);
  bool allowed = allowed_[segment.document_id(0)];
  for (const std::uint32_t p : term_list(segment, *plan_.anchor, 0)) {
    if (p >= end) {
      do ++local;
      while (segment.first_token(local + 1) <= p);
      first = segment.first_token(local);
      end = segment.first_token(local + 1);
      allowed = allowed_[segment.document_id(local)];
    }
    if (!allowed || p - first < offset) continue;
    const std::uint32_t start = p - offset;
    if (end - start >= length && passes(start) && !take(start)) return;
  }
}

std::size_t KeySequenceMatcher::count_sequence(const IndexSegment& segment) {
  plan(segment);
  if (listed_) return starts_.size();
  if (plan_.bitmap && plan_.anchor_in_bitmap && plan_.checked.empty()) {
    return count_bits(bits_);
  }
  if (!bitmap_only()) return all_starts(segment).size();
  // Without a branch: for frequent words, whether a candidate passes is a coin toss.
  const auto offset = static_cast<std::uint32_t>(plan_.anchor->offset);
  const std::uint64_t* bits = bits_.data();
  std::size_t n = 0;
  for (const std::uint32_t p : candidates(segment)) {
    const std::uint32_t start = p - offset;
    n += (bits[start >> 6] >> (start & 63)) & 1;
  }
  return n;
}

// Every match of the sequence in the segment, ascending, listed once and kept for paging.
const std::vector<std::uint32_t>& KeySequenceMatcher::all_starts(const IndexSegment& segment) {
  if (listed_) return starts_;
  listed_ = true;
  starts_.clear();
  plan(segment);
  if (plan_.anchor->postings > 0 && bitmap_only()) {
    const std::span<const std::uint32_t> list = candidates(segment);
    const auto offset = static_cast<std::uint32_t>(plan_.anchor->offset);
    const std::uint64_t* bits = bits_.data();
    starts_.resize(list.size());
    std::uint32_t* out = starts_.data();
    std::size_t n = 0;
    for (const std::uint32_t p : list) {  // as count_sequence, writing each start and keeping those that pass
      const std::uint32_t start = p - offset;
      out[n] = start;
      n += (bits[start >> 6] >> (start & 63)) & 1;
    }
    starts_.resize(n);
    return starts_;
  }
  if (plan_.anchor->postings > 0 && plan_.bitmap && plan_.anchor_in_bitmap && plan_.checked.empty()) {
    list_bits(bits_, 0, std::numeric_limits<std::size_t>::max(), starts_);
    return starts_;
  }
  for_each_match(segment, [&](std::uint32_t start) {
    starts_.push_back(start);
    return true;
  });
  return starts_;
}

// Matches [from, from + limit) of the segment: from the list when it was made, else found in order until
// the page is full (a first page does not list every match).
std::vector<std::uint32_t> KeySequenceMatcher::sequence_starts(const IndexSegment& segment, std::size_t from,
                                                               std::size_t limit) {
  std::vector<std::uint32_t> out;
  if (limit == 0) return out;
  if (!listed_ && limit < kListAbove && from < kListAbove) {
    for_each_match(segment, [&](std::uint32_t start) {
      if (from > 0) --from;
      else out.push_back(start);
      return out.size() < limit;
    });
    return out;
  }
  const std::vector<std::uint32_t>& all = all_starts(segment);
  const std::size_t begin = std::min(from, all.size());
  out.assign(all.begin() + static_cast<std::ptrdiff_t>(begin),
             all.begin() + static_cast<std::ptrdiff_t>(begin + std::min(limit, all.size() - begin)));
  return out;
}

}  // namespace textx
