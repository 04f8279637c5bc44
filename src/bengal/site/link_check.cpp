#include "bengal/site/link_check.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "bengal/core/file_io.hpp"
#include "bengal/core/string_pool.hpp"
#include "bengal/core/url_path.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"

namespace bengal::site {

namespace {

using LinkFn = std::function<void(StrId, std::string_view, uint32_t, const LinkTarget&)>;

// Calls `fn` for each of a page's `targets` (with their `lines`), resolved by `resolve`.
template <typename Resolve>
void for_each_target(const Site& site, content::StrRange targets, content::StrRange lines,
                     Resolve resolve, const LinkFn& fn) {
  const auto& t = site.table;
  auto names = t.list(targets);
  auto nums = t.number_list(lines);
  for (size_t i = 0; i < names.size(); ++i) {
    std::string_view target = t.str(names[i]);
    fn(names[i], target, i < nums.size() ? nums[i] : 0, resolve(target));
  }
}

}  // namespace

void for_each_link(const Site& site, PageId id, const LinkFn& fn) {
  const auto& m = site.table.pages[id];
  for_each_target(
      site, m.links, m.link_lines,
      [&](std::string_view target) { return site.xref.resolve_link(id, target); }, fn);
  const content::PageExtras& e = site.table.extras_of(m);
  for_each_target(
      site, e.wiki_links, e.wiki_link_lines,
      [&](std::string_view target) { return site.xref.resolve_wiki(id, target); }, fn);
}

bool publishes_raw_html(const Site& site, PageId id) {
  return site.config.markdown_unsafe || site.table.is_html_page(id);
}

void for_each_html_link(const Site& site, PageId id, const LinkFn& fn) {
  if (!publishes_raw_html(site, id)) return;
  const content::PageExtras& e = site.table.extras_of(site.table.pages[id]);
  for_each_target(
      site, e.html_links, e.html_link_lines,
      [&](std::string_view target) { return resolve_html_link(site, id, target); }, fn);
}

LinkTarget resolve_html_link(const Site& site, PageId from, std::string_view target) {
  PageId page = kNoPage;
  if (target.starts_with('#') || target.starts_with('?'))
    page = from;  // "#x", "?tab=2#x": this page
  else if (is_site_link(target))
    page = page_of_html_link(site, from, target);
  if (page == kNoPage) return {};
  size_t hash = target.find('#');
  if (hash == std::string_view::npos) return site.xref.with_anchor(page, {});
  // As a browser finds the element: by the fragment decoded.
  std::string_view fragment = target.substr(hash + 1);
  std::string decoded;
  if (fragment.find('%') != std::string_view::npos) fragment = decoded = percent_decoded(fragment);
  return site.xref.with_anchor(page, fragment);
}

bool is_broken(LinkTarget::Status status) {
  return status == LinkTarget::Status::kMissingPage ||
         status == LinkTarget::Status::kMissingAnchor ||
         status == LinkTarget::Status::kUnknownProject;
}

bool is_site_link(std::string_view target) {
  // As a browser reads an href: without leading spaces and controls, and without any tab or
  // line break (" \tjavascript:x" has a scheme). Every link of every page comes here each
  // build, so a copy is made only for a target that holds a tab or line break.
  while (!target.empty() && static_cast<unsigned char>(target.front()) <= 0x20)
    target.remove_prefix(1);
  std::string without_breaks;
  if (target.find_first_of("\t\n\r") != std::string_view::npos) {
    for (char c : target)
      if (c != '\t' && c != '\n' && c != '\r') without_breaks += c;
    target = without_breaks;
  }
  return !target.empty() && !target.starts_with('#') && !target.starts_with('?') &&
         !target.starts_with("//") && !has_url_scheme(target);
}

std::string site_path_of(const Site& site, PageId page, std::string_view target) {
  if (target.starts_with('/')) return std::string(target);
  return resolve_url_path(site.rel_url(page), target);
}

namespace {

// The path a server is asked for at the site path `target`: its query and fragment dropped,
// taken from below `base_path` when it lies there (`below`; always, without a base path),
// %XX decoded.
std::string requested_path(std::string_view target, std::string_view base_path, bool& below) {
  std::string_view path = target.substr(0, target.find_first_of("?#"));
  below = base_path.empty() || is_below_base_path(path, base_path);
  if (!base_path.empty() && below) path.remove_prefix(base_path.size());
  return percent_decoded(path);
}

}  // namespace

PageId page_of_html_link(const Site& site, PageId page, std::string_view target) {
  bool below = false;
  std::string url = requested_path(site_path_of(site, page, target), site.config.base_path, below);
  if (!below) return kNoPage;
  // "/docs/guide" is the folder of the page at "/docs/guide/", where a server sends it.
  if (url.empty() || !url.ends_with('/')) url += '/';
  return site.xref.by_url(url);
}

std::string output_file_of(std::string_view target, std::string_view base_path) {
  bool below = false;
  std::string file = requested_path(target, base_path, below);
  file.erase(0, file.find_first_not_of('/'));
  if (file.empty() || file.ends_with('/')) file += "index.html";
  return file;
}

bool is_unchecked_path(const Site& site, std::string_view path) {
  const auto& unchecked = site.config.unchecked_paths;
  return std::any_of(unchecked.begin(), unchecked.end(),
                     [&](const std::string& prefix) { return path.starts_with(prefix); });
}

bool is_outside_base_path(const Site& site, std::string_view path, bool as_written) {
  return as_written && path.starts_with('/') && !is_below_base_path(path, site.config.base_path);
}

std::vector<LinkProblem> find_unpublished_paths(const Site& site, std::span<const SiteLink> links) {
  std::vector<LinkProblem> unpublished;
  ColdPass cold(site.table.strings);  // the targets are cold text
  PageId last = kNoPage;
  for (const SiteLink& link : links) {
    if (link.page != last) cold.next();
    last = link.page;
    std::string_view target = site.str(link.target);
    std::string path = site_path_of(site, link.page, target);
    if (is_unchecked_path(site, path)) continue;
    std::string file = output_file_of(path, site.config.base_path);
    // "/a/b" is served from a/b, or redirected to a/b/ when that is a folder with a page.
    if (is_outside_base_path(site, path, link.as_written) ||
        (!site.outputs.holder(file) && !site.outputs.holder(file + "/index.html")))
      unpublished.push_back({link.page, link.line, std::string(target),
                             LinkTarget::Status::kExternal, 0, link.kind, link.as_written});
  }
  return unpublished;
}

std::vector<LinkProblem> find_broken_links(const Site& site) {
  std::vector<LinkProblem> problems;
  ColdPass cold(site.table.strings);  // links as written are cold text
  for (PageId id : site.rendered()) {
    cold.next();
    auto check = [&](StrId, std::string_view target, uint32_t line, const LinkTarget& r) {
      if (is_broken(r.status)) problems.push_back({id, line, std::string(target), r.status});
    };
    for_each_link(site, id, check);
    for_each_html_link(site, id, check);
  }
  return problems;
}

namespace {

// Whether the destination that starts `rest`, as Markdown reads it (backslash escapes and
// character references decoded: "a&amp;b.md", "a\_b.md"), starts with `target`. Stops at the
// first character that differs, so that a line of many openers stays linear in practice.
bool destination_starts_with(std::string_view rest, std::string_view ends,
                             std::string_view target) {
  std::string out;
  for (size_t i = 0; i < rest.size() && out.size() < target.size(); ++i) {
    char c = rest[i];
    if (ends.find(c) != std::string_view::npos) break;
    if (c == '\\' && i + 1 < rest.size() && std::ispunct(static_cast<unsigned char>(rest[i + 1]))) {
      out += rest[++i];
    } else if (size_t semi = c == '&' ? rest.substr(i, 34).find(';') : std::string_view::npos;
               semi != std::string_view::npos) {
      // A reference is at most 34 bytes: "&", the longest name (32) and ";".
      markdown::append_entity(out, rest.substr(i, semi + 1));
      i += semi;
    } else {
      out += c;
    }
    if (!target.starts_with(std::string_view(out).substr(0, target.size()))) return false;
  }
  return out.size() >= target.size();
}

}  // namespace

uint32_t target_column(std::string_view line, std::string_view target) {
  if (target.empty()) return 0;
  // Where the syntax puts a target: a wiki link's "[[", a link's "](" (or "](<"), a reference
  // definition's "]: "; else anywhere on the line. Each opener with the characters that end
  // its destination.
  static constexpr std::pair<std::string_view, std::string_view> kOpeners[] = {
      {"[[", "]|"}, {"](<", ">\n"}, {"](", " )\n"}, {"]: ", " \n"}};
  // The column of the first destination, after any opener, for which `starts` holds.
  auto after_opener = [&](auto starts) -> uint32_t {
    for (auto [opener, ends] : kOpeners) {
      for (size_t at = line.find(opener); at != std::string_view::npos;
           at = line.find(opener, at + 1)) {
        if (starts(line.substr(at + opener.size()), ends))
          return static_cast<uint32_t>(at + opener.size() + 1);
      }
    }
    return 0;
  };
  if (uint32_t column = after_opener(
          [&](std::string_view rest, std::string_view) { return rest.starts_with(target); }))
    return column;
  if (size_t at = line.find(target); at != std::string_view::npos)
    return static_cast<uint32_t>(at + 1);
  // Spelled otherwise in the file: an entity or an escape the parser decoded.
  return after_opener([&](std::string_view rest, std::string_view ends) {
    return destination_starts_with(rest, ends, target);
  });
}

namespace {

// The lines after a link's first one where its destination is looked for: a paragraph's
// worth of link text.
constexpr size_t kLinkTextLines = 20;

// The column of `target` in `line` when the line is a reference definition of it
// ("[ref]: target", up to three spaces before, "<target>" too), else 0.
uint32_t definition_column(std::string_view line, std::string_view target) {
  size_t at = 0;
  while (at < 3 && at < line.size() && line[at] == ' ') ++at;
  if (at >= line.size() || line[at] != '[') return 0;
  size_t close = line.find("]:", at);
  if (close == std::string_view::npos) return 0;
  at = close + 2;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (at < line.size() && line[at] == '<') ++at;
  return line.substr(at).starts_with(target) ? static_cast<uint32_t>(at + 1) : 0;
}

}  // namespace

void locate_columns(const Site& site, const std::filesystem::path& content_dir,
                    std::vector<LinkProblem>& problems) {
  std::string text, error;
  std::vector<size_t> starts;  // where each line of `text` starts
  PageId loaded = kNoPage;
  bool readable = false;
  for (LinkProblem& p : problems) {
    if (p.page != loaded) {
      loaded = p.page;
      readable = read_file(content_dir / std::string(site.source_path(p.page)), text, error);
      // Hugo's refs are found where the page's parse saw them, as "@ref:" links.
      if (readable) markdown::rewrite_ref_links(text);
      starts.assign(1, 0);
      for (size_t nl = text.find('\n'); readable && nl != std::string::npos;
           nl = text.find('\n', nl + 1))
        starts.push_back(nl + 1);
    }
    if (!readable || p.line == 0 || p.line > starts.size()) continue;
    auto line = [&](size_t n) {  // 1-based
      size_t end = n < starts.size() ? starts[n] : text.size();
      return std::string_view(text).substr(starts[n - 1], end - starts[n - 1]);
    };
    p.column = target_column(line(p.line), p.target);
    if (p.column != 0 || p.target.empty()) continue;
    // Moves the problem to the first line of [first, last] where `column_of` finds its target.
    // A reference definition there is a reference link's: its own line stays in `used_on`.
    auto move_to = [&](size_t first, size_t last,
                       uint32_t (*column_of)(std::string_view, std::string_view)) {
      for (size_t n = first; n <= last; ++n) {
        if (uint32_t column = column_of(line(n), p.target)) {
          if (definition_column(line(n), p.target) != 0) p.used_on = p.line;
          p.line = static_cast<uint32_t>(n);
          p.column = column;
          return true;
        }
      }
      return false;
    };
    // A link's text may run over lines: its destination then stands on a later one. Else it
    // is a reference link, whose definition holds the target anywhere in the file.
    if (!move_to(p.line + 1, std::min<size_t>(starts.size(), p.line + kLinkTextLines),
                 target_column))
      move_to(1, starts.size(), definition_column);
  }
}

namespace {

// The page and anchor of a link to a missing anchor. The problem does not say whether the link
// was Markdown's, a wiki link or raw HTML's: the one that reads it as a missing anchor of a
// page is the one.
std::optional<LinkTarget> missing_anchor(const Site& site, const LinkProblem& p) {
  LinkTarget t = site.xref.resolve_link(p.page, p.target);
  if (t.status != LinkTarget::Status::kMissingAnchor) t = site.xref.resolve_wiki(p.page, p.target);
  if (t.status != LinkTarget::Status::kMissingAnchor) t = resolve_html_link(site, p.page, p.target);
  if (t.status != LinkTarget::Status::kMissingAnchor) return std::nullopt;
  return t;
}

// Whether the page's raw HTML has the missing anchor as an id, left out as raw HTML is not
// published: a README's <a name="install"></a> over a heading.
bool in_unpublished_html(const Site& site, const LinkTarget& t) {
  if (publishes_raw_html(site, t.page)) return false;
  const content::PageTable& table = site.table;
  auto ids = table.list(table.extras_of(table.pages[t.page]).html_ids);
  return std::any_of(ids.begin(), ids.end(), [&](StrId id) { return table.str(id) == t.anchor; });
}

std::string missing_anchor_message(const Site& site, const LinkProblem& p) {
  std::optional<LinkTarget> t = missing_anchor(site, p);
  if (t && in_unpublished_html(site, *t)) {
    return fmt::format(
        "link to missing anchor '{}': the page's raw HTML has an element with that id, but raw "
        "HTML is not published; set [markdown] unsafe = true to publish it, or add {{#id}} to a "
        "heading",
        p.target);
  }
  if (std::string_view similar = t ? site.xref.similar_anchor(t->page, t->anchor) : "";
      !similar.empty()) {
    return fmt::format(
        "link to missing anchor '{}': the page has no heading with that id, but one with the id "
        "'{}'; write that (GitHub and bengal write heading ids differently: [markdown] "
        "heading_ids chooses the rule)",
        p.target, similar);
  }
  if (t && site.table.is_html_page(t->page)) {
    return fmt::format(
        "link to missing anchor '{}': the page has no element with that id; fix the anchor or "
        "give an element of the page id=\"{}\"",
        p.target, t->anchor);
  }
  return fmt::format(
      "link to missing anchor '{}': the page has no heading with that id; fix the anchor or add "
      "{{#id}} to a heading",
      p.target);
}

// The page that `p` links to when that page is not written (headless, `render: never`), else
// kNoPage.
PageId unrendered_target(const Site& site, const LinkProblem& p) {
  if (!site.unrendered_xref) return kNoPage;
  LinkTarget t = site.unrendered_xref->resolve_link(p.page, p.target);
  if (t.page == kNoPage) t = site.unrendered_xref->resolve_wiki(p.page, p.target);
  return t.page;
}

std::string message_of(const Site& site, const LinkProblem& p) {
  if (p.status == LinkTarget::Status::kExternal) {
    std::string resolved =
        p.target.starts_with('/')
            ? std::string()
            : fmt::format(" (from this page's URL, {})", site_path_of(site, p.page, p.target));
    auto [what, fix] =
        p.kind == RefKind::kImage ? std::pair{"image", "image's source"}
        : p.kind == RefKind::kMedia
            ? std::pair{"media file", p.as_written ? "element's src" : "directive's path"}
        : p.kind == RefKind::kEmbed ? std::pair{"embedded file", "element's URL"}
                                    : std::pair{"link to", "link"};
    if (is_outside_base_path(site, p.target, p.as_written)) {
      const std::string& base = site.config.base_path;
      return fmt::format(
          "{} '{}': the site is published below {}/, and raw HTML is published as written, so "
          "this path is outside it; write '{}{}' or a relative path",
          what, p.target, base, base, p.target);
    }
    return fmt::format(
        "{} '{}'{}: the site publishes nothing at that path (no page, and no file of "
        "static/ or content/); fix the {}, or if another server publishes it, add the path to "
        "[build] unchecked_paths",
        what, p.target, resolved, fix);
  }
  if (p.status == LinkTarget::Status::kUnknownProject) {
    ExternalRef ext;
    parse_external_ref(p.target, ext);
    if (std::string_view index = site.xref.external_index(ext.project); !index.empty()) {
      return fmt::format(
          "external link '{}': project '{}' is resolved through the remote index {}, which "
          "bengal does not fetch (a build reads nothing from the network); add a URL template "
          "for it under external_refs.templates, such as {} = \"https://example.org/{{target}}\"",
          p.target, ext.project, index, ext.project);
    }
    return fmt::format(
        "external link '{}': no URL template for project '{}'; add it under "
        "external_refs.templates in the config, such as {} = \"https://example.org/{{target}}\"",
        p.target, ext.project, ext.project);
  }
  if (p.status == LinkTarget::Status::kMissingAnchor) return missing_anchor_message(site, p);
  if (p.target.starts_with("id:")) {
    return fmt::format("link to missing page '{}': no page has the front matter id '{}'", p.target,
                       p.target.substr(3));
  }
  if (p.target.starts_with('!')) {
    return fmt::format("link to missing target '{}': no page has a `target` directive '{}'",
                       p.target, p.target.substr(1));
  }
  if (PageId hidden = unrendered_target(site, p); hidden != kNoPage) {
    return fmt::format(
        "link to '{}': {}/{} is not published (it is headless, or its _build or its "
        "section's cascade says render never); link to a published page instead",
        p.target, site.config.content_dir, site.source_path(hidden));
  }
  if (p.target.starts_with(markdown::kHugoRefScheme)) {
    return fmt::format(
        "Hugo ref '{}' finds no page; check the path (from this file's folder, or from the "
        "content folder with a leading /; the extension may be left out)",
        p.target.substr(markdown::kHugoRefScheme.size()));
  }
  return fmt::format(
      "link to missing page '{}'; check the path (relative to this file, or from the content "
      "folder with a leading /)",
      p.target);
}

}  // namespace

Diagnostic describe(const Site& site, const LinkProblem& p, bool as_errors) {
  std::string file = site.config.content_dir + "/" + std::string(site.source_path(p.page));
  std::string message = message_of(site, p);
  if (p.used_on != 0)
    message += fmt::format(" (the definition of the reference link on line {})", p.used_on);
  return {as_errors ? Severity::kError : Severity::kWarning, file, p.line, p.column,
          std::move(message)};
}

}  // namespace bengal::site
