// What the Markdown tests share: the HTML a text renders to, and the options site pages use.
#pragma once

#include <string>
#include <string_view>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

// Directives and roles on, as every site page renders.
inline Options directive_options() {
  Options o;
  o.directives = true;
  return o;
}

// The HTML render_html writes for `md`.
inline std::string html_of(std::string_view md, const Options& o = {}) {
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

}  // namespace bengal::markdown
