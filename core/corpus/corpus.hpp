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
#include "core/index/segment.hpp"
#include "core/text/segments.hpp"
#include "core/text/utf16_offsets.hpp"

namespace textx {

// What a reader knows about a document besides its text. `name` identifies it (a file name); the other
// fields may be empty. An empty `date` is read from the start of the name when it has one (date_from_name). `encoding`, when set, says the bytes were already converted to UTF-8 by the caller
// (the page, with an encoding the reader chose) from the encoding of that name.
struct DocumentInfo {
  std::string name{};
  std::string title{};
  std::string date{};
  std::string source{};
  std::string encoding{};
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
  std::size_t token_count = 0;    // word tokens (held by the corpus's index)
  std::size_t distinct_keys = 0;  // different matching keys among the tokens
  bool removed = false;           // removed from the corpus; its id is not reused
  Utf16Offsets utf16{""};

  // Index of the paragraph holding byte `offset`, or of the last paragraph starting before it; 0 if none.
  std::size_t paragraph_at(std::uint32_t offset) const;
};

// Largest document accepted: offsets are 32-bit.
inline constexpr std::size_t kMaxDocumentBytes = 0xFFFFFFFFu;

// What one corpus may hold: a document (its file, and its text once decoded) and all live documents
// together, in bytes of text and in words. The defaults are what 32-bit offsets allow (the CLI's, with the
// machine's memory); the page's engine, with at most 4 GB of wasm memory for the text, its index and every
// answer, uses kBrowserLimits. Reached, a document is refused with load.too_large or load.corpus_full and
// the corpus stays as it was. docs/security.md explains the figures.
struct CorpusLimits {
  std::size_t document_bytes = kMaxDocumentBytes;
  std::size_t corpus_bytes = static_cast<std::size_t>(-1);
  std::size_t corpus_tokens = static_cast<std::size_t>(-1);
};
inline constexpr CorpusLimits kBrowserLimits{
    .document_bytes = std::size_t{128} << 20, .corpus_bytes = std::size_t{512} << 20, .corpus_tokens = 100'000'000};

// A document to add: its description and raw bytes (which must outlive the call).
struct NewDocument {
  DocumentInfo info;
  std::string_view bytes;
};

class Corpus {
 public:
  explicit Corpus(const CorpusLimits& limits = {}) : limits_(limits) {}
  const CorpusLimits& limits() const { return limits_; }

  // Adds a document from raw bytes, detecting their encoding (see decode_bytes) unless info.encoding is
  // set, and reading HTML sources (name ending .html/.htm/.xhtml, or bytes that are plainly an HTML
  // document) as their text. Returns the document's id, or an Error when the bytes are binary, in an
  // unsupported encoding or over the corpus's limits (CorpusLimits). Empty documents are accepted and have no
  // tokens. Nothing already in the corpus changes on error.
  Result<DocId> add_document(DocumentInfo info, std::string_view bytes);

  // Adds several documents as one index segment (cheaper than one at a time); one result per document,
  // in order. A document that fails does not stop the others.
  std::vector<Result<DocId>> add_documents(std::vector<NewDocument> documents);

  // Removes a document from the index; its id stays taken. Returns false when there is no such live document.
  bool remove_document(DocId id);

  // Changes what a reader knows about a live document: its title, date and source (its name, text and
  // tokens stay). An empty `date` is read from the name, as when the document was added. Date filters and
  // trends see the new date at once. Returns false when there is no such live document.
  bool set_document_info(DocId id, std::string title, std::string date, std::string source);

  // Ids run from 0 to document_count() - 1, removed documents included (see Document::removed).
  std::size_t document_count() const { return documents_.size(); }
  std::size_t live_document_count() const { return documents_.size() - removed_count_; }
  // Precondition: id < document_count().
  const Document& document(DocId id) const { return documents_[id]; }

  // The tokens of a live document, in text order. Precondition: id names a live document.
  TokenSpan tokens(DocId id) const;
  // The end offset of token `index` of a live document (tokens store only starts: the end is found again).
  std::uint32_t token_end(DocId id, std::size_t index) const;

  // The index segments, for query evaluation: every live document is in exactly one.
  const std::vector<IndexSegment>& segments() const { return segments_; }

  // The id of a matching key (see key_of), or nullopt when no token in the corpus has that key.
  std::optional<KeyId> find_key(std::string_view key) const;
  std::size_t vocabulary_size() const { return keys_.size(); }
  // The text of a key. Precondition: key < vocabulary_size().
  std::string_view key_text(KeyId key) const { return keys_[key]; }
  // Each key's place in the alphabetical (byte) order of key texts, for sorting; computed when first
  // asked after the vocabulary grew.
  const std::vector<std::uint32_t>& key_ranks() const;

  std::size_t token_count() const { return token_count_; }  // tokens of live documents
  std::size_t text_bytes() const { return text_bytes_; }    // bytes of text of live documents
  // Counts the changes to the corpus (documents added, removed or given new details): what was computed from it at one
  // revision holds until the next.
  std::uint64_t revision() const { return revision_; }
  // Bytes held by the index beyond the documents' text: segments and vocabulary.
  std::size_t index_memory_bytes() const;
  // Of those, the vocabulary's: its hash table, key texts and per-key tables (key_ranks once computed).
  std::size_t vocabulary_memory_bytes() const;

 private:
  Result<Document> analyse(DocumentInfo info, std::string_view bytes, DocumentTokens& tokens);
  void add_segment(IndexSegment segment);
  void locate_documents(std::size_t segment);
  KeyId intern(std::string_view key);
  // The slot of key_slots_ holding `key`, or the empty slot where it would go.
  std::size_t find_slot(std::string_view key, std::uint32_t hash) const;
  std::string_view store_key(std::string_view key);
  void grow_key_slots();

  struct Location {
    std::uint32_t segment = 0;
    std::uint32_t local = 0;
  };

  std::vector<Document> documents_;
  std::vector<Location> locations_;  // per document: where its tokens are
  std::vector<IndexSegment> segments_;
  CorpusLimits limits_;
  std::size_t removed_count_ = 0;
  std::uint64_t revision_ = 0;
  std::size_t token_count_ = 0;
  std::size_t text_bytes_ = 0;
  // The vocabulary: an open-addressing hash table (linear probing, at most half full) of key ids + 1, 0 for
  // an empty slot; each key's text lives in key_blocks_, which never move, and its hash in key_hashes_.
  std::vector<KeyId> key_slots_;
  std::vector<std::uint32_t> key_hashes_;
  std::vector<std::string_view> keys_;
  std::vector<std::unique_ptr<char[]>> key_blocks_;
  std::size_t key_block_size_ = 0;  // of key_blocks_.back()
  std::size_t key_block_used_ = 0;  // of key_blocks_.back()
  std::vector<DocId> key_last_doc_;  // per key: the last document it was counted in (for distinct_keys)
  mutable std::vector<std::uint32_t> key_ranks_;
};

}  // namespace textx
