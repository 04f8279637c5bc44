// GitHub's alerts: a block quote whose first line is "[!NOTE]" (or TIP, IMPORTANT, WARNING,
// CAUTION, any case) is a note box, as github.com, Hugo and Zola's github_alerts show it. As in
// Hugo and Obsidian, text after the marker is the box's title, and a sign makes it foldable:
// "[!TIP]-" folded, "[!TIP]+" open. bengal's other admonition names (danger, error, example,
// info, seealso, success) work too. The box is the markup the `:::{note}` directive writes (a
// dropdown of that kind when foldable), so themes style both alike; a quote with another
// marker stays a quote.
#pragma once

#include <md4c.h>

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

// Where an alert's marker and title stand among md4c's callbacks, for the two walks that must
// agree on them (the renderer, the body scan): each forwards its callbacks here.
class AlertSpotter {
 public:
  explicit AlertSpotter(bool on) : on_(on) {}

  void enter_block(MD_BLOCKTYPE type) {
    bool quote_first = quote_opened_;
    quote_opened_ = on_ && type == MD_BLOCK_QUOTE;
    candidate_ = quote_first && type == MD_BLOCK_P;
  }
  void leave_block() { candidate_ = false; }
  void enter_span() {
    candidate_ = false;
    ++span_depth_;
  }
  void leave_span() { --span_depth_; }

  // The marker that a run starting at `offset` of `text` opens, when the run is the first of a
  // block quote's first paragraph (`normal`: an MD_TEXT_NORMAL run inside the text).
  std::optional<AlertMarker> marker(bool normal, std::string_view text, size_t offset);
  // The title ends with its line, unless a span of it goes on (its markup stays whole).
  bool ends_title(MD_TEXTTYPE type) const {
    return span_depth_ == 0 && (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR);
  }

 private:
  bool on_;
  bool quote_opened_ = false;  // the last block entered is a block quote
  bool candidate_ = false;     // in a quote's first paragraph, before its first run
  int span_depth_ = 0;
};

// The box's markup up to its body, with `title_html` (inline HTML) or the kind's own title
// ("Note") when it is empty; and the markup after the body.
void append_alert_open(std::string& out, const AlertMarker& alert, std::string_view title_html);
void append_alert_close(std::string& out, const AlertMarker& alert);

}  // namespace bengal::markdown
