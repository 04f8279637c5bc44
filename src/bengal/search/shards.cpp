#include "bengal/search/shards.hpp"

#include <algorithm>
#include <span>

#include "bengal/core/json_text.hpp"
#include "bengal/search/tokenize.hpp"

namespace bengal::search {
namespace {

struct TermEntry {
  std::string_view term;
  std::string json;  // "term":[...]
};

// `"term":[p,w,d,w,...]` for one term's postings: the best max_postings by weight (ties to the
// lower page), then by page with deltas.
std::string term_json(std::span<Posting> postings, size_t max_postings) {
  auto by_weight = [](const Posting& a, const Posting& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.page < b.page;
  };
  size_t keep = std::min(postings.size(), max_postings);
  std::partial_sort(postings.begin(), postings.begin() + static_cast<std::ptrdiff_t>(keep),
                    postings.end(), by_weight);
  std::span<Posting> kept = postings.first(keep);
  std::sort(kept.begin(), kept.end(),
            [](const Posting& a, const Posting& b) { return a.page < b.page; });
  std::string json;
  append_json_string(json, postings.front().term);
  json += ":[";
  uint32_t last = 0;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) json += ',';
    json += std::to_string(kept[i].page - last);
    json += ',';
    json += std::to_string(kept[i].weight);
    last = kept[i].page;
  }
  json += ']';
  return json;
}

Shard make_shard(std::string_view prefix, std::span<const TermEntry> entries) {
  Shard s{std::string(prefix), "{"};
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) s.json += ',';
    s.json += entries[i].json;
  }
  s.json += "}\n";
  return s;
}

// Emits the shard of `entries` (terms sorted, all starting with `prefix` of `depth`
// characters), split further while it is too big.
void split(std::span<const TermEntry> entries, std::string_view prefix, size_t depth,
           const ShardOptions& options, std::vector<Shard>& out) {
  size_t bytes = 3;
  for (const auto& e : entries) bytes += e.json.size() + 1;
  if (bytes <= options.max_shard_bytes || depth >= options.max_prefix_chars) {
    out.push_back(make_shard(prefix, entries));
    return;
  }
  // Terms of exactly `depth` characters sort before their longer neighbours but may sit
  // between groups ("co" < "coa"), so take them out first.
  std::vector<TermEntry> own;
  std::vector<size_t> longer;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (char_count(entries[i].term) <= depth) {
      own.push_back({entries[i].term, entries[i].json});
    } else {
      longer.push_back(i);
    }
  }
  if (!own.empty()) out.push_back(make_shard(prefix, own));
  // Byte order keeps every longer prefix's terms together.
  for (size_t i = 0; i < longer.size();) {
    std::string_view p = term_prefix(entries[longer[i]].term, depth + 1);
    size_t j = i;
    while (j < longer.size() && term_prefix(entries[longer[j]].term, depth + 1) == p) ++j;
    split(entries.subspan(longer[i], longer[j - 1] - longer[i] + 1), p, depth + 1, options, out);
    i = j;
  }
}

}  // namespace

std::vector<Shard> build_shards(std::vector<Posting> postings, const ShardOptions& options) {
  std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) {
    return a.term != b.term ? a.term < b.term : a.page < b.page;
  });
  std::vector<TermEntry> entries;
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].term == postings[i].term) ++j;
    std::span<Posting> group(postings.data() + i, j - i);
    std::string json = term_json(group, std::max<size_t>(options.max_postings, 1));
    entries.push_back({postings[i].term, std::move(json)});
    i = j;
  }
  std::vector<Shard> out;
  for (size_t i = 0; i < entries.size();) {
    std::string_view p = term_prefix(entries[i].term, options.prefix_chars);
    size_t j = i;
    while (j < entries.size() && term_prefix(entries[j].term, options.prefix_chars) == p) ++j;
    split(std::span<const TermEntry>(entries).subspan(i, j - i), p, options.prefix_chars, options,
          out);
    i = j;
  }
  return out;
}

}  // namespace bengal::search
