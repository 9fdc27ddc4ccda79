#include "cli/diff_printer.hpp"

#include <algorithm>
#include <array>
#include <iomanip>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/utf8.hpp"
#include "core/text/whitespace.hpp"

namespace textx::cli {
namespace {

constexpr std::size_t kEqualPreviewChars = 70;

// `text` with each run of whitespace shown as one space, so that a paragraph prints as one line.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (is_whitespace_code_point(next_code_point(text, pos))) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(text.substr(start, pos - start));
  }
  if (space) out += ' ';
  return out;
}

// The first `chars` code points of `text`, with "…" when it is longer.
std::string preview(const std::string& text, std::size_t chars) {
  std::size_t pos = 0;
  for (std::size_t n = 0; n < chars && pos < text.size(); ++n) next_code_point(text, pos);
  return pos < text.size() ? text.substr(0, pos) + "…" : text;
}

std::string paragraphs(const ParagraphRun& run) {
  if (run.count == 0) return "";
  std::string out = "¶" + std::to_string(run.first + 1);
  if (run.count > 1) out += "–" + std::to_string(run.first + run.count);
  return out;
}

// Whether [start, end) overlaps the text between two paragraphs (the word diff of a split or merged pair
// gives paragraph breaks their own edits).
bool in_gap(const std::vector<TextSpan>& gaps, std::uint32_t start, std::uint32_t end) {
  const auto after = std::upper_bound(gaps.begin(), gaps.end(), start,
                                      [](std::uint32_t at, const TextSpan& gap) { return at < gap.end; });
  return after != gaps.end() && after->start < end;
}

class Marks {
 public:
  explicit Marks(bool color) : color_(color) {}
  // A deleted or inserted stretch: `paragraph_break` shows it as ¶.
  std::string deleted(std::string_view text, bool paragraph_break = false) const {
    return std::string(color_ ? "\x1b[31m" : "") + "[-" + (paragraph_break ? "¶" : one_line(text)) + "-]" +
           (color_ ? "\x1b[0m" : "");
  }
  std::string inserted(std::string_view text, bool paragraph_break = false) const {
    return std::string(color_ ? "\x1b[32m" : "") + "{+" + (paragraph_break ? "¶" : one_line(text)) + "+}" +
           (color_ ? "\x1b[0m" : "");
  }

 private:
  bool color_;
};

}  // namespace

void print_diff(std::ostream& out, const Corpus& corpus, DocId a, DocId b, const DocumentDiff& diff,
                const DiffPrintOptions& options) {
  const Document& da = corpus.document(a);
  const Document& db = corpus.document(b);
  const auto text_of = [](const Document& doc, TextSpan span) {
    return std::string_view(doc.text).substr(span.start, span.end - span.start);
  };
  std::array<std::size_t, 7> counts{};
  for (const AlignedPair& pair : diff.pairs) ++counts[static_cast<std::size_t>(pair.op)];
  out << "A: " << da.info.name << " (" << da.paragraphs.size() << " paragraphs)\n";
  out << "B: " << db.info.name << " (" << db.paragraphs.size() << " paragraphs)\n";
  for (std::size_t op = 0; op < counts.size(); ++op)
    out << (op == 0 ? "" : ", ") << counts[op] << ' ' << pair_op_name(static_cast<PairOp>(op));
  out << '\n';
  if (diff.word_diff_fell_back)
    out << "(some word diffs were too large to compute exactly and may show longer changes than needed)\n";

  const Marks marks(options.color);
  for (const AlignedPair& pair : diff.pairs) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "[" + std::string(…) + "]".
    std::string label = "[";
    label.append(pair_op_name(pair.op)).append("]");
    out << '\n' << std::left << std::setw(11) << label;
    out << "A" << (pair.a.count ? paragraphs(pair.a) : "–") << "  B" << (pair.b.count ? paragraphs(pair.b) : "–");
    if (pair.a.count > 0 && pair.b.count > 0 && pair.op != PairOp::kEqual)
      out << "  similarity " << std::fixed << std::setprecision(2) << pair.similarity;
    out << '\n';
    std::string line;
    if (pair.op == PairOp::kDeleted) {
      line = marks.deleted(text_of(da, pair.a.span));
    } else if (pair.op == PairOp::kInserted) {
      line = marks.inserted(text_of(db, pair.b.span));
    } else if (pair.words.empty()) {
      line = one_line(text_of(da, pair.a.span));
      if (!options.full) line = preview(line, kEqualPreviewChars);
    } else {
      for (const WordEdit& w : pair.words) {
        if (w.kind == EditKind::kEqual) line += one_line(text_of(da, {w.a_start, w.a_end}));
        else if (w.kind == EditKind::kDelete)
          line += marks.deleted(text_of(da, {w.a_start, w.a_end}), in_gap(diff.a_gaps, w.a_start, w.a_end));
        else
          line += marks.inserted(text_of(db, {w.b_start, w.b_end}), in_gap(diff.b_gaps, w.b_start, w.b_end));
      }
    }
    out << "    " << line << '\n';
  }
}

namespace {

constexpr std::size_t kMaxCellChars = 24;

// `text` padded with spaces to `width` code points (cut with "…" beyond it).
std::string padded(const std::string& text, std::size_t width) {
  std::size_t chars = count_code_points(text);
  std::string out = text;
  if (chars > width) {
    out = preview(text, width - 1);
    chars = width;
  }
  return out + std::string(width - chars, ' ');
}

}  // namespace

void print_collation(std::ostream& out, const Corpus& corpus, const ParagraphCollation& collation) {
  const AlignmentTable& table = collation.table;
  std::vector<std::vector<std::string>> cells;  // per witness with a row, per column
  std::vector<std::string> headers;
  for (const ParagraphCollation::Witness& w : collation.witnesses) {
    const Document& doc = corpus.document(w.doc);
    out << doc.info.name;
    if (w.count == 0) {
      out << ": no counterpart\n";
      continue;
    }
    out << ": " << paragraphs({w.first, w.count, w.span}) << '\n';
    headers.push_back(doc.info.name);
    const std::size_t row = cells.size();
    std::vector<std::string> line;
    for (std::size_t c = 0; c < table.columns; ++c) {
      const std::int32_t t = table.cell(row, c);
      if (t < 0) {
        line.emplace_back("–");
        continue;
      }
      const TextSpan token = table.tokens[row][static_cast<std::size_t>(t)];
      std::string text = one_line(std::string_view(doc.text).substr(w.span.start + token.start, token.end - token.start));
      while (!text.empty() && text.back() == ' ') text.pop_back();
      line.push_back(std::move(text));
    }
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::size_t width = std::min(kMaxCellChars, count_code_points(headers[r]));
    for (const std::string& cell : cells[r]) width = std::max(width, std::min(kMaxCellChars, count_code_points(cell)));
    widths.push_back(width);
  }
  out << '\n' << "       ";
  for (std::size_t r = 0; r < cells.size(); ++r) out << "  " << padded(headers[r], widths[r]);
  out << '\n';
  for (std::size_t c = 0; c < table.columns; ++c) {
    out << (table.variant[c] ? "* " : "  ") << std::right << std::setw(5) << c + 1;
    for (std::size_t r = 0; r < cells.size(); ++r) out << "  " << padded(cells[r][c], widths[r]);
    out << '\n';
  }
}

}  // namespace textx::cli
