#include "bengal/site/taxonomy_content.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bengal/content/page_url.hpp"

namespace bengal::site {
namespace {

// The folder a section's page stands for: "tags/go" for "tags/go/_index.md".
std::string_view folder_of(std::string_view source_path) {
  size_t slash = source_path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : source_path.substr(0, slash);
}

}  // namespace

std::vector<TaxonomyDef> read_taxonomy_defs(const config::SiteConfig& config,
                                            Diagnostics& diagnostics) {
  const Value* t = config.raw.find("taxonomies");
  if (t == nullptr || !t->is_table()) return {{"tag", "tags"}, {"category", "categories"}};
  std::vector<TaxonomyDef> defs;
  for (const auto& [singular, plural] : t->as_table()) {
    if (plural.is_string() && !plural.as_string().empty()) {
      defs.push_back({singular, plural.as_string()});
    } else {
      auto at = config.document.place_of("taxonomies." + singular);
      diagnostics.add(make_error(at.file, at.line, at.column,
                                 "[taxonomies] " + singular +
                                     " must be the plural name as a string, as in tag = \"tags\""));
    }
  }
  return defs;
}

std::vector<PageId> take_taxonomy_content(content::PageTable& table,
                                          const std::vector<TaxonomyDef>& defs) {
  std::vector<PageId> taken;
  for (PageId id = 0; id < table.pages.size(); ++id) {
    content::PageMeta& m = table.pages[id];
    if (m.kind != content::PageKind::kSection) continue;
    std::string_view dir = folder_of(table.str(m.source_path));
    std::string_view top = dir.substr(0, dir.find('/'));
    // The taxonomy's folder, or one folder below it: a term's.
    if (top.size() < dir.size() && dir.find('/', top.size() + 1) != std::string_view::npos)
      continue;
    if (std::none_of(defs.begin(), defs.end(),
                     [&](const TaxonomyDef& d) { return d.plural == top; })) {
      continue;
    }
    m.build = content::headless_build();
    taken.push_back(id);
  }
  return taken;
}

void attach_taxonomy_content(const content::PageTable& table, const std::string& content_dir,
                             const std::vector<PageId>& taken, std::vector<Taxonomy>& taxonomies,
                             Diagnostics& diagnostics) {
  for (PageId id : taken) {
    const content::PageMeta& m = table.pages[id];
    std::string_view dir = folder_of(table.str(m.source_path));
    size_t slash = dir.find('/');
    std::string_view plural = dir.substr(0, slash);
    auto tax = std::find_if(taxonomies.begin(), taxonomies.end(),
                            [&](const Taxonomy& t) { return t.def.plural == plural; });
    bool found = false;
    if (tax != taxonomies.end() && slash == std::string_view::npos) {
      tax->content = id;
      found = true;
    } else if (tax != taxonomies.end()) {
      std::string slug = content::url_segment(dir.substr(slash + 1));
      for (Term& term : tax->terms) {
        if (term.slug != slug) continue;
        term.content = id;
        found = true;
      }
    }
    if (found || m.generated) continue;
    diagnostics.add(make_warning(
        content_dir + "/" + std::string(table.str(m.source_path)), 0, 0,
        slash == std::string_view::npos
            ? fmt::format("no page has a term of the taxonomy '{}', so the page this file "
                          "gives /{}/ is not written; add the taxonomy to a page, or move the file",
                          plural, plural)
            : fmt::format("no page has the {} term whose page is /{}/, so this file, the term "
                          "page's text, is not published; add the term to a page, or move the file",
                          plural, dir)));
  }
}

}  // namespace bengal::site
