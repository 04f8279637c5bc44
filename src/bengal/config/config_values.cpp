#include "bengal/config/config_values.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace bengal::config {

bool set_baseurl(SiteConfig& c, std::string url) {
  while (url.size() > 1 && url.ends_with('/')) url.pop_back();
  if (url == "/") url.clear();
  c.baseurl = url;
  c.base_path.clear();
  if (url.empty()) return true;
  if (url.starts_with('/') && !url.starts_with("//")) {  // a bare path such as "/docs"
    c.base_path = url;
    return true;
  }
  size_t scheme = url.find("://");
  size_t host = scheme != std::string::npos ? scheme + 3 : url.starts_with("//") ? 2 : 0;
  if (host == 0) return false;
  size_t path = url.find('/', host);
  if (path != std::string::npos) c.base_path = url.substr(path);
  return true;
}

std::string site_folder_problem(std::string_view dir) {
  if (dir.starts_with('/')) return "is an absolute path; write a folder inside the site";
  bool any = false;
  for (const auto& seg : fs::path(dir)) {
    if (seg == "..") return "leaves the site folder; write a folder inside the site";
    any |= !seg.empty() && seg != ".";
  }
  if (!any) return "is the site folder itself; write a folder inside the site";
  if (dir.find('\\') != std::string_view::npos)
    return "holds a backslash; separate folders with '/'";
  return {};
}

std::string normal_folder(std::string_view dir) {
  std::string out;
  for (const auto& seg : fs::path(dir)) {
    if (seg.empty() || seg == ".") continue;
    if (!out.empty()) out += '/';
    out += seg.string();
  }
  return out;
}

}  // namespace bengal::config
