#include "cli/corpus_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace textx::cli {
namespace {

namespace fs = std::filesystem;

// The whole file as bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

void add_file(const fs::path& path, DocumentInfo info, Corpus& corpus, LoadReport& report) {
  if (info.name.empty()) info.name = path.filename().string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    report.problems.push_back("[load.missing] " + path.string() + " is not a readable file.");
    return;
  }
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes) {
    report.problems.push_back("[load.unreadable] " + path.string() + " could not be read.");
    return;
  }
  Result<DocId> added = corpus.add_document(std::move(info), *bytes);
  if (!added.ok()) report.problems.push_back(added.error().to_string());
}

std::string string_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void add_manifest(const fs::path& manifest_path, Corpus& corpus, LoadReport& report) {
  const std::optional<std::string> bytes = read_file(manifest_path);
  if (!bytes) {
    report.problems.push_back("[manifest.unreadable] " + manifest_path.string() + " could not be read.");
    return;
  }
  const nlohmann::json manifest = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("documents") ||
      !manifest["documents"].is_array()) {
    report.problems.push_back("[manifest.invalid] " + manifest_path.string() +
                              " is not a corpus manifest: expected JSON with a \"documents\" array.");
    return;
  }
  const fs::path folder = manifest_path.parent_path();
  for (const nlohmann::json& entry : manifest["documents"]) {
    const std::string file = entry.is_object() ? string_field(entry, "file") : std::string();
    if (file.empty()) {
      report.problems.push_back("[manifest.invalid] " + manifest_path.string() +
                                " has a document entry without a \"file\" name; it was skipped.");
      continue;
    }
    add_file(folder / file,
             {.name = file,
              .title = string_field(entry, "title"),
              .date = string_field(entry, "date"),
              .source = string_field(entry, "source")},
             corpus, report);
  }
}

void add_folder(const fs::path& folder, Corpus& corpus, LoadReport& report) {
  if (fs::exists(folder / "manifest.json")) {
    add_manifest(folder / "manifest.json", corpus, report);
    return;
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && !name.starts_with(".")) files.push_back(entry.path());
  }
  if (ec) report.problems.push_back("[load.unreadable] the folder " + folder.string() + " could not be listed.");
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) add_file(file, {}, corpus, report);
}

}  // namespace

LoadReport load_paths(const std::vector<std::string>& paths, Corpus& corpus) {
  LoadReport report;
  for (const std::string& name : paths) {
    const fs::path path(name);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      add_folder(path, corpus, report);
    } else if (path.extension() == ".json") {
      add_manifest(path, corpus, report);
    } else {
      add_file(path, {}, corpus, report);
    }
  }
  return report;
}

}  // namespace textx::cli

namespace textx::cli {

bool load_or_explain(const std::vector<std::string>& paths, Corpus& corpus) {
  const LoadReport report = load_paths(paths, corpus);
  for (const std::string& problem : report.problems) std::cerr << "textx: " << problem << '\n';
  if (corpus.document_count() > 0) return true;
  std::cerr << "textx: [load.nothing] no documents could be loaded from the paths given.\n";
  return false;
}

}  // namespace textx::cli
