#include "bengal/core/html.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

std::string render_toc_html(const std::vector<TocEntry>& toc, int min_level, int max_level) {
  std::string out;
  // Levels are relative to the first kept heading's level; a deeper heading opens a nested
  // list inside the open item, a shallower one closes lists down to its level.
  std::vector<int> open;  // levels of the open <ul>s
  for (const auto& e : toc) {
    if (e.level < min_level || e.level > max_level) continue;
    if (open.empty()) {
      out += "<ul>\n";
      open.push_back(e.level);
    } else if (e.level > open.back()) {
      out += "\n<ul>\n";
      open.push_back(e.level);
    } else {
      out += "</li>\n";
      while (open.size() > 1 && e.level < open.back()) {
        open.pop_back();
        out += "</ul>\n</li>\n";
      }
    }
    out += "<li><a href=\"#";
    append_html_escaped(out, e.id);
    out += "\">";
    append_html_escaped(out, e.title);
    out += "</a>";
  }
  if (open.empty()) return out;
  out += "</li>\n";
  while (open.size() > 1) {
    open.pop_back();
    out += "</ul>\n</li>\n";
  }
  out += "</ul>\n";
  return out;
}

}  // namespace bengal::markdown
