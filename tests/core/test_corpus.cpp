#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/concordance.hpp"
#include "core/stats/trend.hpp"
#include "core/text/fold.hpp"
#include "tests/core/mini_corpus.hpp"

using textx::Corpus;

TEST_CASE("a corpus indexes every token of every document under its folded key") {
  const Corpus corpus = textx::testing::mini_corpus();
  REQUIRE(corpus.document_count() == 3);
  std::size_t tokens = 0;
  for (textx::DocId id = 0; id < corpus.document_count(); ++id) {
    CHECK(corpus.tokens(id).size() == corpus.document(id).token_count);
    tokens += corpus.document(id).token_count;
  }
  CHECK(corpus.token_count() == tokens);

  const auto key = corpus.find_key("independence");
  REQUIRE(key.has_value());
  CHECK(corpus.key_text(*key) == "independence");
  std::size_t found = 0;
  for (const textx::IndexSegment& segment : corpus.segments()) {
    for (const std::uint32_t position : segment.postings(*key)) {
      const std::size_t local = segment.document_of(position);
      const textx::DocId doc = segment.document_id(local);
      const std::size_t index = position - segment.first_token(local);
      CHECK(corpus.tokens(doc).keys[index] == *key);
      const std::uint32_t start = corpus.tokens(doc).starts[index];
      CHECK(textx::key_of(std::string_view(corpus.document(doc).text).substr(start, corpus.token_end(doc, index) - start)) ==
            "independence");
      ++found;
    }
  }
  CHECK(found == 8);
  CHECK_FALSE(corpus.find_key("Independence").has_value());  // keys are folded; callers fold first
  CHECK_FALSE(corpus.find_key("absent").has_value());
}

TEST_CASE("invalid UTF-8 is repaired and counted, never refused") {
  const Corpus corpus = textx::testing::mini_corpus();
  const textx::Document& hostile = corpus.document(2);
  CHECK(hostile.replacements == 1);
  CHECK(hostile.text.find("\uFFFD(") != std::string::npos);
}

TEST_CASE("binary bytes are refused with a message naming the file, and nothing loaded is lost") {
  Corpus corpus = textx::testing::mini_corpus();
  const std::size_t before = corpus.token_count();
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "picture.png"}, png);
  REQUIRE_FALSE(added.ok());
  CHECK(added.error().code == "load.binary");
  CHECK(added.error().to_string() ==
        "[load.binary] picture.png is a PNG image, not a text file.");
  CHECK(corpus.document_count() == 3);
  CHECK(corpus.token_count() == before);
}

TEST_CASE("an empty document is accepted and has no tokens") {
  Corpus corpus;
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "empty.txt"}, "");
  REQUIRE(added.ok());
  CHECK(corpus.document(added.value()).token_count == 0);
  CHECK(corpus.tokens(added.value()).size() == 0);
  CHECK(corpus.token_count() == 0);
}

TEST_CASE("a 10 MB document on one line is read into sentence units without trouble") {
  std::string line;
  line.reserve(10 * 1024 * 1024 + 100);
  while (line.size() < 10 * 1024 * 1024) line += "The Union is strong, and its people are free. ";
  Corpus corpus;
  const textx::Result<textx::DocId> added = corpus.add_document({.name = "one-line.txt"}, line);
  REQUIRE(added.ok());
  const textx::Document& doc = corpus.document(added.value());
  CHECK(doc.sentences.size() == line.size() / 46);
  CHECK(doc.paragraphs.size() > 1000);
  CHECK(doc.token_count == 9 * doc.sentences.size());
  CHECK(doc.distinct_keys == 9);
}

TEST_CASE("mixed line ends in one document: LF, CRLF and CR all end lines and blank lines") {
  Corpus corpus;
  const std::string text = "First paragraph\r\ncontinues.\n\nSecond.\r\rThird\rcontinues.\r\n\r\nFourth.";
  const auto added = corpus.add_document({.name = "mixed.txt"}, text);
  REQUIRE(added.ok());
  const textx::Document& doc = corpus.document(added.value());
  REQUIRE(doc.paragraphs.size() == 4);
  CHECK(doc.text.substr(doc.paragraphs[2].start, doc.paragraphs[2].end - doc.paragraphs[2].start) ==
        "Third\rcontinues.");
  CHECK(doc.sentences.size() == 4);
}

