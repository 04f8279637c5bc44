// Front matter: the YAML (between --- lines) or TOML (between +++ lines) block at the top of
// a page. Known fields are typed and checked; every other key becomes a page param.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/date.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/value.hpp"

namespace bengal::content {

struct FrontMatter {
  std::string title;
  bool has_title = false;
  std::optional<Date> date, lastmod;
  bool draft = false;
  int64_t weight = 0;
  std::string slug, url, description, summary, type, layout, template_name;
  std::vector<std::string> aliases, tags, categories, keywords;
  Value params;  // every other key, in source order (a table, or null when there are none)
};

struct FrontMatterResult {
  FrontMatter fm;
  size_t body_offset = 0;  // where the Markdown body starts in the file text
  uint32_t body_line = 1;
  std::vector<Diagnostic> diagnostics;
  bool ok = true;  // false: the page is broken (syntax, encoding) and must be skipped
};

// Never throws. Errors name `display_path` and the line and column in the file. A field with
// a wrong type is an error too, but the page is kept without that field.
FrontMatterResult parse_front_matter(std::string_view file_text, std::string_view display_path);

}  // namespace bengal::content
