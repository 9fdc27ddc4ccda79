#include "core/text/words.hpp"

#include "core/text/word_breaks.hpp"

namespace textx {

std::vector<WordSpan> find_words(std::string_view text) {
  std::vector<WordSpan> words;
  WordBoundaryScanner scanner(text);
  for (std::size_t start = 0, end = 0; scanner.next_word(start, end);)
    words.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  return words;
}

}  // namespace textx
