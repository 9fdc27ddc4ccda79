#include "core/corpus/corpus.hpp"

#include <algorithm>
#include <cstring>

#include "core/corpus/document_date.hpp"
#include "core/text/decode.hpp"
#include "core/text/fold.hpp"
#include "core/text/hash.hpp"
#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"
#include "core/text/word_breaks.hpp"
#include "core/text/words.hpp"

namespace textx {
namespace {

bool has_html_extension(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string extension(name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return extension == "html" || extension == "htm" || extension == "xhtml";
}

constexpr std::size_t kInitialKeySlots = 1024;   // a power of two
constexpr std::size_t kKeyBlockBytes = 64 * 1024;  // key text is stored in blocks of this size

// Size tiers of segments: tier 0 below kSmallestTier tokens, each next tier kMergeFactor times larger.
constexpr std::size_t kMergeFactor = 8;
constexpr std::size_t kSmallestTier = std::size_t{1} << 16;

std::size_t size_tier(std::size_t tokens) {
  std::size_t tier = 0;
  for (std::size_t bound = kSmallestTier; tokens >= bound && tier < 16; bound *= kMergeFactor) ++tier;
  return tier;
}

// The vocabulary's hash of a key (the table takes the low bits).
std::uint32_t hash_key(std::string_view key) { return hash_bytes(key); }

// Whether two keys are equal: most are a few bytes long, and comparing those in place beats calling memcmp.
bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return std::memcmp(a.data(), b.data(), a.size()) == 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

std::size_t count_replacement_chars(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("\uFFFD"); at != std::string_view::npos; at = text.find("\uFFFD", at + 3)) ++count;
  return count;
}

// Built digit by digit: inserting into the string trips GCC 12's false -Wrestrict once inlined.
std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A size for a reader: "512 bytes", "35 KB", "1.5 MB", "200 MB", "4,096 MB" (KB and MB of 2^10 and 2^20
// bytes, as file managers count them).
std::string size_text(std::size_t bytes) {
  if (bytes < 1024) return with_commas(bytes) + (bytes == 1 ? " byte" : " bytes");
  if (bytes < (1 << 20)) return with_commas((bytes + 512) / 1024) + " KB";
  const std::size_t tenths = static_cast<std::size_t>(static_cast<double>(bytes) / (1 << 20) * 10 + 0.5);
  if (tenths < 100) return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
  return with_commas((tenths + 5) / 10) + " MB";
}

Error too_large(const std::string& name, std::size_t size, std::size_t most, const char* as_what) {
  return Error{"load.too_large", name + " is " + size_text(size) + as_what + ", more than the " + size_text(most) +
                                     " one document can hold here; split it into smaller files and add those."};
}

// The document's text in UTF-8 and how it was read, or why it cannot be. `most`: the largest file and text.
Result<Document> read_document(DocumentInfo info, std::string_view bytes, std::size_t most) {
  const std::string name = info.name.empty() ? "(unnamed document)" : info.name;
  if (bytes.size() > most) return too_large(name, bytes.size(), most, "");
  Document doc;
  if (!info.encoding.empty()) {
    // Converted by the caller; its decoder already replaced what it could not read.
    if (bytes.find('\0') != std::string_view::npos)
      return Error{"load.binary", name + " is a binary file (it contains zero bytes), not a text file."};
    RepairedText repaired = repair_utf8(bytes);
    doc.text = std::move(repaired.text);
    doc.encoding = info.encoding;
    doc.replacements = count_replacement_chars(doc.text);
  } else {
    Result<DecodedText> decoded = decode_bytes(bytes, name);
    if (!decoded.ok()) return decoded.error();
    doc.text = std::move(decoded.value().text);
    doc.encoding = std::string(encoding_name(decoded.value().encoding));
    doc.byte_order_mark = decoded.value().byte_order_mark;
    doc.replacements = decoded.value().replacements;
  }
  if (has_html_extension(info.name) || looks_like_html(doc.text)) {
    doc.text = html_to_text(doc.text);
    doc.format = SourceFormat::kHtml;
  }
  // Decoding can grow the text (a windows-1252 byte or a replaced byte becomes 3 bytes of UTF-8), and the
  // offsets of everything found in it are 32-bit.
  if (doc.text.size() > most) return too_large(name, doc.text.size(), most, " once read as text");
  doc.info = std::move(info);
  return doc;
}

}  // namespace

std::size_t Document::paragraph_at(std::uint32_t offset) const {
  const auto after = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                                      [](std::uint32_t o, const TextSpan& p) { return o < p.start; });
  return after == paragraphs.begin() ? 0 : static_cast<std::size_t>(after - paragraphs.begin() - 1);
}

Result<DocId> Corpus::add_document(DocumentInfo info, std::string_view bytes) {
  std::vector<NewDocument> one;
  one.push_back({std::move(info), bytes});
  return std::move(add_documents(std::move(one)).front());
}

std::vector<Result<DocId>> Corpus::add_documents(std::vector<NewDocument> documents) {
  std::vector<Result<DocId>> results;
  std::vector<DocumentTokens> batch;
  for (NewDocument& d : documents) {
    DocumentTokens tokens;
    tokens.doc = static_cast<DocId>(documents_.size());
    Result<Document> read = analyse(std::move(d.info), d.bytes, tokens);
    if (!read.ok()) {
      results.emplace_back(read.error());
      continue;
    }
    results.emplace_back(tokens.doc);
    token_count_ += tokens.keys.size();
    text_bytes_ += read.value().text.size();
    documents_.push_back(std::move(read.value()));
    locations_.push_back({});
    batch.push_back(std::move(tokens));
  }
  if (!batch.empty()) {
    add_segment(IndexSegment(std::move(batch), keys_.size()));
    ++revision_;
  }
  return results;
}

// Reads, segments and tokenizes one document, interning its keys.
Result<Document> Corpus::analyse(DocumentInfo info, std::string_view bytes, DocumentTokens& tokens) {
  if (info.date.empty()) info.date = date_from_name(info.name);
  Result<Document> read = read_document(std::move(info), bytes, std::min(limits_.document_bytes, kMaxDocumentBytes));
  if (!read.ok()) return read;
  Document& doc = read.value();
  // The corpus's limits are checked before any key is interned, so that a refused document leaves no trace.
  const std::string& name = doc.info.name.empty() ? "(unnamed document)" : doc.info.name;
  if (doc.text.size() > limits_.corpus_bytes || text_bytes_ > limits_.corpus_bytes - doc.text.size())
    return Error{"load.corpus_full", name + " (" + size_text(doc.text.size()) + " of text) would bring the corpus to " +
                                         size_text(text_bytes_ + doc.text.size()) + ", more than the " +
                                         size_text(limits_.corpus_bytes) +
                                         " it can hold here; the documents already loaded are unchanged."};
  Segments segments = find_segments(doc.text);
  doc.paragraphs = std::move(segments.paragraphs);
  doc.sentences = std::move(segments.sentences);
  doc.utf16 = Utf16Offsets(doc.text);

  const std::vector<WordSpan> words = find_words(doc.text);
  if (words.size() > limits_.corpus_tokens || token_count_ > limits_.corpus_tokens - words.size())
    return Error{"load.corpus_full", name + " (" + with_commas(words.size()) + " words) would bring the corpus to " +
                                         with_commas(token_count_ + words.size()) + " words, more than the " +
                                         with_commas(limits_.corpus_tokens) +
                                         " it can hold here; the documents already loaded are unchanged."};
  tokens.keys.reserve(words.size());
  tokens.starts.reserve(words.size());
  tokens.classes.reserve(words.size());
  std::string key;
  for (const WordSpan& w : words) {
    key.clear();
    const std::string_view word = std::string_view(doc.text).substr(w.start, w.end - w.start);
    append_key(key, word);
    const KeyId key_id = intern(key);
    if (key_last_doc_[key_id] != tokens.doc + 1) {
      key_last_doc_[key_id] = tokens.doc + 1;
      ++doc.distinct_keys;
    }
    tokens.keys.push_back(key_id);
    tokens.starts.push_back(w.start);
    tokens.classes.push_back(surface_class_in(doc.text, w.start, w.end));
  }
  doc.token_count = words.size();
  return read;
}

// Appends a segment, then, once the newest segments of the newest one's size tier or below number
// kMergeFactor, merges them into one (and again, should that complete a run of the next tier). Each token is
// copied about once per tier (log_8 of the corpus's size), and a corpus holds a few dozen segments at most.
void Corpus::add_segment(IndexSegment segment) {
  segments_.push_back(std::move(segment));
  for (;;) {
    const std::size_t tier = size_tier(segments_.back().token_count());
    std::size_t run = 0;
    while (run < segments_.size() && size_tier(segments_[segments_.size() - 1 - run].token_count()) <= tier) ++run;
    if (run < kMergeFactor) break;
    std::vector<const IndexSegment*> parts;
    for (std::size_t i = segments_.size() - run; i < segments_.size(); ++i) parts.push_back(&segments_[i]);
    IndexSegment merged = IndexSegment::merge(parts, keys_.size());
    segments_.erase(segments_.end() - static_cast<std::ptrdiff_t>(run) + 1, segments_.end());
    segments_.back() = std::move(merged);
  }
  locate_documents(segments_.size() - 1);
}

void Corpus::locate_documents(std::size_t segment) {
  const IndexSegment& s = segments_[segment];
  for (std::size_t local = 0; local < s.document_count(); ++local)
    locations_[s.document_id(local)] = {static_cast<std::uint32_t>(segment), static_cast<std::uint32_t>(local)};
}

bool Corpus::remove_document(DocId id) {
  if (id >= documents_.size() || documents_[id].removed) return false;
  const Location at = locations_[id];
  segments_[at.segment] = segments_[at.segment].without(at.local);
  locate_documents(at.segment);
  Document& doc = documents_[id];
  token_count_ -= doc.token_count;
  text_bytes_ -= doc.text.size();
  DocumentInfo info = std::move(doc.info);
  doc = Document{};  // frees the text and segments; the description stays for listings
  doc.info = std::move(info);
  doc.removed = true;
  ++removed_count_;
  ++revision_;
  return true;
}

bool Corpus::set_document_info(DocId id, std::string title, std::string date, std::string source) {
  if (id >= documents_.size() || documents_[id].removed) return false;
  DocumentInfo& info = documents_[id].info;
  info.title = std::move(title);
  info.date = date.empty() ? date_from_name(info.name) : std::move(date);
  info.source = std::move(source);
  ++revision_;  // a date: filter's answer, kept with the revision it was computed at, may change
  return true;
}

TokenSpan Corpus::tokens(DocId id) const {
  const Location at = locations_[id];
  return segments_[at.segment].tokens(at.local);
}

std::uint32_t Corpus::token_end(DocId id, std::size_t index) const {
  const std::string_view text = documents_[id].text;
  WordBoundaryScanner scanner(text, tokens(id).starts[index]);
  std::size_t start = 0, end = 0;
  scanner.next_word(start, end);
  return static_cast<std::uint32_t>(end);
}

const std::vector<std::uint32_t>& Corpus::key_ranks() const {
  if (key_ranks_.size() != keys_.size()) {
    std::vector<KeyId> order(keys_.size());
    for (KeyId k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](KeyId a, KeyId b) { return keys_[a] < keys_[b]; });
    key_ranks_.assign(keys_.size(), 0);
    for (std::uint32_t rank = 0; rank < order.size(); ++rank) key_ranks_[order[rank]] = rank;
  }
  return key_ranks_;
}

