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

namespace bengal::pipeline {

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
