#include "core/query/query_parser.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

namespace textx {
namespace {

// Unicode White_Space (PropList.txt): what separates the parts of a query.
bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Characters that end an unquoted word (a "chunk") wherever they stand.
bool ends_chunk(char32_t c) { return is_space(c) || c == '(' || c == ')' || c == '|'; }

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

const char* const kEmptyMessage = "The query has no words to search for; type a word such as independence.";
const char* const kNearNumberMessage =
    "NEAR must be followed by / and a number of words from 0 to 100, such as NEAR/5.";
const char* const kNearSidesMessage =
    "NEAR needs words to search for on both sides, such as peace NEAR/5 security.";
const char* const kDateMessage =
    "date: needs a date or a range of dates, such as date:1980, date:1980-10..1990 or date:..2000.";

struct Item {
  enum class Kind { kEnd, kOpen, kClose, kBar, kChunk, kQuoted, kRegex, kNear, kDoc, kDate };
  Kind kind = Kind::kEnd;
  std::size_t start = 0;  // code points [start, end) of the whole item
  std::size_t end = 0;
  std::size_t value_start = 0;  // kQuoted, kRegex, kDoc, kDate: the content without delimiters
  std::size_t value_end = 0;
  std::size_t distance = 0;  // kNear
};

// A run of terms parsed from one unit (a word, a quoted phrase, a regular expression, parentheses), with
// the code points it covers.
struct Piece {
  std::vector<QueryTerm> terms;
  std::size_t start = 0;
  std::size_t end = 0;
};

class Parser {
 public:
  explicit Parser(std::string text) : text_(std::move(text)) {
    cp_of_byte_.assign(text_.size() + 1, 0);
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const std::size_t start = pos;
      const char32_t cp = next_code_point(text_, pos);
      for (std::size_t b = start; b < pos; ++b) cp_of_byte_[b] = static_cast<std::uint32_t>(cps_.size());
      cps_.push_back(cp);
      byte_of_.push_back(start);
    }
    byte_of_.push_back(text_.size());
    cp_of_byte_[text_.size()] = static_cast<std::uint32_t>(cps_.size());
  }

  std::size_t length() const { return cps_.size(); }

  Result<Query> parse() {
    if (!advance()) return *error_;
    if (!parse_sequence(0, query_.sequence)) return *error_;
    if (item_.kind == Item::Kind::kNear) {
      const Item near = item_;
      if (query_.sequence.empty()) return syntax(near.start, kNearSidesMessage);
      query_.near_distance = near.distance;
      if (!advance()) return *error_;
      if (!parse_sequence(0, query_.near_sequence)) return *error_;
      if (item_.kind == Item::Kind::kNear) return syntax(item_.start, "a query can have only one NEAR.");
      if (query_.near_sequence.empty()) return syntax(near.start, kNearSidesMessage);
    }
    if (query_.sequence.empty()) return Error{"query.empty", kEmptyMessage};
    return std::move(query_);
  }

  // Only doc: and date: filters; no text at all selects every document.
  Result<DocumentFilter> parse_filter() {
    if (!advance()) return *error_;
    if (!parse_sequence(0, query_.sequence)) return *error_;
    if (!query_.sequence.empty() || item_.kind == Item::Kind::kNear)
      return syntax(query_.sequence.empty() ? item_.start : query_.sequence.front().position,
                    "a selection of documents takes only doc: and date: filters, such as doc:1980* or "
                    "date:1980..1990.");
    return std::move(query_.filter);
  }

 private:
  // ---- errors

  Error syntax(std::size_t at, const std::string& words) const {
    return Error{"query.syntax", "At character " + std::to_string(at + 1) + ": " + words};
  }
  bool fail(Error e) {
    error_ = std::move(e);
    return false;
  }
  bool fail_syntax(std::size_t at, const std::string& words) { return fail(syntax(at, words)); }

  // ---- reading the text

  std::string bytes(std::size_t start, std::size_t end) const {
    return text_.substr(byte_of_[start], byte_of_[end] - byte_of_[start]);
  }

