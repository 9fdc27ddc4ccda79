#pragma once
// Phrases of key sets: queries whose every term is one token with a key from a set (a word under default
// matching, a wildcard, a regular expression, the gap *, or alternatives of such). Their matches need no
// token-by-token check of each candidate: a one-term phrase is counted from posting-list lengths and paged
// from its first postings; a longer one is found by combining posting lists with bitmaps over a segment's
// positions, so `the * of` costs a few passes over postings rather than a check per candidate. A term with
// case- or diacritic-sensitive forms filters its keys' postings by the surface class stored beside each
// (surface_class.hpp), in order, reading the text of a token only when its class does not decide; a term
// checked token by token (much more frequent than the rarest) reads each candidate's text.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/strict_form.hpp"

namespace textx {

// One term: any token, or a token whose key is in `keys` (sorted, unique; empty matches nothing). Under
// case- or diacritic-sensitive matching, a token of keys[i] must also have one of the forms surfaces[i]
// (strict_form.hpp; an empty list: any form); no `surfaces` at all: any form of every key.
struct KeySet {
  bool any = false;
  std::vector<KeyId> keys;
  std::vector<std::vector<std::string>> surfaces;  // empty, or one list per key
};

using KeySequence = std::vector<KeySet>;

// A match within a segment: tokens [start, start + length) of the segment.
struct SegmentMatch {
  std::uint32_t start = 0;
  std::uint32_t length = 0;
};

// The matches of a key sequence in the documents a filter allows, segment by segment.
// Preconditions: the sequence has a term that is not `any`; `allowed` has an entry per document id; both
// outlive the matcher. `match` is what the sequence's surfaces are compared under.
class KeySequenceMatcher {
 public:
  KeySequenceMatcher(const Corpus& corpus, const KeySequence& sequence, const std::vector<bool>& allowed,
                     MatchOptions match = {});

  // Tokens in each match.
  std::size_t length() const { return length_; }
  // How many matches `segment` holds.
  std::size_t count(const IndexSegment& segment);
  // The start positions (segment token positions) of the segment's matches [from, from + limit), ascending.
  std::vector<std::uint32_t> starts(const IndexSegment& segment, std::size_t from, std::size_t limit);
  // Sets the bit of each match's start in `bits` (a bit per segment position: token_count() / 64 + 1 words).
  void set_starts(const IndexSegment& segment, std::vector<std::uint64_t>& bits);
  // Whether a match starts at segment position `start`.
  bool matches_at(const IndexSegment& segment, std::uint32_t start);

 private:
  struct Term {
    std::size_t offset = 0;     // tokens after the match's start
    const KeySet* set = nullptr;
    std::size_t postings = 0;   // occurrences of its keys in the current segment
    std::vector<std::uint64_t> key_bits;  // the keys as a bitset over the vocabulary, when more than one
    bool filtered = false;                // some key asks for forms
    std::vector<unsigned> accepted;       // per key (when filtered): StrictForms::accepted_classes
    // Per key (when filtered), its postings whose forms pass, listed for the prepared segment when needed.
    mutable std::vector<std::vector<std::uint32_t>> passing;
    mutable std::vector<bool> listed;
    std::vector<ClassSelector> selectors;  // per key (when filtered): its accepted classes and kOther
  };

  struct Plan {
    bool ready = false;
    const Term* anchor = nullptr;        // the term whose postings are the candidates
    bool bitmap = false;                 // bits_ holds the starts the bitmap terms allow
    bool anchor_in_bitmap = false;       // the anchor is one of them (it has several keys)
    std::vector<const Term*> checked;    // terms checked token by token, rarest first
    std::vector<const Term*> checked_forms;  // those of them with forms to check
  };

  void prepare(const IndexSegment& segment);
  void plan(const IndexSegment& segment);
  bool bitmap_only() const;
  std::span<const std::uint32_t> candidates(const IndexSegment& segment);
  template <typename Take>
  void for_each_match(const IndexSegment& segment, Take take);
  std::size_t count_sequence(const IndexSegment& segment);
  const std::vector<std::uint32_t>& all_starts(const IndexSegment& segment);
  std::vector<std::uint32_t> sequence_starts(const IndexSegment& segment, std::size_t from, std::size_t limit);
  std::vector<std::uint32_t> term_starts(const IndexSegment& segment, std::size_t from, std::size_t limit);
  bool key_in(const Term& term, KeyId key) const;
  bool surfaces_pass(const IndexSegment& segment, std::uint32_t start, std::size_t& local,
                     const std::vector<const Term*>& terms);
  bool has_form(const IndexSegment& segment, std::uint32_t position, KeyId key, const std::vector<std::string>& wanted,
                std::size_t& local);
  bool form_passes(const IndexSegment& segment, const Term& term, std::size_t i, std::uint32_t position, std::size_t& local);
  template <typename Take>
  void for_each_passing(const IndexSegment& segment, const Term& term, std::size_t i, Take take);
  std::span<const std::uint32_t> term_list(const IndexSegment& segment, const Term& term, std::size_t i);
  std::size_t estimate(const IndexSegment& segment, const Term& term) const;
  std::size_t count_term(const IndexSegment& segment, const Term& term);
  void set_term_bits(const IndexSegment& segment, const Term& term, std::vector<std::uint64_t>& bits);
  void clear_invalid_starts(const IndexSegment& segment, std::vector<std::uint64_t>& bits) const;
  std::size_t allowed_in(const IndexSegment& segment, std::span<const std::uint32_t> positions) const;

  const Corpus& corpus_;
  const std::vector<bool>& allowed_;
  std::size_t length_ = 0;
  std::vector<Term> terms_;  // those that are not `any`
  std::vector<const Term*> filtered_;  // those with surfaces
  StrictForms forms_;
  const IndexSegment* prepared_ = nullptr;
  bool all_allowed_ = true;  // in the prepared segment
  Plan plan_;                          // for the prepared segment (length_ > 1)
  std::vector<std::uint32_t> starts_;  // every match of the prepared segment, once listed (length_ > 1)
  bool listed_ = false;
  std::vector<std::uint64_t> bits_, scratch_;
};

}  // namespace textx
