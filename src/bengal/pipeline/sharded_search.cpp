#include "bengal/pipeline/sharded_search.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <xxhash.h>

#include "bengal/core/json_text.hpp"
#include "bengal/search/tokenize.hpp"

namespace bengal::pipeline {
namespace {

constexpr uint16_t kTitleWeight = 24, kHeadingWeight = 6, kMaxBodyUses = 8;
constexpr std::string_view kShardFolder = "search/t/", kShardExtension = ".json";

// The shard names of kept files ("search/t/<name>.json") onto `names`; false, adding none,
// when one is not a shard's file (a cache that was tampered with: the bucket is made again).
bool shard_names(const std::vector<std::string>& rels, std::vector<std::string>& names) {
  for (const auto& rel : rels)
    if (!rel.starts_with(kShardFolder) || !rel.ends_with(kShardExtension)) return false;
  for (const auto& rel : rels) {
    names.push_back(
        rel.substr(kShardFolder.size(), rel.size() - kShardFolder.size() - kShardExtension.size()));
  }
  return true;
}

}  // namespace

PageTerms page_terms(std::string_view title, std::string_view headings, std::string_view body) {
  struct Uses {
    bool title = false, heading = false;
    uint16_t body = 0;
  };
  std::map<std::string, Uses, std::less<>> uses;
  auto at = [&](std::string_view term) -> Uses& {
    auto it = uses.find(term);
    if (it == uses.end()) it = uses.emplace(std::string(term), Uses{}).first;
    return it->second;
  };
  search::for_each_term(title, [&](std::string_view t) { at(t).title = true; });
  search::for_each_term(headings, [&](std::string_view t) { at(t).heading = true; });
  search::for_each_term(body, [&](std::string_view t) {
    Uses& u = at(t);
    if (u.body < kMaxBodyUses) ++u.body;
  });
  PageTerms out;
  out.reserve(uses.size());
  for (auto& [term, u] : uses) {
    uint16_t w = static_cast<uint16_t>((u.title ? kTitleWeight : 0) +
                                       (u.heading ? kHeadingWeight : 0) + u.body);
    out.emplace_back(term, w);
  }
  return out;
}

std::string excerpt(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  // End at a word when one ends in the last quarter, so no word is cut in half.
  size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > bytes * 3 / 4) cut = space;
  std::string out(text.substr(0, cut));
  out += "…";
  return out;
}

std::string fragment_json(const site::Site& site, std::span<const PageId> pages, ColdReader& cold) {
  std::string json = "[";
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& m = site.page(pages[i]);
    json += i == 0 ? "\n[" : ",\n[";
    append_json_string(json, site.rel_url(pages[i]));
    json += ',';
    append_json_string(json, site.str(m.title));
    json += ',';
    append_json_string(
        json, m.section == kNoPage ? std::string_view() : site.str(site.page(m.section).title));
    json += ',';
    append_json_string(json, excerpt(site.description_or_summary(pages[i], cold), kExcerptBytes));
    json += ']';
  }
  json += "\n]\n";
  return json;
}

ShardedSearch::ShardedSearch(const site::Site& site, const output::OutputWriter& writer)
    : site_(site),
      options_{.max_postings = site.features.search_max_postings},
      spill_(writer.root(), options_.prefix_chars),
      number_(site.table.pages.size(), UINT32_MAX) {
  uint32_t n = 0;
  for (PageId id : site.rendered()) number_[id] = n++;
}

void ShardedSearch::add(PageId id, const PageTerms& terms) {
  for (const auto& [term, weight] : terms) spill_.add(term, number_[id], weight);
}

void ShardedSearch::for_each_posting(const std::function<void(const search::Posting&)>& fn) {
  for (size_t b = 0; b < search::TermSpill::kBuckets; ++b)
    for (const search::Posting& p : spill_.read_bucket(b)) fn(p);
}

void ShardedSearch::write(output::OutputWriter& writer, KeptOutputs* kept) {
  std::vector<std::string> names;
  // What a bucket's shards are made of besides its records.
  std::string shaping = fmt::format("{} {} {} {}", options_.prefix_chars, options_.max_prefix_chars,
                                    options_.max_postings, options_.max_shard_bytes);
  for (size_t b = 0; b < search::TermSpill::kBuckets; ++b) {
    std::string key = fmt::format("search bucket {}", b);
    uint64_t inputs = XXH3_64bits_withSeed(shaping.data(), shaping.size(), spill_.bucket_digest(b));
    if (kept != nullptr) {
      if (auto rels = kept->keep_group(key, inputs); rels && shard_names(*rels, names)) continue;
    }
    std::vector<std::string> rels;
    for (const search::Shard& shard :
         search::build_shards(spill_.best_postings(b, options_.max_postings), options_)) {
      names.push_back(search::hex_name(shard.prefix));
      rels.push_back(fmt::format("{}{}{}", kShardFolder, names.back(), kShardExtension));
      writer.write(rels.back(), shard.json);
    }
    if (kept != nullptr) kept->record_group(key, inputs, rels);
  }
  std::sort(names.begin(), names.end());
  std::span<const PageId> pages = site_.rendered();
  ColdReader cold(site_.table.strings);
  for (size_t k = 0; k * kFragmentPages < pages.size(); ++k) {
    size_t n = std::min(kFragmentPages, pages.size() - k * kFragmentPages);
    writer.write(fmt::format("search/p/{}.json", k),
                 fragment_json(site_, pages.subspan(k * kFragmentPages, n), cold));
  }
  std::string json = fmt::format(
      "{{\"version\":1,\"pages\":{},\"fragment_pages\":{},\"prefix_chars\":{},\n\"stop\":[",
      pages.size(), kFragmentPages, options_.prefix_chars);
  bool first = true;
  for (std::string_view w : search::stop_words()) {
    if (!first) json += ',';
    first = false;
    append_json_string(json, w);
  }
  json += "],\n\"shards\":[";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) json += ',';
    json += '"';
    json += names[i];
    json += '"';
  }
  json += "]}\n";
  writer.write("search/manifest.json", json);
}

}  // namespace bengal::pipeline
