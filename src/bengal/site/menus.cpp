#include "bengal/site/menus.hpp"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

using Menus = std::map<std::string, Menu>;

std::string text(const Value* v) {
  return v && v->is_string() ? v->as_string() : std::string();
}
int64_t number(const Value* v) {
  return v && v->is_int() ? v->as_int() : 0;
}

// Where the warnings about one [[menu.<name>]] entry point.
struct ConfigEntryPlace {
  const std::string& menu_name;
  size_t index;  // 0-based position among the menu's entries
  const config::SourcePlace& at;

  std::string describe() const {
    return "menu." + menu_name + " entry " + std::to_string(index + 1);
  }
};

// One [[menu.<name>]] table: name, url or page, weight, parent, identifier. An entry naming
// no page that exists, or lacking a name or url, is reported and left out.
std::optional<MenuEntry> config_entry(const Site& site, const Value& e,
                                      const ConfigEntryPlace& place, Diagnostics& diagnostics) {
  const config::SourcePlace& at = place.at;
  MenuEntry entry;
  entry.name = text(e.find("name"));
  entry.url = text(e.find("url"));
  entry.weight = number(e.find("weight"));
  entry.parent = text(e.find("parent"));
  entry.identifier = text(e.find("identifier"));
  if (std::string page = text(e.find("page")); !page.empty()) {
    entry.page = site.xref.by_path(page.starts_with('/') ? page.substr(1) : page);
    if (entry.page == kNoPage) {
      diagnostics.add(make_warning(
          at.file, at.line, at.column,
          place.describe() + ": no page '" + page + "'; use a content path such as docs/intro.md"));
      return std::nullopt;
    }
    entry.url = site.str(site.page(entry.page).url);
    if (entry.name.empty()) entry.name = site.table.nav_title(site.page(entry.page));
  }
  if (entry.name.empty() || entry.url.empty()) {
    diagnostics.add(
        make_warning(at.file, at.line, at.column,
                     place.describe() + " needs a name and a url (or page); it was left out"));
    return std::nullopt;
  }
  if (entry.identifier.empty()) entry.identifier = entry.name;
  return entry;
}

// The config's [[menu.<name>]] arrays. A menu exists only once it has a valid entry, so a
// main menu whose entries are all invalid still falls back to the sections.
void add_config_menus(const Site& site, Menus& menus, Diagnostics& diagnostics) {
  const Value* m = site.config.raw.find("menu");
  if (!m || !m->is_table()) return;
  for (const auto& [menu_name, entries] : m->as_table()) {
    // `extra` is not a menu: Bengal's entries appended to the main menu (add_extra_entries).
    if (!entries.is_array() || menu_name == "extra") continue;
    config::SourcePlace at = site.config.document.place_of("menu." + menu_name);
    const auto& list = entries.as_array();
    for (size_t index = 0; index < list.size(); ++index) {
      ConfigEntryPlace place{menu_name, index, at};
      if (auto entry = config_entry(site, list[index], place, diagnostics))
        menus[menu_name].entries.push_back(std::move(*entry));
    }
  }
}

// A page's entry in one menu; `spec` ({name, weight, parent, identifier}) may be null, and
// what it leaves out comes from the page.
MenuEntry page_entry(const Site& site, PageId id, const Value* spec) {
  auto field = [spec](std::string_view key) { return spec ? spec->find(key) : nullptr; };
  const auto& page = site.page(id);
  MenuEntry entry;
  entry.page = id;
  entry.url = site.str(page.url);
  entry.name = text(field("name"));
  if (entry.name.empty()) entry.name = site.table.nav_title(page);
  entry.weight = field("weight") ? number(field("weight")) : page.weight;
  entry.parent = text(field("parent"));
  entry.identifier = text(field("identifier"));
  if (entry.identifier.empty()) entry.identifier = entry.name;
  return entry;
}

// A page's `menu` param, or `menus`; null when it sets neither.
const Value* menu_param(const Site& site, PageId id) {
  const Value* params = site.table.page_params(site.page(id));
  if (params == nullptr) return nullptr;
  const Value* m = params->find("menu");
  return m ? m : params->find("menus");
}

// Front matter: menu: main | [main, footer] | {main: {name, weight, parent, identifier}}.
void add_page_menus(const Site& site, Menus& menus) {
  for (PageId id : site.rendered()) {
    const Value* m = menu_param(site, id);
    if (m == nullptr) continue;
    auto add = [&](const std::string& menu_name, const Value* spec) {
      menus[menu_name].entries.push_back(page_entry(site, id, spec));
    };
    if (m->is_string()) add(m->as_string(), nullptr);
    if (m->is_array()) {
      for (const auto& n : m->as_array())
        if (n.is_string()) add(n.as_string(), nullptr);
    }
    if (m->is_table()) {
      for (const auto& [n, spec] : m->as_table()) add(n, &spec);
    }
  }
}

