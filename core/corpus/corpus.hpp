#pragma once
// A corpus: documents, their word tokens, a vocabulary of matching keys and, for each key, where it occurs.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"

namespace textx {

using DocId = std::uint32_t;
using KeyId = std::uint32_t;

// What a reader knows about a document besides its text. `name` identifies it (a file name);
// the other fields may be empty.
struct DocumentInfo {
  std::string name;
  std::string title;
  std::string date;
  std::string source;
};

// A word token: UTF-8 byte offsets into its document's text and the id of its matching key.
struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  KeyId key = 0;
};

struct Document {
  DocumentInfo info;
  std::string text;                // valid UTF-8; every offset refers to it
  std::size_t replacements = 0;    // invalid UTF-8 sequences replaced by U+FFFD while loading
  std::vector<Token> tokens;
};

// One occurrence of a key: a document and a token index within it.
struct TokenRef {
  DocId doc = 0;
  std::uint32_t index = 0;
};

// Largest document accepted: offsets are 32-bit.
inline constexpr std::size_t kMaxDocumentBytes = 0xFFFFFFFFu;

class Corpus {
 public:
  // Adds a document from raw bytes (UTF-8; invalid sequences are replaced and counted). Returns its id, or
  // an Error when the bytes look binary (contain NUL) or exceed kMaxDocumentBytes. Empty documents are
  // accepted and have no tokens. Nothing already in the corpus changes on error.
  Result<DocId> add_document(DocumentInfo info, std::string_view bytes);

  std::size_t document_count() const { return documents_.size(); }
  // Precondition: id < document_count().
  const Document& document(DocId id) const { return documents_[id]; }

  // The id of a matching key, or nullopt when no token in the corpus has that key.
  std::optional<KeyId> find_key(std::string_view key) const;
  // Occurrences of a key in corpus order (document, then position). Precondition: key was returned by find_key.
  const std::vector<TokenRef>& occurrences(KeyId key) const { return occurrences_[key]; }

  std::size_t token_count() const { return token_count_; }
  std::size_t vocabulary_size() const { return keys_.size(); }
  // The text of a key. Precondition: key < vocabulary_size().
  std::string_view key_text(KeyId key) const { return keys_[key]; }

 private:
  KeyId intern(std::string key);

  // Lets find_key look up a string_view without building a std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  std::vector<Document> documents_;
  std::unordered_map<std::string, KeyId, KeyHash, std::equal_to<>> key_ids_;
  std::vector<std::string_view> keys_;  // views into key_ids_'s nodes, which never move
  std::vector<std::vector<TokenRef>> occurrences_;
  std::size_t token_count_ = 0;
};

}  // namespace textx
