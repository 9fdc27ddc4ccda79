// Fuzz target: the text model on arbitrary text (repaired to UTF-8 first, as documents are): paragraphs
// and sentences (find_segments), word and sentence boundaries, word tokens (find_words) and their matching
// keys under every option (append_key), and the UTF-16 offsets the page uses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/fold.hpp"
#include "core/text/segments.hpp"
#include "core/text/sentence_breaks.hpp"
#include "core/text/utf16_offsets.hpp"
#include "core/text/utf8.hpp"
#include "core/text/word_breaks.hpp"
#include "core/text/words.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using textx::fuzz::is_valid_utf8;

// Boundaries start at 0, end at the text's end and increase.
void check_boundaries(const std::vector<std::size_t>& boundaries, std::size_t size) {
  FUZZ_CHECK(!boundaries.empty() && boundaries.front() == 0 && boundaries.back() == size);
  for (std::size_t i = 1; i < boundaries.size(); ++i) FUZZ_CHECK(boundaries[i - 1] < boundaries[i]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = textx::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
  const std::string_view view(text);

  const textx::Segments segments = textx::find_segments(view);
  std::uint32_t last_end = 0;
  for (const textx::TextSpan& p : segments.paragraphs) {
    FUZZ_CHECK(p.start < p.end && p.end <= text.size() && p.start >= last_end);
    FUZZ_CHECK(is_valid_utf8(view.substr(p.start, p.end - p.start)));
    last_end = p.end;
  }
  last_end = 0;
  for (const textx::TextSpan& s : segments.sentences) {
    FUZZ_CHECK(s.start < s.end && s.end <= text.size() && s.start >= last_end);
    last_end = s.end;
  }

  check_boundaries(textx::word_boundaries(view), text.size());
  check_boundaries(textx::sentence_boundaries(view), text.size());
  check_boundaries(textx::sentence_boundaries(view, /*line_breaks_as_spaces=*/true), text.size());

  const textx::Utf16Offsets utf16(view);
  std::size_t last_utf16 = 0;
  last_end = 0;
  std::string key;
  for (const textx::WordSpan& w : textx::find_words(view)) {
    FUZZ_CHECK(w.start < w.end && w.end <= text.size() && w.start >= last_end);
    last_end = w.end;
    const std::string_view word = view.substr(w.start, w.end - w.start);
    FUZZ_CHECK(is_valid_utf8(word));
    const std::size_t start_utf16 = utf16.to_utf16(view, w.start);
    FUZZ_CHECK(start_utf16 >= last_utf16 && start_utf16 <= w.start);
    last_utf16 = start_utf16;
    for (int options = 0; options < 4; ++options) {
      key.clear();
      textx::append_key(key, word, {.case_sensitive = (options & 1) != 0, .diacritic_sensitive = (options & 2) != 0});
      FUZZ_CHECK(is_valid_utf8(key));
    }
  }
  FUZZ_CHECK(utf16.to_utf16(view, text.size()) <= text.size());

  // NFD is idempotent.
  const std::string nfd = textx::to_nfd(view);
  FUZZ_CHECK(is_valid_utf8(nfd) && textx::to_nfd(nfd) == nfd);
  return 0;
}
