// The digests an incremental build compares with the last build's (cache/build_cache.hpp):
// what every page depends on (the build key), which pages exist (paths), how they are arranged
// (structure), PageRank, and one digest per page of everything the index knows of it.
// Recorded reads (core/read_set.hpp) name pages; these say whether a named page changed.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "bengal/cache/build_cache.hpp"
#include "bengal/graph/site_graph.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

struct XXH3_state_s;

namespace bengal::pipeline {

// Feeds values into one XXH3 digest; every variable-length item is length-prefixed so that
// ("ab", "c") and ("a", "bc") differ. The digests below are made with it, and so are those of
// the site-wide files a build may keep (site_outputs.cpp).
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  Hasher& num(uint64_t v);
  Hasher& text(std::string_view s);
  Hasher& real(double d);
  Hasher& ids(std::span<const PageId> list);
  Hasher& value(const bengal::Value& v);
  Hasher& date(bool has, const Date& d);
  uint64_t digest() const;

 private:
  // Small values gather here and go to XXH3 in blocks: a page's digest is dozens of 8-byte
  // values, and one XXH3 update a value was a fifth of the plan phase. The digest is of the
  // same bytes either way.
  void put(const void* bytes, size_t size);
  void flush() const;

  XXH3_state_s* state_;
  mutable unsigned char buffer_[256];
  mutable size_t buffered_ = 0;
};

struct BuildKeyInputs {
  std::string_view options;  // the build options that change output, as text
  const bengal::Value* translations = nullptr;
  std::span<const std::string> template_names;  // every template file the site and theme hold
};

cache::BuildKeys build_keys(const site::Site& site, const graph::SiteGraph& graph,
                            const std::vector<templates::VirtualPage>& generated,
                            const BuildKeyInputs& inputs);

// By page id: the page's entry (every field, list and param) and its related pages; and its
// head alone (what Site::head readers may read).
cache::PageDigests page_digests(const site::Site& site, const graph::SiteGraph& graph);

uint64_t digest_bytes(std::string_view bytes);

}  // namespace bengal::pipeline
