#pragma once
// Regular expressions and wildcards over ONE word token: the pattern must match the whole token. Built to
// be tested against every distinct key of a vocabulary (up to a million keys), so a pattern can never make
// the page hang: matching runs in time linear in the token, whatever the pattern.
//
// Syntax of compile() (a subset of JavaScript's, over code points):
//   a é 字      a literal code point (any UTF-8); folded into key form, see below
//   .           any one code point
//   [abc] [a-z] a class; [^…] its negation. Inside a class '\' escapes (\] \- \\ …) and \d \w \s \D \W \S
//               work; '-' first or last is literal
//   \. \\ \/ \[ … any ASCII punctuation escaped is itself; \t \n \r \f \v, \xHH, \uHHHH, \u{H…} name code
//               points; a non-ASCII character escaped is itself
//   \d \D       a decimal digit of any script (General_Category Nd, read as Word_Break=Numeric without
//               U+066B); not one
//   \w \W       a word character: a letter or digit (General_Category L or N), a mark continuing one
//               (Word_Break=Extend or ZWJ), or a connector such as '_' (Word_Break=ExtendNumLet); not one.
//               On ASCII this is JavaScript's [A-Za-z0-9_]
//   \s \S       JavaScript's white space; not white space. Tokens hold no white space, so \s never matches
//   ( … ) (?: … ) (?<name> … )   a group (nothing is captured, so the three are the same)
//   x|y         alternation; an empty alternative matches the empty string
//   * + ? {n} {n,} {n,m}   repetition, n and m at most kMaxRepeat. A following '?' (lazy: *? +? ?? {n}?)
//               is accepted and changes nothing, since only whole-token matches count
//   ^ $         assertions at the start and end of the token, as in JavaScript: at the start or end of the
//               expression they change nothing; elsewhere they make a branch impossible unless it can
//               match there (a^b never matches)
// Rejected with an error naming the character: back-references (\1, \k<name>), lookaround ((?=, (?!,
// (?<=, (?<!), word boundaries (\b, \B), property classes (\p, \P), other letter escapes, a quantifier
// with nothing to repeat (*a, a**, a*+), unbalanced parentheses or brackets, a malformed or reversed
// {n,m}, a lone trailing '\'. ']' and '}' outside a class or quantifier are literal, as in JavaScript.
//
// Folding. The tokens tested are matching keys (fold.hpp: NFD, and by default case-folded and stripped of
// diacritics), so each run of literal characters becomes key_of(run, match): /Májer/ matches the key
// "majer", /ß/ the key "ss", and a lone combining accent folds to nothing under the default options.
// A class member that folds to one code point is added both as written and folded ([É] holds 'É' and
// 'e'); one that folds to several code points is added as an alternative sequence ([ß] matches "ss") —
// except in a negated class, where it only excludes itself as written. Ranges of up to kMaxFoldedRange
// code points fold member by member; in a larger range only the endpoints are folded (when both fold to
// one code point, that folded range is added too), an approximation: [À-ʯ] is large, so it does not
// learn every folded member. '.', '?' and classes match one code point of the key, and keys are NFD: with
// diacritics significant "é" is two code points there (e + U+0301), and a Hangul syllable is always two or
// three jamo.
//
// Limits: a program of at most kMaxInstructions instructions (counted repetition expands: (ab){3} costs
// three copies), repetition counts up to kMaxRepeat, groups nested up to kMaxNesting deep; beyond them
// compile() fails with "query.too_complex". Syntax errors are "query.regex" with the message
// "At character N of the expression: …" (N counts code points of the pattern from 1).
//
// Engine: Thompson's construction to an NFA over code points, run as a lazily built DFA whose states are
// NFA state sets, over equivalence classes of code points. The DFA cache is bounded (kDfaCacheBytes) and
// flushed when full, so each code point of a token costs at most one state-set step: O(code points ×
// program size) in the worst case, one table lookup per code point once the cache is warm. The cache makes
// matches() mutate private state: one TokenRegex must not be used from two threads at once (copy it; a
// copy starts with an empty cache).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace textx {

