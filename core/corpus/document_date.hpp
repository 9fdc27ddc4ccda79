#pragma once
// Dates read from document names, so that a folder of files named like "1980-10-decree.txt" or
// "1790_george_washington.txt" can be plotted over time without a manifest.
#include <string>
#include <string_view>

namespace textx {

// The date a file name starts with, as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when it starts with none.
// Folders in `name` are ignored. Recognised: a year 1000–2999, optionally followed by a month 01–12 and
// a day 01–31, the parts separated by '-', '_' or '.' ("1980-10-05", "1980_10", "1790_george") or run
// together as eight digits ("19801005"); the date must not be followed by another digit ("123456.txt" has
// no date).
std::string date_from_name(std::string_view name);

}  // namespace textx
