// Fuzz target: the token regular-expression compiler and matcher (core/query/token_regex.hpp), which
// compiles whatever a reader types between slashes and must stay linear whatever the pattern. The input is
// the pattern, optionally followed by a NUL, one option byte (bit 0 case-sensitive, bit 1
// diacritic-sensitive) and tokens separated by NULs. Each token is matched as typed and as its key, by the
// compiled pattern and by a copy (which starts with an empty DFA cache, so the cache must not change an
// answer), and by the pattern read as a wildcard.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/query/token_regex.hpp"
#include "core/text/fold.hpp"
#include "core/text/utf8.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

void check_matches(const textx::TokenRegex& regex, const std::vector<std::string>& tokens) {
  const textx::TokenRegex fresh = regex;
  for (const std::string& token : tokens) {
    const bool matched = regex.matches(token);
    FUZZ_CHECK(fresh.matches(token) == matched);
    FUZZ_CHECK(!matched || token.starts_with(regex.required_prefix()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string pattern = textx::repair_utf8(input.substr(0, nul)).text;
  textx::MatchOptions match;
  std::vector<std::string> tokens;
  if (nul != std::string_view::npos && nul + 1 < input.size()) {
    const auto options = static_cast<unsigned char>(input[nul + 1]);
    match = {.case_sensitive = (options & 1) != 0, .diacritic_sensitive = (options & 2) != 0};
    std::string_view rest = input.substr(nul + 2);
    while (true) {
      const std::size_t end = rest.find('\0');
      std::string token = textx::repair_utf8(rest.substr(0, end)).text;
      tokens.push_back(textx::key_of(token, match));
      tokens.push_back(std::move(token));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  // Tokens the pattern's own text suggests: itself, its key, and a long run of its first character.
  tokens.push_back(pattern);
  tokens.push_back(textx::key_of(pattern, match));
  if (!pattern.empty()) tokens.push_back(std::string(300, pattern[0] & 0x7F));

  const auto regex = textx::TokenRegex::compile(pattern, match);
  if (regex.ok()) {
    check_matches(regex.value(), tokens);
  } else {
    const std::string& code = regex.error().code;
    FUZZ_CHECK(code == "query.regex" || code == "query.too_complex");
  }
  const auto wildcard = textx::TokenRegex::from_wildcard(pattern, match);
  if (wildcard.ok()) check_matches(wildcard.value(), tokens);
  else FUZZ_CHECK(wildcard.error().code == "query.too_complex");
  return 0;
}
