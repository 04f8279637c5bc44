#include "bengal/site/menus.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

std::string text(const Value* v) {
  return v && v->is_string() ? v->as_string() : std::string();
}
int64_t number(const Value* v) {
  return v && v->is_int() ? v->as_int() : 0;
}

}  // namespace

std::map<std::string, Menu> build_menus(const Site& site, Diagnostics& diagnostics) {
  std::map<std::string, Menu> menus;
  const auto& cfg = site.config;

  // [[menu.main]] name, url or page, weight, parent, identifier.
  if (const Value* m = cfg.raw.find("menu"); m && m->is_table()) {
    for (const auto& [menu_name, entries] : m->as_table()) {
      if (!entries.is_array()) continue;
      size_t index = 0;
      for (const auto& e : entries.as_array()) {
        auto [line, col] = cfg.document.position_of("menu." + menu_name);
        MenuEntry entry;
        entry.name = text(e.find("name"));
        entry.url = text(e.find("url"));
        entry.weight = number(e.find("weight"));
        entry.parent = text(e.find("parent"));
        entry.identifier = text(e.find("identifier"));
        if (std::string page = text(e.find("page")); !page.empty()) {
          std::string p = page.starts_with('/') ? page.substr(1) : page;
          entry.page = site.xref.by_path(p);
          if (entry.page == kNoPage) {
            diagnostics.add(make_warning(cfg.config_file, line, col,
                                         "menu." + menu_name + " entry " +
                                             std::to_string(index + 1) + ": no page '" + page +
                                             "'; use a content path such as docs/intro.md"));
            ++index;
            continue;
          }
          entry.url = site.str(site.page(entry.page).url);
          if (entry.name.empty()) entry.name = site.str(site.page(entry.page).title);
        }
        if (entry.name.empty() || entry.url.empty()) {
          diagnostics.add(make_warning(cfg.config_file, line, col,
                                       "menu." + menu_name + " entry " + std::to_string(index + 1) +
                                           " needs a name and a url (or page); it was left out"));
          ++index;
          continue;
        }
        if (entry.identifier.empty()) entry.identifier = entry.name;
        menus[menu_name].entries.push_back(std::move(entry));
        ++index;
      }
    }
  }

  // Front matter: menu: main | [main, footer] | {main: {name, weight, parent, identifier}}.
  for (PageId id : site.rendered()) {
    const Value* params = site.table.page_params(site.page(id));
    const Value* m = params ? params->find("menu") : nullptr;
    if (m == nullptr) m = params ? params->find("menus") : nullptr;
    if (m == nullptr) continue;
    auto add = [&](const std::string& menu_name, const Value* spec) {
      MenuEntry entry;
      entry.page = id;
      entry.url = site.str(site.page(id).url);
      entry.name = text(spec ? spec->find("name") : nullptr);
      if (entry.name.empty()) entry.name = site.str(site.page(id).title);
      entry.weight =
          spec && spec->find("weight") ? number(spec->find("weight")) : site.page(id).weight;
      entry.parent = text(spec ? spec->find("parent") : nullptr);
      entry.identifier = text(spec ? spec->find("identifier") : nullptr);
      if (entry.identifier.empty()) entry.identifier = entry.name;
      menus[menu_name].entries.push_back(std::move(entry));
    };
    if (m->is_string()) add(m->as_string(), nullptr);
    if (m->is_array())
      for (const auto& n : m->as_array())
        if (n.is_string()) add(n.as_string(), nullptr);
    if (m->is_table())
      for (const auto& [n, spec] : m->as_table()) add(n, &spec);
  }

  // Without a configured main menu: the top-level sections.
  if (!menus.count("main") && site.home != kNoPage) {
    for (PageId s : site.sections_of(site.home)) {
      MenuEntry entry;
      entry.page = s;
      entry.name = site.str(site.page(s).title);
      entry.url = site.str(site.page(s).url);
      entry.identifier = entry.url;
      entry.weight = site.page(s).weight;
      menus["main"].entries.push_back(std::move(entry));
    }
  }

  for (auto& [name, menu] : menus) {
    std::unordered_map<std::string, size_t> by_id;
    for (size_t i = 0; i < menu.entries.size(); ++i) by_id.emplace(menu.entries[i].identifier, i);
    for (size_t i = 0; i < menu.entries.size(); ++i) {
      MenuEntry& e = menu.entries[i];
      auto parent = e.parent.empty() ? by_id.end() : by_id.find(e.parent);
      // A parent must exist and must not be the entry itself or below it.
      bool cycle = false;
      for (size_t p = parent == by_id.end() ? i : parent->second, steps = 0;
           parent != by_id.end() && steps <= menu.entries.size(); ++steps) {
        if (p == i) {
          cycle = true;
          break;
        }
        auto up = menu.entries[p].parent.empty() ? by_id.end() : by_id.find(menu.entries[p].parent);
        if (up == by_id.end()) break;
        p = up->second;
      }
      if (!e.parent.empty() && (parent == by_id.end() || cycle)) {
        diagnostics.add(make_warning(
            cfg.config_file, 0, 0,
            "menu." + name + " entry '" + e.name + "' has parent '" + e.parent +
                (cycle ? "', which is below it" : "', which is no entry's identifier") +
                "; it is shown at the top level"));
        menu.roots.push_back(i);
      } else if (parent == by_id.end()) {
        menu.roots.push_back(i);
      } else {
        menu.entries[parent->second].children.push_back(i);
      }
    }
    auto order = [&menu = menu](size_t a, size_t b) {
      const MenuEntry &x = menu.entries[a], &y = menu.entries[b];
      auto key = [](const MenuEntry& e) {
        return std::make_tuple(e.weight == 0, e.weight, e.name, e.url);
      };
      return key(x) < key(y);
    };
    std::sort(menu.roots.begin(), menu.roots.end(), order);
    for (auto& e : menu.entries) std::sort(e.children.begin(), e.children.end(), order);
  }
  return menus;
}

}  // namespace bengal::site
