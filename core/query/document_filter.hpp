#pragma once
// Which documents a DocumentFilter (query_ast.hpp) lets through: queries use it for doc: and date:, and the
// statistics use it to name a sub-corpus (keyness, trend).
#include <string_view>
#include <vector>

#include "core/corpus/corpus.hpp"
#include "core/query/query_ast.hpp"

namespace textx {

// Per document id: whether the document is live and passes `filter` (any name glob; date in range).
// Documents without a date fail any date range.
std::vector<bool> allowed_documents(const Corpus& corpus, const DocumentFilter& filter);

// Glob over a document name: '*' any run, '?' one byte, ASCII letters compared without case.
bool name_matches(std::string_view glob, std::string_view name);

// Whether `date` ("1980", "1980-10", "1980-10-05") lies in the filter's range, comparing at the precision
// of each bound: from "1980" admits "1980-01-01", to "1990" admits "1990-12-31". A date that does not start
// with four digits is in no range.
bool date_in_range(std::string_view date, const DocumentFilter& filter);

}  // namespace textx
