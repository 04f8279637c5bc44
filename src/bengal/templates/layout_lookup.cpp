#include "bengal/templates/layout_lookup.hpp"

namespace bengal::templates {

std::string with_html_extension(std::string_view name) {
  std::string n(name);
  if (n.find('.') == std::string::npos) n += ".html";
  return n;
}

std::vector<std::string> layout_candidates(const site::Site& site, PageId id) {
  const auto& m = site.page(id);
  std::vector<std::string> out;
  // Type: front matter, else the top-level section folder.
  std::string type(site.str(m.type));
  if (type.empty()) {
    std::string_view path = site.source_path(id);
    size_t slash = path.find('/');
    if (slash != std::string_view::npos) type = std::string(path.substr(0, slash));
  }
  switch (m.kind) {
    case content::PageKind::kPage:
      if (m.template_name != kEmptyStr)
        out.push_back(with_html_extension(site.str(m.template_name)));
      if (m.layout != kEmptyStr) {
        if (!type.empty()) out.push_back(type + "/" + with_html_extension(site.str(m.layout)));
        out.push_back(with_html_extension(site.str(m.layout)));
      }
      if (!type.empty()) out.push_back(type + "/single.html");
      out.push_back("single.html");
      out.push_back("page.html");
      break;
    case content::PageKind::kSection:
      if (m.template_name != kEmptyStr)
        out.push_back(with_html_extension(site.str(m.template_name)));
      if (m.layout != kEmptyStr) out.push_back(with_html_extension(site.str(m.layout)));
      if (!type.empty()) out.push_back(type + "/list.html");
      out.push_back("list.html");
      out.push_back("section.html");
      break;
    case content::PageKind::kHome:
      if (m.template_name != kEmptyStr)
        out.push_back(with_html_extension(site.str(m.template_name)));
      out.push_back("home.html");
      out.push_back("index.html");
      out.push_back("list.html");
      break;
  }
  return out;
}

std::vector<std::string> taxonomy_candidates(const std::string& plural, bool term) {
  const char* file = term ? "term.html" : "terms.html";
  return {plural + "/" + file, file};
}

}  // namespace bengal::templates
