// Front matter: the YAML (between --- lines) or TOML (between +++ lines) block at the top of
// a page, read by discovery for every page. Known fields are typed and checked; every other key
// becomes a page param.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/content/page_build.hpp"
#include "bengal/core/date.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/value.hpp"

namespace bengal::content {

// Known keys match case-insensitively ("Title" is the title); params keep the key as written.
struct FrontMatter {
  std::string title;       // numbers and booleans are taken as text: `title: 2024` is "2024"
  bool has_title = false;  // false also for an empty `title:`
  std::optional<Date> date, lastmod;  // a time without offset is UTC; never the machine's zone
  std::optional<Date> expirydate;     // Hugo's name: from then on the page is not published
  // Hugo's publishDate: the page is not published before it (a future `date` when it is not
  // set). Without a `date`, it is the page's date too.
  std::optional<Date> publishdate;
  bool draft = false;
  // Hugo's `headless` and `_build` (or `build`); `headless: true` fills what `_build` leaves
  // unset with headless_build(). On a section's page, `headless` hides the section's pages too.
  bool headless = false;
  PageBuild build;
  int64_t weight = 0;
  std::string slug, url, description, summary, type, layout;
  std::string template_name;  // the `template` key
  // Jekyll's `permalink` with placeholders ("/:year/:title/"), filled once the page's file and
  // date are known (permalinks.hpp); a permalink without them is `url`.
  std::string permalink_pattern;
  // A single value is a list of one: `tags: go` is the tag "go". Empty items are dropped.
  std::vector<std::string> aliases, tags, categories, keywords;
  Value params;  // every other key, in source order (a table, or null when there are none)
};

struct FrontMatterResult {
  FrontMatter fm;
  size_t body_offset = 0;  // where the Markdown body starts in the file text (after any BOM)
  uint32_t body_line = 1;  // the file line of body_offset
  std::vector<Diagnostic> diagnostics;
  // false: the page is broken and must be skipped: invalid UTF-8, unterminated or unparsable
  // front matter, or a `draft`, `headless` or build option that cannot be read (skipping is
  // the safe reading of it).
  bool ok = true;
};

// Never throws. Errors name `display_path` and the line and column in the file (of the value,
// for a wrong type). Any other known field with a wrong type, or an invalid date, is an error
// too, but the page is kept without that field.
FrontMatterResult parse_front_matter(std::string_view file_text, std::string_view display_path);

// Whether the text's first line opens front matter ("---" or "+++"): what makes an HTML file
// of content/ a page rather than a file copied as it is. `text` may be the file's first bytes.
bool starts_with_front_matter(std::string_view text);

}  // namespace bengal::content
