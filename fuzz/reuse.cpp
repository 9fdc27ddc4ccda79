// Fuzz target: text reuse over a small corpus (ShingleIndex, find_reuse_of_text, find_reuse by paragraph
// and whole document, find_reuse_seeds, find_shared_passages) and the JSON of each answer. The input is
// NUL-separated parts: a passage given by the reader, then up to four documents, then, when there are three
// parts or more, one byte of options:
//   bits 0-2 n-gram size - 1   bit 3 stop words kept   bit 4 exact words (no word forms)
//   bit 5 within documents too   bit 6 min_words 1 (else 8)   bit 7 max_occurrences 2 and limit 3
// Without a NUL, the corpus is the input and the input turned around its middle space, and the passage is
// the input's first half (so a plain text seed is reused).
// Checked: matches are within bounds and in rank order, no more than `limit` and than the total; shared
// words lie in order inside their match; a paragraph never matches itself; seeds are sorted and never
// inside the passage; a changed corpus makes the index stale (reuse.index), not wrong.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/reuse/reuse.hpp"
#include "fuzz/fuzz_check.hpp"
#include "wire/json.hpp"

namespace {

using textx::Corpus;
using textx::ReuseMatch;
using textx::ReuseOptions;
using textx::ReuseResult;
using textx::ReuseSpan;

void check_span(const Corpus& corpus, const ReuseSpan& span, std::string_view query_text) {
  FUZZ_CHECK(span.token_begin <= span.token_end && span.start <= span.end);
  if (!span.doc) {
    FUZZ_CHECK(span.end <= query_text.size());
    return;
  }
  FUZZ_CHECK(*span.doc < corpus.document_count() && !corpus.document(*span.doc).removed);
  const textx::Document& doc = corpus.document(*span.doc);
  FUZZ_CHECK(span.end <= doc.text.size() && span.token_end <= corpus.tokens(*span.doc).size());
  FUZZ_CHECK(span.first_paragraph <= span.last_paragraph);
  FUZZ_CHECK(doc.paragraphs.empty() || span.last_paragraph < doc.paragraphs.size());
}

void check_result(const Corpus& corpus, const ReuseResult& result, const ReuseOptions& options,
                  std::string_view query_text = {}) {
  FUZZ_CHECK(result.matches.size() <= options.limit && result.matches.size() <= result.total);
  FUZZ_CHECK(result.skipped_shingles <= result.shingles && result.seeds <= textx::kMaxSeeds);
  if (result.query) check_span(corpus, *result.query, query_text);
  const ReuseMatch* previous = nullptr;
  for (const ReuseMatch& m : result.matches) {
    check_span(corpus, m.source, query_text);
    check_span(corpus, m.target, query_text);
    FUZZ_CHECK(m.target.doc.has_value());
    FUZZ_CHECK(m.exact_words <= m.shared_words && m.shared_words >= options.min_words);
    FUZZ_CHECK(m.similarity > 0 && m.similarity <= 1 && m.weight > 0);
    if (previous) FUZZ_CHECK(previous->weight >= m.weight);
    previous = &m;
    std::uint32_t source_at = m.source.token_begin, target_at = m.target.token_begin;
    for (const textx::SharedWords& w : m.shared) {
      FUZZ_CHECK(w.source_token_begin >= source_at && w.source_token_begin < w.source_token_end &&
                 w.source_token_end <= m.source.token_end);
      FUZZ_CHECK(w.target_token_begin >= target_at && w.target_token_begin < w.target_token_end &&
                 w.target_token_end <= m.target.token_end);
      FUZZ_CHECK(w.source_start >= m.source.start && w.source_end <= m.source.end && w.source_start < w.source_end);
      FUZZ_CHECK(w.target_start >= m.target.start && w.target_end <= m.target.end && w.target_start < w.target_end);
      source_at = w.source_token_end;
      target_at = w.target_token_end;
    }
    // A passage of the corpus is never found where it stands.
    if (result.query && result.query->doc && m.target.doc == result.query->doc) {
      FUZZ_CHECK(options.same_document);
      FUZZ_CHECK(m.target.token_end <= result.query->token_begin || m.target.token_begin >= result.query->token_end);
    }
    if (!result.query && m.source.doc == m.target.doc) FUZZ_CHECK(options.same_document);
  }
  (void)textx::wire::dump(textx::wire::to_json(textx::wire::ReuseAnswer{&corpus, &result, &options, query_text}));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> pieces = textx::fuzz::split(input, std::string_view("\0", 1));
  std::vector<std::string> parts(pieces.begin(), pieces.end());
  std::uint8_t mode = 0;
  std::string passage;
  std::vector<std::string> documents;
  if (parts.size() == 1) {
    const std::size_t middle = input.find(' ', input.size() / 2);
    documents = {std::string(input), middle == std::string_view::npos
                                         ? std::string(input)
                                         : std::string(input.substr(middle)) + " " + std::string(input.substr(0, middle))};
    passage = input.substr(0, input.size() / 2);
  } else {
    if (parts.size() >= 3) {
      mode = parts.back().empty() ? 0 : static_cast<std::uint8_t>(parts.back()[0]);
      parts.pop_back();
    }
    passage = parts[0];
    documents.assign(parts.begin() + 1, parts.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(parts.size(), 5)));
    if (parts.size() == 2) documents.push_back(parts[0]);
  }
  const std::string query_text = textx::repair_utf8(passage).text;

