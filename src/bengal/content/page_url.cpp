#include "bengal/content/page_url.hpp"

#include <vector>

#include <fmt/format.h>

#include "bengal/content/markdown_files.hpp"

namespace bengal::content {
namespace {

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// Characters a URL path cannot hold as they are: they end the path ('?', '#'), start an escape
// ('%'), are read as '/' by browsers ('\\'), or must be escaped in a link ('"', '<', '>', '^',
// '`', '{', '|', '}'). Every link, sitemap and feed writes a page's URL as it is, so none of
// them may stand in one.
bool breaks_url_path(char c) {
  return std::string_view("?#%\\\"<>^`{|}").find(c) != std::string_view::npos || is_control(c);
}

}  // namespace

std::string url_segment(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || breaks_url_path(c)) {
      out += '-';
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string default_page_url(std::string_view source_path, PageKind kind, std::string_view slug) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= source_path.size()) {
    size_t slash = source_path.find('/', start);
    if (slash == std::string_view::npos) slash = source_path.size();
    parts.push_back(source_path.substr(start, slash - start));
    start = slash + 1;
  }
  // The last part is the file: _index.md and index.md (any Markdown extension) stand for their
  // folder.
  std::string_view file = parts.back();
  parts.pop_back();
  if (kind == PageKind::kPage && !is_index_file(file)) parts.push_back(page_stem(file));
  std::string url = "/";
  for (size_t i = 0; i < parts.size(); ++i) {
    bool last = i + 1 == parts.size();
    url += (last && !slug.empty()) ? std::string(slug) : url_segment(parts[i]);
    url += '/';
  }
  return url;
}

namespace {

// A file or folder name holds at most 255 bytes (NAME_MAX on Linux, macOS and Windows' NTFS);
// a longer segment could not be written. A whole URL past 2,000 bytes is one that some
// servers, proxies and search engines refuse.
constexpr size_t kMaxSegmentBytes = 255;
constexpr size_t kMaxUrlBytes = 2000;

std::string unusable_character(std::string_view field, char c) {
  // A percent escape is written as the character itself: the output path is the URL as it is.
  std::string_view fix = c == '%' ? "write the character an escape stands for ('/café/', not "
                                    "'/caf%C3%A9/')"
                                  : "leave it out or write a '-'";
  return fmt::format("{} must not contain '{}', which a URL path cannot hold as it is; {}", field,
                     c, fix);
}

}  // namespace

UrlCheck normalize_url(std::string_view url) {
  if (url.size() > kMaxUrlBytes)
    return {{},
            fmt::format("url is {} bytes long; write one of at most {}", url.size(), kMaxUrlBytes)};
  if (url.find("://") != std::string_view::npos || url.starts_with("//"))
    return {{}, "url must be a path on this site such as /docs/intro/, not an address"};
  std::string out = "/";
  size_t start = 0;
  bool ends_with_slash = url.ends_with('/');
  std::string_view last;
  while (start < url.size()) {
    size_t slash = url.find('/', start);
    if (slash == std::string_view::npos) slash = url.size();
    std::string_view seg = url.substr(start, slash - start);
    start = slash + 1;
    if (seg.empty()) continue;
    if (seg == "." || seg == "..")
      return {{}, "url must not contain '.' or '..' segments; write the path from the site root"};
    for (char c : seg) {
      if (c == '\\' || is_control(c))
        return {{}, "url must not contain backslashes or control characters"};
      if (breaks_url_path(c)) return {{}, unusable_character("url", c)};
    }
    if (seg.size() > kMaxSegmentBytes) {
      return {{},
              fmt::format("url has a part of {} bytes between slashes, longer than a file "
                          "name can be ({} bytes); shorten it",
                          seg.size(), kMaxSegmentBytes)};
    }
    out.append(seg);
    out += '/';
    last = seg;
  }
  // A last segment with an extension names a file, unless the author ended it with '/'.
  if (!last.empty() && !ends_with_slash && last.find('.') != std::string_view::npos) out.pop_back();
  return {out, {}};
}

std::string check_slug(std::string_view slug) {
  if (slug == "." || slug == "..") return "slug must not be '.' or '..'";
  for (char c : slug) {
    if (c == '/' || c == '\\')
      return "slug must be a single path segment without '/' or '\\'; use url for a whole path";
    if (is_control(c)) return "slug must not contain control characters";
    if (breaks_url_path(c)) return unusable_character("slug", c);
  }
  if (slug.size() > kMaxSegmentBytes) {
    return fmt::format(
        "slug is {} bytes long, longer than a file name can be ({} bytes); "
        "shorten it",
        slug.size(), kMaxSegmentBytes);
  }
  return {};
}

std::string output_path_for_url(std::string_view url) {
  std::string path(url.substr(url.starts_with('/') ? 1 : 0));
  if (path.empty() || path.ends_with('/')) path += "index.html";
  return path;
}

}  // namespace bengal::content
