// The warnings of rendering a page body (unknown directives, unclosed directives, failed
// includes) as build diagnostics: positions moved from the body to the file, so the user
// sees the line of the page's own source. PageRenderer reports them once per page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/markdown/directive_host.hpp"

namespace bengal::pipeline {

// `body_line` is the file line where the body starts (content::PageMeta::body_line); a
// warning without a line keeps line 0, one without a column keeps column 0.
std::vector<Diagnostic> body_warnings(const std::string& file, uint32_t body_line,
                                      const std::vector<markdown::RenderWarning>& warnings);

}  // namespace bengal::pipeline
