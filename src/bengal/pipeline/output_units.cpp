#include "bengal/pipeline/output_units.hpp"

namespace bengal::pipeline {

OutputUnits::OutputUnits(const site::Site& site,
                         const std::vector<templates::VirtualPage>& generated)
    : site_(site), not_found_unit_(site.table.pages.size() + generated.size()) {
  // Only the pages the batches render: a page that holds a path but is not rendered (one
  // without output) must not be rendered on request either.
  by_source_.reserve(site.rendered().size());
  for (PageId id : site.rendered()) by_source_.emplace(site.source_path(id), id);
  for (size_t i = 0; i < generated.size(); ++i)
    by_url_.emplace(generated[i].url, site.table.pages.size() + i);
}

OutputSource OutputUnits::find(std::string_view rel) const {
  using site::OutputRank;
  using Kind = OutputSource::Kind;
  auto in = [](const auto& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? OutputSource{} : OutputSource{Kind::kUnit, it->second};
  };
  std::optional<site::ClaimKey> by = site_.outputs.holder(rel);
  if (!by) {
    // Written without a claim of their own: the search shards under the manifest's, and the
    // math renderer (claimed in finalize, when a page has math).
    bool late =
        rel.starts_with("search/") || rel.starts_with("assets/katex/") || rel == "assets/math.js";
    return {late ? Kind::kFinalize : Kind::kNone, 0};
  }
  switch (by->rank) {
    case OutputRank::kSiteFile:
      if (by->key == "404.html") return {Kind::kUnit, not_found_unit_};
      return {Kind::kFinalize, 0};
    case OutputRank::kPage:
      return in(by_source_, by->key);
    case OutputRank::kListPage:
      // Tier 0: a page's pagination; 1: a generated page's; 2 and up: feeds and sitemaps.
      if (by->tier == 0) return in(by_source_, by->key);
      if (by->tier == 1) return in(by_url_, by->key);
      return {Kind::kFinalize, 0};
    case OutputRank::kContentFile:
    case OutputRank::kStatic:
      return {Kind::kCopied, 0};
    case OutputRank::kAlias:
      return {Kind::kFinalize, 0};
  }
  return {};
}

}  // namespace bengal::pipeline
