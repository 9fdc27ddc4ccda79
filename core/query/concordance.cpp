#include "core/query/concordance.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/text/utf8.hpp"

namespace textx {
namespace {

constexpr std::array<std::string_view, 8> kSortKeyNames = {"L3", "L2", "L1", "M", "R1", "R2", "R3", "doc"};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Text with each run of ASCII whitespace (and of no-break space) shown as one space, trimmed at both ends.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if ((cp < 0x80 && is_space_byte(static_cast<char>(cp))) || cp == 0xA0) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

// Byte offset `count` code points before `offset` (or 0), and after it (or text.size()).
std::size_t back_code_points(std::string_view text, std::size_t offset, std::size_t count) {
  while (count > 0 && offset > 0) {
    --offset;
    if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) --count;
  }
  return offset;
}

std::size_t forward_code_points(std::string_view text, std::size_t offset, std::size_t count) {
  for (; count > 0 && offset < text.size(); --count) next_code_point(text, offset);
  return offset;
}

KwicRow make_row(const Corpus& corpus, const QueryMatch& m, const ConcordanceOptions& options) {
  const Document& doc = corpus.document(m.doc);
  const std::string_view text = doc.text;
  const TokenSpan tokens = corpus.tokens(m.doc);
  const std::uint32_t last = m.first + m.length - 1;
  KwicRow row;
  row.doc = m.doc;
  row.first_token = m.first;
  row.token_count = m.length;
  row.start = tokens.starts[m.first];
  row.end = corpus.token_end(m.doc, last);
  row.paragraph = doc.paragraph_at(row.start);
  row.match = collapse_whitespace(text.substr(row.start, row.end - row.start));
  if (options.context == 0) return row;
  std::size_t left_start, right_end;
  if (options.unit == ContextUnit::kWords) {
    left_start = tokens.starts[m.first >= options.context ? m.first - options.context : 0];
    right_end = corpus.token_end(m.doc, std::min<std::size_t>(last + options.context, tokens.size() - 1));
  } else {
    left_start = back_code_points(text, row.start, options.context);
    right_end = forward_code_points(text, row.end, options.context);
  }
  row.left = collapse_whitespace(text.substr(left_start, row.start - left_start));
  row.right = collapse_whitespace(text.substr(row.end, right_end - row.end));
  return row;
}

// The sort field of a match for one key: a key's alphabetical rank + 1 (0 past the document's edge), or
// the document id.
std::uint32_t sort_field(const Corpus& corpus, const std::vector<std::uint32_t>& ranks, const QueryMatch& m,
                         SortKey key) {
  if (key == SortKey::kDocument) return m.doc;
  const TokenSpan tokens = corpus.tokens(m.doc);
  std::int64_t at = 0;
  switch (key) {
    case SortKey::kL3: at = std::int64_t{m.first} - 3; break;
    case SortKey::kL2: at = std::int64_t{m.first} - 2; break;
    case SortKey::kL1: at = std::int64_t{m.first} - 1; break;
    case SortKey::kMatch: at = m.first; break;
    case SortKey::kR1: at = std::int64_t{m.first} + m.length; break;
    case SortKey::kR2: at = std::int64_t{m.first} + m.length + 1; break;
    case SortKey::kR3: at = std::int64_t{m.first} + m.length + 2; break;
    case SortKey::kDocument: break;
  }
  if (at < 0 || at >= static_cast<std::int64_t>(tokens.size())) return 0;
  return ranks[tokens.keys[static_cast<std::size_t>(at)]] + 1;
}

// Orders matches by the sort keys (fields computed once per match), ties kept in corpus order.
void sort_matches(const Corpus& corpus, std::vector<QueryMatch>& matches, const std::vector<SortKey>& keys) {
  if (keys.empty()) return;
  const std::vector<std::uint32_t>& ranks = corpus.key_ranks();
  const std::size_t width = keys.size();
  std::vector<std::uint32_t> fields(matches.size() * width);
  for (std::size_t i = 0; i < matches.size(); ++i)
    for (std::size_t k = 0; k < width; ++k) fields[i * width + k] = sort_field(corpus, ranks, matches[i], keys[k]);
  std::vector<std::uint32_t> order(matches.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::lexicographical_compare(fields.begin() + a * width, fields.begin() + (a + 1) * width,
                                        fields.begin() + b * width, fields.begin() + (b + 1) * width);
  });
  std::vector<QueryMatch> sorted;
  sorted.reserve(matches.size());
  for (const std::uint32_t i : order) sorted.push_back(matches[i]);
  matches = std::move(sorted);
}

std::optional<Error> check_options(const ConcordanceOptions& options) {
  const bool words = options.unit == ContextUnit::kWords;
  const std::size_t most = words ? kMaxContextTokens : kMaxContextChars;
  if (options.context > most)
    return Error{"options.context", "Context can be at most " + std::to_string(most) + (words ? " words" : " characters") +
                                        " on each side; asked for " + std::to_string(options.context) + "."};
  if (options.sort.size() > kMaxSortKeys)
    return Error{"options.sort", "Rows can be sorted by at most 3 keys; asked for " + std::to_string(options.sort.size()) + "."};
  return std::nullopt;
}

}  // namespace

Result<Concordance> concordance(const Corpus& corpus, std::string_view query, const ConcordanceOptions& options) {
  if (std::optional<Error> error = check_options(options)) return *error;
  Result<Query> parsed = parse_query(query);
  if (!parsed.ok()) return parsed.error();
  Result<std::vector<QueryMatch>> found = find_matches(corpus, parsed.value(), options.match);
  if (!found.ok()) return found.error();
  std::vector<QueryMatch>& matches = found.value();

  Concordance result;
  result.query = std::string(query);
  result.total = matches.size();
  sort_matches(corpus, matches, options.sort);
  const std::size_t from = std::min(options.offset, matches.size());
  const std::size_t to = from + std::min(options.limit, matches.size() - from);
  result.rows.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) result.rows.push_back(make_row(corpus, matches[i], options));
  return result;
}

std::string_view sort_key_name(SortKey key) { return kSortKeyNames[static_cast<std::size_t>(key)]; }

std::optional<SortKey> parse_sort_key(std::string_view name) {
  for (std::size_t i = 0; i < kSortKeyNames.size(); ++i) {
    std::string_view candidate = kSortKeyNames[i];
    bool same = candidate.size() == name.size();
    for (std::size_t c = 0; same && c < name.size(); ++c)
      same = (name[c] | 0x20) == (candidate[c] | 0x20);
    if (same) return static_cast<SortKey>(i);
  }
  return std::nullopt;
}

}  // namespace textx
