#include "bench/text_model_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "core/corpus/corpus.hpp"
#include "core/text/decode.hpp"
#include "core/text/fold.hpp"
#include "core/text/segments.hpp"
#include "core/text/words.hpp"

namespace textx::bench {
namespace {

using Clock = std::chrono::steady_clock;

// What one stage did to one document, summed into the checksum.
struct Work {
  std::size_t decoded_bytes = 0;
  std::size_t paragraphs = 0;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
  std::size_t key_bytes = 0;

  void add(const Work& other) {
    decoded_bytes += other.decoded_bytes;
    paragraphs += other.paragraphs;
    sentences += other.sentences;
    tokens += other.tokens;
    key_bytes += other.key_bytes;
  }
};

void hash_key(std::uint64_t& hash, std::string_view key) {
  for (const char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  hash = hash * 0x100000001b3ull;  // the separator, a zero byte
}

// One document through one stage. Never inlined into the timing loops (see the header).

[[gnu::noinline]] std::string decode_document(std::string_view bytes) {
  Result<DecodedText> decoded = decode_bytes(bytes, "document");
  return decoded.ok() ? std::move(decoded.value().text) : std::string();
}

[[gnu::noinline]] Work segment_document(std::string_view text) {
  const Segments segments = find_segments(text);
  Work work;
  work.paragraphs = segments.paragraphs.size();
  work.sentences = segments.sentences.size();
  return work;
}

[[gnu::noinline]] Work words_document(std::string_view text) {
  Work work;
  work.tokens = find_words(text).size();
  return work;
}

// Hashing every key would cost a tenth of the stage, so the timed passes only count key bytes (hash = null)
// and one untimed pass hashes them.
[[gnu::noinline]] Work words_keys_document(std::string_view text, std::string& key, std::uint64_t* hash) {
  Work work;
  const std::vector<WordSpan> words = find_words(text);
  work.tokens = words.size();
  for (const WordSpan& w : words) {
    key.clear();
    append_key(key, text.substr(w.start, w.end - w.start));
    work.key_bytes += key.size();
    if (hash) hash_key(*hash, key);
  }
  return work;
}

[[gnu::noinline]] Work pipeline_document(std::string_view bytes, std::string& key) {
  const std::string text = decode_document(bytes);
  Work work = segment_document(text);
  const Work words = words_keys_document(text, key, nullptr);
  work.tokens = words.tokens;
  work.key_bytes = words.key_bytes;
  work.decoded_bytes = text.size();
  return work;
}

[[gnu::noinline]] bool add_to_corpus(Corpus& corpus, std::string_view name, std::string_view bytes) {
  return corpus.add_document(DocumentInfo{std::string(name)}, bytes).ok();
}

// The reference: ASCII letters and digits, lower-cased, as words; anything else separates them.
using AsciiIds = std::unordered_map<std::string, std::uint32_t>;

[[gnu::noinline]] std::size_t ascii_tokenize_document(std::string_view text, AsciiIds& ids, std::string& word) {
  const auto is_alnum = [](unsigned char c) {
    return static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u;
  };
  std::size_t tokens = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!is_alnum(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size() && is_alnum(static_cast<unsigned char>(text[pos]))) ++pos;
    word.assign(text.data() + start, text.data() + pos);
    for (char& c : word) c = static_cast<char>(c | (c >= 'A' ? 0x20 : 0));  // letters to lower case
    if (ids.find(word) == ids.end()) ids.emplace(word, static_cast<std::uint32_t>(ids.size()));
    ++tokens;
  }
  return tokens;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `pass` (one pass over every document, returning the seconds it took) `repeats` times.
StageResult time_stage(std::string id, std::size_t bytes, int repeats, const std::function<double()>& pass) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) times.push_back(pass());
  std::sort(times.begin(), times.end());
  StageResult result;
  result.id = std::move(id);
  result.best_seconds = times.front();
  result.median_seconds = times[times.size() / 2];
  result.bytes = bytes;
  return result;
}

// Times `loop`, a pass with nothing to set up or tear down.
template <class Loop>
double timed(Loop&& loop) {
  const Clock::time_point start = Clock::now();
  loop();
  return seconds_since(start);
}

}  // namespace

