#include "bengal/templates/builtin_theme.hpp"

#include <fmt/format.h>

namespace bengal::templates {

std::vector<std::pair<std::string_view, std::string_view>> builtin_templates() {
  constexpr std::string_view kPrefix = "templates/";
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (size_t i = 0; i < kBuiltinThemeFiles; ++i) {
    std::string_view path = kBuiltinTheme[i].path;
    if (path.starts_with(kPrefix))
      out.emplace_back(path.substr(kPrefix.size()), kBuiltinTheme[i].bytes);
  }
  return out;
}

std::shared_ptr<const Loader> builtin_template_loader() {
  auto loader = std::make_shared<MemoryLoader>();
  for (auto [name, source] : builtin_templates()) {
    loader->add(std::string(name), std::string(source), fmt::format("(built-in theme)/{}", name));
  }
  return loader;
}

}  // namespace bengal::templates
