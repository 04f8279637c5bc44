// The default theme compiled into the binary: templates and static assets, used when neither
// the site nor a theme folder provides a file.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates {

struct EmbeddedFile {
  const char*
      path;  // relative to themes/default: "templates/base.html", "static/assets/bengal.css"
  std::string_view bytes;
};
extern const EmbeddedFile kBuiltinTheme[];
extern const size_t kBuiltinThemeFiles;

// The built-in templates/ files: each one's name (its path under templates/) and source.
std::vector<std::pair<std::string_view, std::string_view>> builtin_templates();

// A loader over the built-in templates/ files.
std::shared_ptr<const Loader> builtin_template_loader();

}  // namespace bengal::templates
