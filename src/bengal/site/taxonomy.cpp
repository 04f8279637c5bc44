#include "bengal/site/taxonomy.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "bengal/core/slug.hpp"
#include "bengal/core/utf8.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

// The names a page carries for a taxonomy other than tags and categories (the page param of
// its plural name), as written.
void param_terms(const content::PageTable& table, const content::PageMeta& m,
                 const TaxonomyDef& def, std::vector<std::string_view>& out) {
  out.clear();
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

namespace {

// The terms of one taxonomy with their pages, in the order first met.
class TermCollector {
 public:
  explicit TermCollector(Taxonomy& tax) : tax_(tax) {}

  // Tags and categories are interned: most pages share their names, so each name's key is
  // made and looked up once.
  void add_interned(PageId id, StrId name, const content::PageTable& table) {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) {
      std::optional<size_t> term = term_of(table.str(name));
      it = by_name_.emplace(name, term ? *term : kNoTerm).first;
    }
    if (it->second != kNoTerm) add(id, it->second);
  }

  void add_name(PageId id, std::string_view name) {
    if (std::optional<size_t> term = term_of(name)) add(id, *term);
  }

 private:
  static constexpr size_t kNoTerm = SIZE_MAX;  // a name of only spaces

  std::optional<size_t> term_of(std::string_view name) {
    std::string key = term_key(name);
    if (key.empty()) return std::nullopt;
    auto [it, inserted] = by_key_.emplace(std::move(key), tax_.terms.size());
    if (inserted) tax_.terms.push_back(Term{std::string(name), {}, {}});
    return it->second;
  }

  void add(PageId id, size_t term) {
    auto& list = tax_.terms[term].pages;
    if (list.empty() || list.back() != id) list.push_back(id);  // a tag given twice
  }

  Taxonomy& tax_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<StrId, size_t> by_name_;
};

// A term's page is a folder named by its slug, and a folder name holds at most 255 bytes: a
// longer slug is cut, leaving room for a "-2" suffix.
constexpr size_t kMaxSlugBytes = 200;

// Slugs: terms whose slugs clash ("C" and "C++" both give "c") get -2, -3, ... in the order of
// their keys, so the result never depends on page order.
void assign_slugs(std::vector<Term>& terms) {
  std::vector<size_t> order(terms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return term_key(terms[a].name) < term_key(terms[b].name); });
  std::unordered_set<std::string> taken;
  for (size_t i : order) {
    std::string base = slugify(terms[i].name);
    truncate_utf8(base, kMaxSlugBytes);
    while (base.ends_with('-')) base.pop_back();
    if (base.empty()) base = "term";
    std::string slug = base;
    for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    terms[i].slug = std::move(slug);
  }
}

}  // namespace

std::vector<Taxonomy> build_taxonomies(const content::PageTable& table,
                                       std::span<const PageId> pages,
                                       const std::vector<TaxonomyDef>& defs) {
  std::vector<Taxonomy> result;
  std::vector<std::string_view> names;
  for (const auto& def : defs) {
    Taxonomy tax;
    tax.def = def;
    TermCollector terms(tax);
    bool interned = def.plural == "tags" || def.plural == "categories";
    for (PageId id : pages) {
      const content::PageMeta& m = table.pages[id];
      if (interned) {
        for (StrId name : table.list(def.plural == "tags" ? m.tags : m.categories))
          terms.add_interned(id, name, table);
        continue;
      }
      param_terms(table, m, def, names);
      for (std::string_view name : names) terms.add_name(id, name);
    }
    assign_slugs(tax.terms);
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
