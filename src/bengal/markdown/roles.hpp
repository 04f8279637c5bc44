// MyST inline roles, {name}`text` (spec/bengal-sites.md section 4; on with Options::directives):
// the text "{name}" directly followed by a code span renders the span's text as the role says.
// The HTML renderer finds the prefix with find_role_prefix when a code span opens, drops it,
// collects the span's text and calls render_role. Internal to the Markdown stage; the roles
// are listed in docs/content/reference/roles.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

struct RoleOutput {
  std::string plain;    // the text a heading id and the table of contents see
  std::string warning;  // what is wrong, "" when nothing is
  bool math = false;    // math markup was written (Rendered::has_math)
};

struct RoleContext {
  const Options& options;
  bool in_link = false;  // inside a link, {doc} and {ref} write only their text: links do not nest
};

using RoleRenderer = void (*)(std::string_view text, const RoleContext& context, std::string& html,
                              RoleOutput& out);

struct RoleSpec {
  std::string_view name;
  RoleRenderer render;
};

struct RolePrefix {
  const RoleSpec* role = nullptr;
  size_t offset = 0;  // of the '{' in the input
  size_t length = 0;  // of "{name}"
};

// The role of the "{name}" that ends `run`, a text run inside `input` that the code span
// opening now follows with nothing in between. nullopt when `run` does not end so, no role
// has that name, or the '{' is escaped ("\{kbd}") or ends a word ("a{kbd}").
std::optional<RolePrefix> find_role_prefix(std::string_view input, std::string_view run);

// Appends the HTML of `role` applied to `text` (the code span's content) to `html`.
void render_role(const RoleSpec& role, std::string_view text, const RoleContext& context,
                 std::string& html, RoleOutput& out);

// Every role name, sorted; for docs and tests.
std::vector<std::string_view> role_names();

}  // namespace bengal::markdown
