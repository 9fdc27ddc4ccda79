#include "core/query/concordance.hpp"

#include <algorithm>

#include "core/text/fold.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

namespace textx {
namespace {

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

// The words of the query, or an Error naming why the query cannot match anything by its form.
Result<std::vector<std::string>> query_words(std::string_view query) {
  if (query.find('\0') != std::string_view::npos)
    return Error{"query.invalid", "The query contains a NUL character."};
  const RepairedText repaired = repair_utf8(query);
  std::vector<std::string> words;
  for (const WordSpan& w : find_words(repaired.text))
    words.emplace_back(std::string_view(repaired.text).substr(w.start, w.end - w.start));
  if (words.empty())
    return Error{"query.empty", "The query has no words to search for; type a word such as independence."};
  return words;
}

bool is_default_match(const MatchOptions& m) { return !m.case_sensitive && !m.diacritic_sensitive; }

KwicRow make_row(const Document& doc, DocId id, std::uint32_t first, std::size_t length, std::size_t context) {
  const std::string_view text = doc.text;
  const std::uint32_t last = first + static_cast<std::uint32_t>(length) - 1;
  const std::uint32_t left_token = first >= context ? first - static_cast<std::uint32_t>(context) : 0;
  const std::uint32_t right_token =
      static_cast<std::uint32_t>(std::min<std::size_t>(last + context, doc.tokens.size() - 1));
  KwicRow row;
  row.doc = id;
  row.first_token = first;
  row.start = doc.tokens[first].start;
  row.paragraph = doc.paragraph_at(row.start);
  row.end = doc.tokens[last].end;
  row.left = context ? collapse_whitespace(text.substr(doc.tokens[left_token].start,
                                                       row.start - doc.tokens[left_token].start))
                     : std::string();
  row.match = collapse_whitespace(text.substr(row.start, row.end - row.start));
  row.right = context ? collapse_whitespace(text.substr(row.end, doc.tokens[right_token].end - row.end))
                      : std::string();
  return row;
}

}  // namespace

Result<Concordance> concordance(const Corpus& corpus, std::string_view query, const ConcordanceOptions& options) {
  if (options.context_tokens > kMaxContextTokens)
    return Error{"options.context", "Context can be at most " + std::to_string(kMaxContextTokens) +
                                        " words on each side; asked for " + std::to_string(options.context_tokens) +
                                        "."};
  Result<std::vector<std::string>> words = query_words(query);
  if (!words.ok()) return words.error();

  Concordance result;
  result.query = std::string(query);

  // Resolve every word to its index key; a word absent from the corpus means no hits at all. Stricter
  // matching (case or diacritics) narrows the index's candidates by comparing stricter keys.
  std::vector<KeyId> ids;
  std::vector<std::string> strict_keys;
  for (const std::string& word : words.value()) {
    const std::optional<KeyId> id = corpus.find_key(key_of(word));
    if (!id) return result;
    ids.push_back(*id);
    strict_keys.push_back(key_of(word, options.match));
  }
  const bool strict = !is_default_match(options.match);

  // Walk the first word's occurrences; for a phrase, check the following tokens in place.
  const std::size_t length = ids.size();
  std::string surface_key;
  for (const TokenRef& ref : corpus.occurrences(ids[0])) {
    const Document& doc = corpus.document(ref.doc);
    if (ref.index + length > doc.tokens.size()) continue;
    bool matches = true;
    for (std::size_t k = 1; k < length && matches; ++k) matches = doc.tokens[ref.index + k].key == ids[k];
    for (std::size_t k = 0; k < length && matches && strict; ++k) {
      const Token& token = doc.tokens[ref.index + k];
      surface_key.clear();
      append_key(surface_key, std::string_view(doc.text).substr(token.start, token.end - token.start), options.match);
      matches = surface_key == strict_keys[k];
    }
    if (!matches) continue;
    const std::size_t hit = result.total++;
    if (hit >= options.offset && hit - options.offset < options.limit)
      result.rows.push_back(make_row(doc, ref.doc, ref.index, length, options.context_tokens));
  }
  return result;
}

}  // namespace textx
