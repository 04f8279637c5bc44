#include "bengal/serve/mime_type.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace bengal::serve {
namespace {

// Sorted by extension, for binary search. Text types say utf-8: bengal writes only UTF-8.
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> kTypes{{
    {"atom", "application/atom+xml; charset=utf-8"},
    {"avif", "image/avif"},
    {"css", "text/css; charset=utf-8"},
    {"csv", "text/csv; charset=utf-8"},
    {"gif", "image/gif"},
    {"htm", "text/html; charset=utf-8"},
    {"html", "text/html; charset=utf-8"},
    {"ico", "image/x-icon"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"js", "text/javascript; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"md", "text/markdown; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"mp4", "video/mp4"},
    {"otf", "font/otf"},
    {"pdf", "application/pdf"},
    {"png", "image/png"},
    {"rss", "application/rss+xml; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"ttf", "font/ttf"},
    {"txt", "text/plain; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"webm", "video/webm"},
    {"webp", "image/webp"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"xml", "application/xml; charset=utf-8"},
}};

static_assert(std::is_sorted(kTypes.begin(), kTypes.end()));

}  // namespace

std::string_view mime_type(std::string_view path) {
  constexpr std::string_view kUnknown = "application/octet-stream";
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return kUnknown;
  }
  std::string ext(path.substr(dot + 1));
  if (ext.size() > 8) return kUnknown;
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  auto it = std::lower_bound(kTypes.begin(), kTypes.end(), std::string_view(ext),
                             [](const auto& entry, std::string_view e) { return entry.first < e; });
  return it != kTypes.end() && it->first == ext ? it->second : kUnknown;
}

}  // namespace bengal::serve
