// The level-1 heading that gives a page its title (spec/bengal-sites.md section 2): a page
// without a front matter title takes its first `# Heading` as title, and a page whose body
// starts with an <h1> repeating its front matter title does not show it twice. Either way the
// heading's lines are taken out of the body, by discovery before its scan and by the
// renderer before rendering, so ids, the TOC, the summary and the HTML agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bengal::markdown {

struct TitleHeading {
  std::string text;          // plain text, trimmed, without a "{#id}" suffix; "" when none
  uint32_t first_line = 0;   // 1-based lines of the heading (a setext one's underline
  uint32_t last_line = 0;    // included); 0 when there is none
  bool first_block = false;  // nothing but blank lines comes before it
};

// The first level-1 heading (ATX or setext) at the top level of `markdown` with visible text:
// not in a list, quote or directive, not in code. With `first_block_only`, only a heading
// that is the first block is looked for (a page whose title is set already). Never fails.
TitleHeading find_title_heading(std::string_view markdown, bool first_block_only = false);

// `markdown` with lines first..last (1-based) emptied, their line ends kept so that every
// later line keeps its number.
std::string without_lines(std::string_view markdown, uint32_t first_line, uint32_t last_line);

}  // namespace bengal::markdown
