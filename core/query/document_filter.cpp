#include "core/query/document_filter.hpp"

#include <algorithm>
#include <string>

namespace textx {

bool date_in_range(std::string_view date, const DocumentFilter& filter) {
  if (filter.date_from.empty() && filter.date_to.empty()) return true;
  // A date that does not start with a year ("circa 1980", a manifest's free text) is no date: compared as
  // text it would land in ranges by accident ("c" sorts after every digit).
  if (date.size() < 4 || !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (!filter.date_from.empty() && date.substr(0, filter.date_from.size()) < filter.date_from) return false;
  if (!filter.date_to.empty() && date.substr(0, filter.date_to.size()) > filter.date_to) return false;
  return true;
}

bool name_matches(std::string_view glob, std::string_view name) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  std::size_t g = 0, n = 0, star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (g < glob.size() && (glob[g] == '?' || lower(glob[g]) == lower(name[n]))) {
      ++g;
      ++n;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      resume = n;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

std::vector<bool> allowed_documents(const Corpus& corpus, const DocumentFilter& filter) {
  std::vector<bool> allowed(corpus.document_count(), false);
  for (DocId id = 0; id < corpus.document_count(); ++id) {
    const Document& doc = corpus.document(id);
    if (doc.removed || !date_in_range(doc.info.date, filter)) continue;
    allowed[id] = filter.names.empty() ||
                  std::any_of(filter.names.begin(), filter.names.end(),
                              [&](const std::string& glob) { return name_matches(glob, doc.info.name); });
  }
  return allowed;
}

}  // namespace textx
