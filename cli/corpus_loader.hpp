#pragma once
// Builds a Corpus from the paths a user names on the command line: files, folders, or corpus manifests.
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace textx::cli {

struct LoadReport {
  std::vector<std::string> problems;  // one "[code] message" per file that could not be added
};

// Adds every document named by `paths` to `corpus`, in order. A folder contributes the documents of its
// manifest.json when it has one, otherwise its regular files (not hidden ones) sorted by name; a .json
// path is read as a manifest. A file that cannot be read or is not text is reported and skipped.
LoadReport load_paths(const std::vector<std::string>& paths, Corpus& corpus);

// load_paths, printing each problem to stderr as "textx: [code] message". Returns false, after saying so,
// when no document could be loaded.
bool load_or_explain(const std::vector<std::string>& paths, Corpus& corpus);

}  // namespace textx::cli
