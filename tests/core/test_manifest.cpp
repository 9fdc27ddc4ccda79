#include <doctest/doctest.h>

#include <string>

#include "wire/manifest.hpp"

using textx::wire::parse_manifest;

TEST_CASE("a manifest lists its documents in order, with the fields it has") {
  const auto manifest = parse_manifest(
      R"({"name": "Week 3", "documents": [
           {"file": "bandung.txt", "title": "Final Communiqu\u00e9", "date": "1955-04-24", "source": "Archive", "rights": "x"},
           {"file": "b.html", "date": 1980}]})",
      "manifest.json");
  REQUIRE(manifest.ok());
  const auto& documents = manifest.value().documents;
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].file == "bandung.txt");
  CHECK(documents[0].title == "Final Communiqu\u00e9");
  CHECK(documents[0].date == "1955-04-24");
  CHECK(documents[0].source == "Archive");
  CHECK(documents[1].file == "b.html");
  CHECK(documents[1].date.empty());  // not a string
}

TEST_CASE("manifest entries without a file name are kept, empty, for the caller to report") {
  const auto manifest = parse_manifest(R"({"documents": [{"title": "t"}, "a.txt", {"file": 7}, null, {"file": "b.txt"}]})", "m.json");
  REQUIRE(manifest.ok());
  const auto& documents = manifest.value().documents;
  REQUIRE(documents.size() == 5);
  for (int i = 0; i < 4; ++i) CHECK(documents[i].file.empty());
  CHECK(documents[4].file == "b.txt");
}

TEST_CASE("bytes that are not a manifest give manifest.invalid naming the file") {
  const std::string nested(1'000'000, '[');
  for (const std::string bytes : {"", "not json", "[1, 2]", "{}", R"({"documents": {"file": "a.txt"}})",
                                  "{\"documents\": [", "\xFF\xFE{}", nested.c_str()}) {
    CAPTURE(bytes.substr(0, 40));
    const auto manifest = parse_manifest(bytes, "week3/manifest.json");
    REQUIRE_FALSE(manifest.ok());
    CHECK(manifest.error().code == "manifest.invalid");
    CHECK(manifest.error().message ==
          "week3/manifest.json is not a corpus manifest: expected JSON with a \"documents\" array.");
  }
}
