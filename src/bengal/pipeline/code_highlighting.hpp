// The Markdown renderer's hook for fenced code in a site build: bengal::highlight with the
// site's [markdown] highlight and highlight_style settings. One Highlighter (and its cache)
// per build, shared by the render threads.
#pragma once

#include "bengal/config/config.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::pipeline {

// An empty function (no highlighting) when [markdown] highlight = false.
markdown::CodeHighlighter make_code_highlighter(const config::SiteConfig& config);

}  // namespace bengal::pipeline
