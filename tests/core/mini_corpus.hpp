#pragma once
// The mini corpus every core test shares: paragraphs from the two seed documents (curly quotes, en dash,
// no-break space, an accented name) and a few hostile lines.
#include <string>
#include <vector>

#include "core/corpus/corpus.hpp"

namespace textx::testing {

struct MiniDocument {
  const char* name;
  std::string text;
};

inline const std::vector<MiniDocument>& mini_documents() {
  static const std::vector<MiniDocument> docs = {
      {"1980-decree.txt",
       "The closing decree of the KWP Central Committee\u2019s 6th Congress\n"
       "(Point number 4 \u2013 foreign policy)\n\n"
       "On the international stage, our party fought against imperialism dedicatedly, supported the national\n"
       "liberation battle, and stood up against all kinds of dominationist forces, thus sheltering the\n"
       "independence of nations around the world.\n\n"
       "The peculiarity of the international situation is that the anti-imperialist, revolutionary fight for\n"
       "independence is intensifying.\n\n"
       "translated by Imre M\u00e1jer\n"},
      {"2023-article.txt",
       "Independence the basis of international relations\n\n"
       "To maintain independence is essential for establishing fair international relations.\n\n"
       "There can be neither high and low country nor ruling and governed nation.\u00a0 All the countries and "
       "nations are equal.\n\n"
       "on the principle of mutual respect for sovereignty, non-interference, equality and mutual benefits.\n"},
      {"hostile.txt",
       "<script>alert('independence')</script>\r\n"
       "INDEPENDENCE\rindependence\u2019s U.S. 1,000 3.5 \U0001F600 independence\xF0\x9F\x98\x80\n"
       "\xC3\x28 bad byte then independence\n"},
  };
  return docs;
}

// A corpus holding the mini documents, in order.
inline Corpus mini_corpus() {
  Corpus corpus;
  for (const MiniDocument& doc : mini_documents()) corpus.add_document({.name = doc.name}, doc.text);
  return corpus;
}

}  // namespace textx::testing
