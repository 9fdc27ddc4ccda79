#pragma once
// An index segment: the tokens of a batch of documents and, for each key, where it occurs among them.
//
// Per token it holds a key id (3 bytes while the vocabulary has at most 2^24 keys, else 4), a start offset,
// one postings entry and, beside that entry, the token's surface class (surface_class.hpp, 2 bits): 11.25 bytes. Postings are grouped by key in one array (compressed sparse rows), each
// group in text order, built by a counting sort. A corpus keeps a few segments and merges them as documents
// arrive, in linear time, so adding documents never rebuilds the world.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <vector>

#include "core/index/surface_class.hpp"

namespace textx {

using DocId = std::uint32_t;
using KeyId = std::uint32_t;

// Key ids stored in `width` bytes each (3 or 4), least significant byte first. Reading one loads 4 bytes and
// masks, so storage ends with a spare byte (IndexSegment keeps one).
class PackedKeys {
  static_assert(std::endian::native == std::endian::little, "packed key ids are read as little-endian words");

 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = KeyId;
    using difference_type = std::ptrdiff_t;
    using pointer = const KeyId*;
    using reference = KeyId;
    iterator() = default;
    iterator(const PackedKeys& keys, std::size_t index) : bytes_(keys.bytes_), width_(keys.width_), mask_(keys.mask_), index_(index) {}
    KeyId operator*() const { return PackedKeys::read(bytes_, index_, width_, mask_); }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const iterator& other) const { return index_ == other.index_; }

   private:
    const std::uint8_t* bytes_ = nullptr;
    unsigned width_ = 3;
    std::uint32_t mask_ = 0xFFFFFFu;
    std::size_t index_ = 0;
  };

  PackedKeys() = default;
  PackedKeys(const std::uint8_t* bytes, std::size_t size, unsigned width)
      : bytes_(bytes), size_(size), width_(width), mask_(width == 3 ? 0xFFFFFFu : 0xFFFFFFFFu) {}

  KeyId operator[](std::size_t index) const { return read(bytes_, index, width_, mask_); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const std::uint8_t* data() const { return bytes_; }
  unsigned width() const { return width_; }
  PackedKeys subspan(std::size_t from, std::size_t count) const {
    return {bytes_ + from * width_, count, width_};
  }
  iterator begin() const { return {*this, 0}; }
  iterator end() const { return {*this, size_}; }

 private:
  static KeyId read(const std::uint8_t* bytes, std::size_t index, unsigned width, std::uint32_t mask) {
    std::uint32_t word;
    std::memcpy(&word, bytes + index * width, sizeof word);
    return word & mask;
  }

  const std::uint8_t* bytes_ = nullptr;
  std::size_t size_ = 0;
  unsigned width_ = 3;
  std::uint32_t mask_ = 0xFFFFFFu;
};

// A document's tokens as the segment stores them: parallel arrays, in text order.
struct TokenSpan {
  PackedKeys keys;
  std::span<const std::uint32_t> starts;  // UTF-8 byte offset of each token in its document's text
  std::size_t size() const { return keys.size(); }
};

// A document's tokens handed to a segment under construction.
struct DocumentTokens {
  DocId doc = 0;
  std::vector<KeyId> keys;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint8_t> classes;  // each token's SurfaceClass
};

// A key's postings, and where their surface classes begin among IndexSegment::posting_classes().
struct ClassedPostings {
  std::span<const std::uint32_t> positions;
  std::size_t classes_from = 0;
  SurfaceClass class_at(const std::uint8_t* classes, std::size_t k) const { return packed_class(classes, classes_from + k); }
};

class IndexSegment {
 public:
  // Builds a segment of `documents` (in corpus order, each with keys < key_count).
  IndexSegment(std::vector<DocumentTokens> documents, std::size_t key_count);

  // A segment of the documents of `parts` in order: each part's documents must follow the previous part's.
  // Linear in the tokens: postings are concatenated key by key, never sorted again.
  static IndexSegment merge(std::span<const IndexSegment* const> parts, std::size_t key_count);

  // This segment without its `local`-th document (also linear).
  IndexSegment without(std::size_t local) const;

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
  ClassedPostings classed_postings(KeyId key) const;
  // Every posting's surface class, packed (surface_class.hpp) in the order of the postings array.
  const std::uint8_t* posting_classes() const { return classes_.data(); }
  KeyId key_at(std::uint32_t position) const { return all_keys()[position]; }
  // The byte offset of segment token `position` in its document's text.
  std::uint32_t token_start(std::uint32_t position) const { return starts_[position]; }
  // Every token's key, in segment order.
  PackedKeys all_keys() const { return {key_bytes_.data(), starts_.size(), key_width_}; }

  std::size_t token_count() const { return starts_.size(); }
  std::size_t memory_bytes() const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  IndexSegment() = default;
  void build_postings(std::size_t key_count, const std::vector<std::uint8_t>& token_classes);
  void gather_classes(const std::vector<std::uint8_t>& token_classes);
  void append_keys(PackedKeys keys);
  void append_documents(const IndexSegment& part, std::size_t from, std::size_t to);

  std::vector<DocId> docs_;                 // corpus ids, ascending
  std::vector<std::uint32_t> first_token_;  // per document, plus the total at the end
  std::vector<std::uint8_t> key_bytes_;     // per token, key_width_ bytes (PackedKeys), then a spare byte
  unsigned key_width_ = 3;
  std::vector<std::uint32_t> starts_;       // per token
  // Postings: the keys occurring here, ascending, and where each one's positions begin in positions_.
  std::vector<KeyId> present_keys_;
  std::vector<std::uint32_t> key_begin_;    // per present key, plus the end
  std::vector<std::uint32_t> positions_;    // per token, grouped by key
  std::vector<std::uint8_t> classes_;       // per entry of positions_, its token's class (packed_class_bytes)
};

}  // namespace textx