TEST_CASE("documents added one by one, in batches, or removed leave the same index as a fresh build") {
  // The reference: every mini document but the second, added at once.
  const auto& docs = textx::testing::mini_documents();
  std::vector<std::string> texts;
  for (const auto& d : docs) texts.push_back(d.text);
  for (int i = 0; i < 40; ++i) texts.push_back(std::string("Independence number ").append(std::to_string(i)).append(" and peace, peace."));

  Corpus grown;  // one at a time: segments merge as they come
  for (std::size_t i = 0; i < texts.size(); ++i) REQUIRE(grown.add_document({.name = std::string("d").append(std::to_string(i))}, texts[i]).ok());
  CHECK(grown.segments().size() < 16);  // merged in tiers: few segments
  Corpus batched;
  std::vector<textx::NewDocument> batch;
  for (std::size_t i = 0; i < texts.size(); ++i) batch.push_back({{.name = std::string("d").append(std::to_string(i))}, texts[i]});
  for (const auto& result : batched.add_documents(std::move(batch))) CHECK(result.ok());
  CHECK(batched.segments().size() == 1);

  REQUIRE(grown.remove_document(1));
  REQUIRE(batched.remove_document(1));
  CHECK_FALSE(grown.remove_document(1));     // already removed
  CHECK_FALSE(grown.remove_document(9999));  // no such document
  CHECK(grown.document(1).removed);
  CHECK(grown.live_document_count() == texts.size() - 1);

  for (const Corpus* corpus : {&grown, &batched}) {
    CHECK(corpus->token_count() == grown.token_count());
    for (const char* word : {"independence", "peace", "the", "number"}) {
      CAPTURE(word);
      std::size_t n = 0;
      for (const auto& segment : corpus->segments()) n += segment.postings(*corpus->find_key(word)).size();
      std::size_t expected = 0;
      for (textx::DocId id = 0; id < corpus->document_count(); ++id) {
        if (corpus->document(id).removed) continue;
        for (const textx::KeyId k : corpus->tokens(id).keys) expected += corpus->key_text(k) == word;
      }
      CHECK(n == expected);
    }
  }
}

namespace {

// Every occurrence of every key as (document, token index), from the postings of all segments, checking on
// the way that each posting list ascends and names tokens of its key.
std::map<std::string, std::vector<std::pair<textx::DocId, std::size_t>>> occurrences(const Corpus& corpus) {
  std::map<std::string, std::vector<std::pair<textx::DocId, std::size_t>>> out;
  for (textx::KeyId key = 0; key < corpus.vocabulary_size(); ++key) {
    auto& list = out[std::string(corpus.key_text(key))];
    for (const textx::IndexSegment& segment : corpus.segments()) {
      const auto postings = segment.postings(key);
      CHECK(std::is_sorted(postings.begin(), postings.end()));
      for (const std::uint32_t p : postings) {
        CHECK(segment.key_at(p) == key);
        const std::size_t local = segment.document_of(p);
        list.emplace_back(segment.document_id(local), p - segment.first_token(local));
      }
    }
    std::sort(list.begin(), list.end());
    if (list.empty()) out.erase(std::string(corpus.key_text(key)));
  }
  return out;
}

}  // namespace

