#pragma once
// An index segment: the tokens of a batch of documents and, for each key, where it occurs among them.
//
// Per token it holds a key id, a start offset and one postings entry: 12 bytes. Postings are grouped by key
// in one array (compressed sparse rows), each group in text order, built by a counting sort. A corpus
// keeps a few segments and merges them as documents arrive, so adding documents never rebuilds the world.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace textx {

using DocId = std::uint32_t;
using KeyId = std::uint32_t;

// A document's tokens as the segment stores them: parallel arrays, in text order.
struct TokenSpan {
  std::span<const KeyId> keys;
  std::span<const std::uint32_t> starts;  // UTF-8 byte offset of each token in its document's text
  std::size_t size() const { return keys.size(); }
};

// A document's tokens handed to a segment under construction.
struct DocumentTokens {
  DocId doc = 0;
  std::vector<KeyId> keys;
  std::vector<std::uint32_t> starts;
};

class IndexSegment {
 public:
  // Builds a segment of `documents` (in corpus order, each with keys < key_count).
  IndexSegment(std::vector<DocumentTokens> documents, std::size_t key_count);

  // A segment of the documents of `a` then `b`, except those in `drop` (sorted doc ids).
  static IndexSegment merge(const IndexSegment& a, const IndexSegment& b, std::span<const DocId> drop,
                            std::size_t key_count);

  std::size_t document_count() const { return docs_.size(); }
  DocId document_id(std::size_t local) const { return docs_[local]; }
  // Local index of document `doc` in this segment, or npos.
  std::size_t find_document(DocId doc) const;
  // The tokens of the segment's `local`-th document.
  TokenSpan tokens(std::size_t local) const;
  // Local index of the document holding segment token `position`.
  std::size_t document_of(std::uint32_t position) const;
  // First segment token of the `local`-th document (document_count() gives the token count).
  std::uint32_t first_token(std::size_t local) const { return first_token_[local]; }

  // Segment token positions of `key`, ascending; empty when the key does not occur here.
  std::span<const std::uint32_t> postings(KeyId key) const;
  KeyId key_at(std::uint32_t position) const { return keys_[position]; }

  std::size_t token_count() const { return keys_.size(); }
  std::size_t memory_bytes() const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  IndexSegment() = default;
  void build_postings(std::size_t key_count);

  std::vector<DocId> docs_;                 // corpus ids, ascending
  std::vector<std::uint32_t> first_token_;  // per document, plus the total at the end
  std::vector<KeyId> keys_;                 // per token
  std::vector<std::uint32_t> starts_;       // per token
  // Postings: the keys occurring here, ascending, and where each one's positions begin in positions_.
  std::vector<KeyId> present_keys_;
  std::vector<std::uint32_t> key_begin_;    // per present key, plus the end
  std::vector<std::uint32_t> positions_;    // per token, grouped by key
};

}  // namespace textx
