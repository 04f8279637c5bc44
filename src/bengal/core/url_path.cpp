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
