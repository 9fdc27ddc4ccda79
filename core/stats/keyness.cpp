#include "core/stats/keyness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/query/document_filter.hpp"
#include "core/query/query_parser.hpp"
#include "core/stats/frequency.hpp"

namespace textx {
namespace {

// o ln(o / e), with 0 ln 0 = 0.
double observed_term(double observed, double expected) {
  return observed > 0 ? observed * std::log(observed / expected) : 0.0;
}

// The documents a selection names, or an Error naming the selection.
Result<std::vector<bool>> select_documents(const Corpus& corpus, const std::string& selection, const char* side) {
  Result<DocumentFilter> filter = parse_document_filter(selection);
  if (!filter.ok())
    return Error{filter.error().code, std::string("In the ") + side + " selection \"" + selection + "\": " + filter.error().message};
  return allowed_documents(corpus, filter.value());
}

// "a.txt, b.txt and 3 more" for an error message.
std::string some_names(const Corpus& corpus, const std::vector<DocId>& ids) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(ids.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + corpus.document(ids[i]).info.name;
  if (ids.size() > shown) out += " and " + std::to_string(ids.size() - shown) + " more";
  return out;
}

std::string quoted_or_rest(const SubCorpus& side) {
  return side.rest ? std::string("(the rest of the corpus)") : "\"" + side.selection + "\"";
}

}  // namespace

double log_likelihood(double a, double b, double c, double d) {
  const double e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d);
  return 2 * (observed_term(a, e1) + observed_term(b, e2));
}

double log_ratio(double a, double b, double c, double d) {
  return std::log2(((a > 0 ? a : 0.5) / c) / ((b > 0 ? b : 0.5) / d));
}

std::optional<double> percent_diff(double a, double b, double c, double d) {
  if (b == 0) return std::nullopt;
  return 100 * (a / c - b / d) / (b / d);
}

double chi_square_p(double g2) {
  if (g2 <= 0) return 1.0;
  // Six significant digits: more would be noise (G² is itself an approximation), and the C libraries of the
  // native and wasm builds differ in erfc's last bit, which must not make the CLI and the page disagree.
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.6g", std::erfc(std::sqrt(g2 / 2)));
  return std::strtod(digits, nullptr);
}

std::optional<double> significance(double g2) {
  if (g2 >= 15.13) return 0.0001;
  if (g2 >= 10.83) return 0.001;
  if (g2 >= 6.63) return 0.01;
  if (g2 >= 3.84) return 0.05;
  return std::nullopt;
}

