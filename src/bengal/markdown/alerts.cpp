#include "bengal/markdown/alerts.hpp"

#include <utility>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

std::optional<AlertMarker> alert_marker(std::string_view text, size_t offset) {
  if (offset + 3 >= text.size() || text[offset] != '[' || text[offset + 1] != '!')
    return std::nullopt;
  size_t name_end = text.find(']', offset + 2);
  if (name_end == std::string_view::npos || name_end - offset - 2 > 16) return std::nullopt;
  std::string_view kind =
      admonition_name(ascii_lowercase(text.substr(offset + 2, name_end - offset - 2)));
  if (kind.empty()) return std::nullopt;
  AlertMarker alert{kind};
  size_t at = name_end + 1;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) alert.sign = text[at++];
  // The marker is a word of its own: "[!NOTE]s" is text.
  if (at < text.size() && text.find_first_of(" \t\r\n", at) != at) return std::nullopt;
  alert.title = skip_blanks(text, at);
  return alert;
}

std::optional<AlertMarker> AlertSpotter::marker(bool normal, std::string_view text, size_t offset) {
  if (!std::exchange(candidate_, false) || !normal) return std::nullopt;
  return alert_marker(text, offset);
}

void append_alert_open(std::string& out, const AlertMarker& alert, std::string_view title_html) {
  std::string fallback;
  if (title_html.empty()) {
    fallback = html_escape(default_title(alert.kind));
    title_html = fallback;
  }
  if (alert.sign == 0) {
    append_admonition_open(out, alert.kind, "", title_html);
    return;
  }
  std::string classes = " admonition ";
  classes += alert.kind;
  append_dropdown_open(out, {.classes = classes,
                             .open = alert.sign == '+',
                             .icon_svg = icon_svg(alert.kind),
                             .title_html = title_html,
                             .description_html = ""});
}

void append_alert_close(std::string& out, const AlertMarker& alert) {
  if (alert.sign == 0) {
    append_admonition_close(out);
  } else {
    append_dropdown_close(out);
  }
}

}  // namespace bengal::markdown
