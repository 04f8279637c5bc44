// Site-wide outputs an incremental build may keep (DESIGN.md "Incremental builds"): a group of
// files (the shards of one search bucket, ...) made only from inputs that one digest sums up.
// When the last build made the group from inputs of the same digest and its files are as it
// left them, the files are kept and nothing is made; otherwise the group is made as in a cold
// build and recorded for the next one. Incremental (incremental.hpp) implements it; without a
// cache there is none and every group is made.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bengal/core/ids.hpp"

namespace bengal::pipeline {

class KeptOutputs {
 public:
  virtual ~KeptOutputs() = default;
  // The files (output-relative) of group `key` when the last build made them from inputs of
  // digest `inputs` and they are intact; they are then kept for this build. Thread-safe.
  virtual std::optional<std::vector<std::string>> keep_group(const std::string& key,
                                                             uint64_t inputs) = 0;
  // The files this build wrote for group `key` from inputs of digest `inputs`. Thread-safe.
  virtual void record_group(const std::string& key, uint64_t inputs,
                            const std::vector<std::string>& rels) = 0;
  // The digest of all that page `id` gives the lists that show it (its front matter, summary
  // and body), for a group's `inputs`.
  virtual uint64_t page_digest(PageId id) const = 0;
  // The digest of the page's head (title, URL, dates, order, description: what a sitemap and a
  // list of links show) and of its head with its summary (cache::PageDigests::shown).
  virtual uint64_t page_head_digest(PageId id) const = 0;
  virtual uint64_t page_shown_digest(PageId id) const = 0;

  // Records a group keeps besides its files (a search bucket's postings, sharded_search.hpp):
  // the last build's digest and bytes of record `key`, if it stored one, and this build's.
  // Not thread-safe.
  virtual std::optional<std::pair<uint64_t, std::string>> stored(const std::string& key) = 0;
  virtual void store(const std::string& key, uint64_t digest, std::string bytes) = 0;
  // Calls `fn(page, terms)` with the search terms of each of `pages` (in that order) as the
  // cache holds them: this build's for a page it rendered, the last build's for one it kept
  // (encoded as SearchParts::kept_terms). False, having stopped, when a page has none.
  virtual bool for_each_page_terms(std::span<const PageId> pages,
                                   const std::function<void(PageId, std::string_view)>& fn) = 0;
};

// The files of group `key`: the last build's, kept, when it made them from inputs of digest
// `inputs`; else the ones `make` writes (it returns their paths), recorded for the next build.
// Without `kept` (no cache) they are always made, and `inputs` is not read.
inline std::vector<std::string> keep_or_make(
    KeptOutputs* kept, const std::string& key, uint64_t inputs,
    const std::function<std::vector<std::string>()>& make) {
  if (kept != nullptr) {
    if (std::optional<std::vector<std::string>> rels = kept->keep_group(key, inputs))
      return std::move(*rels);
  }
  std::vector<std::string> rels = make();
  if (kept != nullptr) kept->record_group(key, inputs, rels);
  return rels;
}

}  // namespace bengal::pipeline