  bool has_prefix_ascii_nocase(std::size_t at, std::string_view prefix) const {
    if (at + prefix.size() > cps_.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (ascii_lower(cps_[at + i]) != static_cast<char32_t>(prefix[i])) return false;
    return true;
  }
  bool has_prefix(std::size_t at, std::string_view prefix) const {
    if (at + prefix.size() > cps_.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (cps_[at + i] != static_cast<char32_t>(prefix[i])) return false;
    return true;
  }

  // Index of the next '"' at or after `from`, or npos.
  std::size_t find_quote(std::size_t from) const {
    for (std::size_t i = from; i < cps_.size(); ++i)
      if (cps_[i] == '"') return i;
    return npos;
  }

  // ---- the lexer: one item at a time, so errors come in the order of the text

  bool advance() {
    const std::size_t n = cps_.size();
    while (pos_ < n && is_space(cps_[pos_])) ++pos_;
    Item item;
    item.start = pos_;
    if (pos_ >= n) {
      item.kind = Item::Kind::kEnd;
      item.end = pos_;
      item_ = item;
      return true;
    }
    const char32_t c = cps_[pos_];
    if (c == '(' || c == ')' || c == '|') {
      item.kind = c == '(' ? Item::Kind::kOpen : c == ')' ? Item::Kind::kClose : Item::Kind::kBar;
      item.end = ++pos_;
    } else if (c == '"') {
      const std::size_t close = find_quote(pos_ + 1);
      if (close == npos) return fail_syntax(pos_, "this quotation mark is never closed.");
      item.kind = Item::Kind::kQuoted;
      item.value_start = pos_ + 1;
      item.value_end = close;
      item.end = pos_ = close + 1;
    } else if (c == '/') {
      if (!lex_regex(item)) return false;
    } else if (has_prefix(pos_, "NEAR") && (pos_ + 4 == n || cps_[pos_ + 4] == '/' || ends_chunk(cps_[pos_ + 4]))) {
      if (!lex_near(item)) return false;
    } else if (has_prefix_ascii_nocase(pos_, "doc:") || has_prefix_ascii_nocase(pos_, "date:")) {
      if (!lex_filter(item)) return false;
    } else {
      std::size_t end = pos_;
      while (end < n && !ends_chunk(cps_[end])) ++end;
      item.kind = Item::Kind::kChunk;
      item.end = pos_ = end;
    }
    item_ = item;
    return true;
  }

  // `/regex/`: ends at the first '/' that is neither escaped by '\' nor inside a [...] class.
  bool lex_regex(Item& item) {
    const std::size_t n = cps_.size();
    const std::size_t open = pos_;
    std::size_t i = open + 1;
    bool in_class = false;
    for (;;) {
      if (i >= n) return fail_syntax(open, "this regular expression is never closed; end it with /.");
      const char32_t ch = cps_[i];
      if (ch == '\\') {
        i += 2;
        continue;
      }
      if (in_class) {
        if (ch == ']') in_class = false;
      } else if (ch == '[') {
        in_class = true;
      } else if (ch == '/') {
        break;
      }
      ++i;
    }
    if (i == open + 1) return fail_syntax(open, "this regular expression is empty.");
    if (i + 1 < n && !ends_chunk(cps_[i + 1]))
      return fail_syntax(i + 1, "put a space between a regular expression's closing / and what follows.");
    item.kind = Item::Kind::kRegex;
    item.value_start = open + 1;
    item.value_end = i;
    item.end = pos_ = i + 1;
    return true;
  }

  // NEAR/n, n from 0 to kMaxNearDistance.
  bool lex_near(Item& item) {
    const std::size_t n = cps_.size();
    const std::size_t at = pos_;
    if (at + 4 == n || cps_[at + 4] != '/') return fail_syntax(at, kNearNumberMessage);
    std::size_t i = at + 5;
    std::size_t value = 0;
    while (i < n && is_digit(cps_[i])) {
      value = std::min<std::size_t>(value * 10 + (cps_[i] - '0'), 1000000);
      ++i;
    }
    if (i == at + 5) return fail_syntax(at, kNearNumberMessage);
    if (value > kMaxNearDistance) return fail_syntax(at + 5, "the distance after NEAR/ can be at most 100 words.");
    if (i < n && !ends_chunk(cps_[i]) && cps_[i] != '"')
      return fail_syntax(i, "put a space between " + bytes(at, i) + " and what follows.");
    item.kind = Item::Kind::kNear;
    item.distance = value;
    item.end = pos_ = i;
    return true;
  }

  // doc:VALUE or date:VALUE. The value runs to a space, parenthesis or |, or is quoted: doc:"my file.txt".
  bool lex_filter(Item& item) {
    const std::size_t n = cps_.size();
    const bool doc = ascii_lower(cps_[pos_ + 1]) == 'o';
    item.kind = doc ? Item::Kind::kDoc : Item::Kind::kDate;
    const std::size_t v = pos_ + (doc ? 4 : 5);
    if (v < n && cps_[v] == '"') {
      const std::size_t close = find_quote(v + 1);
      if (close == npos) return fail_syntax(v, "this quotation mark is never closed.");
      item.value_start = v + 1;
      item.value_end = close;
      item.end = pos_ = close + 1;
    } else {
      std::size_t end = v;
      while (end < n && !ends_chunk(cps_[end])) ++end;
      item.value_start = v;
      item.value_end = end;
      item.end = pos_ = end;
    }
    return true;
  }

  // ---- terms

  bool add_leaf(std::vector<QueryTerm>& out, QueryTerm term) {
    if (++leaves_ > kMaxQueryTerms)
      return fail(Error{"query.too_complex",
                        "At character " + std::to_string(term.position + 1) + ": this is search term " +
                            std::to_string(kMaxQueryTerms + 1) + "; a query can hold at most " +
                            std::to_string(kMaxQueryTerms) +
                            " words, wildcards, * gaps and regular expressions."});
    out.push_back(std::move(term));
    return true;
  }

  // Splits code points [start, end) into word tokens as the text model does. With `globs`, '*' and '?' count
  // as letters and make wildcard (or any-word) terms; without, they are punctuation like any other.
  bool split_words(std::size_t start, std::size_t end, bool globs, std::vector<QueryTerm>& out) {
    const std::size_t b0 = byte_of_[start];
    const std::string_view original = std::string_view(text_).substr(b0, byte_of_[end] - b0);
    std::string chunk(original);
    if (globs) std::replace_if(chunk.begin(), chunk.end(), [](char ch) { return ch == '*' || ch == '?'; }, 'x');
    for (const WordSpan& w : find_words(chunk)) {
      const std::string_view token = original.substr(w.start, w.end - w.start);
      QueryTerm term;
      term.position = cp_of_byte_[b0 + w.start];
      term.length = cp_of_byte_[b0 + w.end] - term.position;
      const bool has_glob = globs && token.find_first_of("*?") != std::string_view::npos;
      if (!has_glob) {
        term.kind = QueryTerm::Kind::kWord;
        term.text = std::string(token);
      } else if (token.find_first_not_of('*') == std::string_view::npos) {
        term.kind = QueryTerm::Kind::kAnyWord;
      } else {
        term.kind = QueryTerm::Kind::kWildcard;
        term.text = std::string(token);
      }
      if (!add_leaf(out, std::move(term))) return false;
    }
    return true;
  }

  static bool starts_unit(Item::Kind k) {
    return k == Item::Kind::kChunk || k == Item::Kind::kQuoted || k == Item::Kind::kRegex || k == Item::Kind::kOpen;
  }
  static bool is_filter(Item::Kind k) { return k == Item::Kind::kDoc || k == Item::Kind::kDate; }

  // Terms up to the end, a ')' or (at the top level) NEAR. `depth` is the number of open parentheses.
  bool parse_sequence(std::size_t depth, std::vector<QueryTerm>& out) {
    for (;;) {
      switch (item_.kind) {
        case Item::Kind::kEnd:
          return true;
        case Item::Kind::kClose:
          if (depth == 0) return fail_syntax(item_.start, "this closing parenthesis has no opening one.");
          return true;
        case Item::Kind::kNear:
          if (depth > 0) return fail_syntax(item_.start, "NEAR cannot be used inside parentheses.");
          return true;
        case Item::Kind::kBar:
          return fail_syntax(item_.start, "there is nothing to search for before this |.");
        case Item::Kind::kDoc:
        case Item::Kind::kDate:
          if (depth > 0)
            return fail_syntax(item_.start, "doc: and date: filters cannot be used inside parentheses.");
          if (!apply_filter(item_) || !advance()) return false;
          if (item_.kind == Item::Kind::kBar)
            return fail_syntax(item_.start,
                               "a filter cannot be an alternative; several doc: filters already mean any of "
                               "them, such as doc:1980* doc:2023*.");
          break;
        default:
          if (!parse_alternation(depth, out)) return false;
      }
    }
  }

  // unit { '|' unit }: one term, or one kGroup term of the alternatives.
  bool parse_alternation(std::size_t depth, std::vector<QueryTerm>& out) {
    std::vector<Piece> pieces(1);
    if (!parse_unit(depth, pieces[0])) return false;
    if (item_.kind != Item::Kind::kBar) {
      for (QueryTerm& t : pieces[0].terms) out.push_back(std::move(t));
      return true;
    }
    if (pieces[0].terms.empty()) return fail_syntax(item_.start, "there is nothing to search for before this |.");
    while (item_.kind == Item::Kind::kBar) {
      const std::size_t bar = item_.start;
      if (!advance()) return false;
      if (is_filter(item_.kind))
        return fail_syntax(item_.start,
                           "a filter cannot be an alternative; several doc: filters already mean any of them, "
                           "such as doc:1980* doc:2023*.");
      if (!starts_unit(item_.kind)) return fail_syntax(bar, "there is nothing to search for after this |.");
      pieces.emplace_back();
      if (!parse_unit(depth, pieces.back())) return false;
      if (pieces.back().terms.empty()) return fail_syntax(bar, "there is nothing to search for after this |.");
    }
    QueryTerm group;
    group.kind = QueryTerm::Kind::kGroup;
    group.position = pieces.front().start;
    group.length = pieces.back().end - pieces.front().start;
    for (Piece& p : pieces) {
      if (p.terms.size() == 1 && p.terms[0].kind == QueryTerm::Kind::kGroup) {
        // (a|b)|c is a|b|c.
        for (std::vector<QueryTerm>& alt : p.terms[0].alternatives) group.alternatives.push_back(std::move(alt));
      } else {
        group.alternatives.push_back(std::move(p.terms));
      }
    }
    out.push_back(std::move(group));
    return true;
  }

  // A word chunk, a quoted phrase, a regular expression or a parenthesised sequence.
  bool parse_unit(std::size_t depth, Piece& piece) {
    const Item item = item_;
    piece.start = item.start;
    piece.end = item.end;
    switch (item.kind) {
      case Item::Kind::kChunk:
        return split_words(item.start, item.end, true, piece.terms) && advance();
      case Item::Kind::kQuoted:
        return split_words(item.value_start, item.value_end, false, piece.terms) && advance();
      case Item::Kind::kRegex: {
        QueryTerm term;
        term.kind = QueryTerm::Kind::kRegex;
        term.text = bytes(item.value_start, item.value_end);
        term.position = item.start;
        term.length = item.end - item.start;
        return add_leaf(piece.terms, std::move(term)) && advance();
      }
      case Item::Kind::kOpen: {
        if (depth + 1 > kMaxQueryNesting)
          return fail(Error{"query.too_complex", "At character " + std::to_string(item.start + 1) +
                                                     ": parentheses can be nested at most " +
                                                     std::to_string(kMaxQueryNesting) + " deep."});
        if (!advance() || !parse_sequence(depth + 1, piece.terms)) return false;
        if (item_.kind != Item::Kind::kClose) return fail_syntax(item.start, "this parenthesis is never closed.");
        if (piece.terms.empty()) return fail_syntax(item.start, "these parentheses hold nothing to search for.");
        piece.end = item_.end;
        if (piece.terms.size() == 1 && piece.terms[0].kind == QueryTerm::Kind::kGroup) {
          piece.terms[0].position = piece.start;
          piece.terms[0].length = piece.end - piece.start;
        }
        return advance();
      }
      default:  // not reached: callers check starts_unit or the item kinds above
        return fail_syntax(item.start, "there is nothing to search for here.");
    }
  }

  // ---- filters

  bool apply_filter(const Item& item) {
    if (item.kind == Item::Kind::kDoc) {
      if (item.value_start == item.value_end)
        return fail_syntax(item.start, "doc: needs a document name or a pattern, such as doc:1980*.");
      query_.filter.names.push_back(bytes(item.value_start, item.value_end));
      return true;
    }
    if (have_date_)
      return fail_syntax(item.start,
                         "a query can have only one date: filter; give a range instead, such as "
                         "date:1980..1990.");
    have_date_ = true;
    const std::size_t s = item.value_start;
    const std::size_t e = item.value_end;
    if (s == e) return fail_syntax(item.start, kDateMessage);
    std::size_t dots = npos;
    for (std::size_t i = s; i + 1 < e; ++i)
      if (cps_[i] == '.' && cps_[i + 1] == '.') {
        dots = i;
        break;
      }
    std::string from, to;
    if (dots == npos) {
      if (!parse_date(s, e, from)) return false;
      to = from;
    } else {
      if (dots == s && dots + 2 == e) return fail_syntax(s, kDateMessage);
      if (dots > s && !parse_date(s, dots, from)) return false;
      if (dots + 2 < e && !parse_date(dots + 2, e, to)) return false;
      const std::size_t k = std::min(from.size(), to.size());
      if (!from.empty() && !to.empty() && from.compare(0, k, to, 0, k) > 0)
        return fail_syntax(s, "this date range ends before it starts.");
    }
    query_.filter.date_from = from;
    query_.filter.date_to = to;
    return true;
  }

  // YYYY, YYYY-M(M) or YYYY-M(M)-D(D) in [s, e), written out as YYYY, YYYY-MM or YYYY-MM-DD.
  bool parse_date(std::size_t s, std::size_t e, std::string& out) {
    std::size_t i = s;
    int parts[3] = {0, 0, 0};
    std::size_t count = 0;
    while (count < 3) {
      const std::size_t first = i;
      int value = 0;
      while (i < e && is_digit(cps_[i]) && i - first < 4) value = value * 10 + static_cast<int>(cps_[i++] - '0');
      const std::size_t digits = i - first;
      if (count == 0 ? digits != 4 : (digits < 1 || digits > 2)) return fail_syntax(s, kDateMessage);
      parts[count++] = value;
      if (i == e) break;
      if (cps_[i] != '-' || count == 3) return fail_syntax(s, kDateMessage);
      ++i;
    }
    if (i != e) return fail_syntax(s, kDateMessage);
    if (count >= 2 && (parts[1] < 1 || parts[1] > 12)) return fail_syntax(s, kDateMessage);
    if (count == 3) {
      static const int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const int year = parts[0];
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      const int days = parts[1] == 2 && !leap ? 28 : kDays[parts[1] - 1];
      if (parts[2] < 1 || parts[2] > days) return fail_syntax(s, kDateMessage);
    }
    const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    out = std::to_string(parts[0]);
    while (out.size() < 4) out.insert(out.begin(), '0');
    for (std::size_t k = 1; k < count; ++k) {
      out += '-';
      out += two(parts[k]);
    }
    return true;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::string text_;
  std::vector<char32_t> cps_;
  std::vector<std::size_t> byte_of_;       // code point index -> byte offset (one past the end included)
  std::vector<std::uint32_t> cp_of_byte_;  // byte offset -> code point index
  std::size_t pos_ = 0;                    // the lexer's position, in code points
  Item item_;                              // the current item
  std::optional<Error> error_;
  std::size_t leaves_ = 0;
  bool have_date_ = false;
  Query query_;
};

}  // namespace

Result<Query> parse_query(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return Error{"query.invalid", "The query contains a NUL character."};
  // A cheap bound before any work: more than 4 bytes per allowed code point is certainly too long.
  const auto too_long = [] {
    return Error{"query.too_complex", "The query is longer than 10,000 characters; shorten it."};
  };
  if (text.size() > 4 * kMaxQueryLength + 3) return too_long();
  Parser parser(repair_utf8(text).text);
  if (parser.length() > kMaxQueryLength) return too_long();
  return parser.parse();
}

Result<DocumentFilter> parse_document_filter(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return Error{"query.invalid", "The selection contains a NUL character."};
  if (text.size() > 4 * kMaxQueryLength + 3)
    return Error{"query.too_complex", "The selection is longer than 10,000 characters; shorten it."};
  Parser parser(repair_utf8(text).text);
  if (parser.length() > kMaxQueryLength)
    return Error{"query.too_complex", "The selection is longer than 10,000 characters; shorten it."};
  return parser.parse_filter();
}

}  // namespace textx
