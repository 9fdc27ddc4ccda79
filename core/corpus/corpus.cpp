#include "core/corpus/corpus.hpp"

#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

namespace textx {

Result<DocId> Corpus::add_document(DocumentInfo info, std::string_view bytes) {
  const std::string shown_name = info.name.empty() ? "(unnamed document)" : info.name;
  if (bytes.size() > kMaxDocumentBytes)
    return Error{"load.too_large", shown_name + " is larger than 4 GiB, the most one document can hold."};
  if (bytes.find('\0') != std::string_view::npos)
    return Error{"load.binary", shown_name + " looks like a binary file (it contains NUL bytes), not text."};

  RepairedText repaired = repair_utf8(bytes);
  Document doc;
  doc.info = std::move(info);
  doc.text = std::move(repaired.text);
  doc.replacements = repaired.replacements;

  const auto id = static_cast<DocId>(documents_.size());
  const std::vector<WordSpan> words = find_words(doc.text);
  doc.tokens.reserve(words.size());
  for (const WordSpan& w : words) {
    const KeyId key = intern(fold_key(std::string_view(doc.text).substr(w.start, w.end - w.start)));
    occurrences_[key].push_back({id, static_cast<std::uint32_t>(doc.tokens.size())});
    doc.tokens.push_back({w.start, w.end, key});
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

KeyId Corpus::intern(std::string key) {
  const auto [it, inserted] = key_ids_.try_emplace(std::move(key), static_cast<KeyId>(keys_.size()));
  if (inserted) {
    keys_.push_back(it->first);
    occurrences_.emplace_back();
  }
  return it->second;
}

}  // namespace textx
