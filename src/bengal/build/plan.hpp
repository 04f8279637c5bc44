// Phase 3, the plan: the order in which pages are rendered. Pages of one section are kept
// together so a batch touches little shared state; the order depends only on the index.
#pragma once

#include <vector>

#include "bengal/site/site.hpp"

namespace bengal::build {

// Splits the rendered pages into batches of at most `batch_size_pages`, ordered by section
// folder, then page id.
std::vector<std::vector<site::PageId>> plan_batches(const site::Site& site,
                                                    size_t batch_size_pages);

}  // namespace bengal::build
