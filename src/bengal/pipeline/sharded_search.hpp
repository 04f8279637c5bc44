// search/ in the output folder: the sharded search index the default theme's search box reads
// (themes/default/static/assets/search.js), beside index.json which stays as it is.
//
//   search/manifest.json  version, page count, fragment size, the shard prefixes (hex of their
//                         UTF-8 bytes) and the stop words
//   search/t/<hex>.json   term shards (bengal/search/shards.hpp)
//   search/p/<k>.json     page fragments: pages k*kFragmentPages.. as [url, title, section,
//                         excerpt] arrays, pages numbered by their rank in site.rendered()
//
// Terms are spilled to disk while pages render (bengal/search/term_spill.hpp) and shards are
// built one bucket at a time, so memory stays bounded whatever the site's size; the output
// depends only on the pages, never on the render order, batch size or thread count.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bengal/output/writer.hpp"
#include "bengal/pipeline/kept_outputs.hpp"
#include "bengal/search/shards.hpp"
#include "bengal/search/term_spill.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

inline constexpr size_t kFragmentPages = 16;
inline constexpr size_t kExcerptBytes = 160;

// A page's terms and their weights, made in a render thread: a word of the title weighs 24, a
// word of a heading 6, each use in the body 1 (up to 8); sorted by term.
using PageTerms = std::vector<std::pair<std::string, uint16_t>>;
PageTerms page_terms(std::string_view title, std::string_view headings, std::string_view body);

class ShardedSearch {
 public:
  ShardedSearch(const site::Site& site, const output::OutputWriter& writer);
  // Called from one thread, in any page order.
  void add(PageId id, const PageTerms& terms);
  void add_term(PageId id, std::string_view term, uint16_t weight) {
    spill_.add(term, number_[id], weight);
  }
  // A posting of another build of the same site (a shard's, shard_parts.hpp): `page` is the
  // page's number, its rank in site.rendered().
  void add_posting(uint32_t page, std::string_view term, uint16_t weight) {
    spill_.add(term, page, weight);
  }
  // Writes the shards, the fragments and then the manifest; the spill is spent. With `kept`,
  // the shards of a bucket whose records are the last build's are kept instead.
  void write(output::OutputWriter& writer, KeptOutputs* kept = nullptr);
  // Calls `fn(posting)` for every posting, bucket by bucket, instead of writing; the spill is
  // spent.
  void for_each_posting(const std::function<void(const search::Posting&)>& fn);

 private:
  const site::Site& site_;
  search::ShardOptions options_;
  search::TermSpill spill_;
  std::vector<uint32_t> number_;  // page number by page id
};

// One page fragment's JSON: [[url,title,section,excerpt],...] for `pages`, in id order.
std::string fragment_json(const site::Site& site, std::span<const PageId> pages, ColdReader& cold);
// `text` cut to at most `bytes` bytes at a character boundary, "…" added when cut.
std::string excerpt(std::string_view text, size_t bytes);

}  // namespace bengal::pipeline
