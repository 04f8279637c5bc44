// [markdown] heading_ids: which rule makes automatic heading ids in a site build. Discovery
// (anchors for link checks) and the renderer (the ids written) must use the same one, so both
// read it here.
#pragma once

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::pipeline {

// "bengal" (the default) or "github"; any other value is an error in `diagnostics` (when
// given) naming the config line, and the default is used.
markdown::HeadingIdStyle heading_id_style(const config::SiteConfig& config,
                                          Diagnostics* diagnostics);

}  // namespace bengal::pipeline