// Without a configured main menu: the top-level sections.
void add_default_main_menu(const Site& site, Menus& menus) {
  if (menus.count("main") || site.home == kNoPage) return;
  for (PageId s : site.sections_of(site.home)) {
    const auto& section = site.page(s);
    MenuEntry entry;
    entry.page = s;
    entry.name = site.table.nav_title(section);
    entry.url = site.str(section.url);
    entry.identifier = entry.url;
    entry.weight = section.weight;
    menus["main"].entries.push_back(std::move(entry));
  }
}

// Bengal's `menu: {extra: [...]}`: entries (name, url or page, weight) appended to the main
// menu, after its sections. One whose url the menu already has is left out with a warning.
void add_extra_entries(const Site& site, Menus& menus, Diagnostics& diagnostics) {
  const Value* m = site.config.raw.find("menu");
  const Value* extra = m && m->is_table() ? m->find("extra") : nullptr;
  if (extra == nullptr || !extra->is_array()) return;
  config::SourcePlace at = site.config.document.place_of("menu.extra");
  const std::string name = "extra";
  const auto& list = extra->as_array();
  for (size_t index = 0; index < list.size(); ++index) {
    ConfigEntryPlace place{name, index, at};
    std::optional<MenuEntry> entry = config_entry(site, list[index], place, diagnostics);
    if (!entry) continue;
    auto& entries = menus["main"].entries;
    bool repeated = std::any_of(entries.begin(), entries.end(),
                                [&](const MenuEntry& e) { return e.url == entry->url; });
    if (repeated) {
      diagnostics.add(make_warning(at.file, at.line, at.column,
                                   place.describe() + " links to " + entry->url +
                                       ", which the main menu already holds; it was left out"));
      continue;
    }
    entry->extra = true;
    entries.push_back(std::move(*entry));
  }
}

using IdIndex = std::unordered_map<std::string, size_t>;  // identifier -> first entry with it

std::optional<size_t> parent_of(const Menu& menu, const IdIndex& by_id, size_t i) {
  const std::string& parent = menu.entries[i].parent;
  if (parent.empty()) return std::nullopt;
  auto it = by_id.find(parent);
  return it == by_id.end() ? std::nullopt : std::optional(it->second);
}

// Whether entry i is its own ancestor. The walk is bounded so that a cycle above i, which
// does not pass through it, also ends.
bool is_own_ancestor(const Menu& menu, const IdIndex& by_id, size_t i) {
  std::optional<size_t> p = parent_of(menu, by_id, i);
  for (size_t steps = 0; p && steps <= menu.entries.size(); ++steps) {
    if (*p == i) return true;
    p = parent_of(menu, by_id, *p);
  }
  return false;
}

// Hangs each entry under its parent; one whose parent is missing or below it is reported and
// shown at the top level.
void link_entries(const std::string& name, Menu& menu, const std::string& config_file,
                  Diagnostics& diagnostics) {
  IdIndex by_id;
  for (size_t i = 0; i < menu.entries.size(); ++i) by_id.emplace(menu.entries[i].identifier, i);
  for (size_t i = 0; i < menu.entries.size(); ++i) {
    const MenuEntry& e = menu.entries[i];
    std::optional<size_t> parent = parent_of(menu, by_id, i);
    bool cycle = parent && is_own_ancestor(menu, by_id, i);
    if (parent && !cycle) {
      menu.entries[*parent].children.push_back(i);
      continue;
    }
    if (!e.parent.empty()) {
      diagnostics.add(
          make_warning(config_file, 0, 0,
                       "menu." + name + " entry '" + e.name + "' has parent '" + e.parent +
                           (cycle ? "', which is below it" : "', which is no entry's identifier") +
                           "; it is shown at the top level"));
    }
    menu.roots.push_back(i);
  }
}

// Display order: weight (0 last), then name, then url.
void sort_entries(Menu& menu) {
  auto order = [&menu](size_t a, size_t b) {
    auto key = [](const MenuEntry& e) {
      return std::make_tuple(e.extra, e.weight == 0, e.weight, e.name, e.url);
    };
    return key(menu.entries[a]) < key(menu.entries[b]);
  };
  std::sort(menu.roots.begin(), menu.roots.end(), order);
  for (auto& e : menu.entries) std::sort(e.children.begin(), e.children.end(), order);
}

}  // namespace

std::map<std::string, Menu> build_menus(const Site& site, Diagnostics& diagnostics) {
  Menus menus;
  add_config_menus(site, menus, diagnostics);
  add_page_menus(site, menus);
  add_default_main_menu(site, menus);
  add_extra_entries(site, menus, diagnostics);
  for (auto& [name, menu] : menus) {
    link_entries(name, menu, site.config.config_file, diagnostics);
    sort_entries(menu);
  }
  return menus;
}

}  // namespace bengal::site