TextModelReport measure_text_model(const std::vector<std::string_view>& documents, int repeats,
                                   const std::vector<std::string_view>& names) {
  repeats = std::max(repeats, 1);
  TextModelReport report;
  report.repeats = repeats;
  Checksum& sum = report.checksum;
  sum.documents = documents.size();
  for (const std::string_view doc : documents) sum.bytes += doc.size();

  // Decoded once, untimed, for the stages that start from text.
  std::vector<std::string> texts;
  texts.reserve(documents.size());
  for (const std::string_view doc : documents) texts.push_back(decode_document(doc));
  std::size_t text_bytes = 0;
  for (const std::string& text : texts) text_bytes += text.size();
  sum.decoded_bytes = text_bytes;

  std::vector<std::string> decoded(documents.size());
  report.stages.push_back(time_stage("decode", sum.bytes, repeats, [&] {
    return timed([&] {
      for (std::size_t i = 0; i < documents.size(); ++i) decoded[i] = decode_document(documents[i]);
    });
  }));
  decoded = {};

  Work segments;
  report.stages.push_back(time_stage("segment", text_bytes, repeats, [&] {
    segments = {};
    return timed([&] {
      for (const std::string& text : texts) segments.add(segment_document(text));
    });
  }));
  sum.paragraphs = segments.paragraphs;
  sum.sentences = segments.sentences;

  Work words;
  report.stages.push_back(time_stage("words", text_bytes, repeats, [&] {
    words = {};
    return timed([&] {
      for (const std::string& text : texts) words.add(words_document(text));
    });
  }));

  std::string key;
  Work keys;
  report.stages.push_back(time_stage("words+keys", text_bytes, repeats, [&] {
    keys = {};
    return timed([&] {
      for (const std::string& text : texts) keys.add(words_keys_document(text, key, nullptr));
    });
  }));
  sum.tokens = keys.tokens;
  sum.key_bytes = keys.key_bytes;
  sum.key_hash = 0xcbf29ce484222325ull;  // FNV-1a offset basis
  for (const std::string& text : texts) words_keys_document(text, key, &sum.key_hash);

  Work pipeline;
  report.stages.push_back(time_stage("pipeline", sum.bytes, repeats, [&] {
    pipeline = {};
    return timed([&] {
      for (const std::string_view doc : documents) pipeline.add(pipeline_document(doc, key));
    });
  }));
  // The stages must agree on the work done.
  if (pipeline.tokens != keys.tokens || pipeline.key_bytes != keys.key_bytes || pipeline.sentences != sum.sentences ||
      pipeline.paragraphs != sum.paragraphs || words.tokens != keys.tokens || pipeline.decoded_bytes != text_bytes) {
    sum.consistent = false;
  }

  std::vector<std::string> doc_names;
  for (std::size_t i = 0; i < documents.size(); ++i)
    doc_names.push_back(i < names.size() ? std::string(names[i]) : "document-" + std::to_string(i) + ".txt");
  report.stages.push_back(time_stage("corpus", sum.bytes, repeats, [&] {
    Corpus corpus;  // destroyed after the timed adds
    const double seconds = timed([&] {
      for (std::size_t i = 0; i < documents.size(); ++i) add_to_corpus(corpus, doc_names[i], documents[i]);
    });
    sum.vocabulary = corpus.vocabulary_size();
    if (corpus.token_count() != keys.tokens) sum.consistent = false;
    return seconds;
  }));

  AsciiIds ids;
  std::string word;
  report.stages.push_back(time_stage("ascii-ref", text_bytes, repeats, [&] {
    ids = AsciiIds{};
    return timed([&] {
      for (const std::string& text : texts) ascii_tokenize_document(text, ids, word);
    });
  }));
  sum.ascii_ref_ids = ids.size();
  return report;
}

std::string to_json(const TextModelReport& report) {
  std::string out = "{\"repeats\":" + std::to_string(report.repeats) + ",\"stages\":[";
  char buffer[512];
  for (std::size_t i = 0; i < report.stages.size(); ++i) {
    const StageResult& s = report.stages[i];
    std::snprintf(buffer, sizeof buffer,
                  "%s{\"id\":\"%s\",\"best_seconds\":%.6f,\"median_seconds\":%.6f,\"bytes\":%zu,\"mb_per_s\":%.2f}",
                  i ? "," : "", s.id.c_str(), s.best_seconds, s.median_seconds, s.bytes, s.megabytes_per_second());
    out += buffer;
  }
  const Checksum& c = report.checksum;
  std::snprintf(buffer, sizeof buffer,
                "],\"checksum\":{\"documents\":%zu,\"bytes\":%zu,\"decoded_bytes\":%zu,\"paragraphs\":%zu,"
                "\"sentences\":%zu,\"tokens\":%zu,\"key_bytes\":%zu,\"key_hash\":\"%016llx\",\"vocabulary\":%zu,"
                "\"ascii_ref_ids\":%zu,\"consistent\":%s}}",
                c.documents, c.bytes, c.decoded_bytes, c.paragraphs, c.sentences, c.tokens, c.key_bytes,
                static_cast<unsigned long long>(c.key_hash), c.vocabulary, c.ascii_ref_ids, c.consistent ? "true" : "false");
  out += buffer;
  return out;
}

}  // namespace textx::bench
