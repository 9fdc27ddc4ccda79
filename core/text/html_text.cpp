#include "core/text/html_text.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "core/text/utf8.hpp"

namespace textx {
namespace {

constexpr std::string_view kAsciiSpace = " \t\n\f\r";

bool is_ascii_space(char c) { return kAsciiSpace.find(c) != std::string_view::npos; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` continues at `pos` with `lower`, ignoring ASCII case.
bool continues_with(std::string_view text, std::size_t pos, std::string_view lower) {
  if (pos > text.size() || text.size() - pos < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i)
    if (ascii_lower(text[pos + i]) != lower[i]) return false;
  return true;
}

// First position at or after `from` holding one of `chars`, or text.size().
std::size_t find_any(std::string_view text, std::string_view chars, std::size_t from) {
  return std::min(text.find_first_of(chars, from), text.size());
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  return std::min(text.find_first_not_of(kAsciiSpace, pos), text.size());
}

// ---- Character references ----------------------------------------------------------------------------

// HTML 4's Latin-1 names, U+00A0 to U+00FF in order; browsers also accept them without the ';'.
constexpr std::string_view kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
    "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
    "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
    "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
    "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Greek capitals from U+0391; the small letters from U+03B1 have the same names with a small first letter.
// U+03A2 is unassigned, and its small twin U+03C2 is "sigmaf" (final sigma).
constexpr std::string_view kGreekNames[25] = {
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta",  "Eta",     "Theta", "Iota", "Kappa", "Lambda", "Mu",
    "Nu",    "Xi",   "Omicron", "Pi",  "Rho",     "",      "Sigma",   "Tau",   "Upsilon", "Phi", "Chi", "Psi",
    "Omega"};

struct NamedCharacter {
  std::string_view name;
  char32_t code_point;
  bool legacy;  // also recognised without the ';'
};

constexpr NamedCharacter kOtherNames[] = {
    {"amp", '&', true},      {"AMP", '&', true},      {"lt", '<', true},       {"LT", '<', true},
    {"gt", '>', true},       {"GT", '>', true},       {"quot", '"', true},     {"QUOT", '"', true},
    {"COPY", 0xA9, true},    {"REG", 0xAE, true},     {"apos", '\'', false},   {"OElig", 0x152, false},
    {"oelig", 0x153, false}, {"Scaron", 0x160, false}, {"scaron", 0x161, false}, {"Yuml", 0x178, false},
    {"fnof", 0x192, false},  {"circ", 0x2C6, false},  {"tilde", 0x2DC, false}, {"thetasym", 0x3D1, false},
    {"upsih", 0x3D2, false}, {"piv", 0x3D6, false},   {"ensp", 0x2002, false}, {"emsp", 0x2003, false},
    {"thinsp", 0x2009, false}, {"zwnj", 0x200C, false}, {"zwj", 0x200D, false}, {"lrm", 0x200E, false},
    {"rlm", 0x200F, false},  {"ndash", 0x2013, false}, {"mdash", 0x2014, false}, {"lsquo", 0x2018, false},
    {"rsquo", 0x2019, false}, {"sbquo", 0x201A, false}, {"ldquo", 0x201C, false}, {"rdquo", 0x201D, false},
    {"bdquo", 0x201E, false}, {"dagger", 0x2020, false}, {"Dagger", 0x2021, false}, {"bull", 0x2022, false},
    {"hellip", 0x2026, false}, {"permil", 0x2030, false}, {"prime", 0x2032, false}, {"Prime", 0x2033, false},
    {"lsaquo", 0x2039, false}, {"rsaquo", 0x203A, false}, {"oline", 0x203E, false}, {"frasl", 0x2044, false},
    {"euro", 0x20AC, false}, {"trade", 0x2122, false}, {"TRADE", 0x2122, false}, {"larr", 0x2190, false},
    {"uarr", 0x2191, false}, {"rarr", 0x2192, false}, {"darr", 0x2193, false}, {"harr", 0x2194, false},
    {"minus", 0x2212, false}, {"infin", 0x221E, false}, {"asymp", 0x2248, false}, {"ne", 0x2260, false},
    {"le", 0x2264, false},   {"ge", 0x2265, false},   {"loz", 0x25CA, false},
};

struct NamedEntry {
  std::string name;
  char32_t code_point;
  bool legacy;
};

// All known names, sorted for binary search; built once from the tables above.
const std::vector<NamedEntry>& named_characters() {
  static const std::vector<NamedEntry> table = [] {
    std::vector<NamedEntry> t;
    for (char32_t i = 0; i < 96; ++i) t.push_back({std::string(kLatin1Names[i]), 0xA0 + i, true});
    for (char32_t i = 0; i < 25; ++i) {
      std::string name(kGreekNames[i]);
      if (name.empty()) {
        t.push_back({"sigmaf", 0x3B1 + i, false});
        continue;
      }
      t.push_back({name, 0x391 + i, false});
      name[0] = ascii_lower(name[0]);
      t.push_back({name, 0x3B1 + i, false});
    }
    for (const NamedCharacter& c : kOtherNames) t.push_back({std::string(c.name), c.code_point, c.legacy});
    std::sort(t.begin(), t.end(), [](const NamedEntry& a, const NamedEntry& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

const NamedEntry* find_named(std::string_view name) {
  const auto& table = named_characters();
  const auto it = std::lower_bound(table.begin(), table.end(), name,
                                   [](const NamedEntry& e, std::string_view n) { return std::string_view(e.name) < n; });
  return it != table.end() && it->name == name ? &*it : nullptr;
}

constexpr std::size_t kLongestName = 8;        // "thetasym"
constexpr std::size_t kLongestLegacyName = 6;  // "frac12", "middot", ...

// What numeric references to 0x80-0x9F mean in browsers: the Windows-1252 characters (0 = left as is).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t numeric_character(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return kReplacementChar;
  if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) return kWindows1252[value - 0x80];
  return value;
}

struct Reference {
  std::size_t length = 0;  // bytes consumed, '&' included; 0 when there is no reference here
  char32_t code_point = 0;
};

// `text` starts with "&#".
Reference numeric_reference(std::string_view text) {
  std::size_t i = 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_start = i;
  std::uint32_t value = 0;  // saturates just above U+10FFFF, so long digit runs cannot overflow
  for (; i < text.size(); ++i) {
    const char c = ascii_lower(text[i]);
    std::uint32_t digit;
    if (is_ascii_digit(c)) {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else {
      break;
    }
    value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
  }
  if (i == digits_start) return {};  // "&#" or "&#x" without digits is literal text
  if (i < text.size() && text[i] == ';') ++i;
  return {i, numeric_character(value)};
}

// `text` starts with '&'. Like browsers, a legacy name is matched as the longest prefix of the name
// ("&notit;" is "¬it;").
Reference named_reference(std::string_view text) {
  std::size_t end = 1;
  while (end < text.size() && end <= kLongestName + 1 && is_ascii_alnum(text[end])) ++end;
  const std::string_view name = text.substr(1, end - 1);
  if (end < text.size() && text[end] == ';') {
    if (const NamedEntry* e = find_named(name)) return {end + 1, e->code_point};
  }
  for (std::size_t len = std::min(name.size(), kLongestLegacyName); len >= 2; --len) {
    const NamedEntry* e = find_named(name.substr(0, len));
    if (e != nullptr && e->legacy) return {1 + len, e->code_point};
  }
  return {};
}

Reference character_reference(std::string_view text) {
  return text.size() > 1 && text[1] == '#' ? numeric_reference(text) : named_reference(text);
}

// ---- Output ----------------------------------------------------------------------------------------------

// Collects text, deciding lazily what goes between two visible characters: nothing, a space, a tab, a
// newline or a blank line. Whatever is pending at either end of the text is dropped, which trims it.
class TextWriter {
 public:
  // Text with character references still encoded.
  void text_with_references(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t amp = std::min(text.find('&', pos), text.size());
      plain_text(text.substr(pos, amp - pos));
      if (amp == text.size()) break;
      const Reference ref = character_reference(text.substr(amp));
      if (ref.length == 0) {
        plain_text("&");
        pos = amp + 1;
      } else {
        std::string utf8;
        append_utf8(utf8, ref.code_point);
        plain_text(utf8);
        pos = amp + ref.length;
      }
    }
  }

  void plain_text(std::string_view text) {
    for (const char c : text) {
      if (skip_newline_) {
        skip_newline_ = false;
        after_cr_ = c == '\r';
        if (c == '\n' || c == '\r') continue;
      }
      preformatted_depth_ > 0 ? preformatted_char(c) : flowing_char(c);
    }
  }

  void paragraph_break() { newlines(2); }
  void line_break() { newlines(pending_newlines_ + 1); }
  void cell_break() { pending_gap_ = Gap::kTab; }

  void begin_preformatted() {
    ++preformatted_depth_;
    skip_newline_ = true;  // browsers ignore a newline right after <pre>
  }
  void end_preformatted() {
    skip_newline_ = false;
    if (preformatted_depth_ > 0) --preformatted_depth_;
  }

  std::string take() { return std::move(out_); }

 private:
  enum class Gap { kNone, kSpace, kTab };  // ordered: a tab wins over a space

  void newlines(int n) {
    pending_newlines_ = std::min(n, 2);
    pending_indent_.clear();  // whitespace at a line end is never kept
  }

  void flowing_char(char c) {
    if (is_ascii_space(c)) {
      pending_gap_ = std::max(pending_gap_, Gap::kSpace);
      return;
    }
    visible_char(c);
  }

  void preformatted_char(char c) {
    const bool lf_after_cr = c == '\n' && after_cr_;
    after_cr_ = c == '\r';
    if (lf_after_cr) return;
    if (c == '\n' || c == '\r') {
      line_break();
    } else if (is_ascii_space(c)) {
      pending_indent_ += c;  // kept only if something visible follows on this line
    } else {
      visible_char(c);
    }
  }

  void visible_char(char c) {
    if (!out_.empty()) {
      if (pending_newlines_ > 0) {
        out_.append(static_cast<std::size_t>(pending_newlines_), '\n');
      } else if (pending_gap_ != Gap::kNone) {
        out_ += pending_gap_ == Gap::kTab ? '\t' : ' ';
      }
    }
    out_ += pending_indent_;
    pending_newlines_ = 0;
    pending_gap_ = Gap::kNone;
    pending_indent_.clear();
    out_ += c;
  }

  std::string out_;
  int pending_newlines_ = 0;
  Gap pending_gap_ = Gap::kNone;
  std::string pending_indent_;  // spaces and tabs inside preformatted text
  int preformatted_depth_ = 0;
  bool skip_newline_ = false;
  bool after_cr_ = false;
};

// ---- Elements ---------------------------------------------------------------------------------------------

enum class Role : unsigned char {
  kInline,        // no effect on layout (also every element not in the table)
  kBlock,         // ends and starts a paragraph
  kLineBreak,     // br
  kCell,          // td, th: a tab before each but the first in a row
  kPreformatted,  // block whose whitespace is kept
  kTemplate,      // content parsed but never shown
  kForeign,       // svg, math: content not shown, ended early by HTML tags
  kRawDropped,    // raw text up to the end tag, dropped
  kRawShown,      // raw text up to the end tag, shown as preformatted block
  kEscapableRaw,  // textarea: like kRawShown, with character references decoded
  kTitle,         // escapable raw text that becomes the first paragraph
  kPlaintext,     // the rest of the input is raw text
};

struct ElementRule {
  std::string_view name;
  Role role;
  bool leaves_foreign = false;  // as a start tag inside svg or math, ends them (HTML's "breakout" list)
};

constexpr ElementRule kElements[] = {
    {"address", Role::kBlock},        {"article", Role::kBlock},         {"aside", Role::kBlock},
    {"b", Role::kInline, true},       {"big", Role::kInline, true},      {"blockquote", Role::kBlock, true},
    {"body", Role::kBlock, true},     {"br", Role::kLineBreak, true},    {"caption", Role::kBlock},
    {"center", Role::kBlock, true},   {"code", Role::kInline, true},     {"dd", Role::kBlock, true},
    {"details", Role::kBlock},        {"dialog", Role::kBlock},          {"dir", Role::kBlock},
    {"div", Role::kBlock, true},      {"dl", Role::kBlock, true},        {"dt", Role::kBlock, true},
    {"em", Role::kInline, true},      {"embed", Role::kInline, true},    {"fieldset", Role::kBlock},
    {"figcaption", Role::kBlock},     {"figure", Role::kBlock},          {"footer", Role::kBlock},
    {"form", Role::kBlock},           {"h1", Role::kBlock, true},        {"h2", Role::kBlock, true},
    {"h3", Role::kBlock, true},       {"h4", Role::kBlock, true},        {"h5", Role::kBlock, true},
    {"h6", Role::kBlock, true},       {"head", Role::kInline, true},     {"header", Role::kBlock},
    {"hgroup", Role::kBlock},         {"hr", Role::kBlock, true},        {"html", Role::kBlock},
    {"i", Role::kInline, true},       {"iframe", Role::kRawDropped},     {"img", Role::kInline, true},
    {"legend", Role::kBlock},         {"li", Role::kBlock, true},        {"listing", Role::kPreformatted, true},
    {"main", Role::kBlock},           {"math", Role::kForeign},          {"menu", Role::kBlock, true},
    {"meta", Role::kInline, true},    {"nav", Role::kBlock},             {"nobr", Role::kInline, true},
    {"noembed", Role::kRawDropped},   {"noframes", Role::kRawDropped},   {"noscript", Role::kRawDropped},
    {"ol", Role::kBlock, true},       {"option", Role::kBlock},          {"p", Role::kBlock, true},
    {"plaintext", Role::kPlaintext},  {"pre", Role::kPreformatted, true}, {"ruby", Role::kInline, true},
    {"s", Role::kInline, true},       {"script", Role::kRawDropped},     {"search", Role::kBlock},
    {"section", Role::kBlock},        {"small", Role::kInline, true},    {"span", Role::kInline, true},
    {"strike", Role::kInline, true},  {"strong", Role::kInline, true},   {"style", Role::kRawDropped},
    {"sub", Role::kInline, true},     {"summary", Role::kBlock},         {"sup", Role::kInline, true},
    {"svg", Role::kForeign},          {"table", Role::kBlock, true},     {"td", Role::kCell},
    {"template", Role::kTemplate},    {"textarea", Role::kEscapableRaw}, {"th", Role::kCell},
    {"title", Role::kTitle},          {"tr", Role::kBlock},              {"tt", Role::kInline, true},
    {"u", Role::kInline, true},       {"ul", Role::kBlock, true},        {"var", Role::kInline, true},
    {"xmp", Role::kRawShown},
};
// Emscripten 3.1.6's libc++ has no std::ranges algorithms, so this is checked by hand.
constexpr bool elements_sorted() {
  for (std::size_t i = 1; i < std::size(kElements); ++i)
    if (!(kElements[i - 1].name < kElements[i].name)) return false;
  return true;
}
static_assert(elements_sorted());

constexpr std::size_t kLongestElementName = 10;  // "blockquote", "figcaption"

// The rule for a tag name as written (any case), or nullptr for an element without one.
const ElementRule* find_element(std::string_view name) {
  if (name.size() > kLongestElementName) return nullptr;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), ascii_lower);
  const auto it = std::lower_bound(std::begin(kElements), std::end(kElements), std::string_view(lower),
                                   [](const ElementRule& e, std::string_view n) { return e.name < n; });
  return it != std::end(kElements) && it->name == lower ? it : nullptr;
}

// ---- Tokenizer ------------------------------------------------------------------------------------------

constexpr std::size_t kUnterminated = std::string_view::npos;

// Skips a tag's attributes from `pos` (just after its name): just enough of HTML's attribute syntax to
// know where the tag ends, since quoted values may hold '>'. Returns the position after the '>', or
// kUnterminated.
std::size_t skip_attributes(std::string_view html, std::size_t pos, bool& self_closing) {
  self_closing = false;
  while (true) {
    pos = skip_spaces(html, pos);
    if (pos >= html.size()) return kUnterminated;
    if (html[pos] == '>') return pos + 1;
    if (html[pos] == '/') {
      self_closing = continues_with(html, pos + 1, ">");
      ++pos;
      continue;
    }
    pos = find_any(html, " \t\n\f\r/>=", pos + 1);  // the name; a first '=' or quote belongs to it
    pos = skip_spaces(html, pos);
    if (pos >= html.size() || html[pos] != '=') continue;
    pos = skip_spaces(html, pos + 1);
    if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
      const std::size_t close = html.find(html[pos], pos + 1);
      if (close == std::string_view::npos) return kUnterminated;
      pos = close + 1;
    } else {
      pos = find_any(html, " \t\n\f\r>", pos);  // unquoted: '/' is part of the value
    }
  }
}

class HtmlToText {
 public:
  explicit HtmlToText(std::string_view html) : html_(html) {}

  std::string run() {
    if (html_.starts_with("\xEF\xBB\xBF")) html_.remove_prefix(3);
    for (std::size_t pos = 0; pos < html_.size();) {
      const std::size_t lt = std::min(html_.find('<', pos), html_.size());
      if (!hidden()) body_.text_with_references(html_.substr(pos, lt - pos));
      pos = lt < html_.size() ? markup(lt) : lt;
    }
    std::string title = title_.take(), body = body_.take();
    if (title.empty()) return body;
    if (!body.empty()) title.append("\n\n").append(body);
    return title;
  }

 private:
  bool hidden() const { return template_depth_ > 0 || foreign_depth_ > 0; }

  // Whatever starts at the '<' at `lt`; returns the position after it.
  std::size_t markup(std::size_t lt) {
    if (continues_with(html_, lt, "<!--")) return skip_comment(lt + 4);
    if (continues_with(html_, lt, "<![cdata[")) return skip_past(lt + 9, "]]>");
    if (continues_with(html_, lt, "<!") || continues_with(html_, lt, "<?")) return skip_past(lt + 2, ">");
    if (lt + 1 < html_.size() && is_ascii_alpha(html_[lt + 1])) return tag(lt + 1, /*is_end=*/false);
    if (continues_with(html_, lt, "</") && lt + 2 < html_.size()) {
      if (is_ascii_alpha(html_[lt + 2])) return tag(lt + 2, /*is_end=*/true);
      return skip_past(lt + 2, ">");  // "</>" and "</ x>" vanish, as in browsers
    }
    if (!hidden()) body_.plain_text("<");
    return lt + 1;
  }

  std::size_t skip_past(std::size_t from, std::string_view terminator) const {
    const std::size_t at = html_.find(terminator, from);
    return at == std::string_view::npos ? html_.size() : at + terminator.size();
  }

  // Comments end at "-->" or "--!>"; "<!-->" and "<!--->" are empty comments.
  std::size_t skip_comment(std::size_t pos) const {
    if (continues_with(html_, pos, ">")) return pos + 1;
    if (continues_with(html_, pos, "->")) return pos + 2;
    for (pos = html_.find("--", pos); pos != std::string_view::npos; pos = html_.find("--", pos + 1)) {
      if (continues_with(html_, pos + 2, ">")) return pos + 3;
      if (continues_with(html_, pos + 2, "!>")) return pos + 4;
    }
    return html_.size();
  }

  std::size_t tag(std::size_t name_start, bool is_end) {
    const std::size_t name_end = find_any(html_, " \t\n\f\r/>", name_start);
    bool self_closing = false;
    const std::size_t after = skip_attributes(html_, name_end, self_closing);
    if (after == kUnterminated) return html_.size();  // browsers drop a tag cut off by the end of input
    const ElementRule* rule = find_element(html_.substr(name_start, name_end - name_start));
    if (is_end) {
      end_tag(rule);
      return after;
    }
    return start_tag(rule, self_closing, after);
  }

  // Returns where parsing continues: after the tag, or after the content of a raw text element.
  std::size_t start_tag(const ElementRule* rule, bool self_closing, std::size_t after) {
    if (foreign_depth_ > 0) {
      if (rule == nullptr || !rule->leaves_foreign) {
        if (rule != nullptr && rule->role == Role::kForeign && !self_closing) ++foreign_depth_;
        return after;
      }
      foreign_depth_ = 0;
    }
    if (rule == nullptr) return after;
    switch (rule->role) {
      case Role::kTemplate:
        ++template_depth_;
        return after;
      case Role::kForeign:
        foreign_depth_ += self_closing ? 0 : 1;
        return after;
      case Role::kRawDropped:
        return raw_text(rule->name, after).next;
      case Role::kRawShown:
      case Role::kEscapableRaw: {
        const RawText raw = raw_text(rule->name, after);
        if (!hidden()) preformatted_block(raw.content, rule->role == Role::kEscapableRaw);
        return raw.next;
      }
      case Role::kTitle: {
        const RawText raw = raw_text(rule->name, after);
        if (!hidden() && !title_seen_) title_.text_with_references(raw.content);
        title_seen_ = title_seen_ || !hidden();
        return raw.next;
      }
      case Role::kPlaintext:
        if (!hidden()) preformatted_block(html_.substr(after), /*decode=*/false);
        return html_.size();
      default:
        if (!hidden()) layout_edge(rule->role, /*start=*/true);
        return after;
    }
  }

  void end_tag(const ElementRule* rule) {
    if (rule == nullptr) return;
    if (foreign_depth_ > 0) {
      if (rule->role == Role::kForeign) --foreign_depth_;
      return;
    }
    if (rule->role == Role::kTemplate) {
      if (template_depth_ > 0) --template_depth_;
    } else if (!hidden()) {
      layout_edge(rule->role, /*start=*/false);
    }
  }

  void layout_edge(Role role, bool start) {
    if (role == Role::kBlock) body_.paragraph_break();
    if (role == Role::kLineBreak) body_.line_break();  // </br> too, as in browsers
    if (role == Role::kCell && start) body_.cell_break();
    if (role == Role::kPreformatted) {
      body_.paragraph_break();
      start ? body_.begin_preformatted() : body_.end_preformatted();
    }
  }

  struct RawText {
    std::string_view content;
    std::size_t next;  // after the end tag
  };

  // Content of a raw text element up to "</name" followed by whitespace, '/' or '>' (any case); all of
  // the rest of the input when there is none.
  RawText raw_text(std::string_view name, std::size_t from) const {
    for (std::size_t lt = html_.find("</", from); lt != std::string_view::npos; lt = html_.find("</", lt + 2)) {
      const std::size_t name_end = lt + 2 + name.size();
      if (!continues_with(html_, lt + 2, name) || name_end >= html_.size()) continue;
      if (!is_ascii_space(html_[name_end]) && html_[name_end] != '/' && html_[name_end] != '>') continue;
      bool self_closing = false;
      const std::size_t after = skip_attributes(html_, name_end, self_closing);
      return {html_.substr(from, lt - from), after == kUnterminated ? html_.size() : after};
    }
    return {html_.substr(from), html_.size()};
  }

  void preformatted_block(std::string_view content, bool decode) {
    body_.paragraph_break();
    body_.begin_preformatted();
    decode ? body_.text_with_references(content) : body_.plain_text(content);
    body_.end_preformatted();
    body_.paragraph_break();
  }

  std::string_view html_;
  TextWriter body_;
  TextWriter title_;
  bool title_seen_ = false;
  std::size_t template_depth_ = 0;
  std::size_t foreign_depth_ = 0;
};

// ---- Sniffing -------------------------------------------------------------------------------------------

constexpr std::string_view kDocumentStarts[] = {"<!doctype html", "<html", "<head", "<body"};
constexpr std::string_view kBlockTagNames[] = {"p",  "div", "br", "h1", "h2",      "h3",      "h4",     "h5",
                                               "h6", "ul",  "ol", "li", "table",   "tr",      "td",     "article",
                                               "section", "header", "footer", "nav", "main", "blockquote"};
constexpr std::size_t kSniffWindow = 4096;

bool is_tag_delimiter(std::string_view text, std::size_t pos) {
  return pos < text.size() && (is_ascii_space(text[pos]) || text[pos] == '>' || text[pos] == '/');
}

// Whether a block-level start or end tag begins at the '<' at `lt`.
bool is_block_tag_at(std::string_view text, std::size_t lt) {
  const std::size_t name_start = continues_with(text, lt, "</") ? lt + 2 : lt + 1;
  return std::any_of(std::begin(kBlockTagNames), std::end(kBlockTagNames), [&](std::string_view name) {
    return continues_with(text, name_start, name) && is_tag_delimiter(text, name_start + name.size());
  });
}

}  // namespace

std::string html_to_text(std::string_view html) { return HtmlToText(html).run(); }

bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  bytes = bytes.substr(0, kSniffWindow);
  std::size_t pos = skip_spaces(bytes, 0);
  // Saved pages often open with an XML declaration or a "saved from" comment.
  while (continues_with(bytes, pos, "<?xml") || continues_with(bytes, pos, "<!--")) {
    const std::string_view terminator = bytes[pos + 1] == '?' ? "?>" : "-->";
    const std::size_t end = bytes.find(terminator, pos);
    if (end == std::string_view::npos) return false;
    pos = skip_spaces(bytes, end + terminator.size());
  }
  for (const std::string_view start : kDocumentStarts) {
    const std::size_t end = pos + start.size();
    if (continues_with(bytes, pos, start) && (start.starts_with("<!") || is_tag_delimiter(bytes, end))) return true;
  }
  int block_tags = 0;
  for (std::size_t lt = bytes.find('<'); lt != std::string_view::npos; lt = bytes.find('<', lt + 1)) {
    if (is_block_tag_at(bytes, lt) && ++block_tags == 2) return true;
  }
  return false;
}

}  // namespace textx
