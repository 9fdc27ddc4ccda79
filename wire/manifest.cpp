#include "wire/manifest.hpp"

#include <nlohmann/json.hpp>

namespace textx::wire {
namespace {

std::string string_field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<Manifest> parse_manifest(std::string_view bytes, std::string_view name) {
  const nlohmann::json manifest = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  const auto documents = manifest.is_object() ? manifest.find("documents") : manifest.end();
  if (manifest.is_discarded() || !manifest.is_object() || documents == manifest.end() || !documents->is_array())
    return Error{"manifest.invalid",
                 std::string(name) + " is not a corpus manifest: expected JSON with a \"documents\" array."};
  Manifest result;
  result.documents.reserve(documents->size());
  for (const nlohmann::json& entry : *documents) {
    if (!entry.is_object()) {
      result.documents.emplace_back();
      continue;
    }
    result.documents.push_back({.file = string_field(entry, "file"),
                                .title = string_field(entry, "title"),
                                .date = string_field(entry, "date"),
                                .source = string_field(entry, "source")});
  }
  return result;
}

}  // namespace textx::wire