TEST_CASE("segments merged in tiers as documents come one by one hold what one batch holds") {
  std::mt19937 rng(11);
  std::vector<std::string> texts;
  for (int d = 0; d < 260; ++d) {
    std::string text;
    const int words = 200 + static_cast<int>(rng() % 1600);
    for (int w = 0; w < words; ++w) text.append("w").append(std::to_string(rng() % (d < 100 ? 3000 : 9000))).append(w % 13 ? " " : ". ");
    texts.push_back(std::move(text));
  }
  Corpus grown, batched;
  std::vector<textx::NewDocument> all, middle;
  for (std::size_t i = 0; i < texts.size(); ++i) all.push_back({{.name = std::to_string(i)}, texts[i]});
  for (const auto& result : batched.add_documents(all)) REQUIRE(result.ok());
  // One at a time, except documents 120-179 as one batch (a large segment among small ones).
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i >= 120 && i < 180) {
      middle.push_back(all[i]);
      if (i == 179) REQUIRE(grown.add_documents(middle).size() == 60);
      continue;
    }
    REQUIRE(grown.add_document({.name = std::to_string(i)}, texts[i]).ok());
  }
  CHECK(grown.segments().size() > 2);
  CHECK(grown.segments().size() < 30);
  CHECK(batched.segments().size() == 1);
  for (const textx::DocId id : {0u, 7u, 130u, 259u, 200u}) {
    REQUIRE(grown.remove_document(id));
    REQUIRE(batched.remove_document(id));
  }
  REQUIRE(grown.vocabulary_size() == batched.vocabulary_size());
  CHECK(grown.token_count() == batched.token_count());
  for (textx::DocId id = 0; id < grown.document_count(); ++id) {
    if (grown.document(id).removed) continue;
    const auto a = grown.tokens(id), b = batched.tokens(id);
    CHECK(std::vector<textx::KeyId>(a.keys.begin(), a.keys.end()) == std::vector<textx::KeyId>(b.keys.begin(), b.keys.end()));
    CHECK(std::equal(a.starts.begin(), a.starts.end(), b.starts.begin(), b.starts.end()));
  }
  CHECK(occurrences(grown) == occurrences(batched));
  std::size_t indexed = 0;
  for (const auto& segment : grown.segments()) indexed += segment.token_count();
  CHECK(indexed == grown.token_count());
}

TEST_CASE("a document added alone to a large vocabulary is indexed by radix passes over three key bytes") {
  std::string big;
  for (int i = 0; i < 70000; ++i) big.append("k").append(std::to_string(i)).append(" ");  // 70,000 keys > 2^16
  std::vector<std::string> small;
  for (int d = 0; d < 5; ++d) {
    std::string text;
    for (int i = 0; i < 300; ++i) text.append("k").append(std::to_string((i * 7919 + d * 104729) % 90000)).append(" ");
    small.push_back(std::move(text));
  }
  Corpus grown, batched;
  REQUIRE(grown.add_document({.name = "big"}, big).ok());
  for (int d = 0; d < 5; ++d) REQUIRE(grown.add_document({.name = std::to_string(d)}, small[d]).ok());
  std::vector<textx::NewDocument> all = {{{.name = "big"}, big}};
  for (int d = 0; d < 5; ++d) all.push_back({{.name = std::to_string(d)}, small[d]});
  for (const auto& result : batched.add_documents(all)) REQUIRE(result.ok());
  CHECK(grown.vocabulary_size() > 70000);
  CHECK(grown.segments().size() == 6);  // the big one, then one per small document
  CHECK(occurrences(grown) == occurrences(batched));
}

TEST_CASE("the index holds 11.25 bytes per token beyond the text, plus the vocabulary") {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "word" + std::to_string(i % 500) + " and the others ";
  Corpus corpus;
  REQUIRE(corpus.add_document({.name = "big.txt"}, text).ok());
  std::size_t segment_bytes = 0;
  for (const auto& segment : corpus.segments()) segment_bytes += segment.memory_bytes();
  const double tokens = static_cast<double>(corpus.token_count());
  // A key id (3 bytes), a start, a postings entry and its surface class (2 bits).
  CHECK(static_cast<double>(segment_bytes) / tokens >= 11.25);
  CHECK(static_cast<double>(segment_bytes) / tokens <= 11.35);
  CHECK(corpus.vocabulary_memory_bytes() > 0);
  CHECK(corpus.index_memory_bytes() >= segment_bytes + corpus.vocabulary_memory_bytes());
  CHECK(static_cast<double>(corpus.index_memory_bytes()) / tokens <= 12.0);
}

