#include "core/query/key_sequence.hpp"

#include <algorithm>
#include <bit>
#include <limits>

namespace textx {
namespace {

// A check of one token's key costs a cache miss (about ten times setting a bit as a posting list is walked
// in order): a term is checked token by token when its postings, plus a pass over the bitmap's words,
// outnumber ten times the anchor's candidates, and through a bitmap otherwise.
constexpr std::size_t kRandomCheckCost = 10;

void set_bit(std::vector<std::uint64_t>& bits, std::uint32_t i) { bits[i >> 6] |= std::uint64_t{1} << (i & 63); }

// Clears bits [from, to).
void clear_bits(std::vector<std::uint64_t>& bits, std::uint32_t from, std::uint32_t to) {
  for (; from < to && (from & 63) != 0; ++from) bits[from >> 6] &= ~(std::uint64_t{1} << (from & 63));
  for (; from + 64 <= to; from += 64) bits[from >> 6] = 0;
  for (; from < to; ++from) bits[from >> 6] &= ~(std::uint64_t{1} << (from & 63));
}

// Appends to `out` the positions of the set bits of `bits`, ascending, skipping the first `skip` and taking
// at most `limit`.
void list_bits(const std::vector<std::uint64_t>& bits, std::size_t skip, std::size_t limit, std::vector<std::uint32_t>& out) {
  for (std::size_t w = 0; w < bits.size() && limit > 0; ++w) {
    std::uint64_t word = bits[w];
    const auto n = static_cast<std::size_t>(std::popcount(word));
    if (skip >= n) {
      skip -= n;
      continue;
    }
    for (; word != 0 && limit > 0; word &= word - 1) {
      if (skip > 0) {
        --skip;
        continue;
      }
      out.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
      --limit;
    }
  }
}

}  // namespace

KeySequenceMatcher::KeySequenceMatcher(const Corpus& corpus, const KeySequence& sequence, const std::vector<bool>& allowed)
    : allowed_(allowed), length_(sequence.size()) {
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i].any) continue;
    Term term;
    term.offset = i;
    term.set = &sequence[i];
    if (term.set->keys.size() > 1) {
      term.key_bits.assign(corpus.vocabulary_size() / 64 + 1, 0);
      for (const KeyId key : term.set->keys) term.key_bits[key >> 6] |= std::uint64_t{1} << (key & 63);
    }
    terms_.push_back(std::move(term));
  }
}

void KeySequenceMatcher::prepare(const IndexSegment& segment) {
  if (prepared_ == &segment) return;
  prepared_ = &segment;
  listed_ = false;
  starts_.clear();
  all_allowed_ = true;
  for (std::size_t local = 0; local < segment.document_count() && all_allowed_; ++local)
    all_allowed_ = allowed_[segment.document_id(local)];
  for (Term& term : terms_) {
    term.postings = 0;
    for (const KeyId key : term.set->keys) term.postings += segment.postings(key).size();
  }
}

bool KeySequenceMatcher::key_in(const Term& term, KeyId key) const {
  if (term.key_bits.empty()) return !term.set->keys.empty() && key == term.set->keys.front();
  return (term.key_bits[key >> 6] >> (key & 63)) & 1;
}

// Sets the bit of each start position the term's postings allow (position minus the term's offset).
void KeySequenceMatcher::set_term_bits(const IndexSegment& segment, const Term& term, std::vector<std::uint64_t>& bits) const {
  const auto offset = static_cast<std::uint32_t>(term.offset);
  for (const KeyId key : term.set->keys)
    for (const std::uint32_t p : segment.postings(key))
      if (p >= offset) set_bit(bits, p - offset);
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
  if (length_ > 1) return all_starts(segment).size();
  std::size_t n = 0;
  for (const KeyId key : terms_.front().set->keys) n += allowed_in(segment, segment.postings(key));
  return n;
}

std::vector<std::uint32_t> KeySequenceMatcher::starts(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  prepare(segment);
  if (segment.token_count() == 0) return {};
  if (length_ == 1) return term_starts(segment, from, limit);
  const std::vector<std::uint32_t>& all = all_starts(segment);
  const std::size_t begin = std::min(from, all.size());
  const std::size_t end = begin + std::min(limit, all.size() - begin);
  return {all.begin() + static_cast<std::ptrdiff_t>(begin), all.begin() + static_cast<std::ptrdiff_t>(end)};
}

