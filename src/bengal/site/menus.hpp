// Menus: [[menu.<name>]] entries in the config and `menu:` in front matter, nested through
// `parent`. Without any main menu entries, the main menu is the top-level sections.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/content/page_meta.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::site {

struct Site;

struct MenuEntry {
  std::string name;
  std::string url;         // site-relative without base path ("/docs/"), or an absolute address
  std::string identifier;  // what children name as `parent`
  std::string parent;
  int64_t weight = 0;
  PageId page = kNoPage;
  std::vector<size_t> children;  // indexes into Menu::entries, in display order
  bool extra = false;            // from `menu: {extra: [...]}`: shown after the sections
};

struct Menu {
  std::vector<MenuEntry> entries;
  // Display order: weight (0 last), then name, then url; menu.extra entries after the rest.
  std::vector<size_t> roots;
};

// Builds every menu. Problems (an entry without name or url, an unknown parent, a parent
// cycle) are warnings naming the config or page.
std::map<std::string, Menu> build_menus(const Site& site, Diagnostics& diagnostics);

}  // namespace bengal::site
