#include "core/index/segment.hpp"

#include <algorithm>

namespace textx {
namespace {

// Bytes per key id: 3 bytes hold the ids of a vocabulary of up to 2^24 keys (16.7 million), which no real
// corpus reaches; a larger one takes 4.
unsigned key_width(std::size_t key_count) { return key_count <= (std::size_t{1} << 24) ? 3 : 4; }

}  // namespace

IndexSegment::IndexSegment(std::vector<DocumentTokens> documents, std::size_t key_count) : key_width_(key_width(key_count)) {
  std::size_t total = 0;
  for (const DocumentTokens& d : documents) total += d.keys.size();
  key_bytes_.assign(total * key_width_ + 1, 0);
  starts_.reserve(total);
  first_token_.reserve(documents.size() + 1);
  std::uint8_t* at = key_bytes_.data();
  for (DocumentTokens& d : documents) {
    docs_.push_back(d.doc);
    first_token_.push_back(static_cast<std::uint32_t>(starts_.size()));
    for (const KeyId key : d.keys) {
      std::memcpy(at, &key, key_width_);  // little-endian: the low bytes
      at += key_width_;
    }
    starts_.insert(starts_.end(), d.starts.begin(), d.starts.end());
    d = {};  // release as we go: peak memory stays near one copy
  }
  first_token_.push_back(static_cast<std::uint32_t>(starts_.size()));
  build_postings(key_count);
}

// Appends `keys` to key_bytes_ (before its spare byte), converting their width if it differs.
void IndexSegment::append_keys(PackedKeys keys) {
  const std::size_t at = key_bytes_.size() - 1;
  key_bytes_.resize(at + keys.size() * key_width_ + 1, 0);
  std::uint8_t* out = key_bytes_.data() + at;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyId key = keys[i];
    std::memcpy(out + i * key_width_, &key, key_width_);
  }
}

IndexSegment IndexSegment::merge(const IndexSegment& a, const IndexSegment& b, std::span<const DocId> drop,
                                 std::size_t key_count) {
  IndexSegment out;
  out.key_width_ = key_width(key_count);
  out.key_bytes_.push_back(0);
  for (const IndexSegment* part : {&a, &b}) {
    for (std::size_t local = 0; local < part->document_count(); ++local) {
      const DocId doc = part->docs_[local];
      if (std::binary_search(drop.begin(), drop.end(), doc)) continue;
      const std::uint32_t from = part->first_token_[local], to = part->first_token_[local + 1];
      out.docs_.push_back(doc);
      out.first_token_.push_back(static_cast<std::uint32_t>(out.starts_.size()));
      out.append_keys(part->all_keys().subspan(from, to - from));
      out.starts_.insert(out.starts_.end(), part->starts_.begin() + from, part->starts_.begin() + to);
    }
  }
  out.first_token_.push_back(static_cast<std::uint32_t>(out.starts_.size()));
  out.build_postings(key_count);
  return out;
}

// Groups token positions by key, each group ascending. A segment with many tokens for the vocabulary uses a
// counting sort (two passes); a small one sorts (key, position) pairs, so adding one short document costs
// time for its own tokens, not for the whole vocabulary.
void IndexSegment::build_postings(std::size_t key_count) {
  present_keys_.clear();
  key_begin_.clear();
  const PackedKeys keys = all_keys();
  positions_.resize(keys.size());
  if (keys.size() * 8 < key_count) {
    std::vector<std::uint64_t> pairs(keys.size());
    for (std::uint32_t position = 0; position < keys.size(); ++position)
      pairs[position] = std::uint64_t{keys[position]} << 32 | position;
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto key = static_cast<KeyId>(pairs[i] >> 32);
      if (present_keys_.empty() || present_keys_.back() != key) {
        present_keys_.push_back(key);
        key_begin_.push_back(static_cast<std::uint32_t>(i));
      }
      positions_[i] = static_cast<std::uint32_t>(pairs[i]);
    }
    key_begin_.push_back(static_cast<std::uint32_t>(pairs.size()));
    return;
  }
  std::vector<std::uint32_t> next(key_count + 1, 0);
  for (std::uint32_t position = 0; position < keys.size(); ++position) ++next[keys[position] + 1];
  std::uint32_t running = 0;
  for (KeyId key = 0; key < key_count; ++key) {
    const std::uint32_t n = next[key + 1];
    next[key] = running;  // next[key] now holds where the key's positions start
    if (n > 0) {
      present_keys_.push_back(key);
      key_begin_.push_back(running);
    }
    running += n;
  }
  key_begin_.push_back(running);
  for (std::uint32_t position = 0; position < keys.size(); ++position) positions_[next[keys[position]]++] = position;
}

std::size_t IndexSegment::find_document(DocId doc) const {
  const auto it = std::lower_bound(docs_.begin(), docs_.end(), doc);
  return it != docs_.end() && *it == doc ? static_cast<std::size_t>(it - docs_.begin()) : npos;
}

TokenSpan IndexSegment::tokens(std::size_t local) const {
  const std::uint32_t from = first_token_[local], to = first_token_[local + 1];
  return {all_keys().subspan(from, to - from), std::span<const std::uint32_t>(starts_).subspan(from, to - from)};
}

std::size_t IndexSegment::document_of(std::uint32_t position) const {
  const auto it = std::upper_bound(first_token_.begin(), first_token_.end() - 1, position);
  return static_cast<std::size_t>(it - first_token_.begin()) - 1;
}

std::span<const std::uint32_t> IndexSegment::postings(KeyId key) const {
  const auto it = std::lower_bound(present_keys_.begin(), present_keys_.end(), key);
  if (it == present_keys_.end() || *it != key) return {};
  const auto i = static_cast<std::size_t>(it - present_keys_.begin());
  return std::span<const std::uint32_t>(positions_).subspan(key_begin_[i], key_begin_[i + 1] - key_begin_[i]);
}

std::size_t IndexSegment::memory_bytes() const {
  return key_bytes_.capacity() + (docs_.capacity() + first_token_.capacity() + starts_.capacity() +
                                  present_keys_.capacity() + key_begin_.capacity() + positions_.capacity()) *
                                     sizeof(std::uint32_t);
}

}  // namespace textx
