// Embind bindings of the text-model benchmark (build/wasm/textx-bench.js), for bench/run_bench.mjs in node
// and in Chromium. Not part of the page.
//
//   const bench = await TextxBench();
//   for (const [name, bytes] of files) bench.addDocument(name, bytes);  // bytes: Uint8Array
//   const report = JSON.parse(bench.measureTextModel(7));                // see bench/text_model_bench.hpp
//   bench.clearDocuments();
#include <emscripten/bind.h>

#include <string>
#include <string_view>
#include <vector>

#include "bench/text_model_bench.hpp"

namespace {

std::vector<std::string> documents;
std::vector<std::string> names;

void add_document(const std::string& name, const std::string& bytes) {
  names.push_back(name);
  documents.push_back(bytes);
}

void clear_documents() {
  documents = {};
  names = {};
}

std::string measure_text_model(int repeats) {
  const std::vector<std::string_view> views(documents.begin(), documents.end());
  const std::vector<std::string_view> name_views(names.begin(), names.end());
  return textx::bench::to_json(textx::bench::measure_text_model(views, repeats, name_views));
}

}  // namespace

EMSCRIPTEN_BINDINGS(textx_bench) {
  emscripten::function("addDocument", &add_document);
  emscripten::function("clearDocuments", &clear_documents);
  emscripten::function("measureTextModel", &measure_text_model);
}