std::size_t Corpus::index_memory_bytes() const {
  std::size_t bytes = vocabulary_memory_bytes() + locations_.capacity() * sizeof(Location);
  for (const IndexSegment& s : segments_) bytes += s.memory_bytes();
  return bytes;
}

std::size_t Corpus::vocabulary_memory_bytes() const {
  std::size_t bytes = 0;
  for (const auto& block : key_blocks_) bytes += block ? kKeyBlockBytes : 0;
  bytes += (key_slots_.capacity() + key_hashes_.capacity() + key_last_doc_.capacity() + key_ranks_.capacity()) *
           sizeof(std::uint32_t);
  return bytes + keys_.capacity() * sizeof(std::string_view);
}

std::optional<KeyId> Corpus::find_key(std::string_view key) const {
  if (key_slots_.empty()) return std::nullopt;
  const KeyId slot = key_slots_[find_slot(key, hash_key(key))];
  if (slot == 0) return std::nullopt;
  return slot - 1;
}

std::size_t Corpus::find_slot(std::string_view key, std::uint32_t hash) const {
  const std::size_t mask = key_slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const KeyId slot = key_slots_[i];
    if (slot == 0 || (key_hashes_[slot - 1] == hash && same_key(keys_[slot - 1], key))) return i;
  }
}

