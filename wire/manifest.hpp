#pragma once
// A corpus manifest: the manifest.json that lists a corpus's documents (README, "Hosting a corpus"):
//   {"name"?: "…", "documents": [{"file": "a.txt", "title"?: "…", "date"?: "…", "source"?: "…"}, …]}
// Parsing only: reading the manifest and the files it names is the caller's (the CLI's) business.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace textx::wire {

// One entry of "documents". Fields that are absent or not strings are empty; so is `file` when the entry
// is not an object, and the caller reports such an entry rather than loading it.
struct ManifestEntry {
  std::string file;
  std::string title;
  std::string date;
  std::string source;
};

struct Manifest {
  std::vector<ManifestEntry> documents;  // every entry, in order
};

// Parses the bytes of a manifest. Returns a "manifest.invalid" Error naming `name` when they are not JSON
// or not an object with a "documents" array. Never throws.
Result<Manifest> parse_manifest(std::string_view bytes, std::string_view name);

}  // namespace textx::wire
