#include "core/text/words.hpp"

#include "core/text/word_breaks.hpp"

namespace textx {

std::vector<WordSpan> find_words(std::string_view text) {
  std::vector<WordSpan> words;
  WordBoundaryScanner scanner(text);
  std::size_t start = 0;
  for (std::size_t end = scanner.next(); end != WordBoundaryScanner::npos; end = scanner.next()) {
    if (scanner.segment_has_word_content())
      words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    start = end;
  }
  return words;
}

}  // namespace textx
