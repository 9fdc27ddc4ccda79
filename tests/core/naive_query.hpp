#pragma once
#include <doctest/doctest.h>

// The naive reference the query tests compare the index with: every live document's tokens found afresh in
// its text (words.hpp), a pattern as one test per token, and the hits of a pattern (or, at each start, the
// shortest of several alternatives, the query language's rule) found by trying every position.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/document_filter.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "core/text/fold.hpp"
#include "core/text/words.hpp"
#include "tests/core/sotu_corpus.hpp"

namespace textx::testing {

struct Hit {
  DocId doc;
  std::uint32_t first, length;
  bool operator==(const Hit&) const = default;
  bool operator<(const Hit& o) const { return doc != o.doc ? doc < o.doc : first < o.first; }
};

// Every live document's tokens, as ids into `texts` (each distinct token text once), from its text afresh.
struct FreshTokens {
  std::vector<std::string> texts;
  std::vector<std::vector<std::size_t>> documents;  // per document id; empty for a removed document
};

inline FreshTokens fresh_tokens(const Corpus& corpus) {
  FreshTokens out;
  std::map<std::string, std::size_t> ids;
  out.documents.resize(corpus.document_count());
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (corpus.document(id).removed) continue;
    const std::string& text = corpus.document(id).text;
    for (const auto& w : find_words(text)) {
      const auto [at, added] = ids.try_emplace(text.substr(w.start, w.end - w.start), out.texts.size());
      if (added) out.texts.push_back(at->first);
      out.documents[id].push_back(at->second);
    }
  }
  return out;
}

// A test of one token by its text.
using TokenTest = std::function<bool(const std::string&)>;
using Pattern = std::vector<TokenTest>;

// A typed word: the same key, and the same form under `match` (fold.hpp's key_of, nothing else).
inline TokenTest word(const std::string& w, MatchOptions match = {}) {
  const std::string key = key_of(w), strict = key_of(w, match);
  return [=](const std::string& text) { return key_of(text) == key && key_of(text, match) == strict; };
}
inline TokenTest any() {
  return [](const std::string&) { return true; };
}
// A wildcard or regular expression, which compares folded keys whatever the options.
inline TokenTest key_regex(const std::string& pattern) {
  const std::regex re(pattern);
  return [re](const std::string& text) { return std::regex_match(key_of(text), re); };
}
inline TokenTest either(std::vector<TokenTest> tests) {
  return [tests](const std::string& text) {
    return std::any_of(tests.begin(), tests.end(), [&](const TokenTest& t) { return t(text); });
  };
}

// At each start, the shortest of `patterns` matching there, by document and position.
inline std::vector<Hit> naive_alternatives(const FreshTokens& tokens, const std::vector<Pattern>& patterns) {
  std::vector<std::vector<std::vector<bool>>> passes;  // per pattern, per term, per token text
  for (const Pattern& pattern : patterns) {
    passes.emplace_back();
    for (const TokenTest& test : pattern) {
      passes.back().emplace_back();
      for (const std::string& text : tokens.texts) passes.back().back().push_back(test(text));
    }
  }
  std::vector<Hit> hits;
  for (DocId d = 0; d < tokens.documents.size(); ++d) {
    const auto& doc = tokens.documents[d];
    for (std::size_t i = 0; i < doc.size(); ++i) {
      std::optional<std::size_t> shortest;
      for (std::size_t p = 0; p < patterns.size(); ++p) {
        const std::size_t n = patterns[p].size();
        if (i + n > doc.size() || (shortest && *shortest <= n)) continue;
        bool ok = true;
        for (std::size_t k = 0; k < n && ok; ++k) ok = passes[p][k][doc[i + k]];
        if (ok) shortest = n;
      }
      if (shortest) hits.push_back({d, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(*shortest)});
    }
  }
  return hits;
}

// The hits of one pattern.
inline std::vector<Hit> naive(const FreshTokens& tokens, const Pattern& pattern) {
  return naive_alternatives(tokens, {pattern});
}

inline std::vector<Hit> allowed_only(const std::vector<Hit>& hits, const std::vector<bool>& allowed) {
  std::vector<Hit> out;
  for (const Hit& h : hits)
    if (allowed[h.doc]) out.push_back(h);
  return out;
}

inline std::vector<Hit> hits_of(const std::vector<QueryMatch>& matches) {
  std::vector<Hit> out;
  for (const auto& m : matches) out.push_back({m.doc, m.first, m.length});
  return out;
}

// find_matches and find_match_page (pages at several offsets and sizes) for `query` with each of `filters`
// appended, against `expected`: the unfiltered query's hits by document and position.
inline void check_query_pages(const Corpus& corpus, const std::string& query, MatchOptions match,
                              const std::vector<Hit>& expected, const std::vector<std::string>& filters) {
  for (const std::string& filter : filters) {
    const std::string text = query + filter;
    CAPTURE(text);
    CAPTURE(match.case_sensitive);
    CAPTURE(match.diacritic_sensitive);
    const auto parsed = parse_query(text);
    REQUIRE(parsed.ok());
    const std::vector<Hit> wanted = allowed_only(expected, allowed_documents(corpus, parsed.value().filter));
    const auto all = find_matches(corpus, parsed.value(), match);
    REQUIRE(all.ok());
    CHECK(hits_of(all.value()) == wanted);
    const std::size_t n = wanted.size();
    for (const std::size_t offset : {std::size_t{0}, std::size_t{1}, std::size_t{7}, n / 2 + 1, n > 0 ? n - 1 : 0, n + 5}) {
      for (const std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{10}, std::numeric_limits<std::size_t>::max()}) {
        const auto page = find_match_page(corpus, parsed.value(), match, offset, limit);
        REQUIRE(page.ok());
        CHECK(page.value().total == n);
        const std::size_t from = std::min(offset, n), to = from + std::min(n - from, limit);
        CHECK(hits_of(page.value().matches) == std::vector<Hit>(wanted.begin() + static_cast<std::ptrdiff_t>(from),
                                                                wanted.begin() + static_cast<std::ptrdiff_t>(to)));
      }
    }
  }
}

// Some State of the Union addresses (sotu_corpus.hpp) added one by one, so that segments are merged in
// tiers, then a few removed: the index in its most worked-over state.
inline Corpus grown_sotu(std::size_t documents) {
  const Corpus& sotu = sotu_corpus();
  Corpus grown;
  for (DocId id = 0; id < documents; ++id) REQUIRE(grown.add_document(sotu.document(id).info, sotu.document(id).text).ok());
  for (const std::size_t id : std::set<std::size_t>{3, 40, 41, documents - 30})
    if (id < documents) REQUIRE(grown.remove_document(static_cast<DocId>(id)));
  return grown;
}

}  // namespace textx::testing
