// One md4c pass of the HTML renderer, and the hook through which directives join it.
// Internal to the Markdown stage.
//
// A page with directives is rendered as ONE Markdown document: the directive renderer
// replaces each directive boundary with a marker line (an HTML comment, which CommonMark lets
// interrupt a paragraph and which ends lists and quotes), and the renderer hands each marker
// back to it to write the directive's markup. So heading ids stay unique across the page, the
// TOC lists headings inside directives in order, and link reference definitions resolve
// across directive boundaries, with no second parse.
#pragma once

#include <string>
#include <string_view>

#include "bengal/markdown/footnotes.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

class MarkerHandler {
 public:
  virtual ~MarkerHandler() = default;
  // Raw HTML lines starting with this are markers; it never occurs in the page's own text.
  virtual std::string_view marker_prefix() const = 0;
  // Appends the markup of `marker` (the whole comment) to out; `ids` are the page's heading
  // ids, for anchors that must not clash with them (steps). False, writing nothing, when the
  // comment is not a marker after all: it is then raw HTML like any other.
  virtual bool on_marker(std::string_view marker, std::string& out, HeadingIds& ids) = 0;
  // Attributes (HTML: ` class="x"`) the marker just handled gives the next block: a paragraph,
  // heading, quote, list or table gets them in its tag; empty for none.
  virtual std::string take_block_attributes() { return {}; }
};

// One md4c parse of `markdown` into `out`, without directive or footnote processing;
// `markers` and `notes` may be nullptr (references in text then stay text). Fenced ```mermaid
// becomes <div class="mermaid"> when options.directives is set. Says whether the last
// top-level block is a paragraph (where a footnote's back-link goes).
bool render_pass(std::string_view markdown, const Options& options, Rendered& out,
                 MarkerHandler* markers, Footnotes* notes = nullptr);

// render_pass with the page's footnotes: definitions are taken out of `markdown`, references
// numbered, and the footnote section appended. render_html is this plus directives.
void render_document(std::string_view markdown, const Options& options, Rendered& out,
                     MarkerHandler* markers);

}  // namespace bengal::markdown