KeyId Corpus::intern(std::string_view key) {
  if (key_slots_.empty()) key_slots_.assign(kInitialKeySlots, 0);
  const std::uint32_t hash = hash_key(key);
  std::size_t slot = find_slot(key, hash);
  if (key_slots_[slot] != 0) return key_slots_[slot] - 1;
  const auto id = static_cast<KeyId>(keys_.size());
  keys_.push_back(store_key(key));
  key_hashes_.push_back(hash);
  key_last_doc_.push_back(0);
  if (keys_.size() * 2 > key_slots_.size()) {
    grow_key_slots();  // keeps the table at most half full
    slot = find_slot(key, hash);
  }
  key_slots_[slot] = id + 1;
  return id;
}

void Corpus::grow_key_slots() {
  std::vector<KeyId> slots(key_slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (KeyId id = 0; id < keys_.size(); ++id) {
    std::size_t i = key_hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  key_slots_ = std::move(slots);
}

std::string_view Corpus::store_key(std::string_view key) {
  if (key_blocks_.empty() || key.size() > key_block_size_ - key_block_used_) {
    key_block_size_ = std::max(kKeyBlockBytes, key.size());
    key_blocks_.push_back(std::unique_ptr<char[]>(new char[key_block_size_]));
    key_block_used_ = 0;
  }
  char* const at = key_blocks_.back().get() + key_block_used_;
  std::copy(key.begin(), key.end(), at);
  key_block_used_ += key.size();
  return {at, key.size()};
}

}  // namespace textx
