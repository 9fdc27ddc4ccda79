#include "core/index/segment.hpp"

#include <algorithm>
#include <array>

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
  std::vector<std::uint8_t> token_classes;  // in text order, until build_postings puts them in postings order
  token_classes.reserve(total);
  first_token_.reserve(documents.size() + 1);
  std::uint8_t* at = key_bytes_.data();
  for (DocumentTokens& d : documents) {
    docs_.push_back(d.doc);
    first_token_.push_back(static_cast<std::uint32_t>(starts_.size()));
    for (const KeyId key : d.keys) {
      std::memcpy(at, &key, sizeof key);  // little-endian: the low bytes first; the next key or the spare
      at += key_width_;                   // byte takes the fourth
    }
    starts_.insert(starts_.end(), d.starts.begin(), d.starts.end());
    token_classes.insert(token_classes.end(), d.classes.begin(), d.classes.end());
    d = {};  // release as we go: peak memory stays near one copy
  }
  first_token_.push_back(static_cast<std::uint32_t>(starts_.size()));
  build_postings(key_count, token_classes);
}

// Appends `keys` to key_bytes_ (before its spare byte), converting their width if it differs.
void IndexSegment::append_keys(PackedKeys keys) {
  const std::size_t at = key_bytes_.size() - 1;
  key_bytes_.resize(at + keys.size() * key_width_ + 1, 0);
  std::uint8_t* out = key_bytes_.data() + at;
  if (keys.width() == key_width_) {
    std::memcpy(out, keys.data(), keys.size() * key_width_);
    return;
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const KeyId key = keys[i];
    std::memcpy(out + i * key_width_, &key, sizeof key);  // as in the constructor
  }
}

// Appends documents [from, to) of `part`: their ids, token boundaries, keys and starts (not their postings).
void IndexSegment::append_documents(const IndexSegment& part, std::size_t from, std::size_t to) {
  const std::uint32_t first = part.first_token_[from], last = part.first_token_[to];
  const auto shift = static_cast<std::uint32_t>(starts_.size()) - first;  // modulo 2^32, as positions are
  for (std::size_t local = from; local < to; ++local) {
    docs_.push_back(part.docs_[local]);
    first_token_.push_back(part.first_token_[local] + shift);
  }
  append_keys(part.all_keys().subspan(first, last - first));
  starts_.insert(starts_.end(), part.starts_.begin() + first, part.starts_.begin() + last);
}

IndexSegment IndexSegment::merge(std::span<const IndexSegment* const> parts, std::size_t key_count) {
  IndexSegment out;
  out.key_width_ = key_width(key_count);
  out.key_bytes_.push_back(0);
  std::size_t total = 0, keys = 0;
  for (const IndexSegment* part : parts) {
    total += part->token_count();
    keys = std::max(keys, part->present_keys_.size());
  }
  out.starts_.reserve(total);
  out.key_bytes_.reserve(total * out.key_width_ + 1);
  std::vector<std::uint32_t> base;  // where each part's tokens start in `out`
  for (const IndexSegment* part : parts) {
    base.push_back(static_cast<std::uint32_t>(out.starts_.size()));
    out.append_documents(*part, 0, part->document_count());
  }
  out.first_token_.push_back(static_cast<std::uint32_t>(out.starts_.size()));

  // Each key's postings: those of the first part holding it, then the next's shifted past the first's
  // tokens, and so on; keys in ascending order, taking the smallest next key of any part each time.
  out.positions_.resize(total);
  out.classes_.assign(packed_class_bytes(total), 0);
  out.present_keys_.reserve(keys);
  out.key_begin_.reserve(keys + 1);
  constexpr KeyId kDone = 0xFFFFFFFFu;  // above any key id: a key id is below the vocabulary's size
  std::vector<std::size_t> cursor(parts.size(), 0);
  std::vector<KeyId> head(parts.size());  // each part's next key, or kDone
  for (std::size_t j = 0; j < parts.size(); ++j) head[j] = parts[j]->present_keys_.empty() ? kDone : parts[j]->present_keys_[0];
  std::uint32_t written = 0;
  for (;;) {
    KeyId key = kDone;
    for (const KeyId k : head) key = std::min(key, k);
    if (key == kDone) break;
    out.present_keys_.push_back(key);
    out.key_begin_.push_back(written);
    for (std::size_t j = 0; j < parts.size(); ++j) {
      if (head[j] != key) continue;
      const IndexSegment& part = *parts[j];
      const std::size_t c = cursor[j]++;
      const std::uint32_t* from = part.positions_.data() + part.key_begin_[c];
      const std::uint32_t* to = part.positions_.data() + part.key_begin_[c + 1];
      std::uint32_t* at = out.positions_.data() + written;
      for (const std::uint32_t* p = from; p != to; ++p) *at++ = *p + base[j];
      copy_classes(out.classes_.data(), written, part.classes_.data(), part.key_begin_[c], static_cast<std::size_t>(to - from));
      written += static_cast<std::uint32_t>(to - from);
      head[j] = c + 1 < part.present_keys_.size() ? part.present_keys_[c + 1] : kDone;
    }
  }
  out.key_begin_.push_back(written);
  return out;
}

