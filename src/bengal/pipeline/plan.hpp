// Phase 3, the plan: the order in which pages are rendered. Hub pages (top PageRank) come
// first, so the content store holds them before other pages ask for them; then the rest with
// pages of one section kept together so a batch touches little shared state. The order depends
// only on the index; the output does not depend on it.
#pragma once

#include <vector>

#include "bengal/site/site.hpp"

namespace bengal::pipeline {

// Splits the rendered pages into batches of at most `batch_size_pages`: `hubs` first in the
// order given, then the others by section folder, then page id.
std::vector<std::vector<PageId>> plan_batches(const site::Site& site, std::span<const PageId> hubs,
                                              size_t batch_size_pages);

}  // namespace bengal::pipeline
