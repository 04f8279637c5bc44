// Shortcodes of Hugo ({{< name … >}}, {{% name … %}}) and Zola ({{ name(…) }},
// {% name(…) %}), and Jekyll's content tags ({% highlight ruby %}, {% post_url … %}), left in a
// page's text by a site moved over: each shows as text, so the renderer warns where each opens,
// naming what to write instead (docs/content/guide/migrating.md has the table). Hugo's
// built-in shortcodes and a theme's note boxes run when alone on a line of a site's Markdown
// page (hugo_shortcodes.hpp): elsewhere the warning says so.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bengal::markdown {

struct ShortcodeUse {
  size_t offset = 0;    // of its first '{' in the text searched
  std::string message;  // the warning: what it is and what to write instead
};

// The shortcodes of `text` that open at an offset in [from, to), in order; a closing one
// ({{< /note >}}, {% end %}) is none. `text` is Markdown text outside code. `lines_run`: those
// of hugo_shortcodes.hpp run alone on a line of this text (a site's Markdown page).
// `site`: the site's own shortcodes (sorted), which run alone on their lines or within one
// line of text: the warning at one that did not run says so.
std::vector<ShortcodeUse> find_shortcodes(std::string_view text, size_t from, size_t to,
                                          bool lines_run = false,
                                          const std::vector<std::string>* site = nullptr);

}  // namespace bengal::markdown
