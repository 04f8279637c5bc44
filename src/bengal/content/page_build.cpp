#include "bengal/content/page_build.hpp"

#include <fmt/format.h>

#include "bengal/core/unicode_case.hpp"

namespace bengal::content {
namespace {

using Problem = std::function<void(const std::string& key, const std::string& message)>;

std::string shown(const Value& v) {
  return v.is_string() ? fmt::format("\"{}\"", v.as_string()) : std::string(v.type_name());
}

// Sets `out` to the one of `names` that `v` is (any case; Hugo's older booleans: true is the
// first, false the second), counted from 1 as the modes are after kUnset.
template <typename Mode>
void read_mode(const std::string& key, const Value& v, const std::string_view (&names)[3],
               Mode& out, const Problem& problem) {
  int found = -1;
  if (v.is_bool()) found = v.as_bool() ? 0 : 1;
  for (int i = 0; i < 3 && found < 0 && v.is_string(); ++i)
    if (equals_ascii_ignoring_case(v.as_string(), names[i])) found = i;
  if (found >= 0) {
    out = static_cast<Mode>(found + 1);
    return;
  }
  problem(key, fmt::format("must be \"{}\", \"{}\" or \"{}\", not {}", names[0], names[1], names[2],
                           shown(v)));
}

}  // namespace

void PageBuild::fill(const PageBuild& from) {
  if (render == RenderMode::kUnset) render = from.render;
  if (list == ListMode::kUnset) list = from.list;
  if (resources == ResourceMode::kUnset) resources = from.resources;
}

PageBuild headless_build() {
  return {RenderMode::kNever, ListMode::kNever, ResourceMode::kKeep};
}

bool is_build_key(std::string_view key) {
  return equals_ascii_ignoring_case(key, "_build") || equals_ascii_ignoring_case(key, "build");
}

bool is_build_option(std::string_view key) {
  return equals_ascii_ignoring_case(key, "render") || equals_ascii_ignoring_case(key, "list") ||
         equals_ascii_ignoring_case(key, "publishresources");
}

PageBuild read_page_build(const Value& table, const Problem& problem) {
  PageBuild b;
  if (table.is_null()) return b;
  if (!table.is_table()) {
    problem("", fmt::format("must be a table of render, list and publishResources, not {}",
                            table.type_name()));
    return b;
  }
  static constexpr std::string_view kRender[] = {"always", "never", "link"};
  static constexpr std::string_view kList[] = {"always", "never", "local"};
  for (const auto& [key, v] : table.as_table()) {
    if (equals_ascii_ignoring_case(key, "render")) {
      read_mode(key, v, kRender, b.render, problem);
    } else if (equals_ascii_ignoring_case(key, "list")) {
      read_mode(key, v, kList, b.list, problem);
    } else if (equals_ascii_ignoring_case(key, "publishresources")) {
      if (v.is_bool()) {
        b.resources = v.as_bool() ? ResourceMode::kPublish : ResourceMode::kKeep;
      } else {
        problem(key, fmt::format("must be true or false, not {}", shown(v)));
      }
    } else {
      problem(key, "is not a build option; known options: render, list, publishResources");
    }
  }
  return b;
}

}  // namespace bengal::content
