// The block structure of MyST colon-fence directives (spec/bengal-sites.md section 4), found
// line by line before md4c sees the text: which lines open, configure and close a directive,
// and which are Markdown. Internal to the Markdown stage; the directive renderer and the body
// scan both read it, so they agree on what is directive syntax.
//
//   :::{note} Optional title        opener: 3+ colons, up to 3 spaces of indent
//   :class: wide                    options, right after the opener (":flag:" means true)
//   Body, which is **Markdown**.
//   :::                             closer: at least as many colons as the opener
//
// Nothing inside a fenced code block (``` or ~~~, CommonMark's length and indent rules) is
// directive syntax, and a line indented 4 or more spaces never is. A line that is one whole
// Hugo shortcode of those bengal runs (hugo_shortcodes.hpp) opens or closes the directive it
// stands for in the same way. The scan is one pass over
// the lines with a stack of open directives: linear in the text.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/directive_host.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"

namespace bengal::markdown {

// Deeper openers are left as text with a warning: the ASan build's stack is small, and no
// real page nests more than a handful.
inline constexpr int kMaxDirectiveDepth = 32;

struct DirectiveOption {
  std::string_view key;
  std::string_view value;  // "true" for a ":flag:" without a value
  uint32_t line = 0;
};

struct Directive {
  std::string_view name;   // as written: "note", "tab-item"
  std::string_view title;  // the rest of the opener line, trimmed
  std::vector<DirectiveOption> options;
  // The text between the options and the closer: what a raw directive renders itself, and
  // what a tab set's id is a hash of.
  std::string_view body;
  uint32_t line = 0;  // of the opener's first colon, 1-based
  uint32_t column = 0;
  uint32_t colons = 3;
  int parent = -1;  // index of the enclosing directive, -1 at the top
  bool raw = false;
  // The Hugo shortcode it was written as ("details"; hugo_shortcodes.hpp), "" for a colon
  // fence: its closer is "{{< /details >}}".
  std::string_view shortcode;

  // The value of option `key`, nullptr when it is not given.
  const DirectiveOption* option(std::string_view key) const;
};

// The text in order: Markdown runs between directive boundaries. A raw directive (see
// parse_directives) is one kOpen and one kClose with no piece in between.
struct DirectivePiece {
  enum Kind : uint8_t { kText, kOpen, kClose };
  Kind kind = kText;
  std::string_view text;  // kText: whole lines, with their line ends
  int directive = -1;     // kOpen, kClose
  uint32_t line = 0;      // 1-based line where the piece starts
};

struct ParsedDirectives {
  std::vector<Directive> directives;  // in opener order
  // Titles and option values made from Hugo shortcodes' arguments, which the directives view
  // (a deque: its strings never move).
  std::deque<std::string> owned;
  std::vector<DirectivePiece> pieces;
  std::vector<RenderWarning> warnings;  // unclosed, unmatched closer, too deep
  // A code fence still open where the text ends: the line that closes it, and the piece
  // before which it belongs (so a renderer can end the code block where the text ends, not
  // let it run into what follows); empty when every fence is closed.
  std::string fence_closer;
  size_t fence_closer_at = 0;
};

// Whether a directive named `name` keeps its body as text (code-tabs, list-table, ...): inside
// it only its own closer counts, so its body is never split into pieces.
using RawBodyTest = bool (*)(std::string_view name);

// `site`: the site's own shortcodes (hugo_shortcodes.hpp), whose calls alone on a line are
// directives too.
ParsedDirectives parse_directives(std::string_view text, RawBodyTest is_raw,
                                  const SiteShortcodes* site = nullptr);

// True when `text` has a line that could open a directive (or a Hugo shortcode that stands for
// one): the cheap test that lets pages without directives skip all of this.
bool may_contain_directives(std::string_view text);

// "<!--bengal-NAME" + k 'x' + "-" with the smallest k for which "bengal-NAME" + k 'x' + "-"
// does not occur in `text`: the start of marker comments the text cannot forge. One pass over
// the text, however many near-misses it holds.
std::string unique_marker_prefix(std::string_view text, std::string_view name);

}  // namespace bengal::markdown
