#include "core/corpus/corpus.hpp"

#include <algorithm>

#include "core/text/decode.hpp"
#include "core/text/fold.hpp"
#include "core/text/html_text.hpp"
#include "core/text/utf8.hpp"
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

std::size_t count_replacement_chars(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("\uFFFD"); at != std::string_view::npos; at = text.find("\uFFFD", at + 3)) ++count;
  return count;
}

// The document's text in UTF-8 and how it was read, or why it cannot be.
Result<Document> read_document(DocumentInfo info, std::string_view bytes) {
  const std::string name = info.name.empty() ? "(unnamed document)" : info.name;
  if (bytes.size() > kMaxDocumentBytes)
    return Error{"load.too_large", name + " is larger than 4 GiB, the most one document can hold."};
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
  Result<Document> read = read_document(std::move(info), bytes);
  if (!read.ok()) return read.error();
  Document& doc = read.value();

  Segments segments = find_segments(doc.text);
  doc.paragraphs = std::move(segments.paragraphs);
  doc.sentences = std::move(segments.sentences);
  doc.utf16 = Utf16Offsets(doc.text);

  const auto id = static_cast<DocId>(documents_.size());
  const std::vector<WordSpan> words = find_words(doc.text);
  doc.tokens.reserve(words.size());
  std::string key;
  for (const WordSpan& w : words) {
    key.clear();
    append_key(key, std::string_view(doc.text).substr(w.start, w.end - w.start));
    const KeyId key_id = intern(key);
    if (occurrences_[key_id].empty() || occurrences_[key_id].back().doc != id) ++doc.distinct_keys;
    occurrences_[key_id].push_back({id, static_cast<std::uint32_t>(doc.tokens.size())});
    doc.tokens.push_back({w.start, w.end, key_id});
  }
  token_count_ += doc.tokens.size();
  documents_.push_back(std::move(doc));
  return id;
}

std::optional<KeyId> Corpus::find_key(std::string_view key) const {
  const auto it = key_ids_.find(key);
  if (it == key_ids_.end()) return std::nullopt;
  return it->second;
}

KeyId Corpus::intern(std::string_view key) {
  auto it = key_ids_.find(key);
  if (it != key_ids_.end()) return it->second;
  it = key_ids_.emplace(std::string(key), static_cast<KeyId>(keys_.size())).first;
  keys_.push_back(it->first);
  occurrences_.emplace_back();
  return it->second;
}

}  // namespace textx
