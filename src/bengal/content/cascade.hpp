// `cascade` in a section's front matter: its keys apply to every page below the section
// that does not set them itself (nearer sections win over farther ones), as in Hugo.
#pragma once

#include "bengal/content/page_meta.hpp"

namespace bengal::content {

// Applies every section's cascade to its descendants. Cascaded `type`, `layout`, `template`,
// `description`, `tags` and `categories` fill those fields when a page leaves them empty;
// any other key becomes a page param unless the page has it. Runs once after discovery,
// on the table alone.
void apply_cascade(PageTable& table);

}  // namespace bengal::content
