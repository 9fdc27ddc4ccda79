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

// Orders matches by the sort keys, ties kept in corpus order. Each match's fields are computed once: a
// key's alphabetical rank + 1 for a word (0 past the document's edge), or the document id.
void sort_matches(const Corpus& corpus, std::vector<QueryMatch>& matches, const std::vector<SortKey>& keys) {
  if (keys.empty()) return;
  const std::vector<std::uint32_t>& ranks = corpus.key_ranks();
  // Per match, its fields and its index packed into two words, compared as a pair: fields 0 and 1 in the
  // first, field 2 and the index (the tie-break that keeps corpus order) in the second.
  struct Entry {
    std::uint64_t high, low;
    bool operator<(const Entry& o) const { return high != o.high ? high < o.high : low < o.low; }
  };
  std::vector<Entry> entries(matches.size());
  DocId doc = 0;
  TokenSpan tokens;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const QueryMatch& m = matches[i];
    if (i == 0 || m.doc != doc) {
      doc = m.doc;
      tokens = corpus.tokens(doc);
    }
    std::array<std::uint32_t, kMaxSortKeys> fields{};  // past keys.size(): 0 for every match
    for (std::size_t k = 0; k < keys.size(); ++k) {
      std::int64_t at = 0;
      switch (keys[k]) {
        case SortKey::kL3: at = std::int64_t{m.first} - 3; break;
        case SortKey::kL2: at = std::int64_t{m.first} - 2; break;
        case SortKey::kL1: at = std::int64_t{m.first} - 1; break;
        case SortKey::kMatch: at = m.first; break;
        case SortKey::kR1: at = std::int64_t{m.first} + m.length; break;
        case SortKey::kR2: at = std::int64_t{m.first} + m.length + 1; break;
        case SortKey::kR3: at = std::int64_t{m.first} + m.length + 2; break;
        case SortKey::kDocument: break;
      }
      if (keys[k] == SortKey::kDocument) fields[k] = m.doc;
      else if (at >= 0 && at < static_cast<std::int64_t>(tokens.size())) fields[k] = ranks[tokens.keys[static_cast<std::size_t>(at)]] + 1;
    }
    entries[i] = {std::uint64_t{fields[0]} << 32 | fields[1], std::uint64_t{fields[2]} << 32 | i};
  }
  std::sort(entries.begin(), entries.end());
  std::vector<QueryMatch> sorted;
  sorted.reserve(matches.size());
  for (const Entry& e : entries) sorted.push_back(matches[static_cast<std::uint32_t>(e.low)]);
  matches = std::move(sorted);
}

}  // namespace

std::optional<Error> check_concordance_options(const ConcordanceOptions& options) {
  const bool words = options.unit == ContextUnit::kWords;
  const std::size_t most = words ? kMaxContextTokens : kMaxContextChars;
  if (options.context > most)
    return Error{"options.context", "Context can be at most " + std::to_string(most) + (words ? " words" : " characters") +
                                        " on each side; asked for " + std::to_string(options.context) + "."};
  if (options.sort.size() > kMaxSortKeys)
    return Error{"options.sort", "Rows can be sorted by at most 3 keys; asked for " + std::to_string(options.sort.size()) + "."};
  return std::nullopt;
}

Result<Concordance> concordance(const Corpus& corpus, std::string_view query, const ConcordanceOptions& options) {
  if (std::optional<Error> error = check_concordance_options(options)) return *error;
  if (!options.sort.empty()) {
    Result<SortedMatches> sorted = sorted_matches(corpus, query, options.match, options.sort);
    if (!sorted.ok()) return sorted.error();
    return concordance_page(corpus, sorted.value(), options);
  }
  Result<Query> parsed = parse_query(query);
  if (!parsed.ok()) return parsed.error();
  Result<MatchPage> page = find_match_page(corpus, parsed.value(), options.match, options.offset, options.limit);
  if (!page.ok()) return page.error();
  Concordance result;
  result.query = std::string(query);
  result.total = page.value().total;
  result.rows.reserve(page.value().matches.size());
  for (const QueryMatch& m : page.value().matches) result.rows.push_back(make_row(corpus, m, options));
  return result;
}

Result<SortedMatches> sorted_matches(const Corpus& corpus, std::string_view query, MatchOptions match,
                                     const std::vector<SortKey>& sort) {
  if (sort.size() > kMaxSortKeys)
    return Error{"options.sort", "Rows can be sorted by at most 3 keys; asked for " + std::to_string(sort.size()) + "."};
  Result<Query> parsed = parse_query(query);
  if (!parsed.ok()) return parsed.error();
  Result<std::vector<QueryMatch>> found = find_matches(corpus, parsed.value(), match);
  if (!found.ok()) return found.error();
  SortedMatches sorted{std::string(query), match, sort, std::move(found.value())};
  sort_matches(corpus, sorted.matches, sort);
  return sorted;
}

Result<Concordance> concordance_page(const Corpus& corpus, const SortedMatches& sorted, const ConcordanceOptions& options) {
  if (std::optional<Error> error = check_concordance_options(options)) return *error;
  Concordance result;
  result.query = sorted.query;
  result.total = sorted.matches.size();
  const std::size_t from = std::min(options.offset, sorted.matches.size());
  const std::size_t to = from + std::min(options.limit, sorted.matches.size() - from);
  result.rows.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) result.rows.push_back(make_row(corpus, sorted.matches[i], options));
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
