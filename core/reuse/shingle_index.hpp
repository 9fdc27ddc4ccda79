#pragma once
// The shingle index behind text-reuse search: every run of `ngram` consecutive content words of the corpus
// (stop words skipped, each word read as its word form), hashed, with where it starts.
//
// Built once per corpus and options, then asked many times. It holds one 8-byte entry per shingle (a 32-bit
// fingerprint of the shingle and the global position of its first token), sorted, so a shingle's
// occurrences are one binary search away and come in corpus order; with stop words skipped an English text
// has about one shingle per two tokens, so the index takes about 4 bytes per token, plus a bucket
// directory (half a byte per shingle) and a word form and a stop-word flag per vocabulary entry.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace textx {

struct ShingleOptions {
  std::size_t ngram = 3;         // content words per shingle, kMinNgram..kMaxNgram
  bool skip_stop_words = true;   // shingles are made of the words is_stop_word does not list
  bool word_forms = true;        // words are compared by word form (see word_forms.hpp), not exactly
  bool operator==(const ShingleOptions&) const = default;
};

inline constexpr std::size_t kMinNgram = 1;
inline constexpr std::size_t kMaxNgram = 8;

// Word-form ids: equal for keys with the same word form. A key not in the corpus's vocabulary (from a
// query text) gets its form looked up by text, or an id of its own past every corpus form.
using FormId = std::uint32_t;

class ShingleIndex {
 public:
  // Indexes the live documents of `corpus`. Precondition: options.ngram in [kMinNgram, kMaxNgram].
  ShingleIndex(const Corpus& corpus, const ShingleOptions& options);

  const ShingleOptions& options() const { return options_; }
  // Whether the index still describes `corpus` (no document added or removed since it was built).
  bool describes(const Corpus& corpus) const;

  // Per vocabulary key: its word form and whether it is a stop word (never, when stop words are kept).
  FormId form_of(KeyId key) const { return forms_[key]; }
  bool is_stop(KeyId key) const { return stop_[key] != 0; }
  std::size_t form_count() const { return form_count_; }
  // The form id of a word form given as text, or form_count() when no corpus key has that form.
  FormId find_form(std::string_view form) const;

  // The hash of the forms of one shingle, as stored (its top 32 bits are the fingerprint).
  static std::uint64_t hash_forms(std::span<const FormId> forms);
  // Global positions of the shingles whose forms hash to `hash`, ascending (corpus order).
  std::span<const std::uint64_t> occurrences(std::uint64_t hash) const;
  static std::uint32_t position_of(std::uint64_t entry) { return static_cast<std::uint32_t>(entry); }
  static std::uint32_t fingerprint_of(std::uint64_t entry) { return static_cast<std::uint32_t>(entry >> 32); }
  // Every entry, sorted by fingerprint then position (for the corpus-wide search).
  std::span<const std::uint64_t> entries() const { return entries_; }

  // Live documents in corpus order; a global position is first_token(i) + a token index of document i.
  std::size_t document_count() const { return docs_.size(); }
  DocId document_id(std::size_t i) const { return docs_[i]; }
  std::uint32_t first_token(std::size_t i) const { return first_token_[i]; }
  // The index (into document_id) of the document holding global position `position`.
  std::size_t document_at(std::uint32_t position) const;

  std::size_t shingle_count() const { return entries_.size(); }
  std::size_t memory_bytes() const;

 private:
  ShingleOptions options_;
  std::size_t corpus_documents_ = 0, corpus_live_ = 0, corpus_tokens_ = 0;  // what describes() checks
  std::vector<FormId> forms_;          // per vocabulary key
  std::vector<std::uint8_t> stop_;     // per vocabulary key
  std::size_t form_count_ = 0;
  std::string form_text_;              // every distinct form's text, back to back
  std::vector<std::uint32_t> form_start_;  // per form id, plus the end: where its text is in form_text_
  std::vector<FormId> forms_by_text_;  // form ids sorted by text, for find_form
  std::vector<DocId> docs_;
  std::vector<std::uint32_t> first_token_;  // per live document, plus the total
  std::vector<std::uint64_t> entries_;      // (fingerprint << 32) | global position, sorted
  // Where the entries whose fingerprint starts with each `directory_bits_`-bit prefix begin (plus the end):
  // a lookup then searches one bucket of about 8 entries instead of the whole array.
  unsigned directory_bits_ = 0;
  std::vector<std::uint32_t> directory_;
};

}  // namespace textx