// A one-term sequence: the term's postings in allowed documents, [from, from + limit) of them in order.
std::vector<std::uint32_t> KeySequenceMatcher::term_starts(const IndexSegment& segment, std::size_t from, std::size_t limit) {
  const Term& term = terms_.front();
  std::vector<std::uint32_t> out;
  if (term.set->keys.size() == 1) {
    const std::span<const std::uint32_t> list = segment.postings(term.set->keys.front());
    if (all_allowed_) {
      const std::size_t begin = std::min(from, list.size());
      return {list.begin() + static_cast<std::ptrdiff_t>(begin),
              list.begin() + static_cast<std::ptrdiff_t>(begin + std::min(limit, list.size() - begin))};
    }
    std::size_t local = 0;
    for (const std::uint32_t p : list) {
      if (out.size() == limit) break;
      while (segment.first_token(local + 1) <= p) ++local;
      if (!allowed_[segment.document_id(local)]) continue;
      if (from > 0) --from;
      else out.push_back(p);
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

// Every match of a sequence of two terms or more in the segment, ascending (kept for paging). The anchor is
// the term with the fewest postings; the other terms are checked through a bitmap of the start positions
// their postings allow (ANDed together, with the starts that would leave a document cleared), or token by
// token when they are much more frequent than the anchor.
const std::vector<std::uint32_t>& KeySequenceMatcher::all_starts(const IndexSegment& segment) {
  if (listed_) return starts_;
  listed_ = true;
  starts_.clear();
  const std::size_t anchor = static_cast<std::size_t>(
      std::min_element(terms_.begin(), terms_.end(), [](const Term& a, const Term& b) { return a.postings < b.postings; }) -
      terms_.begin());
  const Term& anchor_term = terms_[anchor];
  if (anchor_term.postings == 0) return starts_;
  const std::size_t tokens = segment.token_count();
  std::vector<const Term*> bitmap_terms, checked_terms;
  const bool anchor_in_bitmap = anchor_term.set->keys.size() > 1;  // the bitmap lists its postings in order
  if (anchor_in_bitmap) bitmap_terms.push_back(&anchor_term);
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    if (i == anchor) continue;
    const bool bitmap = terms_[i].postings + tokens / 32 < kRandomCheckCost * anchor_term.postings;
    (bitmap ? bitmap_terms : checked_terms).push_back(&terms_[i]);
  }
  std::sort(checked_terms.begin(), checked_terms.end(), [](const Term* a, const Term* b) { return a->postings < b->postings; });
  const PackedKeys keys = segment.all_keys();
  const auto passes = [&](std::uint32_t start) {
    for (const Term* term : checked_terms)
      if (!key_in(*term, keys[start + term->offset])) return false;
    return true;
  };

  if (!bitmap_terms.empty()) {
    bits_.assign(tokens / 64 + 1, 0);
    set_term_bits(segment, *bitmap_terms.front(), bits_);
    for (std::size_t t = 1; t < bitmap_terms.size(); ++t) {
      scratch_.assign(bits_.size(), 0);
      set_term_bits(segment, *bitmap_terms[t], scratch_);
      for (std::size_t w = 0; w < bits_.size(); ++w) bits_[w] &= scratch_[w];
    }
    clear_invalid_starts(segment, bits_);
    if (anchor_in_bitmap) {
      std::vector<std::uint32_t> listed;
      list_bits(bits_, 0, std::numeric_limits<std::size_t>::max(), listed);
      for (const std::uint32_t start : listed)
        if (passes(start)) starts_.push_back(start);
      return starts_;
    }
    const auto offset = static_cast<std::uint32_t>(anchor_term.offset);
    std::span<const std::uint32_t> candidates = segment.postings(anchor_term.set->keys.front());
    while (!candidates.empty() && candidates.front() < offset) candidates = candidates.subspan(1);  // no start
    starts_.resize(candidates.size());
    std::uint32_t* out = starts_.data();
    const std::uint64_t* bits = bits_.data();
    std::size_t n = 0;
    if (checked_terms.empty()) {
      // Without a branch: for frequent words, whether a candidate passes is a coin toss.
      for (const std::uint32_t p : candidates) {
        const std::uint32_t start = p - offset;
        out[n] = start;
        n += (bits[start >> 6] >> (start & 63)) & 1;
      }
    } else {
      for (const std::uint32_t p : candidates) {
        const std::uint32_t start = p - offset;
        if ((bits[start >> 6] >> (start & 63)) & 1 && passes(start)) out[n++] = start;
      }
    }
    starts_.resize(n);
    return starts_;
  }

  // No bitmap: walk the anchor's postings along the documents, checking each candidate's bounds.
  const auto offset = static_cast<std::uint32_t>(anchor_term.offset);
  const auto length = static_cast<std::uint32_t>(length_);
  std::size_t local = 0;
  std::uint32_t first = segment.first_token(0), end = segment.first_token(1);
  bool allowed = allowed_[segment.document_id(0)];
  for (const std::uint32_t p : segment.postings(anchor_term.set->keys.front())) {
    if (p >= end) {
      do ++local;
      while (segment.first_token(local + 1) <= p);
      first = segment.first_token(local);
      end = segment.first_token(local + 1);
      allowed = allowed_[segment.document_id(local)];
    }
    if (!allowed || p - first < offset) continue;
    const std::uint32_t start = p - offset;
    if (end - start >= length && passes(start)) starts_.push_back(start);
  }
  return starts_;
}

}  // namespace textx
