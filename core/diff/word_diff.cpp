#include "core/diff/word_diff.hpp"

#include <algorithm>

#include "core/text/hash.hpp"
#include "core/text/utf8.hpp"
#include "core/text/whitespace.hpp"
#include "core/text/word_breaks.hpp"

namespace textx {
namespace {

bool all_whitespace(std::string_view segment) {
  for (std::size_t pos = 0; pos < segment.size();)
    if (!is_whitespace_code_point(next_code_point(segment, pos))) return false;
  return !segment.empty();
}

// A passage as the diff sees it: its tokens, an id per token, and characters before each token.
struct Passage {
  std::string_view text;
  TextSpan span;
  std::vector<DiffToken> tokens;
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> chars_before;  // per token, plus the total

  std::uint32_t chars(std::uint32_t from, std::uint32_t to) const { return chars_before[to] - chars_before[from]; }
  // Byte offset where token `i` starts (the passage's end for i == size).
  std::uint32_t offset(std::uint32_t i) const { return i < tokens.size() ? tokens[i].start : span.end; }
};

// Gives every distinct token text one id, shared by both passages. Fixed ids: whitespace under
// ignore_layout, and paragraph breaks (whitespace lying in one of `breaks`). An open-addressing table
// (linear probing, at most half full, grown as needed so that it stays as small as the vocabulary and in
// cache): interning is the bulk of the work on a long passage.
class TokenIds {
 public:
  static constexpr std::uint32_t kWhitespace = 0;
  static constexpr std::uint32_t kParagraphBreak = 1;

  explicit TokenIds(bool ignore_layout) : ignore_layout_(ignore_layout), slots_(256, 0) {}
  void assign(Passage& p, std::span<const TextSpan> breaks) {
    p.ids.reserve(p.tokens.size());
    p.chars_before.reserve(p.tokens.size() + 1);
    std::uint32_t chars = 0;
    std::size_t next_break = 0;
    for (const DiffToken& t : p.tokens) {
      const std::string_view s = p.text.substr(t.start, t.end - t.start);
      p.chars_before.push_back(chars);
      chars += static_cast<std::uint32_t>(count_code_points(s));
      while (next_break < breaks.size() && breaks[next_break].end <= t.start) ++next_break;
      if (t.token_class == TokenClass::kSpace && next_break < breaks.size() && breaks[next_break].start < t.end) {
        p.ids.push_back(kParagraphBreak);
        continue;
      }
      if (ignore_layout_ && t.token_class == TokenClass::kSpace) {
        p.ids.push_back(kWhitespace);
        continue;
      }
      p.ids.push_back(intern(s));
    }
    p.chars_before.push_back(chars);
  }

 private:
  // The id of `text`, a new one the first time. Slots hold an index into texts_ + 1, 0 when empty.
  std::uint32_t intern(std::string_view text) {
    const std::uint32_t hash = hash_bytes(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) {
        texts_.push_back(text);
        hashes_.push_back(hash);
        slots_[i] = static_cast<std::uint32_t>(texts_.size());
        if (texts_.size() * 2 > slots_.size()) grow();
        return static_cast<std::uint32_t>(texts_.size() + 1);  // after the two fixed ids
      }
      if (hashes_[slot - 1] == hash && texts_[slot - 1] == text) return slot + 1;
    }
  }

