#include "cli/corpus_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "wire/manifest.hpp"

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

void add_manifest(const fs::path& manifest_path, Corpus& corpus, LoadReport& report) {
  const std::optional<std::string> bytes = read_file(manifest_path);
  if (!bytes) {
    report.problems.push_back("[manifest.unreadable] " + manifest_path.string() + " could not be read.");
    return;
  }
  Result<wire::Manifest> manifest = wire::parse_manifest(*bytes, manifest_path.string());
  if (!manifest.ok()) {
    report.problems.push_back(manifest.error().to_string());
    return;
  }
  const fs::path folder = manifest_path.parent_path();
  for (wire::ManifestEntry& entry : manifest.value().documents) {
    if (entry.file.empty()) {
      report.problems.push_back("[manifest.invalid] " + manifest_path.string() +
                                " has a document entry without a \"file\" name; it was skipped.");
      continue;
    }
    // A manifest downloaded with a corpus names files beside it, never elsewhere on the machine.
    const fs::path named(entry.file);
    if (named.is_absolute() || std::any_of(named.begin(), named.end(), [](const fs::path& part) { return part == ".."; })) {
      report.problems.push_back("[manifest.path] " + manifest_path.string() + " names \"" + entry.file +
                                "\", which is outside the manifest's folder; it was skipped.");
      continue;
    }
    const fs::path path = folder / entry.file;
    add_file(path,
             {.name = std::move(entry.file),
              .title = std::move(entry.title),
              .date = std::move(entry.date),
              .source = std::move(entry.source)},
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
