// GitHub's alerts: a block quote whose first line is "[!NOTE]" (or TIP, IMPORTANT, WARNING,
// CAUTION, any case) is a note box, as github.com, Hugo and Zola's github_alerts show it. As in
// Hugo and Obsidian, text after the marker is the box's title, and a sign makes it foldable:
// "[!TIP]-" folded, "[!TIP]+" open. bengal's other admonition names (danger, error, example,
// info, seealso, success) work too. The box is the markup the `:::{note}` directive writes (a
// dropdown of that kind when foldable), so themes style both alike; a quote with another
// marker stays a quote.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bengal::markdown {

struct AlertMarker {
  std::string_view kind;  // the admonition's name, lowercase: "note", "tip"...
  char sign = 0;          // '-' folded, '+' foldable and open, 0 not foldable
  size_t title = 0;       // offset of the title after the marker and its blanks
};

// The marker starting at `offset` of `text`, the first text of a block quote's first
// paragraph; nullopt when there is none there.
std::optional<AlertMarker> alert_marker(std::string_view text, size_t offset);

// The box's markup up to its body, with `title_html` (inline HTML) or the kind's own title
// ("Note") when it is empty; and the markup after the body.
void append_alert_open(std::string& out, const AlertMarker& alert, std::string_view title_html);
void append_alert_close(std::string& out, const AlertMarker& alert);

}  // namespace bengal::markdown
