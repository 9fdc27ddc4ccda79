#pragma once
// A corpus: documents, their paragraphs, sentences and word tokens, a vocabulary of matching keys and, for
// each key, where it occurs.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/text/segments.hpp"
#include "core/text/utf16_offsets.hpp"

namespace textx {

using DocId = std::uint32_t;
using KeyId = std::uint32_t;

// What a reader knows about a document besides its text. `name` identifies it (a file name); the other
// fields may be empty. `encoding`, when set, says the bytes were already converted to UTF-8 by the caller
// (the page, with an encoding the reader chose) from the encoding of that name.
struct DocumentInfo {
  std::string name{};
  std::string title{};
  std::string date{};
  std::string source{};
  std::string encoding{};
};

// A word token: UTF-8 byte offsets into its document's text and the id of its matching key.
struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  KeyId key = 0;
};

enum class SourceFormat { kText, kHtml };

struct Document {
  DocumentInfo info;
  std::string text;               // valid UTF-8; every offset refers to it
  std::string encoding;           // WHATWG label of the encoding the bytes were read in
  bool byte_order_mark = false;   // the encoding was declared by a byte-order mark
  std::size_t replacements = 0;   // ill-formed sequences replaced by U+FFFD while decoding
  SourceFormat format = SourceFormat::kText;  // kHtml: `text` is the text of the HTML source
  std::vector<TextSpan> paragraphs;
  std::vector<TextSpan> sentences;
  std::vector<Token> tokens;
  std::size_t distinct_keys = 0;  // different matching keys among the tokens
  Utf16Offsets utf16{""};

  // Index of the paragraph holding byte `offset`, or of the last paragraph starting before it; 0 if none.
  std::size_t paragraph_at(std::uint32_t offset) const;
};

// Largest document accepted: offsets are 32-bit.
inline constexpr std::size_t kMaxDocumentBytes = 0xFFFFFFFFu;

// One occurrence of a key: a document and a token index within it.
struct TokenRef {
  DocId doc = 0;
  std::uint32_t index = 0;
};

class Corpus {
 public:
  // Adds a document from raw bytes, detecting their encoding (see decode_bytes) unless info.encoding is
  // set, and reading HTML sources (name ending .html/.htm/.xhtml, or bytes that are plainly an HTML
  // document) as their text. Returns the document's id, or an Error when the bytes are binary, in an
  // unsupported encoding or over kMaxDocumentBytes. Empty documents are accepted and have no tokens.
  // Nothing already in the corpus changes on error.
  Result<DocId> add_document(DocumentInfo info, std::string_view bytes);

  std::size_t document_count() const { return documents_.size(); }
  // Precondition: id < document_count().
  const Document& document(DocId id) const { return documents_[id]; }

  // The id of a matching key (see key_of), or nullopt when no token in the corpus has that key.
  std::optional<KeyId> find_key(std::string_view key) const;
  // Occurrences of a key in corpus order (document, then position). Precondition: key was returned by find_key.
  const std::vector<TokenRef>& occurrences(KeyId key) const { return occurrences_[key]; }

  std::size_t token_count() const { return token_count_; }
  std::size_t vocabulary_size() const { return keys_.size(); }
  // The text of a key. Precondition: key < vocabulary_size().
  std::string_view key_text(KeyId key) const { return keys_[key]; }

 private:
  KeyId intern(std::string_view key);
  // The slot of key_slots_ holding `key`, or the empty slot where it would go.
  std::size_t find_slot(std::string_view key, std::uint32_t hash) const;
  std::string_view store_key(std::string_view key);
  void grow_key_slots();

  std::vector<Document> documents_;
  // The vocabulary: an open-addressing hash table (linear probing, at most half full) of key ids + 1, 0 for
  // an empty slot; each key's text lives in key_blocks_, which never move, and its hash in key_hashes_.
  std::vector<KeyId> key_slots_;
  std::vector<std::uint32_t> key_hashes_;
  std::vector<std::string_view> keys_;
  std::vector<std::unique_ptr<char[]>> key_blocks_;
  std::size_t key_block_size_ = 0;  // of key_blocks_.back()
  std::size_t key_block_used_ = 0;  // of key_blocks_.back()
  std::vector<std::vector<TokenRef>> occurrences_;
  std::size_t token_count_ = 0;
};

}  // namespace textx
