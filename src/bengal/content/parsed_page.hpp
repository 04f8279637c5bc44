// One page file as discovery parses it on a worker thread, before the page joins the
// PageTable: its front matter, its body scan and its URL. It depends only on the file's bytes
// and a PageContext, never on the build's clock or its draft options, so a build cache can
// keep it (parsed_page_codec.hpp) and a later build decide again whether the page is shown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/content/front_matter.hpp"
#include "bengal/content/page_meta.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/title_heading.hpp"

namespace bengal::content {

// What a page's parse depends on besides its bytes.
struct PageContext {
  std::string_view rel;  // relative to the content dir, '/'-separated
  PageKind kind = PageKind::kPage;
  std::string_view display;         // how the file appears in messages: "content/a.md"
  markdown::ScanOptions scan = {};  // [markdown]'s options that the summary and ids follow
  // The [permalinks] pattern of the page's section (Permalinks::pattern_for); empty for none.
  std::string_view permalink = {};
};

struct ParsedPage {
  bool ok = false;  // false: unreadable or broken front matter; `diagnostics` say why
  FrontMatter fm;   // with the title taken from the first <h1> when it sets none
  markdown::BodyScan scan;
  size_t body_offset = 0;
  uint64_t source_hash = 0;  // of the whole file; set whenever it was read
  uint32_t body_line = 1;
  markdown::TitleHeading title_heading;  // lines set only when the body is rendered without it
  std::string url;
  // Front matter errors and warnings: reported whether or not the page is published.
  std::vector<Diagnostic> diagnostics;
  // Errors about the slug and url of a page that parsed: reported only if it is published.
  std::vector<Diagnostic> url_diagnostics;
};

// Never throws; every problem becomes a diagnostic naming context.display.
ParsedPage parse_page(const PageContext& context, std::string_view file_text);

// A page whose file could not be read: not parsed, its error says what to do.
ParsedPage unreadable_page(std::string_view display, std::string_view read_error);

}  // namespace bengal::content