class TokenRegex {
 public:
  static constexpr std::size_t kMaxInstructions = 10000;
  static constexpr int kMaxRepeat = 100;
  static constexpr int kMaxNesting = 100;
  static constexpr char32_t kMaxFoldedRange = 1024;
  static constexpr std::size_t kDfaCacheBytes = std::size_t{2} << 20;

  // Compiles a regular expression (syntax above) that must match a whole token. Errors: "query.regex"
  // (syntax) and "query.too_complex" (limits).
  static Result<TokenRegex> compile(std::string_view pattern, MatchOptions match = {});
  // A glob: '*' any run of code points, '?' exactly one code point, everything else literal (folded like
  // regular-expression literals). Fails only with "query.too_complex".
  static Result<TokenRegex> from_wildcard(std::string_view glob, MatchOptions match = {});

  // Whether all of `token` (valid UTF-8, normally a matching key) matches.
  bool matches(std::string_view token) const;
  // A prefix (in key form) every matching token starts with; empty when there is none.
  const std::string& required_prefix() const { return prefix_; }

  // A set of code points: ranges and the \w \d \s-like properties, possibly negated.
  struct CharSet {
    std::vector<std::pair<char32_t, char32_t>> ranges;  // sorted, disjoint, not adjacent
    std::uint8_t props = 0;                             // kProp* bits
    bool negated = false;
    bool contains(char32_t cp) const;
  };
  enum class Op : std::uint8_t { kChar, kSplit, kJmp, kAssertStart, kAssertEnd, kMatch };
  struct Inst {
    Op op = Op::kMatch;
    std::uint32_t x = 0;    // next instruction (kChar, kJmp, kAssert*, first of kSplit)
    std::uint32_t y = 0;    // second branch of kSplit
    std::uint32_t set = 0;  // kChar: index into sets_
  };

 private:
  // The lazily built DFA. Copies and moves start empty (its pointers are into its own map).
  struct Cache {
    struct Hash {
      std::size_t operator()(const std::vector<std::uint32_t>& v) const;
    };
    std::unordered_map<std::vector<std::uint32_t>, std::int32_t, Hash> ids;
    std::vector<const std::vector<std::uint32_t>*> states;  // by id
    std::vector<std::uint8_t> accepting;                    // by id
    std::vector<std::int32_t> next;                         // id × classes: kUnknown, kDead or an id
    std::size_t bytes = 0;
    std::int32_t start = -1;
    // Reusable scratch for closures.
    std::vector<std::uint32_t> marks;
    std::uint32_t generation = 0;
    std::vector<std::uint32_t> stack, work, saved;

    Cache() = default;
    Cache(const Cache&) {}
    Cache(Cache&&) noexcept {}
    Cache& operator=(const Cache&) { clear(); return *this; }
    Cache& operator=(Cache&&) noexcept { clear(); return *this; }
    void clear();
  };

  TokenRegex() = default;
  friend class TokenRegexBuilder;

  std::uint32_t class_of(char32_t cp) const;  // matches() reads ASCII from ascii_class_
  void new_generation() const;                 // starts a closure generation (unmarks every instruction)
  void closure(std::uint32_t pc, bool at_start, bool at_end, std::vector<std::uint32_t>& out) const;
  std::int32_t add_state(std::vector<std::uint32_t>& set) const;  // set sorted; may flush the cache
  std::int32_t step(std::int32_t state, char32_t cp, std::uint32_t cls) const;
  void start_cache() const;

  std::vector<Inst> prog_;
  std::vector<CharSet> sets_;
  std::uint32_t start_pc_ = 0;
  bool matches_empty_ = false;
  std::string prefix_;
  // Code point classes: every code point in one class is matched by the same instructions.
  std::vector<char32_t> breaks_;   // sorted range starts
  std::uint8_t class_props_ = 0;   // properties that split classes further
  std::uint32_t class_count_ = 1;
  std::uint32_t ascii_class_[128] = {};
  mutable Cache cache_;
};

}  // namespace textx
