#include "bengal/core/url_path.hpp"

#include <algorithm>

#include "bengal/core/hex.hpp"

namespace bengal {
namespace {

bool site_absolute(std::string_view url) {
  return url.starts_with('/') && !url.starts_with("//");
}

}  // namespace

std::string relative_url_path(std::string_view from, std::string_view to) {
  if (!site_absolute(from) || !site_absolute(to)) return std::string(to);
  // Only the paths' folders count: from's page name, to's query and fragment stay out.
  from = from.substr(0, from.find_first_of("?#"));
  size_t tail_at = std::min(to.find_first_of("?#"), to.size());
  std::string_view tail = to.substr(tail_at);
  std::string_view path = to.substr(0, tail_at);
  std::string_view from_dir = from.substr(0, from.rfind('/') + 1);
  // The longest common prefix that ends at a "/": the folder both are under.
  size_t common = 0;
  for (size_t i = 0; i < std::min(from_dir.size(), path.size()) && from_dir[i] == path[i]; ++i)
    if (from_dir[i] == '/') common = i + 1;
  std::string out;
  for (size_t i = common; i < from_dir.size(); ++i)
    if (from_dir[i] == '/') out += "../";
  out.append(path.substr(common));
  if (out.empty()) out = "./";
  out.append(tail);
  return out;
}

bool has_url_scheme(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

std::string resolve_url_path(std::string_view base, std::string_view relative) {
  size_t tail_at = std::min(relative.find_first_of("?#"), relative.size());
  std::string joined(base.substr(0, base.rfind('/') + 1));
  joined.append(relative.substr(0, tail_at));
  // RFC 3986's remove_dot_segments, segment by segment; the output keeps its leading '/'.
  std::string out;
  size_t start = joined.starts_with('/') ? 1 : 0;
  while (start <= joined.size()) {
    size_t slash = std::min(joined.find('/', start), joined.size());
    std::string_view seg = std::string_view(joined).substr(start, slash - start);
    bool last = slash == joined.size();
    if (seg == "..") {
      // Drops the last segment of `out` ("docs/a/" -> "docs/"); at the root, nothing.
      size_t cut = out.size() < 2 ? std::string::npos : out.rfind('/', out.size() - 2);
      out.resize(cut == std::string::npos ? 0 : cut + 1);
      if (last) break;
    } else if (seg != ".") {
      out.append(seg);
      if (!last) out += '/';
    }
    start = slash + 1;
  }
  out.insert(0, "/");
  out.append(relative.substr(tail_at));
  return out;
}

bool is_below_base_path(std::string_view path, std::string_view base) {
  if (!path.starts_with(base)) return false;
  return path.size() == base.size() || base.empty() || path[base.size()] == '/' ||
         path[base.size()] == '?' || path[base.size()] == '#';
}

std::string percent_decoded(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    int high = 0, low = 0;
    if (path[i] == '%' && i + 2 < path.size() && (high = hex_digit(path[i + 1])) >= 0 &&
        (low = hex_digit(path[i + 2])) >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += path[i];
    }
  }
  return out;
}

}  // namespace bengal