  ReuseOptions options;
  options.shingles.ngram = 1 + (mode & 7);
  options.shingles.skip_stop_words = (mode & 8) == 0;
  options.shingles.word_forms = (mode & 16) == 0;
  options.same_document = (mode & 32) != 0;
  options.min_words = (mode & 64) ? 1 : 8;
  if (mode & 128) {
    options.max_occurrences = 2;
    options.limit = 3;
  }
  FUZZ_CHECK(!textx::check_reuse_options(options));

  Corpus corpus;
  for (std::size_t i = 0; i < documents.size(); ++i) (void)corpus.add_document({.name = "doc" + std::to_string(i) + ".txt"}, documents[i]);
  if (corpus.live_document_count() == 0) return 0;
  const textx::ShingleIndex index(corpus, options.shingles);
  FUZZ_CHECK(index.describes(corpus));

  const auto of_text = textx::find_reuse_of_text(corpus, index, query_text, options);
  if (of_text.ok()) check_result(corpus, of_text.value(), options, query_text);
  else FUZZ_CHECK(of_text.error().code == "reuse.empty");

  const textx::DocId first = 0;
  const std::size_t paragraphs = corpus.document(first).paragraphs.size();
  for (std::size_t p = 0; p < std::min<std::size_t>(paragraphs, 3); ++p) {
    const auto found = textx::find_reuse(corpus, index, first, p, options);
    FUZZ_CHECK(found.ok());
    check_result(corpus, found.value(), options);
  }
  const auto whole = textx::find_reuse(corpus, index, first, std::nullopt, options);
  FUZZ_CHECK(whole.ok());
  check_result(corpus, whole.value(), options);
  FUZZ_CHECK(textx::find_reuse(corpus, index, first, paragraphs, options).error().code == "reuse.paragraph");

  const auto seeds = textx::find_reuse_seeds(corpus, index, first, std::nullopt, options);
  FUZZ_CHECK(seeds.ok());
  for (std::size_t i = 0; i < seeds.value().size(); ++i) {
    const textx::ReuseSeed& s = seeds.value()[i];
    FUZZ_CHECK(i == 0 || !(s < seeds.value()[i - 1]));
    FUZZ_CHECK(s.target_token < corpus.tokens(s.target_doc).size());
    FUZZ_CHECK(s.target_doc != first || options.same_document);
  }

  const auto shared = textx::find_shared_passages(corpus, index, options);
  FUZZ_CHECK(shared.ok());
  check_result(corpus, shared.value(), options);

  // Once the corpus changes, the index says it is stale rather than answering wrongly.
  (void)corpus.add_document({.name = "late.txt"}, "one more document");
  FUZZ_CHECK(!index.describes(corpus));
  FUZZ_CHECK(textx::find_reuse_of_text(corpus, index, "one more", options).error().code == "reuse.index");
  return 0;
}
