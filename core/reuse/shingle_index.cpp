#include "core/reuse/shingle_index.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/reuse/word_forms.hpp"
#include "core/stats/frequency.hpp"

namespace textx {
namespace {

// Stable LSD radix sort of entries by their top 32 bits (two 16-bit passes); positions were appended in
// ascending order, so each fingerprint's positions stay ascending.
void sort_by_fingerprint(std::vector<std::uint64_t>& entries) {
  std::vector<std::uint64_t> buffer(entries.size());
  for (int shift = 32; shift < 64; shift += 16) {
    std::vector<std::size_t> count(65537, 0);
    for (std::uint64_t e : entries) ++count[((e >> shift) & 0xFFFF) + 1];
    for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    for (std::uint64_t e : entries) buffer[count[(e >> shift) & 0xFFFF]++] = e;
    entries.swap(buffer);
  }
}

}  // namespace

ShingleIndex::ShingleIndex(const Corpus& corpus, const ShingleOptions& options)
    : options_(options),
      corpus_documents_(corpus.document_count()),
      corpus_live_(corpus.live_document_count()),
      corpus_tokens_(corpus.token_count()) {
  // Word forms and stop words, once per vocabulary entry.
  const std::size_t vocabulary = corpus.vocabulary_size();
  forms_.resize(vocabulary);
  stop_.assign(vocabulary, 0);
  std::unordered_map<std::string, FormId> form_ids;
  form_start_.push_back(0);
  for (KeyId key = 0; key < vocabulary; ++key) {
    const std::string_view text = corpus.key_text(key);
    if (options.skip_stop_words && is_stop_word(text)) stop_[key] = 1;
    std::string form = options.word_forms ? word_form(text) : std::string(text);
    const auto [it, added] = form_ids.try_emplace(std::move(form), static_cast<FormId>(form_ids.size()));
    if (added) {
      form_text_ += it->first;
      form_start_.push_back(static_cast<std::uint32_t>(form_text_.size()));
    }
    forms_[key] = it->second;
  }
  form_count_ = form_ids.size();
  forms_by_text_.resize(form_count_);
  for (FormId f = 0; f < form_count_; ++f) forms_by_text_[f] = f;
  const auto text_of = [this](FormId f) {
    return std::string_view(form_text_).substr(form_start_[f], form_start_[f + 1] - form_start_[f]);
  };
  std::sort(forms_by_text_.begin(), forms_by_text_.end(), [&](FormId a, FormId b) { return text_of(a) < text_of(b); });

  // Shingles of every live document, in corpus order.
  std::uint64_t total = 0;
  std::vector<std::uint32_t> content;  // token indices of the document's content words
  std::vector<FormId> window(options.ngram);
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    if (corpus.document(id).removed) continue;
    const TokenSpan tokens = corpus.tokens(id);
    if (total + tokens.size() > 0xFFFFFFFFu) break;  // global positions are 32-bit: index the first 4G tokens
    docs_.push_back(id);
    first_token_.push_back(static_cast<std::uint32_t>(total));
    content.clear();
    for (std::uint32_t t = 0; t < tokens.size(); ++t)
      if (!stop_[tokens.keys[t]]) content.push_back(t);
    for (std::size_t j = 0; j + options.ngram <= content.size(); ++j) {
      for (std::size_t k = 0; k < options.ngram; ++k) window[k] = forms_[tokens.keys[content[j + k]]];
      const std::uint64_t fingerprint = hash_forms(window) >> 32;
      entries_.push_back((fingerprint << 32) | (total + content[j]));
    }
    total += tokens.size();
  }
  first_token_.push_back(static_cast<std::uint32_t>(total));
  sort_by_fingerprint(entries_);
  entries_.shrink_to_fit();
  while (directory_bits_ < 24 && (std::size_t{8} << directory_bits_) < entries_.size()) ++directory_bits_;
  directory_.assign((std::size_t{1} << directory_bits_) + 1, 0);
  for (std::uint64_t e : entries_) ++directory_[(e >> (64 - directory_bits_ - 1) >> 1) + 1];
  for (std::size_t i = 1; i < directory_.size(); ++i) directory_[i] += directory_[i - 1];
}

bool ShingleIndex::describes(const Corpus& corpus) const {
  return corpus.document_count() == corpus_documents_ && corpus.live_document_count() == corpus_live_ &&
         corpus.token_count() == corpus_tokens_ && corpus.vocabulary_size() == forms_.size();
}

FormId ShingleIndex::find_form(std::string_view form) const {
  const auto text_of = [this](FormId f) {
    return std::string_view(form_text_).substr(form_start_[f], form_start_[f + 1] - form_start_[f]);
  };
  const auto it = std::lower_bound(forms_by_text_.begin(), forms_by_text_.end(), form,
                                   [&](FormId f, std::string_view text) { return text_of(f) < text; });
  return it != forms_by_text_.end() && text_of(*it) == form ? *it : static_cast<FormId>(form_count_);
}

std::uint64_t ShingleIndex::hash_forms(std::span<const FormId> forms) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (FormId f : forms) {
    h ^= f + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h *= 0xFF51AFD7ED558CCDull;
  }
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

std::span<const std::uint64_t> ShingleIndex::occurrences(std::uint64_t hash) const {
  const std::uint64_t low = hash & 0xFFFFFFFF00000000ull;
  const std::size_t bucket = hash >> (64 - directory_bits_ - 1) >> 1;
  const auto first = entries_.begin() + directory_[bucket], last = entries_.begin() + directory_[bucket + 1];
  const auto begin = std::lower_bound(first, last, low);
  const auto end = std::upper_bound(begin, last, low | 0xFFFFFFFFull);
  // Pointer and size: Emscripten 3.1.6's libc++ has no span constructor from iterators.
  return {entries_.data() + (begin - entries_.begin()), static_cast<std::size_t>(end - begin)};
}

std::size_t ShingleIndex::document_at(std::uint32_t position) const {
  const auto after = std::upper_bound(first_token_.begin(), first_token_.end() - 1, position);
  return static_cast<std::size_t>(after - first_token_.begin()) - 1;
}

std::size_t ShingleIndex::memory_bytes() const {
  return entries_.capacity() * sizeof(std::uint64_t) + forms_.capacity() * sizeof(FormId) + stop_.capacity() +
         form_text_.capacity() + form_start_.capacity() * sizeof(std::uint32_t) +
         forms_by_text_.capacity() * sizeof(FormId) + docs_.capacity() * sizeof(DocId) +
         first_token_.capacity() * sizeof(std::uint32_t) + directory_.capacity() * sizeof(std::uint32_t);
}

}  // namespace textx
