#include "bengal/content/cascade.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "bengal/core/unicode_case.hpp"

namespace bengal::content {
namespace {

size_t depth(std::string_view path) {
  return static_cast<size_t>(std::count(path.begin(), path.end(), '/'));
}

void fill_str(PageTable& t, StrId& field, const Value& v) {
  if (field == kEmptyStr && v.is_string()) field = t.strings.intern(v.as_string());
}

void fill_list(PageTable& t, StrRange& field, const Value& v) {
  if (field.count != 0) return;
  std::vector<std::string> items;
  if (v.is_string()) items.push_back(v.as_string());
  if (v.is_array())
    for (const auto& x : v.as_array())
      if (x.is_string()) items.push_back(x.as_string());
  field = t.add_list(items);
}

// Whether the page's front matter says `headless: true` (also kept as a param, as Hugo's is).
bool is_headless(const PageTable& t, const PageMeta& m) {
  const Value* params = t.page_params(m);
  if (params == nullptr || !params->is_table()) return false;
  for (const auto& [k, v] : params->as_table())
    if (equals_ascii_ignoring_case(k, "headless")) return v.is_bool() && v.as_bool();
  return false;
}

}  // namespace

void apply_cascade(PageTable& table) {
  // Effective cascade per section folder, parents first.
  std::vector<PageId> sections;
  for (PageId id = 0; id < table.pages.size(); ++id)
    if (table.pages[id].kind != PageKind::kPage) sections.push_back(id);
  std::stable_sort(sections.begin(), sections.end(), [&](PageId a, PageId b) {
    return depth(table.str(table.pages[a].source_path)) <
           depth(table.str(table.pages[b].source_path));
  });
  std::unordered_map<PageId, Value> effective;  // section page -> merged cascade
  // Sections at or below a headless section: Hugo's headless bundle publishes none of its
  // files, so their pages are headless whatever a nearer cascade says.
  std::unordered_set<PageId> hidden;
  bool any = false;
  for (PageId id : sections) {
    const PageMeta& m = table.pages[id];
    Value merged;
    if (m.section != kNoPage) {
      if (auto it = effective.find(m.section); it != effective.end()) merged = it->second;
    }
    const Value* params = table.page_params(m);
    if (const Value* own = params ? params->find("cascade") : nullptr; own && own->is_table()) {
      // `build` and `_build` are one key: a nearer section's replaces a farther one's.
      for (const auto& [k, v] : own->as_table()) merged.set(is_build_key(k) ? "_build" : k, v);
      any = true;
    }
    if ((m.kind == PageKind::kSection && is_headless(table, m)) || hidden.count(m.section) != 0) {
      hidden.insert(id);
      any = true;
    }
    if (!merged.is_null()) effective.emplace(id, std::move(merged));
  }
  if (!any) return;
  for (PageId id = 0; id < table.pages.size(); ++id) {
    PageMeta& m = table.pages[id];
    if (m.section == kNoPage) continue;
    // Filled first, so that no cascade's `_build` fills what headless leaves out.
    if (hidden.count(m.section) != 0) m.build.fill(headless_build());
    auto it = effective.find(m.section);
    if (it == effective.end()) continue;
    for (const auto& [key, v] : it->second.as_table()) {
      if (key == "type")
        fill_str(table, m.type, v);
      else if (key == "layout")
        fill_str(table, m.layout, v);
      else if (key == "template")
        fill_str(table, m.template_name, v);
      else if (key == "description")
        fill_str(table, m.description, v);
      else if (key == "tags")
        fill_list(table, m.tags, v);
      else if (key == "categories")
        fill_list(table, m.categories, v);
      else if (key == "_build")
        m.build.fill(read_page_build(v, [](const std::string&, const std::string&) {}));
      else {
        if (m.params == UINT32_MAX) {
          m.params = static_cast<uint32_t>(table.params.size());
          table.params.push_back(Value::table());
        }
        Value& p = table.params[m.params];
        if (p.find(key) == nullptr) p.set(key, v);
      }
    }
  }
}

}  // namespace bengal::content
