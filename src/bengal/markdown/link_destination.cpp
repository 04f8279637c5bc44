#include "bengal/markdown/link_destination.hpp"

#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace bengal::markdown {

bool append_link_destination(std::string& out, std::string& dest, bool wiki,
                             const Options& options) {
  bool broken = false;
  if (options.resolve_link != nullptr) {
    if (auto rewritten = (*options.resolve_link)(dest, wiki)) {
      dest = std::move(rewritten->href);
      broken = rewritten->broken;
    }
  }
  // Safe mode writes an empty destination for a script or document URL, as cmark-gfm does.
  if (!options.unsafe_html && is_dangerous_url(dest)) return broken;
  append_url_escaped(out, dest);
  return broken;
}

}  // namespace bengal::markdown
