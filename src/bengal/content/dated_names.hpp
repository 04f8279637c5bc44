// File names that start with a date, as Jekyll's posts must and Zola's may:
// "2024-01-31-welcome.md", a bundle "2024-01-31_trip/index.md". Such a page without a date in
// its front matter takes the one of its name (Zola's rule, and Jekyll's), and a page without a
// title is titled after the rest of the name ("Welcome"). Its URL keeps the whole name, so
// that no page moves.
#pragma once

#include <optional>
#include <string_view>

#include "bengal/core/date.hpp"

namespace bengal::content {

struct DatedName {
  Date date;              // the day, without a time
  std::string_view rest;  // the name after the date and its '-' or '_': "welcome"
};

// `stem` (a file or folder name without extension) as a date and the rest, when it is
// "YYYY-MM-DD" of a valid day, then '-' or '_', then at least one more character.
std::optional<DatedName> dated_name(std::string_view stem);

}  // namespace bengal::content
