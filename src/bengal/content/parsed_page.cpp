#include "bengal/content/parsed_page.hpp"

#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "bengal/content/dated_names.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/content/permalinks.hpp"

namespace bengal::content {
namespace {

// Line and column of `key` (quoted too, as in JSON) where it starts a line of the front matter,
// so errors about a field's value point at the field. (0, 0) when not found.
std::pair<uint32_t, uint32_t> find_key(std::string_view text, size_t limit, std::string_view key) {
  uint32_t line = 1;
  size_t pos = 0;
  while (pos < limit && pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    size_t indent = l.find_first_not_of(" \t");
    // A JSON key is quoted: "slug": "x".
    size_t quote = indent != std::string_view::npos && l[indent] == '"' ? 1 : 0;
    if (indent != std::string_view::npos && l.substr(indent + quote).starts_with(key) &&
        (quote == 0 || l.substr(indent + quote + key.size()).starts_with('"'))) {
      std::string_view rest = l.substr(indent + key.size() + 2 * quote);
      size_t k = rest.find_first_not_of(" \t");
      if (k != std::string_view::npos && (rest[k] == ':' || rest[k] == '='))
        return {line, static_cast<uint32_t>(indent + 1)};
    }
    pos = end + 1;
    ++line;
  }
  return {0, 0};
}

// What to do when a page cannot be read, after read_file's reason.
std::string_view read_remedy(std::string_view error) {
  if (error.starts_with("larger than")) return "split it into smaller pages";
  return "check that it exists and is readable";
}

// A page without a title takes its first <h1>'s text; a body that starts with an <h1> equal
// to the front matter title would show it twice. Either way the <h1> leaves the body: true,
// with its lines in `heading`.
bool take_title_heading(FrontMatter& fm, std::string_view body, markdown::TitleHeading& heading) {
  markdown::TitleHeading found = markdown::find_title_heading(body, fm.has_title);
  if (found.first_line == 0 || found.text.empty()) return false;
  if (!fm.has_title) {
    fm.title = found.text;
    fm.has_title = true;
  } else if (!found.first_block || found.text != fm.title) {
    return false;
  }
  heading = std::move(found);
  return true;
}

// The page's URL from its path, slug and url fields; a bad slug or url is reported and
// ignored.
void set_url(const PageContext& context, std::string_view file_text, ParsedPage& out) {
  std::string slug = out.fm.slug;
  if (!slug.empty()) {
    if (std::string err = check_slug(slug); !err.empty()) {
      auto [line, col] = find_key(file_text, out.body_offset, "slug");
      out.url_diagnostics.push_back(
          make_error(std::string(context.display), line, col, err + "; the slug was ignored"));
      slug.clear();
    }
  }
  out.url =
      context.kind == PageKind::kHome ? "/" : default_page_url(context.rel, context.kind, slug);
  if (out.fm.url.empty()) {
    // A page's own Jekyll permalink, else its section's pattern; the url is the page's own.
    bool own = !out.fm.permalink_pattern.empty();
    std::string_view pattern = own ? std::string_view(out.fm.permalink_pattern) : context.permalink;
    if (pattern.empty() || context.kind == PageKind::kHome) return;
    PermalinkUrl expanded =
        expand_permalink(pattern, own ? PermalinkDialect::kJekyll : PermalinkDialect::kHugo,
                         context.rel, context.kind, out.fm);
    if (expanded.error.empty()) {
      out.url = std::move(expanded.url);
    } else if (own) {
      auto [line, col] = find_key(file_text, out.body_offset, "permalink");
      out.url_diagnostics.push_back(
          make_error(std::string(context.display), line, col,
                     fmt::format("permalink '{}': {}; the page keeps its default URL", pattern,
                                 expanded.error)));
    } else {
      out.url_diagnostics.push_back(
          make_error(std::string(context.display), 0, 0,
                     fmt::format("[permalinks] pattern '{}' of its section: {}; the page keeps its "
                                 "default URL",
                                 pattern, expanded.error)));
    }
    return;
  }
  UrlCheck check = normalize_url(out.fm.url);
  if (check.error.empty()) {
    out.url = std::move(check.url);
  } else {
    auto [line, col] = find_key(file_text, out.body_offset, "url");
    if (line == 0) std::tie(line, col) = find_key(file_text, out.body_offset, "permalink");
    out.url_diagnostics.push_back(
        make_error(std::string(context.display), line, col, check.error + "; the url was ignored"));
  }
}

}  // namespace

ParsedPage parse_page(const PageContext& context, std::string_view file_text) {
  ParsedPage out;
  out.source_hash = source_hash(file_text);
  FrontMatterResult fm = parse_front_matter(file_text, context.display);
  out.diagnostics = std::move(fm.diagnostics);
  if (!fm.ok) return out;
  out.fm = std::move(fm.fm);
  // A page named after a day ("2024-01-31-welcome.md") whose front matter gives no date is of
  // that day.
  if (context.kind == PageKind::kPage && !out.fm.date && !out.fm.publishdate) {
    if (auto dated = dated_name(page_name(context.rel))) out.fm.date = dated->date;
  }
  out.body_offset = fm.body_offset;
  out.body_line = fm.body_line;
  std::string_view body = file_text.substr(fm.body_offset);
  if (is_html_file(context.rel)) {  // published as it is written: no title taken from it
    out.scan = markdown::scan_html_body(body);
    set_url(context, file_text, out);
    out.ok = true;
    return out;
  }
  std::string without_title;
  if (take_title_heading(out.fm, body, out.title_heading)) {
    without_title =
        markdown::without_lines(body, out.title_heading.first_line, out.title_heading.last_line);
    body = without_title;
  }
  out.scan = markdown::scan_body(body, context.scan);
  set_url(context, file_text, out);
  out.ok = true;
  return out;
}

ParsedPage unreadable_page(std::string_view display, std::string_view read_error) {
  ParsedPage out;
  out.diagnostics.push_back(
      make_error(std::string(display), 0, 0,
                 fmt::format("cannot read file: {}; {}", read_error, read_remedy(read_error))));
  return out;
}

}  // namespace bengal::content
