#pragma once
// Throughput of the text model, stage by stage, on a set of documents given as bytes. Pure of I/O: the
// native driver (bench_main.cpp) and the wasm binding (wasm_bench_bindings.cpp) feed it and print it.
//
// Stages (each one a full pass over every document, timed with std::chrono::steady_clock, best of N):
//   decode       decode_bytes
//   segment      find_segments on the decoded text (paragraphs + UAX #29 sentences)
//   words        find_words on the decoded text (UAX #29 word tokens)
//   words+keys   find_words, then append_key for each token into one reused std::string
//   pipeline     decode + segment + words + keys, per document: "decode + segment + fold"
//   corpus       Corpus::add_document into a fresh Corpus: "to queryable index" (adds interning, postings,
//                the UTF-16 offset index)
//   ascii-ref    reference only: a plain ASCII tokenizer (lower-cased [A-Za-z0-9]+ runs) mapping words to
//                ids in a hash map, the ceiling an exact UAX #29 pipeline is compared with
// Every stage works one document per call of a function that is not inlined into the timing loop, so a
// JIT that tiers up functions by call count (V8's wasm tiering) optimises the code that does the work.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace textx::bench {

struct StageResult {
  std::string id;        // "decode", "segment", …
  double best_seconds = 0;   // fastest pass over all documents
  double median_seconds = 0;
  std::size_t bytes = 0;     // input bytes of one pass

  double megabytes_per_second() const { return best_seconds > 0 ? bytes / best_seconds / 1e6 : 0; }
};

// Counts that must agree across runs and platforms: a checksum of the work done, not a timing.
struct Checksum {
  std::size_t documents = 0;
  std::size_t bytes = 0;
  std::size_t decoded_bytes = 0;
  std::size_t paragraphs = 0;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
  std::size_t key_bytes = 0;
  std::uint64_t key_hash = 0;      // FNV-1a over every key, in order, separated by a zero byte
  std::size_t vocabulary = 0;      // distinct keys in the corpus stage
  std::size_t ascii_ref_ids = 0;   // distinct words of the ASCII reference tokenizer
  bool consistent = true;          // every stage counted the same tokens, sentences and key bytes
};

struct TextModelReport {
  int repeats = 0;
  std::vector<StageResult> stages;
  Checksum checksum;
};

// Runs every stage `repeats` times (at least 1) over `documents` and reports the best pass of each.
// `names` (optional, same length as documents) are the documents' file names for Corpus::add_document.
TextModelReport measure_text_model(const std::vector<std::string_view>& documents, int repeats,
                                   const std::vector<std::string_view>& names = {});

// The report as one JSON object: {"repeats", "stages": [{"id", "best_seconds", "median_seconds", "bytes",
// "mb_per_s"}], "checksum": {..., "consistent"}}. MB is 10^6 bytes.
std::string to_json(const TextModelReport& report);

}  // namespace textx::bench
