#include "bengal/site/link_check.hpp"

namespace bengal::site {

std::vector<LinkProblem> find_broken_links(const Site& site) {
  std::vector<LinkProblem> problems;
  const auto& t = site.table;
  for (PageId id : site.rendered()) {
    const auto& m = t.pages[id];
    auto check = [&](content::StrRange targets, content::StrRange lines, bool wiki) {
      auto names = t.list(targets);
      auto nums = t.number_list(lines);
      for (size_t i = 0; i < names.size(); ++i) {
        std::string_view target = t.str(names[i]);
        LinkTarget r =
            wiki ? site.xref.resolve_wiki(id, target) : site.xref.resolve_link(id, target);
        if (r.status == LinkTarget::Status::kMissingPage ||
            r.status == LinkTarget::Status::kMissingAnchor)
          problems.push_back({id, i < nums.size() ? nums[i] : 0, std::string(target), r.status});
      }
    };
    check(m.links, m.link_lines, false);
    check(m.wiki_links, m.wiki_link_lines, true);
  }
  return problems;
}

Diagnostic describe(const Site& site, const LinkProblem& p, bool as_errors) {
  std::string file = site.config.content_dir + "/" + std::string(site.source_path(p.page));
  std::string message =
      p.status == LinkTarget::Status::kMissingAnchor
          ? "link to missing anchor '" + p.target +
                "': the page has no heading with that id; fix the anchor or add {#id} to a heading"
          : "link to missing page '" + p.target +
                "'; check the path (relative to this file, or from the content folder with a "
                "leading /)";
  return {as_errors ? Severity::kError : Severity::kWarning, file, p.line, 0, message};
}

}  // namespace bengal::site
