#include "bengal/templates/builtin_theme.hpp"

namespace bengal::templates {

std::shared_ptr<const Loader> builtin_template_loader() {
  auto loader = std::make_shared<MemoryLoader>();
  constexpr std::string_view kPrefix = "templates/";
  for (size_t i = 0; i < kBuiltinThemeFiles; ++i) {
    std::string_view path = kBuiltinTheme[i].path;
    if (!path.starts_with(kPrefix)) continue;
    std::string name(path.substr(kPrefix.size()));
    loader->add(name, std::string(kBuiltinTheme[i].bytes), "(built-in theme)/" + name);
  }
  return loader;
}

}  // namespace bengal::templates
