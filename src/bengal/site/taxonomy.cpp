#include "bengal/site/taxonomy.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "bengal/core/slug.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

// The names a page carries for a taxonomy, as written.
void page_terms(const content::PageTable& table, const content::PageMeta& m, const TaxonomyDef& def,
                std::vector<std::string_view>& out) {
  out.clear();
  if (def.plural == "tags" || def.plural == "categories") {
    for (StrId s : table.list(def.plural == "tags" ? m.tags : m.categories))
      out.push_back(table.str(s));
    return;
  }
  const Value* params = table.page_params(m);
  const Value* v = params ? params->find(def.plural) : nullptr;
  if (v == nullptr) return;
  if (v->is_string()) out.push_back(v->as_string());
  if (v->is_array()) {
    for (const Value& item : v->as_array())
      if (item.is_string()) out.push_back(item.as_string());
  }
}

}  // namespace

std::string term_key(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

int Taxonomy::find(std::string_view name) const {
  std::string key = term_key(name);
  auto it =
      std::lower_bound(by_key.begin(), by_key.end(), key,
                       [](const auto& entry, const std::string& k) { return entry.first < k; });
  return it != by_key.end() && it->first == key ? static_cast<int>(it->second) : -1;
}

void Taxonomy::index_keys() {
  by_key.clear();
  by_key.reserve(terms.size());
  for (size_t i = 0; i < terms.size(); ++i)
    by_key.emplace_back(term_key(terms[i].name), static_cast<uint32_t>(i));
  std::sort(by_key.begin(), by_key.end());
}

std::vector<Taxonomy> build_taxonomies(const content::PageTable& table,
                                       std::span<const PageId> pages,
                                       const std::vector<TaxonomyDef>& defs) {
  std::vector<Taxonomy> result;
  std::vector<std::string_view> names;
  for (const auto& def : defs) {
    Taxonomy tax;
    tax.def = def;
    std::unordered_map<std::string, size_t> by_key;
    for (PageId id : pages) {
      page_terms(table, table.pages[id], def, names);
      for (std::string_view name : names) {
        std::string key = term_key(name);
        if (key.empty()) continue;
        auto [it, inserted] = by_key.emplace(key, tax.terms.size());
        if (inserted) tax.terms.push_back(Term{std::string(name), {}, {}});
        auto& list = tax.terms[it->second].pages;
        if (list.empty() || list.back() != id) list.push_back(id);  // a tag given twice
      }
    }
    // Slugs: terms whose slugs clash ("C" and "C++" both give "c") get -2, -3, ... in the
    // order of their keys, so the result never depends on page order.
    std::vector<size_t> order(tax.terms.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return term_key(tax.terms[a].name) < term_key(tax.terms[b].name);
    });
    std::unordered_set<std::string> taken;
    for (size_t i : order) {
      std::string base = slugify(tax.terms[i].name);
      if (base.empty()) base = "term";
      std::string slug = base;
      for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
      tax.terms[i].slug = std::move(slug);
    }
    for (auto& term : tax.terms) {
      std::sort(term.pages.begin(), term.pages.end(),
                [&](PageId a, PageId b) { return page_order_less(table, a, b); });
    }
    std::sort(tax.terms.begin(), tax.terms.end(), [](const Term& a, const Term& b) {
      if (a.pages.size() != b.pages.size()) return a.pages.size() > b.pages.size();
      if (a.name != b.name) return a.name < b.name;
      return a.slug < b.slug;
    });
    tax.index_keys();
    result.push_back(std::move(tax));
  }
  return result;
}

}  // namespace bengal::site
