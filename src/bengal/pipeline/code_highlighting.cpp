#include "bengal/pipeline/code_highlighting.hpp"

#include <memory>

#include "bengal/highlight/highlight.hpp"

namespace bengal::pipeline {

markdown::CodeHighlighter make_code_highlighter(const config::SiteConfig& config) {
  if (!config.markdown_highlight) return {};
  auto scheme = config.markdown_highlight_style == "pygments" ? highlight::ClassScheme::kPygments
                                                              : highlight::ClassScheme::kSemantic;
  auto highlighter = std::make_shared<const highlight::Highlighter>();
  return [highlighter, scheme](std::string_view info, std::string_view code, std::string& html) {
    return highlighter->highlight_fence(info, code, scheme, html);
  };
}

}  // namespace bengal::pipeline
