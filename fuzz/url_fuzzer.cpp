// Page URLs and slugs from front matter (`url`, `slug`) and file paths. Besides not crashing, a
// URL that is accepted must map to an output path that stays inside the output directory, and
// a relative link resolved from a page's URL (the site-link check) must be a site path with no
// "." or ".." segment left.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bengal/content/page_url.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/core/url_path.hpp"
#include "bengal/markdown/markdown.hpp"

namespace content = bengal::content;

namespace {

// Whether `path` has the segment `seg` ("" finds an empty segment, as in "a//b").
bool has_segment(std::string_view path, std::string_view seg) {
  std::string wrapped = "/", needle = "/";
  wrapped.append(path) += '/';
  needle.append(seg) += '/';
  return wrapped.find(needle) != std::string::npos;
}

// An absolute path or one with a "." or ".." segment could name a file outside the folder.
bool escapes(std::string_view path) {
  return path.starts_with('/') || has_segment(path, ".") || has_segment(path, "..");
}

// What normalize_url promises beyond that: no empty segment, backslash or control character.
bool clean(std::string_view path) {
  if (escapes(path) || has_segment(path, "")) return false;
  for (char c : path)
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
}

// As discovery finds pages: a relative path of non-empty segments, none hidden (".x", "x~"),
// naming a .md file.
bool visible_markdown_path(std::string_view path) {
  std::string wrapped = "/";
  wrapped.append(path) += '/';
  return path.ends_with(".md") && path.find('\\') == std::string_view::npos &&
         wrapped.find("//") == std::string::npos && wrapped.find("/.") == std::string::npos &&
         wrapped.find("~/") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  content::UrlCheck url = content::normalize_url(input);
  if (url.error.empty() && !clean(content::output_path_for_url(url.url))) std::abort();

  // Input as "source path\nslug". Discovery only passes paths of visible .md files, and only
  // slugs that check_slug accepts; such a page must be written inside the output directory.
  size_t nl = input.find('\n');
  std::string_view path = input.substr(0, nl);
  std::string_view slug = nl == std::string_view::npos ? "" : input.substr(nl + 1);
  if (content::check_slug(slug).empty()) {
    bool discoverable = visible_markdown_path(path);
    for (auto kind :
         {content::PageKind::kPage, content::PageKind::kSection, content::PageKind::kHome}) {
      std::string page_url = content::default_page_url(path, kind, slug);
      if (discoverable && escapes(content::output_path_for_url(page_url))) std::abort();
    }
  }

  // Input as "page URL\nrelative link", as the site-link check resolves a link.
  if (!path.empty() && path.starts_with('/') &&
      path.find_first_of("?#") == std::string_view::npos) {
    std::string resolved = bengal::resolve_url_path(path, slug);
    std::string_view tail = slug.substr(std::min(slug.find_first_of("?#"), slug.size()));
    if (!resolved.starts_with('/') || !resolved.ends_with(tail)) std::abort();
    std::string_view resolved_path(resolved.data() + 1, resolved.size() - 1 - tail.size());
    if (has_segment(resolved_path, ".") || has_segment(resolved_path, "..")) std::abort();
  }

  // Taxonomy term slugs become one path segment each.
  std::string term = bengal::slugify(input);
  if (!term.empty() && !content::check_slug(term).empty()) std::abort();
  bengal::markdown::heading_slug(input);
  return 0;
}
