// `bengal new page NAME [--section S]`: a new page file in the site's content folder, as
// `hugo new content` and Bengal's `bengal new page` make one. NAME is a title ("My First
// Post" -> my-first-post.md, titled as written) or a path in content/ ("blog/my-post.md",
// titled from the file name). The file starts from the site's archetype when it has one
// (archetypes/<section>.md, else archetypes/default.md, then the same in the theme's folder),
// rendered as a template with title, date, section, slug and path; else from front matter with
// the title, the date and `draft: true`, so the page shows in `bengal serve --drafts` and is not
// published before it is ready.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "bengal/core/diagnostic.hpp"

namespace bengal::cli {

struct NewPageOptions {
  std::filesystem::path site_dir = ".";
  std::string name;     // a title, or a path in content/
  std::string section;  // a folder of content/, "" for the content folder itself
  // The date written (seconds since the epoch, shown in UTC); unset: SOURCE_DATE_EPOCH when
  // set, else now in local time.
  std::optional<int64_t> now;
};

struct NewPageResult {
  // What went wrong and what to do, naming the file when one is at fault; unset on success.
  std::optional<Diagnostic> error;
  std::string created;  // the file written, as messages name it: "content/blog/my-post.md"
};

NewPageResult create_page(const NewPageOptions& options);

}  // namespace bengal::cli
