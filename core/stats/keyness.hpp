#pragma once
// Keyness: the words a sub-corpus (the target) uses more, or less, than another (the reference), by
// log-likelihood (Rayson & Garside 2000) with effect sizes (Hardie's Log Ratio, %DIFF).
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/error.hpp"

namespace textx {

// Which keywords to list: those relatively more frequent in the target (positive) or less (negative).
enum class KeywordSign { kPositive, kNegative };

struct KeynessOptions {
  std::string target;     // documents, as query-language filters ("doc:1980*", "date:1980..1990")
  std::string reference;  // the same; empty: every live document outside the target
  std::size_t min_frequency = 1;  // leave out words occurring fewer times than this in target and reference together
  bool skip_stop_words = false;   // leave out English function words (is_stop_word)
  KeywordSign sign = KeywordSign::kPositive;
  std::size_t offset = 0;         // first row to return, in order of log-likelihood
  std::size_t limit = std::numeric_limits<std::size_t>::max();  // most rows to return
};

// One side of the comparison.
struct SubCorpus {
  std::string selection;   // as given; empty for a reference that is the rest of the corpus
  bool rest = false;       // the reference is every live document outside the target
  std::size_t documents = 0;
  std::size_t tokens = 0;
};

struct KeywordRow {
  KeyId key = 0;
  std::string word;                    // shown as in the frequency list (display_form of its first occurrence)
  std::size_t target_frequency = 0;    // a
  std::size_t reference_frequency = 0; // b
  double target_per_million = 0;
  double reference_per_million = 0;
  double log_likelihood = 0;           // G², always >= 0
  double p = 1;                        // chi-square with one degree of freedom, upper tail of G² (6 digits)
  double log_ratio = 0;                // binary log of the ratio of relative frequencies, target over reference
  std::optional<double> percent_diff;  // %DIFF; nullopt (infinite) when the reference frequency is 0
};

struct Keyness {
  SubCorpus target;
  SubCorpus reference;
  KeywordSign sign = KeywordSign::kPositive;
  std::size_t total = 0;            // keywords of the requested sign passing the filters, whatever offset and limit
  std::vector<KeywordRow> rows;     // by log-likelihood, largest first, ties alphabetical by key; [offset, offset + limit)
};

// The keywords of `options.target` against `options.reference`. Words are matching keys. Errors: a malformed
// selection (the parser's code, the message naming the selection), a target or reference without documents
// or without words (keyness.empty), documents in both (keyness.overlap).
Result<Keyness> keyness(const Corpus& corpus, const KeynessOptions& options);

// The formulas, for a word occurring a times in a target of c tokens and b times in a reference of d tokens
// (docs/statistics.md). Preconditions: c > 0, d > 0, a + b > 0.
// G² = 2 (a ln(a / E1) + b ln(b / E2)), E1 = c (a + b) / (c + d), E2 = d (a + b) / (c + d), 0 ln 0 = 0.
double log_likelihood(double a, double b, double c, double d);
// log2((a / c) / (b / d)), a zero frequency counted as 0.5.
double log_ratio(double a, double b, double c, double d);
// 100 (a / c - b / d) / (b / d); nullopt when b = 0.
std::optional<double> percent_diff(double a, double b, double c, double d);
// P(X >= g2) for X chi-square with one degree of freedom, to six significant digits.
double chi_square_p(double g2);
// The smallest of 0.0001, 0.001, 0.01, 0.05 whose critical value (15.13, 10.83, 6.63, 3.84) g2 reaches;
// nullopt below 3.84.
std::optional<double> significance(double g2);

}  // namespace textx
