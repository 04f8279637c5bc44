#include "bengal/cli/check_command.hpp"

#include <algorithm>

#include "bengal/graph/link_graph.hpp"
#include "bengal/pipeline/copy_files.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/pipeline/site_outputs.hpp"
#include "bengal/site/link_check.hpp"
#include "bengal/site/site.hpp"

namespace bengal::cli {

CheckStats check_site(const std::filesystem::path& site_dir, Diagnostics& diagnostics,
                      const config::LoadOptions& config_options) {
  CheckStats stats;
  std::unique_ptr<pipeline::LoadedSite> loaded =
      pipeline::load_site(site_dir, std::nullopt, diagnostics, {}, config_options);
  if (!loaded) {
    stats.config_ok = false;
    return stats;
  }
  site::Site& site = loaded->site;
  stats.pages = site.rendered().size();

  // Every claim a build makes, in its order, without writing: the site links are checked
  // against what a build would publish.
  pipeline::claim_generated_outputs(site, pipeline::list_generated_pages(site), diagnostics);
  pipeline::claim_static_layers(site, {site_dir, site.config.follow_external_symlinks},
                                diagnostics);
  (void)pipeline::claim_aliases(site, diagnostics);
  std::vector<site::LinkProblem> problems;
  std::vector<site::SiteLink> site_links;
  graph::LinkGraph links = graph::build_link_graph(site, &problems, &site_links);
  std::vector<site::LinkProblem> unpublished = site::find_unpublished_paths(site, site_links);
  problems.insert(problems.end(), unpublished.begin(), unpublished.end());
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.page < b.page; });
  site::locate_columns(site, site_dir / site.config.content_dir, problems);
  stats.broken_links = problems.size();
  for (const auto& p : problems) diagnostics.add(site::describe(site, p, true));

  // Inbound links (the graph's, resolved once above) and list membership.
  std::vector<bool> reached(site.table.pages.size(), false);
  for (PageId id : site.rendered()) {
    if (site.page(id).kind != content::PageKind::kPage) reached[id] = true;  // navigation
    if (links.inbound_links(id) > 0) reached[id] = true;
    for (PageId p : site.pages_of(id)) reached[p] = true;
  }
  for (const auto& tax : site.taxonomies)
    for (const auto& term : tax.terms)
      for (PageId p : term.pages) reached[p] = true;
  for (PageId id : site.rendered()) {
    std::string file = site.config.content_dir + "/" + std::string(site.source_path(id));
    if (!reached[id]) {
      ++stats.orphans;
      diagnostics.add(
          make_warning(file, 0, 0, "orphan page: no page links here and no list shows it"));
    }
    const auto& m = site.page(id);
    if (!m.generated && !m.has_title && m.kind != content::PageKind::kHome) {
      ++stats.missing_titles;
      diagnostics.add(make_warning(file, 1, 1,
                                   "no title in the front matter; the file name gives \"" +
                                       std::string(site.str(m.title)) + "\""));
    }
  }
  return stats;
}

}  // namespace bengal::cli