TEST_CASE("packed key ids read back as written, in 3 bytes and in 4") {
  std::mt19937 rng(7);
  for (const unsigned width : {3u, 4u}) {
    CAPTURE(width);
    std::vector<textx::KeyId> ids;
    for (int i = 0; i < 1000; ++i) ids.push_back(static_cast<textx::KeyId>(rng()) >> (width == 3 ? 8 : 0));
    ids.push_back(width == 3 ? 0xFFFFFFu : 0xFFFFFFFFu);
    std::vector<std::uint8_t> bytes(ids.size() * width + 1, 0xAB);  // a spare byte, as segments keep
    for (std::size_t i = 0; i < ids.size(); ++i) std::memcpy(bytes.data() + i * width, &ids[i], width);
    const textx::PackedKeys keys(bytes.data(), ids.size(), width);
    REQUIRE(keys.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(keys[i] == ids[i]);
    CHECK(std::vector<textx::KeyId>(keys.begin(), keys.end()) == ids);
    const textx::PackedKeys tail = keys.subspan(990, 11);
    CHECK(std::vector<textx::KeyId>(tail.begin(), tail.end()) == std::vector<textx::KeyId>(ids.begin() + 990, ids.end()));
  }
}

TEST_CASE("key ranks follow the alphabetical order of key texts") {
  const Corpus corpus = textx::testing::mini_corpus();
  const auto& ranks = corpus.key_ranks();
  REQUIRE(ranks.size() == corpus.vocabulary_size());
  for (textx::KeyId a = 0; a < corpus.vocabulary_size(); ++a)
    for (textx::KeyId b = 0; b < corpus.vocabulary_size(); ++b)
      CHECK((ranks[a] < ranks[b]) == (corpus.key_text(a) < corpus.key_text(b)));
}

TEST_CASE("set_document_info changes title, date and source; date filters and trends follow at once") {
  Corpus corpus = textx::testing::mini_corpus();
  const textx::Document& doc = corpus.document(1);  // 2023-article.txt, dated 2023 by its name
  const std::string text = doc.text;
  const std::size_t tokens = doc.token_count;
  CHECK(doc.info.date == "2023");
  const auto hits_in = [&](const char* query) {
    const auto result = textx::concordance(corpus, query, {});
    REQUIRE(result.ok());
    return result.value().total;
  };
  const std::size_t in_2023 = hits_in("independence date:2023");
  CHECK(in_2023 == 2);
  CHECK(hits_in("independence date:1955") == 0);

  const std::uint64_t before = corpus.revision();
  REQUIRE(corpus.set_document_info(1, "Independence, the basis", "1955-04-24", "Bandung"));
  CHECK(corpus.revision() > before);  // orders kept for a date: filter must be computed again
  CHECK(doc.info.name == "2023-article.txt");  // the name is the document's identity: unchanged
  CHECK(doc.info.title == "Independence, the basis");
  CHECK(doc.info.date == "1955-04-24");
  CHECK(doc.info.source == "Bandung");
  CHECK(doc.text == text);
  CHECK(doc.token_count == tokens);
  CHECK(hits_in("independence date:2023") == 0);
  CHECK(hits_in("independence date:1955") == in_2023);
  const auto by_year = textx::trend(corpus, "independence", textx::TrendPeriod::kYear, {});
  REQUIRE(by_year.ok());
  REQUIRE(by_year.value().periods.size() == 2);
  CHECK(by_year.value().periods[0].period == "1955");
  CHECK(by_year.value().periods[0].hits == in_2023);

  // An empty date is read from the name again, as when the document was added.
  REQUIRE(corpus.set_document_info(1, "", "", ""));
  CHECK(doc.info.date == "2023");
  CHECK(doc.info.title.empty());
  CHECK(hits_in("independence date:2023") == in_2023);

  // No such live document: nothing changes.
  CHECK_FALSE(corpus.set_document_info(99, "t", "1900", "s"));
  REQUIRE(corpus.remove_document(2));
  CHECK_FALSE(corpus.set_document_info(2, "t", "1900", "s"));
  CHECK(corpus.document(2).info.date.empty());
}
