#include "core/query/token_regex.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

constexpr std::uint8_t kPropWord = 1, kPropNotWord = 2, kPropDigit = 4, kPropNotDigit = 8;
constexpr std::int32_t kUnknown = -1, kDead = -2;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
// Ranges are folded member by member until the whole expression has folded this many members; beyond it
// only endpoints are folded. Bounds compile time (each fold is a key_of call).
constexpr std::size_t kMaxFoldedMembers = 16 * 1024;

bool is_word(char32_t cp) {
  const unicode::CharInfo info = unicode::char_info(cp);
  if (info.word_content()) return true;
  const unicode::WordBreak wb = info.word_break();
  return wb == unicode::WordBreak::kExtend || wb == unicode::WordBreak::kZWJ ||
         wb == unicode::WordBreak::kExtendNumLet;
}

// General_Category Nd: Word_Break=Numeric is Nd plus U+066B ARABIC DECIMAL SEPARATOR.
bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return unicode::char_info(cp).word_break() == unicode::WordBreak::kNumeric && cp != 0x066B;
}

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

void normalize(Ranges& ranges) {
  std::sort(ranges.begin(), ranges.end());
  Ranges merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  ranges = std::move(merged);
}

Ranges complement(Ranges ranges) {
  normalize(ranges);
  Ranges out;
  char32_t next = 0;
  for (const auto& r : ranges) {
    if (r.first > next) out.push_back({next, r.first - 1});
    next = r.second + 1;
  }
  if (next <= kMaxCodePoint) out.push_back({next, kMaxCodePoint});
  return out;
}