  void grow() {
    std::vector<std::uint32_t> slots(slots_.size() * 2, 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t k = 0; k < texts_.size(); ++k) {
      std::size_t i = hashes_[k] & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    slots_ = std::move(slots);
  }

  bool ignore_layout_;
  std::vector<std::uint32_t> slots_;  // a power of two, at most half full
  std::vector<std::string_view> texts_;
  std::vector<std::uint32_t> hashes_;  // per text
};

// An unchanged stretch (equal) or a change (the tokens a0..a1 replaced by b0..b1, either side possibly
// empty), in token indices.
struct Block {
  bool equal = false;
  std::uint32_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
};

std::vector<Block> blocks_of(const std::vector<EditRun>& runs) {
  std::vector<Block> blocks;
  for (const EditRun& r : runs) {
    if (r.kind == EditKind::kEqual) {
      blocks.push_back({true, r.a_begin, r.a_end, r.b_begin, r.b_end});
    } else if (!blocks.empty() && !blocks.back().equal) {
      blocks.back().a1 = r.a_end;  // the insertion after a deletion: one change
      blocks.back().b1 = r.b_end;
    } else {
      blocks.push_back({false, r.a_begin, r.a_end, r.b_begin, r.b_end});
    }
  }
  return blocks;
}

// Folds each unchanged stretch that lies between two changes and is no longer (in characters) than the
// longer side of the change before it and of the change after it into one change with them; repeats
// leftwards when a fold makes the change before a remaining stretch grow.
std::vector<Block> fold_small_equalities(const std::vector<Block>& blocks, const Passage& a, const Passage& b) {
  const auto size = [&](const Block& k) { return std::max(a.chars(k.a0, k.a1), b.chars(k.b0, k.b1)); };
  std::vector<Block> out;
  for (Block current : blocks) {
    if (!current.equal) {
      while (out.size() >= 2 && out.back().equal && !out[out.size() - 2].equal) {
        const Block& stretch = out.back();
        const Block& before = out[out.size() - 2];
        if (size(stretch) > size(before) || size(stretch) > size(current)) break;
        current = {false, before.a0, current.a1, before.b0, current.b1};
        out.pop_back();
        out.pop_back();
      }
    }
    out.push_back(current);
  }
  return out;
}

// Moves tokens that a change's two sides begin or end with alike out into the unchanged stretches around it
// (a fold can leave them there: "1989[- -]{+, 1991 +}Free" becomes "1989{+, 1991+} Free"), then merges
// neighbouring unchanged stretches and drops changes left empty.
std::vector<Block> trim_changes(const std::vector<Block>& blocks, const Passage& a, const Passage& b) {
  std::vector<Block> out;
  const auto add = [&](const Block& k) {
    if (k.a0 == k.a1 && k.b0 == k.b1) return;
    if (k.equal && !out.empty() && out.back().equal) {
      out.back().a1 = k.a1;
      out.back().b1 = k.b1;
      return;
    }
    out.push_back(k);
  };
  for (Block k : blocks) {
    if (k.equal) {
      add(k);
      continue;
    }
    std::uint32_t prefix = 0;
    while (k.a0 + prefix < k.a1 && k.b0 + prefix < k.b1 && a.ids[k.a0 + prefix] == b.ids[k.b0 + prefix]) ++prefix;
    add({true, k.a0, k.a0 + prefix, k.b0, k.b0 + prefix});
    k.a0 += prefix;
    k.b0 += prefix;
    std::uint32_t suffix = 0;
    while (k.a1 - suffix > k.a0 && k.b1 - suffix > k.b0 && a.ids[k.a1 - suffix - 1] == b.ids[k.b1 - suffix - 1])
      ++suffix;
    add({false, k.a0, k.a1 - suffix, k.b0, k.b1 - suffix});
    add({true, k.a1 - suffix, k.a1, k.b1 - suffix, k.b1});
  }
  return out;
}

// How well a pure insertion or deletion of tokens [s, e) of `p` reads: best when it starts with a word
// after whitespace and ends with whitespace ("the {+big +}dog").
int placement_score(const Passage& p, std::uint32_t s, std::uint32_t e) {
  int score = 0;
  if (p.tokens[s].token_class != TokenClass::kSpace) score += 2;
  if (p.tokens[e - 1].token_class == TokenClass::kSpace) score += 1;
  if (s == 0 || p.tokens[s - 1].token_class == TokenClass::kSpace) score += 1;
  return score;
}

// Slides each pure insertion or deletion between two unchanged stretches to its best-reading place among
// the equivalent ones (each stretch keeps at least one token).
void place_pure_changes(std::vector<Block>& blocks, const Passage& a, const Passage& b) {
  for (std::size_t i = 1; i + 1 < blocks.size(); ++i) {
    Block& before = blocks[i - 1];
    Block& change = blocks[i];
    Block& after = blocks[i + 1];
    if (change.equal || !before.equal || !after.equal) continue;
    const bool deletion = change.b0 == change.b1;
    if (!deletion && change.a0 != change.a1) continue;
    const Passage& p = deletion ? a : b;
    const std::uint32_t s = deletion ? change.a0 : change.b0;
    const std::uint32_t e = deletion ? change.a1 : change.b1;
    // Each stretch keeps at least one token: s stays above the before-stretch's first token, e below the
    // after-stretch's end.
    const std::uint32_t before_start = deletion ? before.a0 : before.b0;
    const std::uint32_t after_end = deletion ? after.a1 : after.b1;
    std::uint32_t left = 0;
    while (s - left > before_start + 1 && p.ids[s - left - 1] == p.ids[e - left - 1]) ++left;
    std::uint32_t right = 0;
    while (e + right + 1 < after_end && p.ids[s + right] == p.ids[e + right]) ++right;
    std::int64_t best_shift = 0;
    int best_score = placement_score(p, s, e);
    for (std::int64_t shift = -static_cast<std::int64_t>(left); shift <= static_cast<std::int64_t>(right); ++shift) {
      const int score = placement_score(p, static_cast<std::uint32_t>(s + shift), static_cast<std::uint32_t>(e + shift));
      if (score > best_score) {
        best_score = score;
        best_shift = shift;
      }
    }
    if (best_shift == 0) continue;
    const auto move = [&](std::uint32_t& v) { v = static_cast<std::uint32_t>(v + best_shift); };
    move(before.a1), move(before.b1);
    move(change.a0), move(change.a1), move(change.b0), move(change.b1);
    move(after.a0), move(after.b0);
  }
}

}  // namespace

std::vector<DiffToken> diff_tokens(std::string_view text, TextSpan span) {
  const std::string_view passage = text.substr(span.start, span.end - span.start);
  std::vector<DiffToken> tokens;
  WordBoundaryScanner scanner(passage);
  std::size_t previous = 0;
  for (std::size_t at = scanner.next(); at != WordBoundaryScanner::npos && at > previous; at = scanner.next()) {
    const std::string_view segment = passage.substr(previous, at - previous);
    const TokenClass token_class = scanner.segment_has_word_content() ? TokenClass::kWord
                                   : all_whitespace(segment)          ? TokenClass::kSpace
                                                                      : TokenClass::kOther;
    const auto start = static_cast<std::uint32_t>(span.start + previous);
    const auto end = static_cast<std::uint32_t>(span.start + at);
    if (token_class == TokenClass::kSpace && !tokens.empty() && tokens.back().token_class == TokenClass::kSpace)
      tokens.back().end = end;
    else
      tokens.push_back({start, end, token_class});
    previous = at;
  }
  return tokens;
}

std::vector<WordEdit> diff_words(std::string_view a_text, TextSpan a_span, std::string_view b_text, TextSpan b_span,
                                 const WordDiffOptions& options, DiffBudget& budget, std::span<const TextSpan> a_breaks,
                                 std::span<const TextSpan> b_breaks) {
  Passage a{a_text, a_span, diff_tokens(a_text, a_span), {}, {}};
  Passage b{b_text, b_span, diff_tokens(b_text, b_span), {}, {}};
  TokenIds ids(options.ignore_layout);
  ids.assign(a, a_breaks);
  ids.assign(b, b_breaks);

  std::vector<Block> blocks = blocks_of(diff_sequences(a.ids, b.ids, budget));
  if (options.semantic_cleanup) {
    blocks = trim_changes(fold_small_equalities(blocks, a, b), a, b);
    place_pure_changes(blocks, a, b);
  }

  std::vector<WordEdit> edits;
  for (const Block& k : blocks) {
    if (k.equal) {
      if (k.a1 > k.a0) edits.push_back({EditKind::kEqual, a.offset(k.a0), a.offset(k.a1), b.offset(k.b0), b.offset(k.b1)});
      continue;
    }
    if (k.a1 > k.a0) edits.push_back({EditKind::kDelete, a.offset(k.a0), a.offset(k.a1), b.offset(k.b0), b.offset(k.b0)});
    if (k.b1 > k.b0) edits.push_back({EditKind::kInsert, a.offset(k.a1), a.offset(k.a1), b.offset(k.b0), b.offset(k.b1)});
  }
  return edits;
}

}  // namespace textx
