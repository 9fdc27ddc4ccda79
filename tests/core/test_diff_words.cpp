// Word-level diff: whole words only, whitespace and punctuation kept, cleaned up to read like an editor's
// marks; lossless on random text.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/diff/paragraph_features.hpp"
#include "core/diff/word_diff.hpp"
#include "tests/core/random_text.hpp"

namespace {

using textx::DiffBudget;
using textx::EditKind;
using textx::TextSpan;
using textx::WordEdit;

TextSpan whole(std::string_view text) { return {0, static_cast<std::uint32_t>(text.size())}; }

std::vector<WordEdit> word_diff(std::string_view a, std::string_view b, textx::WordDiffOptions options = {}) {
  DiffBudget budget(10'000'000);
  return textx::diff_words(a, whole(a), b, whole(b), options, budget);
}

// The diff as marks: equal text as is (first side's), [-deleted-], {+inserted+}.
std::string marks(std::string_view a, std::string_view b, const std::vector<WordEdit>& edits) {
  std::string out;
  for (const WordEdit& w : edits) {
    if (w.kind == EditKind::kEqual) out += a.substr(w.a_start, w.a_end - w.a_start);
    else if (w.kind == EditKind::kDelete) out.append("[-").append(a.substr(w.a_start, w.a_end - w.a_start)).append("-]");
    else out.append("{+").append(b.substr(w.b_start, w.b_end - w.b_start)).append("+}");
  }
  return out;
}

std::string marks(std::string_view a, std::string_view b, textx::WordDiffOptions options = {}) {
  return marks(a, b, word_diff(a, b, options));
}

}  // namespace

TEST_CASE("word diff: tokens are words, punctuation and whitespace runs, covering the text") {
  const std::string text = "Non-interference,  in\n internal affairs: 1,000 U.S. Committee\u2019s";
  std::string rebuilt, kinds;
  for (const textx::DiffToken& t : textx::diff_tokens(text, whole(text))) {
    rebuilt += text.substr(t.start, t.end - t.start);
    kinds += t.token_class == textx::TokenClass::kWord ? 'w' : t.token_class == textx::TokenClass::kSpace ? 's' : 'o';
  }
  CHECK(rebuilt == text);
  // Non - interference , ␣␣ in ␣\n␣ internal ␣ affairs : ␣ 1,000 ␣ U.S . ␣ Committee’s
  CHECK(kinds == "wowoswswswoswswosw");
}

TEST_CASE("word diff: hand-worked edits read like an editor's marks") {
  CHECK(marks("the quick brown fox", "the slow brown fox") == "the [-quick-]{+slow+} brown fox");
  // A word is never split: independence -> independent is one whole-word replacement.
  CHECK(marks("full independence now", "full independent now") == "full [-independence-]{+independent+} now");
  // Changes separated only by a space fold into one.
  CHECK(marks("old text here", "new words here") == "[-old text-]{+new words+} here");
  // …but not across a real word.
  CHECK(marks("the quick brown fox", "the slow brown cat") == "the [-quick-]{+slow+} brown [-fox-]{+cat+}");
  // An insertion starts with its word and takes the space after it.
  CHECK(marks("the dog", "the big dog") == "the {+big +}dog");
  CHECK(marks("1989 Free", "1989, 1991 Free") == "1989{+, 1991+} Free");
  CHECK(marks("equality, independence", "equality; independence") == "equality[-,-]{+;+} independence");
  CHECK(marks("", "") == "");
  CHECK(marks("", "new") == "{+new+}");
  CHECK(marks("old", "") == "[-old-]");
}

TEST_CASE("word diff: layout is no change unless asked, and the raw diff is available") {
  CHECK(marks("to share and\nchange it", "to share  and change it") == "to share and\nchange it");
  const auto edits = word_diff("to share and\nchange it", "to share  and change it");
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].kind == EditKind::kEqual);
  textx::WordDiffOptions exact;
  exact.ignore_layout = false;
  CHECK(marks("share and\nchange", "share and change", exact) == "share and[-\n-]{+ +}change");
  textx::WordDiffOptions raw;
  raw.semantic_cleanup = false;
  CHECK(marks("old text here", "new words here", raw) == "[-old-]{+new+} [-text-]{+words+} here");
}

TEST_CASE("word diff: paragraph breaks match only paragraph breaks") {
  const std::string a = "First part. Second part.";
  const std::string b = "First part.\n\nSecond part.";
  DiffBudget budget(1'000'000);
  const TextSpan b_break{11, 13};
  const auto edits = textx::diff_words(a, whole(a), b, whole(b), {}, budget, {}, std::span(&b_break, 1));
  CHECK(marks(a, b, edits) == "First part.[- -]{+\n\n+}Second part.");
}

TEST_CASE("word diff: random text, edits tile both passages at token boundaries") {
  textx::testing::RandomText random(99);
  for (int round = 0; round < 300; ++round) {
    const std::string a = random.prose(random.below(400));
    std::string b;
    // b: pieces of a cut at code-point boundaries, with new prose between them.
    for (std::size_t at = 0; at < a.size();) {
      std::size_t len = 1 + random.below(60);
      std::size_t end = std::min(a.size(), at + len);
      while (end < a.size() && (static_cast<unsigned char>(a[end]) & 0xC0) == 0x80) ++end;
      if (random.below(4) != 0) b += a.substr(at, end - at);
      if (random.below(3) == 0) b += random.prose(random.below(30));
      at = end;
    }
    textx::WordDiffOptions options;
    options.ignore_layout = round % 2 == 0;
    options.semantic_cleanup = round % 3 != 0;
    const auto edits = word_diff(a, b, options);
    std::set<std::uint32_t> a_bounds{0}, b_bounds{0};
    for (const auto& t : textx::diff_tokens(a, whole(a))) a_bounds.insert(t.end);
    for (const auto& t : textx::diff_tokens(b, whole(b))) b_bounds.insert(t.end);
    std::uint32_t at_a = 0, at_b = 0;
    for (const WordEdit& w : edits) {
      REQUIRE(w.a_start == at_a);
      REQUIRE(w.b_start == at_b);
      REQUIRE(a_bounds.count(w.a_end) == 1);
      REQUIRE(b_bounds.count(w.b_end) == 1);
      if (w.kind == EditKind::kEqual)
        REQUIRE(textx::same_text(std::string_view(a).substr(w.a_start, w.a_end - w.a_start),
                                 std::string_view(b).substr(w.b_start, w.b_end - w.b_start), options.ignore_layout));
      at_a = w.a_end;
      at_b = w.b_end;
    }
    REQUIRE(at_a == a.size());
    REQUIRE(at_b == b.size());
  }
}
