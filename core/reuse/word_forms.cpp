#include "core/reuse/word_forms.hpp"

#include <array>

namespace textx {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Removes `suffix` when what remains is long enough; returns whether it did.
bool strip(std::string& s, std::string_view suffix) {
  if (!ends_with(s, suffix) || s.size() < suffix.size() + kMinStemBytes) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

// Longest first within each family, so "-ations" goes before "-ation" and "-s".
constexpr std::array<std::string_view, 21> kEndings = {
    "ations", "ation", "ities", "ity", "ments", "ment", "ences", "ence", "ances", "ance", "ents",
    "ent",    "ants",  "ant",   "ings", "ing",  "ies",  "ied",  "ed",   "es",   "s",
};

}  // namespace

std::string word_form(std::string_view key) {
  std::string s(key);
  if (!strip(s, "'s")) strip(s, "\u2019s");
  strip(s, "ly");
  for (std::string_view ending : kEndings) {
    if (!ends_with(s, ending)) continue;
    if (ending == "s" && s.size() >= 2) {
      const char before = s[s.size() - 2];
      if (before == 's' || before == 'u' || before == 'i') break;
    }
    if (ending == "ies" || ending == "ied") {
      if (s.size() >= 3 + kMinStemBytes - 1) {  // policies -> polici
        s.resize(s.size() - 2);
        s.back() = 'i';
      }
      break;
    }
    if (strip(s, ending)) break;
  }
  if (s.size() > kMinStemBytes && s.back() == 'e') s.pop_back();
  if (s.size() >= kMinStemBytes && s.back() == 'y') s.back() = 'i';
  return s;
}

}  // namespace textx
