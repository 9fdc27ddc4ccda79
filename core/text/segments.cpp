#include "core/text/segments.hpp"

#include <vector>

#include "core/text/ascii_swar.hpp"
#include "core/text/sentence_breaks.hpp"
#include "core/text/utf8.hpp"
#include "core/text/whitespace.hpp"

namespace textx {
namespace {

struct Line {
  std::size_t start = 0;
  std::size_t end = 0;        // before the line break
  bool blank = true;          // only whitespace
  bool paragraph_end = false; // ended by U+2029 PARAGRAPH SEPARATOR
  std::size_t chars = 0;      // code points, for the hard-wrap test
};

bool is_ascii_space(unsigned char b) { return b == ' ' || b == '\t' || b == '\f' || b == '\v'; }

// Lines ended by LF, CRLF, CR, NEL, U+2028 or U+2029.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  Line line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80 && b != '\n' && b != '\r') {
      // ASCII other than a line break: one character. Once the line is known not to be blank, the rest of
      // its ASCII run only needs counting.
      if (!line.blank) {
        const std::size_t start = pos;
        if constexpr (swar::kAvailable) {
          for (; pos + 8 <= text.size(); pos += 8) {
            const swar::Word v = swar::load(text.data() + pos);
            const swar::Word stops = (v & swar::kHigh) | swar::equal(v, '\n') | swar::equal(v, '\r');
            if (stops) {
              pos += swar::first(stops);
              break;
            }
          }
        }
        while (pos < text.size()) {
          const auto c = static_cast<unsigned char>(text[pos]);
          if (c >= 0x80 || c == '\n' || c == '\r') break;
          ++pos;
        }
        line.chars += pos - start;
        continue;
      }
      ++pos;
      ++line.chars;
      if (!is_ascii_space(b)) line.blank = false;
      continue;
    }
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_line_break_code_point(cp)) {
      if (cp == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
      line.end = at;
      line.paragraph_end = cp == 0x2029;
      lines.push_back(line);
      line = Line{pos};
      continue;
    }
    ++line.chars;
    if (!is_space_code_point(cp)) line.blank = false;
  }
  line.end = text.size();
  lines.push_back(line);
  return lines;
}

// Shrinks [start, end) past whitespace and line breaks at either end: from the first code point that is
// neither to the end of the last one, or to the empty span at `start` when there is none.
TextSpan trimmed(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t first = start;
  for (std::size_t pos = start; first < end; first = pos) {
    if (!is_whitespace_code_point(next_code_point(text, pos))) break;
  }
  if (first == end) return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)};
  std::size_t last = end;
  while (last > first) {
    std::size_t lead = last - 1;
    while ((static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;  // valid UTF-8: stops at first
    std::size_t pos = lead;
    if (!is_whitespace_code_point(next_code_point(text, pos))) break;
    last = lead;
  }
  return {static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last)};
}

// Whether text without blank lines is hard-wrapped prose rather than one paragraph per line.
bool looks_hard_wrapped(const std::vector<Line>& lines) {
  std::size_t content = 0, wrapped = 0;
  for (const Line& line : lines) {
    if (line.blank) continue;
    ++content;
    wrapped += line.chars >= 40 && line.chars <= 100;
  }
  return content >= 3 && wrapped * 4 >= content * 3;
}

// Sentence boundaries of a paragraph, with its line breaks read as spaces (a hard-wrapped line end is not
// the end of a sentence). Appends sentence spans in text offsets.
void append_sentences(std::string_view text, TextSpan paragraph, std::vector<TextSpan>& sentences) {
  const std::vector<std::size_t> bounds =
      sentence_boundaries(text.substr(paragraph.start, paragraph.end - paragraph.start), true);
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    const TextSpan s = trimmed(text, paragraph.start + bounds[i], paragraph.start + bounds[i + 1]);
    if (s.end > s.start) sentences.push_back(s);
  }
}

// Appends `block` as one paragraph, or, when it is long, as units of whole sentences of about kUnitBytes.
void append_paragraph(std::string_view text, TextSpan block, Segments& out) {
  const std::size_t first_sentence = out.sentences.size();
  append_sentences(text, block, out.sentences);
  if (block.end - block.start <= kLongParagraphBytes) {
    out.paragraphs.push_back(block);
    return;
  }
  TextSpan unit{block.start, block.start};
  for (std::size_t i = first_sentence; i < out.sentences.size(); ++i) {
    unit.end = out.sentences[i].end;
    const bool last = i + 1 == out.sentences.size();
    if (unit.end - unit.start >= kUnitBytes || last) {
      out.paragraphs.push_back(unit);
      if (!last) unit.start = out.sentences[i + 1].start;
    }
  }
}

}  // namespace

Segments find_segments(std::string_view text) {
  Segments out;
  const std::vector<Line> lines = split_lines(text);
  bool any_blank = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) any_blank = any_blank || lines[i].blank || lines[i].paragraph_end;
  const bool line_per_paragraph = !any_blank && !looks_hard_wrapped(lines);

  std::size_t block_start = 0;
  bool in_block = false;
  const auto close_block = [&](std::size_t end) {
    if (!in_block) return;
    const TextSpan block = trimmed(text, block_start, end);
    if (block.end > block.start) append_paragraph(text, block, out);
    in_block = false;
  };
  for (const Line& line : lines) {
    if (line.blank) {
      close_block(line.start);
      continue;
    }
    if (!in_block) {
      block_start = line.start;
      in_block = true;
    }
    if (line.paragraph_end || line_per_paragraph) close_block(line.end);
  }
  close_block(text.size());
  return out;
}

}  // namespace textx
