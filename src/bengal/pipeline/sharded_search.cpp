#include "bengal/pipeline/sharded_search.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <xxhash.h>

#include "bengal/core/json_text.hpp"
#include "bengal/pipeline/digests.hpp"
#include "bengal/search/tokenize.hpp"

namespace bengal::pipeline {
namespace {

constexpr uint16_t kTitleWeight = 24, kHeadingWeight = 6, kMaxBodyUses = 8;
constexpr std::string_view kShardFolder = "search/t/", kShardExtension = ".json";
// The cache's records of the index (KeptOutputs::stored): the page numbering's digest with
// every bucket's records digest, and each bucket's records.
constexpr const char* kStateKey = "search records";

std::string bucket_key(size_t b) {
  return fmt::format("search bucket {}", b);
}

std::string records_key(size_t b) {
  return fmt::format("search records {}", b);
}

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

void write_page_terms(ByteWriter& w, const PageTerms& terms) {
  w.varint(terms.size());
  for (const auto& [term, weight] : terms) {
    w.text(term);
    w.varint(weight);
  }
}

bool read_page_terms(ByteReader& r, const std::function<void(std::string_view, uint16_t)>& fn) {
  size_t n = r.count(2);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    std::string_view term = r.text();
    uint64_t weight = r.varint();
    if (weight > UINT16_MAX) r.reject();  // never written: the record is damaged
    if (r.ok()) fn(term, static_cast<uint16_t>(weight));
  }
  return r.ok();
}

void for_each_kept_term(std::string_view encoded,
                        const std::function<void(std::string_view, uint16_t)>& fn) {
  ByteReader r(encoded);
  read_page_terms(r, fn);
}

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
      number_(site.table.pages.size(), kNotSearched) {
  uint32_t n = 0;
  for (PageId id : site.searched()) number_[id] = n++;
}

void ShardedSearch::add(PageId id, const PageTerms& terms) {
  for (const auto& [term, weight] : terms) add_term(id, term, weight);
}

void ShardedSearch::for_each_posting(const std::function<void(const search::Posting&)>& fn) {
  for (size_t b = 0; b < search::TermSpill::kBuckets; ++b)
    for (const search::Posting& p : spill_.read_bucket(b)) fn(p);
}

uint64_t ShardedSearch::fragment_inputs(std::span<const PageId> pages,
                                        const KeptOutputs& kept) const {
  Hasher h;
  h.num(kFragmentPages).num(kExcerptBytes).num(site_.searched().size()).num(pages.size());
  for (PageId id : pages) {
    PageId section = site_.page(id).section;
    h.num(id).num(kept.page_shown_digest(id));
    h.num(section).num(section == kNoPage ? 0 : kept.page_head_digest(section));
  }
  return h.digest();
}

void ShardedSearch::write_fragments(output::OutputWriter& writer, KeptOutputs* kept) {
  std::span<const PageId> pages = site_.searched();
  ColdReader cold(site_.table.strings);
  size_t fragments = (pages.size() + kFragmentPages - 1) / kFragmentPages;
  for (size_t first = 0; first < fragments; first += kFragmentsPerGroup) {
    size_t last = std::min(fragments, first + kFragmentsPerGroup);
    size_t from = first * kFragmentPages;
    std::span<const PageId> group =
        pages.subspan(from, std::min(pages.size(), last * kFragmentPages) - from);
    uint64_t inputs = kept != nullptr ? fragment_inputs(group, *kept) : 0;
    keep_or_make(kept, fmt::format("search fragments {}", first), inputs, [&] {
      std::vector<std::string> rels;
      for (size_t k = first; k < last; ++k) {
        size_t n = std::min(kFragmentPages, pages.size() - k * kFragmentPages);
        rels.push_back(fmt::format("search/p/{}.json", k));
        writer.write(rels.back(), fragment_json(site_, pages.subspan(k * kFragmentPages, n), cold));
      }
      return rels;
    });
  }
}

uint64_t ShardedSearch::bucket_inputs(uint64_t records_digest) const {
  std::string shaping = fmt::format("{} {} {} {}", options_.prefix_chars, options_.max_prefix_chars,
                                    options_.max_postings, options_.max_shard_bytes);
  return XXH3_64bits_withSeed(shaping.data(), shaping.size(), records_digest);
}

uint64_t ShardedSearch::numbering_digest() const {
  std::span<const PageId> pages = site_.searched();
  return XXH3_64bits_withSeed(pages.data(), pages.size_bytes(),
                              bucket_inputs(search::TermSpill::kBuckets));
}

bool ShardedSearch::patch(KeptOutputs& kept) {
  std::optional<std::pair<uint64_t, std::string>> state = kept.stored(kStateKey);
  if (!state || state->first != numbering_digest()) return false;
  ByteReader r(state->second);
  std::vector<uint64_t> digests(search::TermSpill::kBuckets);
  for (uint64_t& d : digests) d = r.fixed64();
  if (!r.ok() || !r.at_end()) return false;
  last_digests_ = std::move(digests);
  removed_.assign(search::TermSpill::kBuckets, 0);
  replaced_.assign(site_.searched().size(), 0);
  patching_ = true;
  return true;
}

void ShardedSearch::replace(PageId id, const std::optional<std::string>& last_terms,
                            const PageTerms& terms) {
  uint32_t page = number_[id];
  // Not searched now, and (the numbering being the last build's) not then either: it gave
  // nothing. Every other number is below replaced_.size(), the count of searched pages.
  if (page == kNotSearched) return;
  replaced_[page] = 1;
  if (!last_terms) {
    removed_known_ = false;
  } else {
    for_each_kept_term(*last_terms, [&](std::string_view term, uint16_t weight) {
      removed_[spill_.bucket_of(term)] += search::record_digest(term, page, weight);
    });
  }
  for (const auto& [term, weight] : terms) spill_.add(term, page, weight);
}

bool ShardedSearch::keep_bucket(size_t b, uint64_t digest, KeptOutputs& kept,
                                std::vector<std::string>& names) {
  std::optional<std::vector<std::string>> rels =
      kept.keep_group(bucket_key(b), bucket_inputs(digest));
  return rels && shard_names(*rels, names);
}

bool ShardedSearch::patched_records(size_t b, KeptOutputs& kept, std::string& out) {
  std::optional<std::pair<uint64_t, std::string>> row = kept.stored(records_key(b));
  if (!row || row->first != last_digests_[b]) return false;
  // The records must be those the digest sums up, each of a listed page and of this bucket:
  // a damaged or foreign cache is read from the pages' terms instead.
  uint64_t digest = 0;
  bool fits = true;
  out.clear();
  bool whole = search::for_each_record(
      row->second, [&](std::string_view term, uint32_t page, uint16_t weight) {
        digest += search::record_digest(term, page, weight);
        if (page >= replaced_.size() || spill_.bucket_of(term) != b) {
          fits = false;
        } else if (!replaced_[page]) {
          search::append_record(out, term, page, weight);
        }
      });
  if (!whole || !fits || digest != row->first) return false;
  out += spill_.bucket_records(b);
  return true;
}

void ShardedSearch::make_bucket(size_t b, std::string_view records, uint64_t digest,
                                output::OutputWriter& writer, KeptOutputs* kept,
                                std::vector<std::string>& names) {
  search::BestPostings best(options_.max_postings);
  search::for_each_record(records, [&](std::string_view term, uint32_t page, uint16_t weight) {
    best.add(term, page, weight);
  });
  write_shards(b, best.take(), digest, writer, kept, names);
}

void ShardedSearch::write_shards(size_t b, std::vector<search::Posting> best, uint64_t digest,
                                 output::OutputWriter& writer, KeptOutputs* kept,
                                 std::vector<std::string>& names) {
  std::vector<std::string> rels;
  for (const search::Shard& shard : search::build_shards(std::move(best), options_)) {
    names.push_back(search::hex_name(shard.prefix));
    rels.push_back(fmt::format("{}{}{}", kShardFolder, names.back(), kShardExtension));
    writer.write(rels.back(), shard.json);
  }
  if (kept != nullptr) kept->record_group(bucket_key(b), bucket_inputs(digest), rels);
}

uint64_t ShardedSearch::bucket_from_spill(size_t b, output::OutputWriter& writer, KeptOutputs* kept,
                                          std::vector<std::string>& names) {
  uint64_t digest = spill_.bucket_digest(b);
  if (kept == nullptr) {
    // No cache to keep the records in: the bucket is read one chunk at a time.
    write_shards(b, spill_.best_postings(b, options_.max_postings), digest, writer, nullptr, names);
  } else if (!keep_bucket(b, digest, *kept, names)) {
    // The cache holds the records of a bucket that is kept: its digest is theirs.
    std::string records = spill_.bucket_records(b);
    make_bucket(b, records, digest, writer, kept, names);
    kept->store(records_key(b), digest, std::move(records));
  }
  return digest;
}

std::optional<uint64_t> ShardedSearch::patch_bucket(size_t b, output::OutputWriter& writer,
                                                    KeptOutputs& kept,
                                                    std::vector<std::string>& names) {
  if (removed_known_) {
    uint64_t digest = last_digests_[b] - removed_[b] + spill_.bucket_digest(b);
    if (keep_bucket(b, digest, kept, names)) return digest;
  }
  std::string records;
  if (!patched_records(b, kept, records)) return std::nullopt;
  uint64_t digest = search::records_digest(records);
  // The stored records were checked against the last build's digest.
  bool stored = digest == last_digests_[b];
  settle_bucket(b, std::move(records), digest, stored, writer, kept, names);
  return digest;
}

void ShardedSearch::settle_bucket(size_t b, std::string records, uint64_t digest, bool stored,
                                  output::OutputWriter& writer, KeptOutputs& kept,
                                  std::vector<std::string>& names) {
  if (!keep_bucket(b, digest, kept, names)) make_bucket(b, records, digest, writer, &kept, names);
  if (!stored) kept.store(records_key(b), digest, std::move(records));
}

void ShardedSearch::reread_buckets(const std::vector<uint8_t>& wanted,
                                   std::vector<uint64_t>& digests, output::OutputWriter& writer,
                                   KeptOutputs& kept, std::vector<std::string>& names) {
  search::TermSpill again(writer.root(), options_.prefix_chars);
  bool whole = kept.for_each_page_terms(site_.searched(), [&](PageId id, std::string_view terms) {
    for_each_kept_term(terms, [&](std::string_view term, uint16_t weight) {
      if (wanted[again.bucket_of(term)]) again.add(term, number_[id], weight);
    });
  });
  // Every page's terms went into the cache when it rendered or was kept (Incremental::keep
  // checks), so only a cache changed under the build lacks some.
  if (!whole) {
    throw std::runtime_error(
        "the build cache lost the search terms of a page during the build; build again");
  }
  for (size_t b = 0; b < search::TermSpill::kBuckets; ++b) {
    if (!wanted[b]) continue;
    digests[b] = again.bucket_digest(b);
    settle_bucket(b, again.bucket_records(b), digests[b], false, writer, kept, names);
  }
}

void ShardedSearch::write(output::OutputWriter& writer, KeptOutputs* kept) {
  std::vector<std::string> names;
  std::vector<uint64_t> digests(search::TermSpill::kBuckets);
  std::vector<uint8_t> reread(search::TermSpill::kBuckets, 0);
  for (size_t b = 0; b < search::TermSpill::kBuckets; ++b) {
    if (!patching_) {
      digests[b] = bucket_from_spill(b, writer, kept, names);
    } else if (std::optional<uint64_t> digest = patch_bucket(b, writer, *kept, names)) {
      digests[b] = *digest;
    } else {
      reread[b] = 1;
    }
  }
  if (std::find(reread.begin(), reread.end(), 1) != reread.end())
    reread_buckets(reread, digests, writer, *kept, names);
  if (kept != nullptr) {
    ByteWriter state;
    for (uint64_t d : digests) state.fixed64(d);
    kept->store(kStateKey, numbering_digest(), state.take());
  }
  std::sort(names.begin(), names.end());
  write_fragments(writer, kept);
  std::span<const PageId> pages = site_.searched();
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
