#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "core/query/token_regex.hpp"
#include "core/text/fold.hpp"

namespace {

using textx::MatchOptions;
using textx::TokenRegex;

constexpr MatchOptions kDefault{};
constexpr MatchOptions kExact{true, true};
constexpr MatchOptions kCaseOnly{false, true};  // case ignored, diacritics significant

bool regex_matches(const std::string& pattern, const std::string& token, MatchOptions match = kDefault) {
  const textx::Result<TokenRegex> re = TokenRegex::compile(pattern, match);
  REQUIRE_MESSAGE(re.ok(), pattern << ": " << (re.ok() ? "" : re.error().to_string()));
  return re.value().matches(token);
}

bool glob_matches(const std::string& glob, const std::string& token, MatchOptions match = kDefault) {
  const textx::Result<TokenRegex> re = TokenRegex::from_wildcard(glob, match);
  REQUIRE_MESSAGE(re.ok(), glob << ": " << (re.ok() ? "" : re.error().to_string()));
  return re.value().matches(token);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("token regex: every construct, matched against whole keys") {
  struct Case {
    const char* pattern;
    const char* token;
    bool expected;
  };
  const Case cases[] = {
      // Literals; the whole token must match.
      {"imperialism", "imperialism", true},
      {"imperial", "imperialism", false},
      {"ism", "imperialism", false},
      {"\u5b57", "\u5b57", true},
      {"", "", true},
      {"", "a", false},
      // '.': one code point.
      {"m.jer", "majer", true},
      {"m.jer", "mjer", false},
      {"m.jer", "maajer", false},
      {"...", "\u5b57\u5b57\u5b57", true},
      {"..", "\U0001F600x", true},
      // Classes, ranges, negation.
      {"[abc]+", "cab", true},
      {"[abc]+", "cad", false},
      {"[a-c]+", "abcabc", true},
      {"[a-c]", "d", false},
      {"[^abc]", "d", true},
      {"[^abc]", "a", false},
      {"[^a-c]x", "zx", true},
      {"[a\\-z]", "-", true},
      {"[a\\-z]", "b", false},
      {"[-a]", "-", true},
      {"[a-]", "-", true},
      {"[\\]]", "]", true},
      {"[\\d_]+", "1_2", true},
      {"[\\d_]+", "1a", false},
      {"[^\\w]", "-", true},
      {"[^\\w]", "x", false},
      {"[\\w-]+", "non-aligned", true},
      {"[a-\\d]", "-", true},  // '-' next to a class escape is literal, as in JavaScript
      {"[]a", "a", false},      // the empty class matches nothing
      {"[^]", "x", true},
      {"[.]", ".", true},
      {"[.]", "x", false},
      // Escapes.
      {"a\\.b", "a.b", true},
      {"a\\.b", "axb", false},
      {"a\\\\b", "a\\b", true},
      {"a\\/b", "a/b", true},
      {"\\[x\\]", "[x]", true},
      {"\\(\\)\\{\\}\\*\\+\\?\\|\\^\\$", "(){}*+?|^$", true},
      {"\\x41", "a", true},
      {"\\u00e9", "e", true},
      {"\\u{1F600}", "\U0001F600", true},
      {"\\uD83D\\uDE00", "\U0001F600", true},
      {"\\t", "\t", true},
      {"\\\u00e9", "e", true},
      {"]", "]", true},
      {"}", "}", true},
      // \d \w \s.
      {"\\d+", "1980", true},
      {"\\d+", "\u0661\u0669\u0668\u0660", true},  // Arabic-Indic digits
      {"\\d", "a", false},
      {"\\d", "\u066b", false},
      {"\\D", "a", true},
      {"\\D", "7", false},
      {"\\w+", "snake_case", true},
      {"\\w+", "don't", false},
      {"\\w+", "\u0928\u092e\u0938\u094d\u0924\u0947", true},  // Devanagari with virama and vowel sign
      {"\\W", "-", true},
      {"\\W", "\u00e9", false},
      {"\\s", " ", true},
      {"\\s", "a", false},
      {"\\S+", "abc", true},
      // Groups and alternation.
      {"(?:ab)+", "abab", true},
      {"(ab)+", "aba", false},
      {"(?<stem>ab)c", "abc", true},
      {"()", "", true},
      {"a(b|c)d", "acd", true},
      {"a(b|c)d", "aed", false},
      {"a|b|c", "b", true},
      {"ab|cd", "ad", false},
      {"ab|cd", "cd", true},
      {"a|", "", true},
      {"|a", "a", true},
      {"((a|b)(c|d))+", "adbcac", true},
      // Quantifiers (greedy and lazy are the same for whole-token matching).
      {"a*", "", true},
      {"a*", "aaaa", true},
      {"a+", "", false},
      {"a+", "aaa", true},
      {"a?", "a", true},
      {"a?", "aa", false},
      {"a{3}", "aaa", true},
      {"a{3}", "aa", false},
      {"a{3}", "aaaa", false},
      {"a{2,}", "aaaaa", true},
      {"a{2,}", "a", false},
      {"a{2,3}", "aaa", true},
      {"a{2,3}", "aaaa", false},
      {"a{0}", "", true},
      {"a{0}b", "ab", false},
      {"a{0,1}b", "ab", true},
      {"(ab){1,2}", "abab", true},
      {"(ab){1,2}", "ababab", false},
      {"a*?", "aaa", true},
      {"a+?b", "aab", true},
      {"a??", "", true},
      {"a{2}?", "aa", true},
      {"a{1,}?", "aa", true},
      {"colou?r", "color", true},
      {"colou?r", "colour", true},
      // Anchors are assertions at the ends of the token.
      {"^abc$", "abc", true},
      {"^abc", "abc", true},
      {"a^b", "ab", false},
      {"a$b", "ab", false},
      {"(^a|b)c", "ac", true},
      {"b(^a|c)", "ba", false},
      {"b(^a|c)", "bc", true},
      {"a$|b", "a", true},
      {"(a$)*", "a", true},
      {"(a$)*", "aa", false},
      {"$", "", true},
      {"^", "", true},
      {"^$", "", true},
      {"$^", "", true},
      {"a(b$)?", "a", true},
      {"a(b$)?", "ab", true},
      // Folding under the default options (keys are folded; so are the pattern's literals).
      {"imperialis(m|t)s?", "imperialists", true},
      {"imperialis(m|t)s?", "imperialisms", true},
      {"imperialis(m|t)s?", "imperialist", true},
      {"imperialis(m|t)s?", "imperialistic", false},
      {"Imperialis(m|T)S?", "imperialists", true},
      {"M\u00e1jer", "majer", true},
      {"MA\u0301JER", "majer", true},
      {"MAJER", "majer", true},
      {"stra\u00dfe", "strasse", true},
      {"STRASSE", "strasse", true},
      {"\u00df+", "ssss", true},
      {"\u00df+", "sss", false},
      {"\u00df{2}", "ssss", true},
      {"[\u00df]", "ss", true},
      {"[\u00df]", "s", false},
      {"[\u00dfx]", "x", true},
      {"[\u00c9]x", "ex", true},
      {"[A-Z]+", "abc", true},
      {"[A-Z]+", "ab1", false},
      {"[\u00c0-\u00dd]", "e", true},   // folded member by member
      {"[\u00c0-\u00dd]", "\u00e6", true},  // Æ folds to æ
      {"[^A]", "a", false},
      {"[^A]", "b", true},
      {"[\\u00c9]", "e", true},
      {"\u0130stanbul", "istanbul", true},  // İ: i + U+0307, and the dot is a diacritic
      {"\u041c\u043e\u0441\u043a\u0432\u0430", "\u043c\u043e\u0441\u043a\u0432\u0430", true},
  };
  for (const Case& c : cases) {
    const std::string pattern_text = c.pattern;
    CAPTURE(pattern_text);
    const std::string token_text = c.token;
    CAPTURE(token_text);
    CHECK(regex_matches(c.pattern, c.token) == c.expected);
  }
}

TEST_CASE("token regex: folding follows the match options") {
  struct Case {
    const char* pattern;
    const char* token;
    MatchOptions match;
    bool expected;
  };
  const Case cases[] = {
      {"Majer", "Majer", kExact, true},
      {"Majer", "majer", kExact, false},
      {"[A-Z]", "a", kExact, false},
      {"[A-Z]", "A", kExact, true},
      {"M\u00e1jer", "Ma\u0301jer", kExact, true},  // keys are NFD: the precomposed literal decomposes
      {"M\u00e1jer", "Majer", kExact, false},
      {"m\u00e1jer", "ma\u0301jer", kCaseOnly, true},
      {"M\u00c1JER", "ma\u0301jer", kCaseOnly, true},
      {"m.jer", "ma\u0301jer", kCaseOnly, false},  // '.' is one code point; the key has two there
      {"m..jer", "ma\u0301jer", kCaseOnly, true},
      {"[\u00e9]", "e\u0301", kCaseOnly, true},  // a member folding to two code points becomes a sequence
      {"[\u00e9]", "e", kCaseOnly, false},
      {"[\u00c0-\u00c5]x", "a\u0301x", kCaseOnly, true},
      {"\u00df", "ss", kCaseOnly, true},
      {"\u00df", "\u00df", kExact, true},
      {"\u00df", "ss", kExact, false},
      {"Ma\u0301jer", "Majer", MatchOptions{true, false}, true},
      {"Ma\u0301jer", "majer", MatchOptions{true, false}, false},
  };
  for (const Case& c : cases) {
    const std::string pattern_text = c.pattern;
    CAPTURE(pattern_text);
    const std::string token_text = c.token;
    CAPTURE(token_text);
    CHECK(regex_matches(c.pattern, c.token, c.match) == c.expected);
  }
  // Keys made by key_of itself.
  CHECK(regex_matches("M\u00e1jer", textx::key_of("MA\u0301JER")));
  CHECK(regex_matches("\\w+", textx::key_of("\uc790\uc8fc")));  // Hangul: NFD jamo are letters
  CHECK(regex_matches("\uc790\uc8fc", textx::key_of("\uc790\uc8fc")));
  CHECK(regex_matches("\uc790.+", textx::key_of("\uc790\uc8fc")));
}

TEST_CASE("token regex: errors name the character and say what is wrong") {
  struct Case {
    const char* pattern;
    const char* code;
    const char* message;
  };
  const Case cases[] = {
      {"(a", "query.regex", "At character 1 of the expression: this '(' is never closed."},
      {"x(a|(b)", "query.regex", "At character 2 of the expression: this '(' is never closed."},
      {"a)", "query.regex", "At character 2 of the expression: this ')' has no matching '('."},
      {"(a))", "query.regex", "At character 4 of the expression: this ')' has no matching '('."},
      {"[a", "query.regex", "At character 1 of the expression: this '[' is never closed; write \\[ for a literal bracket."},
      {"a[b\\]", "query.regex", "At character 2 of the expression: this '[' is never closed; write \\[ for a literal bracket."},
      {"a{2", "query.regex", "At character 2 of the expression: this '{' is never closed; write \\{ for a literal brace."},
      {"a{2,", "query.regex", "At character 2 of the expression: this '{' is never closed; write \\{ for a literal brace."},
      {"a{x}", "query.regex",
       "At character 2 of the expression: '{' must start a repetition count such as {2}, {2,} or {2,5}; write \\{ for a "
       "literal brace."},
      {"a{,3}", "query.regex",
       "At character 2 of the expression: '{' must start a repetition count such as {2}, {2,} or {2,5}; write \\{ for a "
       "literal brace."},
      {"a{5,2}", "query.regex", "At character 2 of the expression: in {5,2} the first number is larger than the second."},
      {"*a", "query.regex", "At character 1 of the expression: '*' has nothing before it to repeat; write \\* for the character itself."},
      {"a|+", "query.regex", "At character 3 of the expression: '+' has nothing before it to repeat; write \\+ for the character itself."},
      {"(?a)", "query.regex", "At character 1 of the expression: '(?' must be followed by ':' as in (?:…); flags such as (?i) are not supported."},
      {"{2}", "query.regex", "At character 1 of the expression: '{' has nothing before it to repeat; write \\{ for a literal brace."},
      {"a**", "query.regex",
       "At character 3 of the expression: '*' follows another repetition, so it has nothing to repeat; use a group, as in (a*)+."},
      {"a*+", "query.regex",
       "At character 3 of the expression: '+' follows another repetition, so it has nothing to repeat; use a group, as in (a*)+."},
      {"a{2}{3}", "query.regex",
       "At character 5 of the expression: '{' follows another repetition, so it has nothing to repeat; use a group, as in (a*)+."},
      {"a*??", "query.regex",
       "At character 4 of the expression: '?' follows another repetition, so it has nothing to repeat; use a group, as in (a*)+."},
      {"^*", "query.regex", "At character 2 of the expression: '*' cannot repeat the anchor '^'."},
      {"\\1", "query.regex", "At character 1 of the expression: back-references such as \\1 are not supported."},
      {"(a)b\\1", "query.regex", "At character 5 of the expression: back-references such as \\1 are not supported."},
      {"(?<x>a)\\k<x>", "query.regex", "At character 8 of the expression: back-references (\\k<name>) are not supported."},
      {"(?=a)", "query.regex", "At character 1 of the expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported."},
      {"a(?!b)", "query.regex", "At character 2 of the expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported."},
      {"(?<=a)b", "query.regex", "At character 1 of the expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported."},
      {"(?<!a)b", "query.regex", "At character 1 of the expression: lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported."},
      {"(?<>a)", "query.regex", "At character 1 of the expression: a named group must look like (?<name>…)."},
      {"ab\\", "query.regex", "At character 3 of the expression: the expression ends with a lone '\\'; write \\\\ for a backslash."},
      {"\\", "query.regex", "At character 1 of the expression: the expression ends with a lone '\\'; write \\\\ for a backslash."},
      {"[\\", "query.regex", "At character 2 of the expression: the expression ends with a lone '\\'; write \\\\ for a backslash."},
      {"\\bword", "query.regex",
       "At character 1 of the expression: word boundaries (\\b, \\B) are not supported: the expression always matches a whole word."},
      {"\\p{L}", "query.regex",
       "At character 1 of the expression: Unicode property classes (\\p{…}) are not supported; use \\w, \\d or a class such as [a-z]."},
      {"a\\q", "query.regex", "At character 2 of the expression: \\q is not a known escape; write q alone for the character itself."},
      {"\\x4", "query.regex", "At character 1 of the expression: \\x must be followed by two hexadecimal digits, as in \\xE9."},
      {"\\u12", "query.regex",
       "At character 1 of the expression: \\u must be followed by four hexadecimal digits or by {…}, as in \\u00E9 or \\u{1F600}."},
      {"\\u{110000}", "query.regex", "At character 1 of the expression: \\u{…} must name a code point no larger than 10FFFF."},
      {"\\uD800", "query.regex", "At character 1 of the expression: \\u names a lone surrogate, which is not a character."},
      {"\\01", "query.regex", "At character 1 of the expression: octal escapes such as \\01 are not supported; use \\x or \\u."},
      {"[z-a]", "query.regex", "At character 2 of the expression: the range z-a is reversed; write the smaller character first."},
      // Positions count code points, not bytes.
      {"\u00e9\u5b57(", "query.regex", "At character 3 of the expression: this '(' is never closed."},
      {"\U0001F600)", "query.regex", "At character 2 of the expression: this ')' has no matching '('."},
      // Limits.
      {"a{1000}", "query.too_complex", "At character 2 of the expression: a repetition count can be at most 100."},
      {"a{1,101}", "query.too_complex", "At character 2 of the expression: a repetition count can be at most 100."},
      {"a{99999999999999999999}", "query.too_complex", "At character 2 of the expression: a repetition count can be at most 100."},
      {"(a{100}){100}", "query.too_complex",
       "The expression is too complex: it would take more than 10000 steps to test each word; use fewer or smaller "
       "repetitions."},
      {"((a{100}){100}){100}", "query.too_complex",
       "The expression is too complex: it would take more than 10000 steps to test each word; use fewer or smaller "
       "repetitions."},
  };
  for (const Case& c : cases) {
    const std::string pattern_text = c.pattern;
    CAPTURE(pattern_text);
    const textx::Result<TokenRegex> re = TokenRegex::compile(c.pattern);
    REQUIRE_FALSE(re.ok());
    CHECK(re.error().code == c.code);
    CHECK(re.error().message == c.message);
  }

  const std::string deep = repeat("(", 101) + "a" + repeat(")", 101);
  const textx::Result<TokenRegex> too_deep = TokenRegex::compile(deep);
  REQUIRE_FALSE(too_deep.ok());
  CHECK(too_deep.error().code == "query.too_complex");
  CHECK(too_deep.error().message == "At character 101 of the expression: groups are nested more than 100 deep.");
  CHECK(TokenRegex::compile(repeat("(", 100) + "a" + repeat(")", 100)).ok());
  CHECK(TokenRegex::compile("(a{100}){99}").ok());  // 9,900 instructions and a match
  CHECK(TokenRegex::compile(std::string(9999, 'a')).ok());
  CHECK(TokenRegex::compile(std::string(10000, 'a')).error().code == "query.too_complex");
}

TEST_CASE("token regex: pathological patterns stay linear on long tokens") {
  const std::string a1000(1000, 'a');
  const std::string x1000(1000, 'x');
  struct Case {
    std::string pattern;
    std::string token;
    bool expected;
  };
  const Case cases[] = {
      {"(a*)*b", a1000, false},
      {"(a*)*b", a1000 + "b", true},
      {"(a|a)*", a1000, true},
      {"(a|a)*", a1000 + "b", false},
      {"(a|aa)*b", a1000, false},
      {"(.*){50}", a1000, true},
      {"(.*){50}b", a1000, false},
      {"((a+)+)+", a1000, true},
      {"((a+)+)+b", a1000, false},
      {"(a?){50}a{50}", std::string(50, 'a'), true},
      {"(a?){100}a{100}", std::string(100, 'a'), true},
      {"(a?){100}a{100}", std::string(99, 'a'), false},
      {"(x+x+)+y", x1000, false},
      {"(.*a){20}", a1000, true},
      {"(.*a){20}", std::string(19, 'a'), false},
      {"(\\w+\\d?)+!", a1000, false},
      {"([ab]*a[ab]{30})*", a1000, true},
      {"(((a*)*)*)*c", a1000, false},
      {"(a|b|ab|ba)*c", repeat("ab", 500), false},
      {"^(a+)+$", a1000, true},
      {"(.*)*(.*)*(.*)*x", a1000, false},
  };
  const auto begin = std::chrono::steady_clock::now();
  for (const Case& c : cases) {
    const std::string pattern_text = c.pattern;
    CAPTURE(pattern_text);
    const textx::Result<TokenRegex> re = TokenRegex::compile(c.pattern);
    REQUIRE(re.ok());
    for (int i = 0; i < 10; ++i) CHECK(re.value().matches(c.token) == c.expected);
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
  MESSAGE("pathological patterns, 10 runs each on ~1,000-character tokens: " << ms << " ms");
}

TEST_CASE("token regex: a DFA larger than its cache still answers correctly") {
  // "[ab]*a[ab]{15}": the 16th code point from the end is 'a'. Its DFA has 2^16 states, far beyond the
  // cache, which must be flushed again and again.
  const textx::Result<TokenRegex> re = TokenRegex::compile("[ab]*a[ab]{15}", kExact);
  REQUIRE(re.ok());
  std::mt19937 rng(7);
  int disagreements = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string token(16 + rng() % 48, 'a');
    for (char& ch : token) ch = (rng() & 1) ? 'a' : 'b';
    const bool expected = token[token.size() - 16] == 'a';
    if (re.value().matches(token) != expected) ++disagreements;
  }
  CHECK(disagreements == 0);
  // A copy starts with its own, empty cache.
  const TokenRegex copy = re.value();
  const std::string ab15 = "abbbbbbbbbbbbbbb", ba15 = "baaaaaaaaaaaaaaa";
  CHECK(copy.matches(ab15));
  CHECK_FALSE(copy.matches(ba15));
}

namespace {

// Random patterns from a grammar of constructs std::regex (ECMAScript) and TokenRegex share.
class PatternGenerator {
 public:
  explicit PatternGenerator(std::uint32_t seed) : rng_(seed) {}

  std::string pattern() { return alternation(0); }

  std::string token() {
    static const char kAlphabet[] = "abc1_";
    std::string out;
    const int n = pick(9);
    for (int i = 0; i < n; ++i) out += kAlphabet[pick(5)];
    return out;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }

  std::string alternation(int depth) {
    std::string out = sequence(depth);
    while (pick(4) == 0) {
      out += '|';
      out += sequence(depth);
    }
    return out;
  }

  std::string sequence(int depth) {
    std::string out;
    const int n = pick(10) == 0 ? 0 : 1 + pick(3);
    for (int i = 0; i < n; ++i) out += repetition(depth);
    return out;
  }

  std::string repetition(int depth) {
    if (pick(25) == 0) return pick(2) ? "^" : "$";
    std::string out = atom(depth);
    switch (pick(10)) {
      case 0: out += "*"; break;
      case 1: out += "+"; break;
      case 2: out += "?"; break;
      case 3: out += "{" + std::to_string(pick(3)) + "}"; break;
      case 4: out += "{" + std::to_string(pick(3)) + ",}"; break;
      case 5: {
        const int lo = pick(3);
        out += "{" + std::to_string(lo) + "," + std::to_string(lo + pick(3)) + "}";
        break;
      }
      default: return out;
    }
    if (pick(5) == 0) out += "?";
    return out;
  }

  std::string atom(int depth) {
    const int k = pick(depth < 3 ? 16 : 13);
    switch (k) {
      case 0: case 1: case 2: case 3: return std::string(1, "abc"[pick(3)]);
      case 4: return ".";
      case 5: return "[ab]";
      case 6: return "[^a]";
      case 7: return "[a-b1]";
      case 8: return "\\d";
      case 9: return "\\w";
      case 10: return "\\W";
      case 11: return "[^\\d_]";
      case 12: return "_";
      case 13: return "(" + alternation(depth + 1) + ")";
      case 14: return "(?:" + alternation(depth + 1) + ")";
      default: return "(" + alternation(depth + 1) + ")";
    }
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("token regex: agrees with std::regex on random ASCII patterns") {
  PatternGenerator gen(20240607);
  int compared = 0, disagreements = 0, skipped = 0;
  for (int p = 0; p < 1500; ++p) {
    const std::string pattern = gen.pattern();
    const textx::Result<TokenRegex> ours = TokenRegex::compile(pattern, kExact);
    REQUIRE_MESSAGE(ours.ok(), pattern << ": " << (ours.ok() ? "" : ours.error().to_string()));
    std::regex reference;
    try {
      reference = std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      ++skipped;
      continue;
    }
    for (int t = 0; t < 8; ++t) {
      const std::string token = gen.token();
      bool expected = false;
      try {
        expected = std::regex_match(token, reference);
      } catch (const std::regex_error&) {
        ++skipped;
        continue;
      }
      ++compared;
      if (ours.value().matches(token) != expected) {
        ++disagreements;
        if (disagreements <= 10) MESSAGE("disagreement: /" << pattern << "/ on \"" << token << "\": std::regex says " << expected);
      }
    }
  }
  MESSAGE(compared << " comparisons with std::regex, " << skipped << " skipped");
  CHECK(compared > 10000);
  CHECK(disagreements == 0);
}

TEST_CASE("wildcard: '*' any run, '?' one code point, everything else literal") {
  struct Case {
    const char* glob;
    const char* token;
    bool expected;
  };
  const Case cases[] = {
      {"independ*", "independence", true},
      {"independ*", "independent", true},
      {"independ*", "independ", true},
      {"independ*", "dependence", false},
      {"organi?ation", "organisation", true},
      {"organi?ation", "organization", true},
      {"organi?ation", "organiation", false},
      {"organi?ation", "organiszation", false},
      {"*ism", "imperialism", true},
      {"*ism", "ism", true},
      {"*ism", "isms", false},
      {"*", "", true},
      {"*", "anything", true},
      {"**", "x", true},
      {"?", "a", true},
      {"?", "\u5b57", true},
      {"?", "", false},
      {"?", "ab", false},
      {"a*b*c", "abc", true},
      {"a*b*c", "axxbyyc", true},
      {"a*b*c", "abbc", true},
      {"a*b*c", "ac", false},
      {"a*b*c", "abcx", false},
      {"*a*", "banana", true},
      {"*a*", "xyz", false},
      // Regular-expression metacharacters are literal in a glob.
      {"a.b", "a.b", true},
      {"a.b", "axb", false},
      {"a+b", "a+b", true},
      {"a+b", "aab", false},
      {"(a)", "(a)", true},
      {"[ab]", "[ab]", true},
      {"[ab]", "a", false},
      {"a\\b", "a\\b", true},
      {"^a$", "^a$", true},
      {"a|b", "a|b", true},
      {"a{2}", "a{2}", true},
      // Folding like words.
      {"Maj?r", "majer", true},
      {"M\u00c1J*", "majer", true},
      {"*STRA\u00dfE", "hauptstrasse", true},
  };
  for (const Case& c : cases) {
    const std::string glob_text = c.glob;
    CAPTURE(glob_text);
    const std::string token_text = c.token;
    CAPTURE(token_text);
    CHECK(glob_matches(c.glob, c.token) == c.expected);
  }
  CHECK(glob_matches("Maj?r", textx::key_of("M\u00e1jer")));
  CHECK(glob_matches("Maj?r", "Majer", kExact));
  CHECK_FALSE(glob_matches("Maj?r", "majer", kExact));

  const textx::Result<TokenRegex> huge = TokenRegex::from_wildcard(std::string(20000, 'a'));
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().code == "query.too_complex");
  CHECK(TokenRegex::from_wildcard(repeat("*", 20000)).ok());  // runs of '*' are one '*'
}

TEST_CASE("token regex and wildcard: required_prefix") {
  struct Case {
    bool glob;
    const char* pattern;
    const char* prefix;
  };
  const Case cases[] = {
      {true, "independ*", "independ"},
      {true, "*ism", ""},
      {true, "Maj?r", "maj"},
      {true, "organi?ation", "organi"},
      {true, "\u00c9ta*", "eta"},
      {true, "", ""},
      {false, "imperialis(m|t)s?", "imperialis"},
      {false, "Imperialis(m|T)S?", "imperialis"},
      {false, "abc|abd", "ab"},
      {false, "a+b", "a"},
      {false, "(ab){2}c", "ababc"},
      {false, "ab?", "a"},
      {false, "a*", ""},
      {false, "a|b", ""},
      {false, ".", ""},
      {false, "x\\d", "x"},
      {false, "[a]b", "ab"},
      {false, "^Stra\u00dfe$", "strasse"},
      {false, "\u5b57+", "\u5b57"},
      {false, "a+^", "a"},  // never matches; the prefix stays finite
  };
  for (const Case& c : cases) {
    const std::string pattern_text = c.pattern;
    CAPTURE(pattern_text);
    const textx::Result<TokenRegex> re = c.glob ? TokenRegex::from_wildcard(c.pattern) : TokenRegex::compile(c.pattern);
    REQUIRE(re.ok());
    CHECK(re.value().required_prefix() == c.prefix);
  }
}

TEST_CASE("token regex: a vocabulary-sized scan") {
  // Many distinct keys through one compiled pattern, as query evaluation does; prints the rate.
  std::mt19937 rng(11);
  std::vector<std::string> keys;
  for (int i = 0; i < 200000; ++i) {
    std::string key;
    const int n = 3 + static_cast<int>(rng() % 12);
    for (int j = 0; j < n; ++j) key += static_cast<char>('a' + rng() % 26);
    if (i % 7 == 0) key += "ism";
    keys.push_back(std::move(key));
  }
  const textx::Result<TokenRegex> re = TokenRegex::compile("\\w*(i|y)s(m|t)s?");
  REQUIRE(re.ok());
  const auto begin = std::chrono::steady_clock::now();
  std::size_t hits = 0, expected = 0;
  for (const std::string& key : keys) {
    hits += re.value().matches(key);
    const std::size_t n = key.size();
    const auto ends = [&](const std::string& s) { return n >= s.size() && key.compare(n - s.size(), s.size(), s) == 0; };
    expected += (ends("ism") || ends("yst") || ends("ist") || ends("ysm") || ends("isms") || ends("ists") ||
                 ends("ysms") || ends("ysts"));
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
  MESSAGE("200,000 keys in " << ms << " ms");
  CHECK(hits == expected);
}
