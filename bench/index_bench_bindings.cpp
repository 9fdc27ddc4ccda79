// Embind bindings of the index benchmark's memory probe (build/wasm/textx-index-bench.js), for
// bench/run_index_bench.mjs. The benchmark times the page's own module (textx-core.js); this one only says
// how many bytes the index takes in wasm, which the product API does not report. Not part of the page.
//
//   const probe = new (await TextxIndexBench()).IndexProbe();
//   probe.addDocuments(names.join('\n'), byteArrays);  // one batch, as Corpus.addDocuments adds it
//   const memory = JSON.parse(probe.memory());  // {"tokens", "text_bytes", "index_bytes", "keys", "segments"}
//   probe.delete();
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace {

class IndexProbe {
 public:
  // names: the documents' names, one per line; byte_arrays: a JS array of Uint8Array, one per name.
  void addDocuments(const std::string& names, const emscripten::val& byte_arrays) {
    const auto count = byte_arrays["length"].as<std::size_t>();
    std::vector<std::string> bytes(count);
    std::vector<textx::NewDocument> batch;
    std::size_t from = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t to = std::min(names.find('\n', from), names.size());
      bytes[i] = byte_arrays[i].as<std::string>();
      batch.push_back({textx::DocumentInfo{names.substr(from, to - from)}, bytes[i]});
      from = to + 1;
    }
    corpus_.add_documents(std::move(batch));
  }

  std::string memory() const {
    std::size_t text_bytes = 0;
    for (textx::DocId id = 0; id < corpus_.document_count(); ++id) text_bytes += corpus_.document(id).text.size();
    return "{\"tokens\":" + std::to_string(corpus_.token_count()) + ",\"text_bytes\":" + std::to_string(text_bytes) +
           ",\"index_bytes\":" + std::to_string(corpus_.index_memory_bytes()) +
           ",\"keys\":" + std::to_string(corpus_.vocabulary_size()) +
           ",\"segments\":" + std::to_string(corpus_.segments().size()) + "}";
  }

 private:
  textx::Corpus corpus_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(textx_index_bench) {
  emscripten::class_<IndexProbe>("IndexProbe")
      .constructor<>()
      .function("addDocuments", &IndexProbe::addDocuments)
      .function("memory", &IndexProbe::memory);
}