Result<Keyness> keyness(const Corpus& corpus, const KeynessOptions& options) {
  Keyness result;
  result.sign = options.sign;
  result.target.selection = options.target;
  result.reference.selection = options.reference;
  result.reference.rest = options.reference.empty();

  Result<std::vector<bool>> in_target = select_documents(corpus, options.target, "target");
  if (!in_target.ok()) return in_target.error();
  std::vector<bool> in_reference(corpus.document_count(), false);
  if (result.reference.rest) {
    for (DocId id = 0; id < corpus.document_count(); ++id)
      in_reference[id] = !corpus.document(id).removed && !in_target.value()[id];
  } else {
    Result<std::vector<bool>> selected = select_documents(corpus, options.reference, "reference");
    if (!selected.ok()) return selected.error();
    in_reference = std::move(selected.value());
  }
  std::vector<DocId> shared;
  for (DocId id = 0; id < corpus.document_count(); ++id)
    if (in_target.value()[id] && in_reference[id]) shared.push_back(id);
  if (!shared.empty())
    return Error{"keyness.overlap",
                 "The target " + quoted_or_rest(result.target) + " and the reference " + quoted_or_rest(result.reference) +
                     " share " + std::to_string(shared.size()) + (shared.size() == 1 ? " document (" : " documents (") +
                     some_names(corpus, shared) +
                     "); keyness compares two separate sets of documents, so choose selections with no document in common."};

  // Count every key in each side, remembering where it first occurs for its display form.
  const std::size_t vocabulary = corpus.vocabulary_size();
  std::vector<std::size_t> in_a(vocabulary, 0), in_b(vocabulary, 0);
  std::vector<std::pair<DocId, std::uint32_t>> first_seen(vocabulary, {static_cast<DocId>(-1), 0});
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    const bool target = in_target.value()[id];
    if (!target && !in_reference[id]) continue;
    SubCorpus& side = target ? result.target : result.reference;
    std::vector<std::size_t>& counts = target ? in_a : in_b;
    const TokenSpan tokens = corpus.tokens(id);
    ++side.documents;
    side.tokens += tokens.size();
    for (std::uint32_t i = 0; i < tokens.size(); ++i) {
      const KeyId key = tokens.keys[i];
      ++counts[key];
      if (first_seen[key].first == static_cast<DocId>(-1)) first_seen[key] = {id, i};
    }
  }
  if (result.target.documents == 0)
    return Error{"keyness.empty", "No document matches the target selection \"" + options.target + "\"."};
  if (result.reference.documents == 0)
    return Error{"keyness.empty",
                 result.reference.rest
                     ? "The target selection \"" + options.target +
                           "\" takes every document, so nothing is left to compare it with; narrow the target or "
                           "name a reference selection."
                     : "No document matches the reference selection \"" + options.reference + "\"."};
  for (const SubCorpus* side : {&result.target, &result.reference}) {
    if (side->tokens == 0)
      return Error{"keyness.empty", std::string(side == &result.target ? "The target " : "The reference ") +
                                        quoted_or_rest(*side) + " has " + std::to_string(side->documents) +
                                        (side->documents == 1 ? " document" : " documents") + " but no words."};
  }

  // Keep the words of the requested sign: a / c above b / d for positive keywords (compared as a d vs b c,
  // exact in 64 bits since token counts stay below 2^32).
  const std::uint64_t c = result.target.tokens, d = result.reference.tokens;
  std::vector<KeyId> kept;
  for (KeyId key = 0; key < vocabulary; ++key) {
    const std::uint64_t a = in_a[key], b = in_b[key];
    if (a + b == 0 || a + b < options.min_frequency) continue;
    const bool over = a * d > b * c, under = a * d < b * c;
    if (options.sign == KeywordSign::kPositive ? !over : !under) continue;
    if (options.skip_stop_words && is_stop_word(corpus.key_text(key))) continue;
    kept.push_back(key);
  }
  result.total = kept.size();

  std::vector<double> g2(vocabulary, 0);
  for (const KeyId key : kept)
    g2[key] = log_likelihood(static_cast<double>(in_a[key]), static_cast<double>(in_b[key]), static_cast<double>(c),
                             static_cast<double>(d));
  const std::vector<std::uint32_t>& ranks = corpus.key_ranks();
  const auto by_keyness = [&](KeyId x, KeyId y) { return g2[x] != g2[y] ? g2[x] > g2[y] : ranks[x] < ranks[y]; };
  const std::size_t from = std::min(options.offset, kept.size());
  const std::size_t to = from + std::min(options.limit, kept.size() - from);
  std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(to), kept.end(), by_keyness);
  for (std::size_t i = from; i < to; ++i) {
    const KeyId key = kept[i];
    const double a = static_cast<double>(in_a[key]), b = static_cast<double>(in_b[key]);
    const auto [doc, index] = first_seen[key];
    const std::uint32_t start = corpus.tokens(doc).starts[index];
    KeywordRow row;
    row.key = key;
    row.word = display_form(std::string_view(corpus.document(doc).text).substr(start, corpus.token_end(doc, index) - start));
    row.target_frequency = in_a[key];
    row.reference_frequency = in_b[key];
    row.target_per_million = 1e6 * a / static_cast<double>(c);
    row.reference_per_million = 1e6 * b / static_cast<double>(d);
    row.log_likelihood = g2[key];
    row.p = chi_square_p(g2[key]);
    row.log_ratio = log_ratio(a, b, static_cast<double>(c), static_cast<double>(d));
    row.percent_diff = percent_diff(a, b, static_cast<double>(c), static_cast<double>(d));
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace textx
