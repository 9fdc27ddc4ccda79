#include "core/diff/collate.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/diff/document_diff.hpp"
#include "core/diff/word_diff.hpp"
#include "core/text/fold.hpp"

namespace textx {
namespace {

// A witness's tokens: spans (a word or mark with the whitespace after it) and matching ids.
struct WitnessTokens {
  std::vector<TextSpan> spans;
  std::vector<std::uint32_t> keys;
  std::vector<std::uint8_t> weights;  // 2 for a word, 1 otherwise
};

class KeyIds {
 public:
  std::uint32_t id(std::string key) {
    return ids_.try_emplace(std::move(key), static_cast<std::uint32_t>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

WitnessTokens tokens_of(std::string_view text, KeyIds& keys) {
  WitnessTokens out;
  for (const DiffToken& t : diff_tokens(text, {0, static_cast<std::uint32_t>(text.size())})) {
    if (t.token_class == TokenClass::kSpace && !out.spans.empty()) {
      out.spans.back().end = t.end;  // whitespace goes with the token before it
      continue;
    }
    const std::string_view segment = text.substr(t.start, t.end - t.start);
    out.spans.push_back({t.start, t.end});
    out.keys.push_back(keys.id(t.token_class == TokenClass::kWord    ? key_of(segment)
                               : t.token_class == TokenClass::kSpace ? std::string(" ")
                                                                     : std::string(segment)));
    out.weights.push_back(t.token_class == TokenClass::kWord ? 2 : 1);
  }
  return out;
}

struct Node {
  std::uint32_t key = 0;
  std::uint8_t weight = 1;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> members;  // (witness, token)
};

}  // namespace

Result<AlignmentTable> align_witnesses(std::span<const std::string_view> witnesses) {
  if (witnesses.size() < 2 || witnesses.size() > kMaxWitnesses)
    return Error{"collate.witnesses", "An alignment needs between 2 and " + std::to_string(kMaxWitnesses) +
                                          " versions of the passage; " + std::to_string(witnesses.size()) +
                                          " were given."};
  KeyIds keys;
  std::vector<WitnessTokens> tokens;
  for (const std::string_view text : witnesses) tokens.push_back(tokens_of(text, keys));

  std::vector<Node> nodes;
  std::vector<std::uint32_t> order;  // node ids, in an order every witness's path follows
  for (std::uint32_t t = 0; t < tokens[0].spans.size(); ++t) {
    order.push_back(static_cast<std::uint32_t>(nodes.size()));
    nodes.push_back({tokens[0].keys[t], tokens[0].weights[t], {{0, t}}});
  }

  enum : std::uint8_t { kMatch, kSkipNode, kNewToken };
  std::vector<std::uint8_t> step;
  std::vector<std::uint32_t> above, here;
  for (std::uint32_t w = 1; w < witnesses.size(); ++w) {
    const WitnessTokens& wt = tokens[w];
    const std::size_t n = order.size(), m = wt.spans.size();
    if ((n + 1) * (m + 1) > kMaxCollateCells)
      return Error{"collate.too_long", "The passages are too long to align word by word (" + std::to_string(n) +
                                           " by " + std::to_string(m) + " words); choose a shorter paragraph."};
    // Most weight of matched tokens aligning the first p nodes with the first t tokens.
    step.assign((n + 1) * (m + 1), kNewToken);
    above.assign(m + 1, 0);
    here.assign(m + 1, 0);
    for (std::size_t p = 1; p <= n; ++p) {
      const Node& node = nodes[order[p - 1]];
      here[0] = 0;
      step[p * (m + 1)] = kSkipNode;
      for (std::size_t t = 1; t <= m; ++t) {
        std::uint32_t best = above[t];
        std::uint8_t how = kSkipNode;
        if (here[t - 1] > best) best = here[t - 1], how = kNewToken;
        if (node.key == wt.keys[t - 1] && above[t - 1] + node.weight >= best)
          best = above[t - 1] + node.weight, how = kMatch;
        here[t] = best;
        step[p * (m + 1) + t] = how;
      }
      std::swap(above, here);
    }
    // Walk back, then rebuild the order with the witness's tokens in it.
    std::vector<std::uint8_t> path;
    for (std::size_t p = n, t = m; p > 0 || t > 0;) {
      const std::uint8_t how = p == 0 ? std::uint8_t{kNewToken} : step[p * (m + 1) + t];
      path.push_back(how);
      if (how != kNewToken) --p;
      if (how != kSkipNode) --t;
    }
    std::vector<std::uint32_t> next_order;
    next_order.reserve(n + m);
    std::size_t p = 0;
    std::uint32_t t = 0;
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      if (*it == kNewToken) {
        next_order.push_back(static_cast<std::uint32_t>(nodes.size()));
        nodes.push_back({wt.keys[t], wt.weights[t], {{w, t}}});
        ++t;
        continue;
      }
      const std::uint32_t id = order[p++];
      if (*it == kMatch) nodes[id].members.emplace_back(w, t++);
      next_order.push_back(id);
    }
    order = std::move(next_order);
  }

  // Ranks: one more than the highest rank before the node on any witness's path.
  std::vector<std::vector<std::uint32_t>> node_of(witnesses.size());
  for (std::size_t w = 0; w < witnesses.size(); ++w) node_of[w].resize(tokens[w].spans.size());
  for (const std::uint32_t id : order)
    for (const auto& [w, t] : nodes[id].members) node_of[w][t] = id;
  std::vector<std::uint32_t> rank(nodes.size(), 0);
  std::uint32_t columns = 0;
  for (const std::uint32_t id : order) {
    std::uint32_t before = 0;
    for (const auto& [w, t] : nodes[id].members)
      if (t > 0) before = std::max(before, rank[node_of[w][t - 1]]);
    rank[id] = before + 1;
    columns = std::max(columns, rank[id]);
  }

  AlignmentTable table;
  table.columns = columns;
  table.cells.assign(witnesses.size() * columns, -1);
  for (const std::uint32_t id : order)
    for (const auto& [w, t] : nodes[id].members) table.cells[w * columns + rank[id] - 1] = static_cast<std::int32_t>(t);
  table.variant.assign(columns, false);
  for (std::size_t c = 0; c < columns; ++c) {
    std::int64_t key = -1;
    for (std::size_t w = 0; w < witnesses.size(); ++w) {
      const std::int32_t t = table.cell(w, c);
      if (t < 0) {
        table.variant[c] = true;
        continue;
      }
      const std::uint32_t k = tokens[w].keys[static_cast<std::size_t>(t)];
      if (key >= 0 && k != key) table.variant[c] = true;
      key = k;
    }
  }
  for (WitnessTokens& wt : tokens) table.tokens.push_back(std::move(wt.spans));
  return table;
}

Result<ParagraphCollation> collate_paragraph(const Corpus& corpus, DocId base, std::uint32_t paragraph,
                                             std::span<const DocId> others, const DiffOptions& options) {
  if (base >= corpus.document_count() || corpus.document(base).removed)
    return Error{"diff.document", "There is no document number " + std::to_string(base) + " to compare."};
  const Document& doc = corpus.document(base);
  if (paragraph >= doc.paragraphs.size())
    return Error{"collate.paragraph", doc.info.name + " has no paragraph " + std::to_string(paragraph + 1) + " (it has " +
                                          std::to_string(doc.paragraphs.size()) + ")."};
  ParagraphCollation out;
  out.witnesses.push_back({base, paragraph, 1, doc.paragraphs[paragraph]});
  std::vector<std::string_view> texts{std::string_view(doc.text).substr(
      doc.paragraphs[paragraph].start, doc.paragraphs[paragraph].end - doc.paragraphs[paragraph].start)};
  for (const DocId other : others) {
    Result<DocumentDiff> diff = diff_documents(corpus, base, other, options);
    if (!diff.ok()) return diff.error();
    ParagraphCollation::Witness witness{other, 0, 0, {}};
    for (const AlignedPair& pair : diff.value().pairs) {
      if (paragraph < pair.a.first || paragraph >= pair.a.first + pair.a.count) continue;
      witness.first = pair.b.first;
      witness.count = pair.b.count;
      witness.span = pair.b.span;
      break;
    }
    out.witnesses.push_back(witness);
    if (witness.count > 0) {
      const std::string_view text = corpus.document(other).text;
      texts.push_back(text.substr(witness.span.start, witness.span.end - witness.span.start));
    }
  }
  if (texts.size() < 2)
    return Error{"collate.witnesses", "No other document has a counterpart of paragraph " +
                                          std::to_string(paragraph + 1) + " of " + doc.info.name + "."};
  Result<AlignmentTable> table = align_witnesses(texts);
  if (!table.ok()) return table.error();
  out.table = std::move(table).value();
  return out;
}

}  // namespace textx
