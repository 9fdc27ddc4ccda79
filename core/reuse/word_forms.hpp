#pragma once
// Word forms for loose matching: "independence" and "independent", "principle" and "principles",
// "policy" and "policies" are one word form, so a restatement that changes a word's ending still matches.
//
// This is a deliberately light English suffix stripper, not a full stemmer: it removes one possessive
// ("'s"), then "-ly", then the first of a short list of inflectional and derivational endings (-ations,
// -ation, -ities, -ity, -ments, -ment, -ences, -ence, -ances, -ance, -ents, -ent, -ants, -ant, -ings, -ing,
// -ies, -ied, -ed, -es, -s), keeping at least kMinStemBytes, then a final "e", and writes a final "y" as
// "i". It never strips "-s" after "s", "u" or "i" (class, status, basis). Words in other languages pass
// mostly unchanged; a wrong conflation only adds a loose match, which scores less than an exact one.
#include <cstddef>
#include <string>
#include <string_view>

namespace textx {

inline constexpr std::size_t kMinStemBytes = 4;

// The word form of matching key `key` (see key_of); the key itself when no rule applies.
std::string word_form(std::string_view key);

}  // namespace textx