// JavaScript's \s: WhiteSpace and LineTerminator.
Ranges space_ranges() {
  return {{0x09, 0x0D}, {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
          {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
}

std::string utf8_of(const std::u32string& cps) {
  std::string out;
  for (const char32_t cp : cps) append_utf8(out, cp);
  return out;
}

std::u32string code_points_of(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(next_code_point(text, pos));
  return out;
}

std::string quote(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

bool is_quantifier(char32_t c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

}  // namespace

bool TokenRegex::CharSet::contains(char32_t cp) const {
  bool in = false;
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  if (it != ranges.begin() && std::prev(it)->second >= cp) in = true;
  if (!in && props) {
    if (props & (kPropWord | kPropNotWord)) {
      const bool w = is_word(cp);
      in = ((props & kPropWord) && w) || ((props & kPropNotWord) && !w);
    }
    if (!in && (props & (kPropDigit | kPropNotDigit))) {
      const bool d = is_digit(cp);
      in = ((props & kPropDigit) && d) || ((props & kPropNotDigit) && !d);
    }
  }
  return in != negated;
}

std::size_t TokenRegex::Cache::Hash::operator()(const std::vector<std::uint32_t>& v) const {
  std::uint64_t h = 0xcbf29ce484222325ull ^ v.size();
  for (const std::uint32_t x : v) h = (h ^ x) * 0x100000001b3ull;
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void TokenRegex::Cache::clear() {
  ids.clear();
  states.clear();
  accepting.clear();
  next.clear();
  bytes = 0;
  start = -1;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and compiling.

class TokenRegexBuilder {
 public:
  explicit TokenRegexBuilder(MatchOptions match) : match_(match) {}

  Result<TokenRegex> compile(std::string_view pattern) {
    cps_ = code_points_of(repair_utf8(pattern).text);
    Node root = parse_alternation(0);
    if (!error_ && pos_ < cps_.size()) fail(pos_, "this ')' has no matching '('.");
    if (error_) return *error_;
    return finish(root);
  }

  Result<TokenRegex> wildcard(std::string_view glob) {
    cps_ = code_points_of(repair_utf8(glob).text);
    Node seq = make(Node::kSeq);
    std::u32string run;
    for (std::size_t i = 0; i < cps_.size(); ++i) {
      const char32_t c = cps_[i];
      if (c != '*' && c != '?') {
        run.push_back(c);
        continue;
      }
      flush_literals(run, seq);
      if (c == '?') {
        seq.kids.push_back(any_node());
      } else if (seq.kids.empty() || seq.kids.back().kind != Node::kRepeat) {  // "**" is "*"
        Node star = make(Node::kRepeat);
        star.min = 0;
        star.max = -1;
        star.kids.push_back(any_node());
        seq.kids.push_back(std::move(star));
      }
    }
    flush_literals(run, seq);
    return finish(seq);
  }

 private:
  struct Node {
    enum Kind { kEmpty, kSet, kSeq, kAlt, kRepeat, kStart, kEnd } kind = kEmpty;
    std::uint32_t set = 0;      // kSet
    int min = 0, max = 0;       // kRepeat; max -1: unbounded
    std::vector<Node> kids;     // kSeq, kAlt, kRepeat (one)
  };

  static Node make(Node::Kind kind) {
    Node n;
    n.kind = kind;
    return n;
  }

  // One item of a class: a code point, or a class escape's code points.
  struct ClassAtom {
    bool is_char = true;
    char32_t cp = 0;
    Ranges ranges;
    std::uint8_t props = 0;
  };

  // --- errors
  void fail(std::size_t at, const std::string& words) { fail_with("query.regex", at, words); }
  void too_complex(std::size_t at, const std::string& words) { fail_with("query.too_complex", at, words); }
  void fail_with(const char* code, std::size_t at, const std::string& words) {
    if (!error_) error_ = Error{code, "At character " + std::to_string(at + 1) + " of the expression: " + words};
  }

  // --- nodes
  Node set_node(TokenRegex::CharSet set) {
    normalize(set.ranges);
    Node n = make(Node::kSet);
    n.set = static_cast<std::uint32_t>(sets_.size());
    sets_.push_back(std::move(set));
    return n;
  }
  Node any_node() {
    TokenRegex::CharSet any;
    any.negated = true;
    return set_node(std::move(any));
  }
  Node single(char32_t cp) {
    TokenRegex::CharSet s;
    s.ranges.push_back({cp, cp});
    return set_node(std::move(s));
  }

  std::u32string fold(const std::u32string& cps) { return code_points_of(key_of(utf8_of(cps), match_)); }

  // Appends literal code points `run`, folded into key form, to `seq`.
  void flush_literals(std::u32string& run, Node& seq) {
    if (run.empty()) return;
    for (const char32_t cp : fold(run)) seq.kids.push_back(single(cp));
    run.clear();
  }

  // --- grammar
  Node parse_alternation(int depth) {
    Node alt = make(Node::kAlt);
    alt.kids.push_back(parse_sequence(depth));
    while (!error_ && pos_ < cps_.size() && cps_[pos_] == '|') {
      ++pos_;
      alt.kids.push_back(parse_sequence(depth));
    }
    if (alt.kids.size() == 1) return std::move(alt.kids.front());
    return alt;
  }

  Node parse_sequence(int depth) {
    Node seq = make(Node::kSeq);
    std::u32string run;
    while (!error_ && pos_ < cps_.size() && cps_[pos_] != '|' && cps_[pos_] != ')') {
      const std::size_t atom_pos = pos_;
      const char32_t c = cps_[pos_];
      if (is_quantifier(c)) {
        fail(atom_pos, "'" + quote(c) + "' has nothing before it to repeat" +
                           (c == '{' ? "; write \\{ for a literal brace." : "; write \\" + quote(c) + " for the character itself."));
        break;
      }
      Node atom;
      std::optional<char32_t> literal;
      parse_atom(atom, literal, depth);
      if (error_) break;
      const bool quantified = pos_ < cps_.size() && is_quantifier(cps_[pos_]);
      if (literal && !quantified) {
        run.push_back(*literal);
        continue;
      }
      flush_literals(run, seq);
      if (literal) {
        Node lit = make(Node::kSeq);
        std::u32string one(1, *literal);
        flush_literals(one, lit);
        atom = std::move(lit);
      }
      if (quantified) {
        if (cps_[atom_pos] == '^' || cps_[atom_pos] == '$') {
          fail(pos_, "'" + quote(cps_[pos_]) + "' cannot repeat the anchor '" + quote(cps_[atom_pos]) + "'.");
          break;
        }
        parse_quantifier(atom);
        if (error_) break;
      }
      seq.kids.push_back(std::move(atom));
    }
    flush_literals(run, seq);
    if (seq.kids.size() == 1) return std::move(seq.kids.front());
    return seq;
  }

  // Reads a number of decimal digits at pos_, saturating; nullopt if there is none.
  std::optional<long> parse_number() {
    if (pos_ >= cps_.size() || cps_[pos_] < '0' || cps_[pos_] > '9') return std::nullopt;
    long value = 0;
    while (pos_ < cps_.size() && cps_[pos_] >= '0' && cps_[pos_] <= '9') {
      value = std::min(value * 10 + static_cast<long>(cps_[pos_] - '0'), 1000000000L);
      ++pos_;
    }
    return value;
  }

  void parse_quantifier(Node& atom) {
    const std::size_t q_pos = pos_;
    const char32_t c = cps_[pos_++];
    long min = 0, max = -1;
    if (c == '+') {
      min = 1;
    } else if (c == '?') {
      max = 1;
    } else if (c == '{') {
      const std::string malformed =
          "'{' must start a repetition count such as {2}, {2,} or {2,5}; write \\{ for a literal brace.";
      const std::optional<long> first = parse_number();
      if (!first) return fail(q_pos, pos_ >= cps_.size() ? "this '{' is never closed; write \\{ for a literal brace." : malformed);
      min = max = *first;
      if (pos_ < cps_.size() && cps_[pos_] == ',') {
        ++pos_;
        const std::optional<long> second = parse_number();
        max = second ? *second : -1;
      }
      if (pos_ >= cps_.size()) return fail(q_pos, "this '{' is never closed; write \\{ for a literal brace.");
      if (cps_[pos_] != '}') return fail(q_pos, malformed);
      ++pos_;
      if (min > TokenRegex::kMaxRepeat || max > TokenRegex::kMaxRepeat)
        return too_complex(q_pos, "a repetition count can be at most " + std::to_string(TokenRegex::kMaxRepeat) + ".");
      if (max >= 0 && max < min)
        return fail(q_pos, "in {" + std::to_string(min) + "," + std::to_string(max) +
                               "} the first number is larger than the second.");
    }
    if (pos_ < cps_.size() && cps_[pos_] == '?') ++pos_;  // lazy: the same for a whole-token match
    if (pos_ < cps_.size() && is_quantifier(cps_[pos_])) {
      return fail(pos_, "'" + quote(cps_[pos_]) +
                            "' follows another repetition, so it has nothing to repeat; use a group, as in (a*)+.");
    }
    Node rep = make(Node::kRepeat);
    rep.min = static_cast<int>(min);
    rep.max = static_cast<int>(max);
    rep.kids.push_back(std::move(atom));
    atom = std::move(rep);
  }

  void parse_atom(Node& out, std::optional<char32_t>& literal, int depth) {
    const std::size_t at = pos_;
    const char32_t c = cps_[pos_];
    switch (c) {
      case '(': {
        if (depth >= TokenRegex::kMaxNesting)
          return too_complex(at, "groups are nested more than " + std::to_string(TokenRegex::kMaxNesting) + " deep.");
        ++pos_;
        if (pos_ < cps_.size() && cps_[pos_] == '?') {
          const char32_t k = pos_ + 1 < cps_.size() ? cps_[pos_ + 1] : 0;
          const char32_t k2 = pos_ + 2 < cps_.size() ? cps_[pos_ + 2] : 0;
          if (k == ':') {
            pos_ += 2;
          } else if (k == '=' || k == '!' || (k == '<' && (k2 == '=' || k2 == '!'))) {
            return fail(at, "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported.");
          } else if (k == '<') {
            std::size_t p = pos_ + 2;
            while (p < cps_.size() && cps_[p] != '>' && (cps_[p] == '_' || is_word(cps_[p]))) ++p;
            if (p >= cps_.size() || cps_[p] != '>' || p == pos_ + 2)
              return fail(at, "a named group must look like (?<name>…).");
            pos_ = p + 1;
          } else {
            return fail(at, "'(?' must be followed by ':' as in (?:…); flags such as (?i) are not supported.");
          }
        }
        out = parse_alternation(depth + 1);
        if (error_) return;
        if (pos_ >= cps_.size() || cps_[pos_] != ')') return fail(at, "this '(' is never closed.");
        ++pos_;
        return;
      }
      case '[':
        return parse_class(out);
      case '.':
        ++pos_;
        out = any_node();
        return;
      case '^':
        ++pos_;
        out = make(Node::kStart);
        return;
      case '$':
        ++pos_;
        out = make(Node::kEnd);
        return;
      case '\\': {
        ClassAtom a;
        parse_escape(a, /*in_class=*/false);
        if (error_) return;
        if (a.is_char) {
          literal = a.cp;
        } else {
          TokenRegex::CharSet set;
          set.ranges = std::move(a.ranges);
          set.props = a.props;
          out = set_node(std::move(set));
        }
        return;
      }
      default:
        ++pos_;
        literal = c;
        return;
    }
  }

  // Parses the escape at pos_ (a backslash) into `a`.
  void parse_escape(ClassAtom& a, bool in_class) {
    const std::size_t at = pos_;
    if (pos_ + 1 >= cps_.size()) return fail(at, "the expression ends with a lone '\\'; write \\\\ for a backslash.");
    const char32_t e = cps_[pos_ + 1];
    pos_ += 2;
    a.is_char = true;
    switch (e) {
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        a.is_char = false;
        if (e == 'd') a.props = kPropDigit;
        if (e == 'D') a.props = kPropNotDigit;
        if (e == 'w') a.props = kPropWord;
        if (e == 'W') a.props = kPropNotWord;
        if (e == 's') a.ranges = space_ranges();
        if (e == 'S') a.ranges = complement(space_ranges());
        return;
      case 'b':
        if (in_class) {
          a.cp = 0x08;  // backspace, as in JavaScript
          return;
        }
        [[fallthrough]];
      case 'B':
        return fail(at, "word boundaries (\\b, \\B) are not supported: the expression always matches a whole word.");
      case 'k':
        return fail(at, "back-references (\\k<name>) are not supported.");
      case 'p': case 'P':
        return fail(at, "Unicode property classes (\\p{…}) are not supported; use \\w, \\d or a class such as [a-z].");
      case 't': a.cp = 0x09; return;
      case 'n': a.cp = 0x0A; return;
      case 'v': a.cp = 0x0B; return;
      case 'f': a.cp = 0x0C; return;
      case 'r': a.cp = 0x0D; return;
      case '0':
        if (pos_ < cps_.size() && cps_[pos_] >= '0' && cps_[pos_] <= '9')
          return fail(at, "octal escapes such as \\0" + quote(cps_[pos_]) + " are not supported; use \\x or \\u.");
        a.cp = 0;
        return;
      case 'x': {
        if (pos_ + 1 >= cps_.size() || hex_value(cps_[pos_]) < 0 || hex_value(cps_[pos_ + 1]) < 0)
          return fail(at, "\\x must be followed by two hexadecimal digits, as in \\xE9.");
        a.cp = static_cast<char32_t>(hex_value(cps_[pos_]) * 16 + hex_value(cps_[pos_ + 1]));
        pos_ += 2;
        return;
      }
      case 'u': {
        const std::optional<char32_t> cp = parse_unicode_escape(at);
        if (!cp) return;
        a.cp = *cp;
        return;
      }
      default:
        break;
    }
    if (e >= '1' && e <= '9') return fail(at, "back-references such as \\" + quote(e) + " are not supported.");
    if (e < 0x80 && ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')))
      return fail(at, "\\" + quote(e) + " is not a known escape; write " + quote(e) + " alone for the character itself.");
    a.cp = e;  // punctuation, control characters, anything non-ASCII: itself
  }

  // After "\u" (pos_ just past it): HHHH, a surrogate pair \uHHHH\uHHHH, or {H…}.
  std::optional<char32_t> parse_unicode_escape(std::size_t at) {
    const std::string malformed = "\\u must be followed by four hexadecimal digits or by {…}, as in \\u00E9 or \\u{1F600}.";
    const auto read4 = [&](std::size_t p) -> std::optional<char32_t> {
      if (p + 4 > cps_.size()) return std::nullopt;
      char32_t v = 0;
      for (std::size_t i = p; i < p + 4; ++i) {
        const int h = hex_value(cps_[i]);
        if (h < 0) return std::nullopt;
        v = v * 16 + static_cast<char32_t>(h);
      }
      return v;
    };
    char32_t cp = 0;
    if (pos_ < cps_.size() && cps_[pos_] == '{') {
      std::size_t p = pos_ + 1;
      std::size_t digits = 0;
      while (p < cps_.size() && hex_value(cps_[p]) >= 0) {
        cp = std::min<char32_t>(cp * 16 + static_cast<char32_t>(hex_value(cps_[p])), 0x110000);
        ++p;
        ++digits;
      }
      if (digits == 0 || p >= cps_.size() || cps_[p] != '}') {
        fail(at, malformed);
        return std::nullopt;
      }
      pos_ = p + 1;
    } else {
      const std::optional<char32_t> v = read4(pos_);
      if (!v) {
        fail(at, malformed);
        return std::nullopt;
      }
      cp = *v;
      pos_ += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 1 < cps_.size() && cps_[pos_] == '\\' && cps_[pos_ + 1] == 'u') {
        const std::optional<char32_t> low = read4(pos_ + 2);
        if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
          pos_ += 6;
        }
      }
    }
    if (cp > kMaxCodePoint) {
      fail(at, "\\u{…} must name a code point no larger than 10FFFF.");
      return std::nullopt;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      fail(at, "\\u names a lone surrogate, which is not a character.");
      return std::nullopt;
    }
    return cp;
  }

  void parse_class_atom(ClassAtom& a) {
    if (cps_[pos_] == '\\') return parse_escape(a, /*in_class=*/true);
    a.is_char = true;
    a.cp = cps_[pos_++];
  }

  void parse_class(Node& out) {
    const std::size_t open = pos_++;
    TokenRegex::CharSet set;
    if (pos_ < cps_.size() && cps_[pos_] == '^') {
      set.negated = true;
      ++pos_;
    }
    std::vector<char32_t> singles;
    Ranges ranges;
    while (true) {
      if (pos_ >= cps_.size()) return fail(open, "this '[' is never closed; write \\[ for a literal bracket.");
      if (cps_[pos_] == ']') {
        ++pos_;
        break;
      }
      const std::size_t item = pos_;
      ClassAtom a;
      parse_class_atom(a);
      if (error_) return;
      if (a.is_char && pos_ + 1 < cps_.size() && cps_[pos_] == '-' && cps_[pos_ + 1] != ']') {
        ++pos_;
        ClassAtom b;
        parse_class_atom(b);
        if (error_) return;
        if (b.is_char) {
          if (b.cp < a.cp)
            return fail(item, "the range " + quote(a.cp) + "-" + quote(b.cp) + " is reversed; write the smaller character first.");
          ranges.push_back({a.cp, b.cp});
          continue;
        }
        singles.push_back(a.cp);  // [a-\d]: '-' is literal, as in JavaScript
        singles.push_back('-');
        a = std::move(b);
      }
      if (a.is_char) {
        singles.push_back(a.cp);
      } else {
        set.ranges.insert(set.ranges.end(), a.ranges.begin(), a.ranges.end());
        set.props |= a.props;
      }
    }
    // Folding: members as written, plus their key forms.
    std::set<std::u32string> sequences;
    const auto add_folded = [&](char32_t cp) {
      const std::u32string f = fold(std::u32string(1, cp));
      if (f.size() == 1) {
        if (f[0] != cp) set.ranges.push_back({f[0], f[0]});
      } else if (f.size() > 1 && !set.negated) {
        sequences.insert(f);
      }
    };
    for (const char32_t cp : singles) {
      set.ranges.push_back({cp, cp});
      add_folded(cp);
    }
    for (const auto& [lo, hi] : ranges) {
      set.ranges.push_back({lo, hi});
      const std::size_t members = static_cast<std::size_t>(hi - lo) + 1;
      if (members <= TokenRegex::kMaxFoldedRange && folded_members_ + members <= kMaxFoldedMembers) {
        folded_members_ += members;
        for (char32_t cp = lo;; ++cp) {
          add_folded(cp);
          if (cp == hi) break;
        }
      } else {
        const std::u32string flo = fold(std::u32string(1, lo)), fhi = fold(std::u32string(1, hi));
        if (flo.size() == 1 && fhi.size() == 1 && flo[0] <= fhi[0]) set.ranges.push_back({flo[0], fhi[0]});
      }
    }
    out = set_node(std::move(set));
    if (sequences.empty()) return;
    Node alt = make(Node::kAlt);
    alt.kids.push_back(std::move(out));
    for (const std::u32string& seq : sequences) {
      Node s = make(Node::kSeq);
      for (const char32_t cp : seq) s.kids.push_back(single(cp));
      alt.kids.push_back(std::move(s));
    }
    out = std::move(alt);
  }

  // --- program
  static std::uint64_t size_of(const Node& n) {
    constexpr std::uint64_t kCap = std::uint64_t{1} << 40;
    switch (n.kind) {
      case Node::kEmpty: return 0;
      case Node::kSet: case Node::kStart: case Node::kEnd: return 1;
      case Node::kSeq: case Node::kAlt: {
        std::uint64_t total = n.kind == Node::kAlt ? 2 * (n.kids.size() - 1) : 0;
        for (const Node& k : n.kids) total = std::min(total + size_of(k), kCap);
        return total;
      }
      case Node::kRepeat: {
        const std::uint64_t s = size_of(n.kids.front());
        if (n.max < 0) return n.min == 0 ? s + 2 : std::min(s * static_cast<std::uint64_t>(n.min) + 1, kCap);
        return std::min(s * static_cast<std::uint64_t>(n.max) + static_cast<std::uint64_t>(n.max - n.min), kCap);
      }
    }
    return 0;
  }

  std::uint32_t here() const { return static_cast<std::uint32_t>(prog_.size()); }
  std::uint32_t emit(TokenRegex::Op op, std::uint32_t x = 0, std::uint32_t y = 0, std::uint32_t set = 0) {
    prog_.push_back(TokenRegex::Inst{op, x, y, set});
    return here() - 1;
  }

  // Emits `n` so that it falls through to the instruction after it.
  void emit_node(const Node& n) {
    using Op = TokenRegex::Op;
    switch (n.kind) {
      case Node::kEmpty:
        return;
      case Node::kSet:
        emit(Op::kChar, here() + 1, 0, n.set);
        return;
      case Node::kStart:
        emit(Op::kAssertStart, here() + 1);
        return;
      case Node::kEnd:
        emit(Op::kAssertEnd, here() + 1);
        return;
      case Node::kSeq:
        for (const Node& k : n.kids) emit_node(k);
        return;
      case Node::kAlt: {
        std::vector<std::uint32_t> jumps;
        for (std::size_t i = 0; i + 1 < n.kids.size(); ++i) {
          const std::uint32_t split = emit(Op::kSplit, here() + 1);
          emit_node(n.kids[i]);
          jumps.push_back(emit(Op::kJmp));
          prog_[split].y = here();
        }
        emit_node(n.kids.back());
        for (const std::uint32_t j : jumps) prog_[j].x = here();
        return;
      }
      case Node::kRepeat: {
        const Node& kid = n.kids.front();
        if (n.max < 0) {
          if (n.min == 0) {
            const std::uint32_t loop = emit(Op::kSplit, here() + 1);
            emit_node(kid);
            emit(Op::kJmp, loop);
            prog_[loop].y = here();
          } else {
            for (int i = 0; i + 1 < n.min; ++i) emit_node(kid);
            const std::uint32_t body = here();
            emit_node(kid);
            emit(Op::kSplit, body, here() + 1);
          }
          return;
        }
        for (int i = 0; i < n.min; ++i) emit_node(kid);
        std::vector<std::uint32_t> skips;
        for (int i = n.min; i < n.max; ++i) {
          skips.push_back(emit(Op::kSplit, here() + 1));
          emit_node(kid);
        }
        for (const std::uint32_t s : skips) prog_[s].y = here();
        return;
      }
    }
  }

  Result<TokenRegex> finish(const Node& root) {
    if (size_of(root) + 1 > TokenRegex::kMaxInstructions) {
      return Error{"query.too_complex",
                   "The expression is too complex: it would take more than " +
                       std::to_string(TokenRegex::kMaxInstructions) +
                       " steps to test each word; use fewer or smaller repetitions."};
    }
    emit_node(root);
    emit(TokenRegex::Op::kMatch);

    TokenRegex re;
    re.prog_ = std::move(prog_);
    re.sets_ = std::move(sets_);
    re.start_pc_ = 0;
    // Code point classes.
    std::uint8_t props = 0;
    for (const TokenRegex::CharSet& s : re.sets_) {
      for (const auto& [lo, hi] : s.ranges) {
        re.breaks_.push_back(lo);
        if (hi < kMaxCodePoint) re.breaks_.push_back(hi + 1);
      }
      if (s.props & (kPropWord | kPropNotWord)) props |= 1;
      if (s.props & (kPropDigit | kPropNotDigit)) props |= 2;
    }
    std::sort(re.breaks_.begin(), re.breaks_.end());
    re.breaks_.erase(std::unique(re.breaks_.begin(), re.breaks_.end()), re.breaks_.end());
    re.class_props_ = props;
    const std::uint32_t prop_classes = props == 3 ? 4 : props ? 2 : 1;
    re.class_count_ = static_cast<std::uint32_t>(re.breaks_.size() + 1) * prop_classes;
    for (char32_t b = 0; b < 128; ++b) re.ascii_class_[b] = re.class_of(b);
    // Whether the empty token matches.
    std::vector<std::uint32_t> set;
    re.new_generation();
    re.closure(re.start_pc_, true, true, set);
    re.matches_empty_ = std::any_of(set.begin(), set.end(),
                                    [&](std::uint32_t pc) { return re.prog_[pc].op == TokenRegex::Op::kMatch; });
    // The required prefix: while every live thread needs the same code point next.
    set.clear();
    re.new_generation();
    re.closure(re.start_pc_, true, false, set);
    std::sort(set.begin(), set.end());
    std::vector<std::uint32_t> next;
    for (std::size_t step = 0; step < re.prog_.size() && !set.empty(); ++step) {
      std::optional<char32_t> common;
      bool ok = true;
      for (const std::uint32_t pc : set) {
        const TokenRegex::Inst& inst = re.prog_[pc];
        if (inst.op != TokenRegex::Op::kChar) {
          ok = false;
          break;
        }
        const TokenRegex::CharSet& s = re.sets_[inst.set];
        if (s.negated || s.props || s.ranges.size() != 1 || s.ranges[0].first != s.ranges[0].second ||
            (common && *common != s.ranges[0].first)) {
          ok = false;
          break;
        }
        common = s.ranges[0].first;
      }
      if (!ok) break;
      append_utf8(re.prefix_, *common);
      next.clear();
      re.new_generation();
      for (const std::uint32_t pc : set) re.closure(re.prog_[pc].x, false, false, next);
      std::sort(next.begin(), next.end());
      if (next == set) break;  // a loop no match can leave: the pattern matches nothing
      std::swap(set, next);
    }
    return re;
  }

  MatchOptions match_;
  std::u32string cps_;
  std::size_t pos_ = 0;
  std::optional<Error> error_;
  std::vector<TokenRegex::CharSet> sets_;
  std::vector<TokenRegex::Inst> prog_;
  std::size_t folded_members_ = 0;
};

Result<TokenRegex> TokenRegex::compile(std::string_view pattern, MatchOptions match) {
  return TokenRegexBuilder(match).compile(pattern);
}

Result<TokenRegex> TokenRegex::from_wildcard(std::string_view glob, MatchOptions match) {
  return TokenRegexBuilder(match).wildcard(glob);
}

// ---------------------------------------------------------------------------------------------------------
// Matching: a lazily built DFA over NFA state sets.

std::uint32_t TokenRegex::class_of(char32_t cp) const {
  const auto index = static_cast<std::uint32_t>(std::upper_bound(breaks_.begin(), breaks_.end(), cp) - breaks_.begin());
  if (!class_props_) return index;
  std::uint32_t bits = 0;
  if (class_props_ == 3) {
    bits = (is_word(cp) ? 2u : 0u) | (is_digit(cp) ? 1u : 0u);
    return index * 4 + bits;
  }
  bits = class_props_ == 1 ? is_word(cp) : is_digit(cp);
  return index * 2 + bits;
}

void TokenRegex::new_generation() const {
  Cache& c = cache_;
  if (c.marks.size() < prog_.size()) c.marks.assign(prog_.size(), 0);
  if (++c.generation == 0) {
    std::fill(c.marks.begin(), c.marks.end(), 0);
    c.generation = 1;
  }
}

// Adds to `out` the kChar, kMatch and (unless at_end) kAssertEnd instructions reachable from `pc` without
// consuming a code point, skipping those marked in this generation.
void TokenRegex::closure(std::uint32_t pc, bool at_start, bool at_end, std::vector<std::uint32_t>& out) const {
  Cache& c = cache_;
  c.stack.push_back(pc);
  while (!c.stack.empty()) {
    const std::uint32_t p = c.stack.back();
    c.stack.pop_back();
    if (c.marks[p] == c.generation) continue;
    c.marks[p] = c.generation;
    const Inst& inst = prog_[p];
    switch (inst.op) {
      case Op::kChar:
      case Op::kMatch:
        out.push_back(p);
        break;
      case Op::kSplit:
        c.stack.push_back(inst.y);
        c.stack.push_back(inst.x);
        break;
      case Op::kJmp:
        c.stack.push_back(inst.x);
        break;
      case Op::kAssertStart:
        if (at_start) c.stack.push_back(inst.x);
        break;
      case Op::kAssertEnd:
        if (at_end) {
          c.stack.push_back(inst.x);
        } else {
          out.push_back(p);
        }
        break;
    }
  }
}

std::int32_t TokenRegex::add_state(std::vector<std::uint32_t>& set) const {
  Cache& c = cache_;
  // Accepting at the end of a non-empty token: Match, or reachable through $ assertions.
  bool accept = false;
  std::vector<std::uint32_t>& tail = c.saved;
  tail.clear();
  new_generation();
  for (const std::uint32_t pc : set) {
    if (prog_[pc].op == Op::kMatch) accept = true;
    if (prog_[pc].op == Op::kAssertEnd) closure(prog_[pc].x, false, true, tail);
  }
  for (const std::uint32_t pc : tail) accept = accept || prog_[pc].op == Op::kMatch;

  const auto id = static_cast<std::int32_t>(c.states.size());
  const auto inserted = c.ids.emplace(set, id).first;
  c.states.push_back(&inserted->first);
  c.accepting.push_back(accept);
  c.next.resize(c.next.size() + class_count_, kUnknown);
  c.bytes += class_count_ * sizeof(std::int32_t) + set.size() * sizeof(std::uint32_t) + 96;
  return id;
}

void TokenRegex::start_cache() const {
  Cache& c = cache_;
  c.clear();
  std::vector<std::uint32_t>& set = c.work;
  set.clear();
  new_generation();
  closure(start_pc_, true, false, set);
  std::sort(set.begin(), set.end());
  c.start = add_state(set);
}

std::int32_t TokenRegex::step(std::int32_t state, char32_t cp, std::uint32_t cls) const {
  Cache& c = cache_;
  std::vector<std::uint32_t>& work = c.work;
  work.clear();
  new_generation();
  for (const std::uint32_t pc : *c.states[static_cast<std::size_t>(state)]) {
    const Inst& inst = prog_[pc];
    if (inst.op == Op::kChar && sets_[inst.set].contains(cp)) closure(inst.x, false, false, work);
  }
  std::int32_t target = kDead;
  if (!work.empty()) {
    std::sort(work.begin(), work.end());
    const auto found = c.ids.find(work);
    if (found != c.ids.end()) {
      target = found->second;
    } else {
      if (c.bytes + class_count_ * sizeof(std::int32_t) + work.size() * sizeof(std::uint32_t) > kDfaCacheBytes) {
        // Full: start again from the start state and this one (copies: the flush frees both sets).
        std::vector<std::uint32_t> current = *c.states[static_cast<std::size_t>(state)];
        std::vector<std::uint32_t> wanted = work;
        start_cache();
        const auto again = c.ids.find(current);
        state = again != c.ids.end() ? again->second : add_state(current);
        const auto other = c.ids.find(wanted);
        target = other != c.ids.end() ? other->second : add_state(wanted);
      } else {
        target = add_state(work);
      }
    }
  }
  c.next[static_cast<std::size_t>(state) * class_count_ + cls] = target;
  return target;
}

bool TokenRegex::matches(std::string_view token) const {
  if (token.empty()) return matches_empty_;
  Cache& c = cache_;
  if (c.start < 0) start_cache();
  std::int32_t state = c.start;
  std::size_t pos = 0;
  while (pos < token.size()) {
    const auto b = static_cast<unsigned char>(token[pos]);
    char32_t cp;
    std::uint32_t cls;
    if (b < 0x80) {
      cp = b;
      cls = ascii_class_[b];
      ++pos;
    } else {
      cp = next_code_point(token, pos);
      cls = class_of(cp);
    }
    std::int32_t next = c.next[static_cast<std::size_t>(state) * class_count_ + cls];
    if (next == kUnknown) next = step(state, cp, cls);
    if (next == kDead) return false;
    state = next;
  }
  return c.accepting[static_cast<std::size_t>(state)] != 0;
}

}  // namespace textx