IndexSegment IndexSegment::without(std::size_t local) const {
  IndexSegment out;
  out.key_width_ = key_width_;
  out.key_bytes_.push_back(0);
  const std::uint32_t from = first_token_[local], to = first_token_[local + 1], removed = to - from;
  out.append_documents(*this, 0, local);
  out.append_documents(*this, local + 1, document_count());
  out.first_token_.push_back(static_cast<std::uint32_t>(out.starts_.size()));
  // Each key's postings without the document's positions, those after it moved back by its length.
  out.positions_.resize(positions_.size() - removed);
  out.classes_.assign(packed_class_bytes(out.positions_.size()), 0);
  std::uint32_t written = 0;
  for (std::size_t i = 0; i < present_keys_.size(); ++i) {
    const std::uint32_t begin = written;
    for (std::uint32_t k = key_begin_[i]; k < key_begin_[i + 1]; ++k) {
      const std::uint32_t p = positions_[k];
      if (p >= from && p < to) continue;
      out.positions_[written] = p < from ? p : p - removed;
      pack_class(out.classes_.data(), written++, packed_class(classes_.data(), k));
    }
    if (written == begin) continue;  // the key occurred only in the removed document
    out.present_keys_.push_back(present_keys_[i]);
    out.key_begin_.push_back(begin);
  }
  out.key_begin_.push_back(written);
  return out;
}

// Groups token positions by key, each group ascending. A segment with many tokens for the vocabulary uses a
// counting sort over every key id (two passes over the tokens); a small one (one document added alone)
// sorts (key, position) pairs by a radix sort on the key's bytes, so it costs time for its own tokens, not
// for the whole vocabulary.
void IndexSegment::build_postings(std::size_t key_count, const std::vector<std::uint8_t>& token_classes) {
  present_keys_.clear();
  key_begin_.clear();
  const PackedKeys keys = all_keys();
  positions_.resize(keys.size());
  classes_.assign(packed_class_bytes(keys.size()), 0);
  unsigned passes = 1;  // bytes of a key id
  while (passes < 4 && (std::uint64_t{1} << (8 * passes)) < key_count) ++passes;
  if ((passes - 1) * keys.size() < key_count) {
    // Least significant byte first; each pass is stable, so positions stay ascending within a key.
    std::vector<std::uint64_t> pairs(keys.size()), sorted(keys.size());
    for (std::uint32_t position = 0; position < keys.size(); ++position)
      pairs[position] = std::uint64_t{keys[position]} << 32 | position;
    for (unsigned pass = 0; pass < passes; ++pass) {
      const unsigned shift = 32 + 8 * pass;
      std::array<std::uint32_t, 257> at{};
      for (const std::uint64_t pair : pairs) ++at[((pair >> shift) & 0xFF) + 1];
      for (std::size_t digit = 1; digit < at.size(); ++digit) at[digit] += at[digit - 1];
      for (const std::uint64_t pair : pairs) sorted[at[(pair >> shift) & 0xFF]++] = pair;
      pairs.swap(sorted);
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto key = static_cast<KeyId>(pairs[i] >> 32);
      if (present_keys_.empty() || present_keys_.back() != key) {
        present_keys_.push_back(key);
        key_begin_.push_back(static_cast<std::uint32_t>(i));
      }
      positions_[i] = static_cast<std::uint32_t>(pairs[i]);
    }
    key_begin_.push_back(static_cast<std::uint32_t>(pairs.size()));
    gather_classes(token_classes);
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
  gather_classes(token_classes);
}

// Packs each posting's class, taken from the tokens' classes in text order: written in order, four to a byte
// (rather than scattered with the positions, each a read-modify-write of a byte).
void IndexSegment::gather_classes(const std::vector<std::uint8_t>& token_classes) {
  const std::size_t n = positions_.size();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4)
    classes_[i >> 2] = static_cast<std::uint8_t>(token_classes[positions_[i]] | token_classes[positions_[i + 1]] << 2 |
                                                 token_classes[positions_[i + 2]] << 4 | token_classes[positions_[i + 3]] << 6);
  for (; i < n; ++i) pack_class(classes_.data(), i, token_classes[positions_[i]]);
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

std::span<const std::uint32_t> IndexSegment::postings(KeyId key) const { return classed_postings(key).positions; }

ClassedPostings IndexSegment::classed_postings(KeyId key) const {
  const auto it = std::lower_bound(present_keys_.begin(), present_keys_.end(), key);
  if (it == present_keys_.end() || *it != key) return {};
  const auto i = static_cast<std::size_t>(it - present_keys_.begin());
  return {std::span<const std::uint32_t>(positions_).subspan(key_begin_[i], key_begin_[i + 1] - key_begin_[i]), key_begin_[i]};
}

std::size_t IndexSegment::memory_bytes() const {
  return key_bytes_.capacity() + classes_.capacity() + (docs_.capacity() + first_token_.capacity() + starts_.capacity() +
                                  present_keys_.capacity() + key_begin_.capacity() + positions_.capacity()) *
                                     sizeof(std::uint32_t);
}

}  // namespace textx
