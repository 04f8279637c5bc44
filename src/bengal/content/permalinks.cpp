#include "bengal/content/permalinks.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "bengal/content/dated_names.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/core/unicode_case.hpp"

namespace bengal::content {
namespace {

// The placeholders each dialect fills, as Hugo's and Jekyll's documentation name them.
constexpr std::string_view kHugo[] = {"year",
                                      "month",
                                      "monthname",
                                      "day",
                                      "weekday",
                                      "weekdayname",
                                      "yearday",
                                      "section",
                                      "sections",
                                      "title",
                                      "slug",
                                      "filename",
                                      "slugorfilename",
                                      "contentbasename",
                                      "slugorcontentbasename"};
constexpr std::string_view kJekyll[] = {"year",  "month",      "day",        "i_month",
                                        "i_day", "short_year", "y_day",      "title",
                                        "slug",  "name",       "categories", "output_ext"};

bool known(std::string_view name, PermalinkDialect dialect) {
  auto in = [&](const auto& names) {
    for (std::string_view n : names)
      if (n == name) return true;
    return false;
  };
  return dialect == PermalinkDialect::kHugo ? in(kHugo) : in(kJekyll);
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Calls `text(piece)` for the pattern's literal text and `placeholder(name)` for each ":name".
template <typename Text, typename Placeholder>
void walk(std::string_view pattern, Text&& text, Placeholder&& placeholder) {
  size_t i = 0;
  while (i < pattern.size()) {
    size_t colon = pattern.find(':', i);
    if (colon == std::string_view::npos) colon = pattern.size();
    text(pattern.substr(i, colon - i));
    if (colon == pattern.size()) break;
    size_t end = colon + 1;
    while (end < pattern.size() && is_name_char(pattern[end])) ++end;
    if (end == colon + 1) {
      text(":");
    } else {
      placeholder(pattern.substr(colon + 1, end - colon - 1));
    }
    i = end;
  }
}

// The folder the page belongs to, relative to the content dir: "a/b" for "a/b/c.md",
// "a/b/trip/index.md" and "a/b/_index.md".
std::string_view section_folder(std::string_view rel, PageKind kind) {
  std::string_view dir =
      rel.substr(0, rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/'));
  bool bundle = kind == PageKind::kPage && is_index_file(rel.substr(rel.rfind('/') + 1));
  if (bundle) dir = dir.substr(0, dir.rfind('/') == std::string_view::npos ? 0 : dir.rfind('/'));
  return dir;
}

std::string segments(std::string_view path) {
  std::string out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (!out.empty()) out += '/';
    out += url_segment(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

std::string without_leading_zeros(std::string_view s) {
  size_t zeros = s.find_first_not_of('0');
  return std::string(zeros == std::string_view::npos ? "0" : s.substr(zeros));
}

std::string lowercase(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// The value of placeholder `name` for one page.
struct PageFacts {
  PermalinkDialect dialect;
  std::string_view rel;
  PageKind kind;
  const FrontMatter& fm;

  // Hugo's zero time, as Hugo fills a dateless page's placeholders: 0001-01-01, a Monday.
  std::string date(std::string_view format) const {
    const std::optional<Date>& d = fm.date ? fm.date : fm.publishdate;
    if (d) return d->format(format);
    Date zero;
    zero.epoch_seconds = -62135596800;
    return zero.format(format);
  }

  std::string file_name() const { return url_segment(page_name(rel)); }

  // Jekyll's title: the file's name after its date ("2024-01-31-welcome.md": "welcome").
  std::string jekyll_title() const {
    if (!fm.slug.empty()) return fm.slug;
    std::string_view name = page_name(rel);
    if (auto dated = dated_name(name)) name = dated->rest;
    return url_segment(name);
  }

  std::string hugo_title() const {
    std::string slug = slugify(fm.title);
    return slug.empty() ? file_name() : slug;
  }

  std::string value(std::string_view name) const {
    if (name == "year") return date("%Y");
    if (name == "month") return date("%m");
    if (name == "day") return date("%d");
    if (name == "monthname") return lowercase(date("%B"));
    if (name == "weekdayname") return lowercase(date("%A"));
    if (name == "weekday") {
      static constexpr std::string_view kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
      std::string day = lowercase(date("%A"));
      for (size_t i = 0; i < 7; ++i)
        if (kDays[i] == day) return std::to_string(i);
      return "0";
    }
    if (name == "yearday") return without_leading_zeros(date("%j"));
    if (name == "y_day") return date("%j");
    if (name == "i_month") return without_leading_zeros(date("%m"));
    if (name == "i_day") return without_leading_zeros(date("%d"));
    if (name == "short_year") return date("%y");
    std::string_view folder = section_folder(rel, kind);
    if (name == "section") return segments(folder.substr(0, folder.find('/')));
    if (name == "sections") return segments(folder);
    if (name == "title")
      return dialect == PermalinkDialect::kJekyll ? jekyll_title() : hugo_title();
    if (name == "slug") {
      if (dialect == PermalinkDialect::kJekyll) return jekyll_title();
      return fm.slug.empty() ? hugo_title() : fm.slug;
    }
    if (name == "filename" || name == "contentbasename" || name == "name") return file_name();
    if (name == "slugorfilename" || name == "slugorcontentbasename")
      return fm.slug.empty() ? file_name() : fm.slug;
    if (name == "categories") {
      std::string out;
      for (const std::string& c : fm.categories) {
        if (!out.empty()) out += '/';
        out += url_segment(c);
      }
      return out;
    }
    if (name == "output_ext") return ".html";
    return {};
  }
};

// The top-level section of a page: "blog" for "blog/2024/a.md"; "" for a page of the root.
std::string_view top_section(std::string_view rel, PageKind kind) {
  std::string_view folder = section_folder(rel, kind);
  return folder.substr(0, folder.find('/'));
}

}  // namespace

std::string unknown_placeholder(std::string_view pattern, PermalinkDialect dialect) {
  std::string error;
  walk(
      pattern, [](std::string_view) {},
      [&](std::string_view name) {
        if (error.empty() && !known(name, dialect)) {
          error = fmt::format(
              "unknown placeholder ':{}'; known: :{}", name,
              fmt::join(
                  dialect == PermalinkDialect::kHugo ? std::begin(kHugo) : std::begin(kJekyll),
                  dialect == PermalinkDialect::kHugo ? std::end(kHugo) : std::end(kJekyll), ", :"));
        }
      });
  return error;
}

PermalinkUrl expand_permalink(std::string_view pattern, PermalinkDialect dialect,
                              std::string_view rel, PageKind kind, const FrontMatter& fm) {
  if (std::string error = unknown_placeholder(pattern, dialect); !error.empty()) return {{}, error};
  PageFacts facts{dialect, rel, kind, fm};
  std::string url;
  walk(
      pattern, [&](std::string_view text) { url += text; },
      [&](std::string_view name) { url += facts.value(name); });
  // A placeholder with nothing to fill (no categories) leaves no empty segment, as in Jekyll.
  url.erase(
      std::unique(url.begin(), url.end(), [](char a, char b) { return a == '/' && b == '/'; }),
      url.end());
  UrlCheck check = normalize_url(url);
  if (!check.error.empty()) return {{}, fmt::format("it gives '{}': {}", url, check.error)};
  return {std::move(check.url), {}};
}

std::string_view Permalinks::pattern_for(std::string_view rel, PageKind kind) const {
  if (kind == PageKind::kHome) return {};
  std::string_view section = top_section(rel, kind);
  // A section's own page: `[permalinks.section]` of its top-level section, not of the one it
  // is in (blog/_index.md is "blog"'s).
  if (kind == PageKind::kSection) {
    std::string_view own = rel.substr(0, rel.find('/'));
    for (const auto& [name, pattern] : sections)
      if (name == own) return pattern;
    return {};
  }
  for (const auto& [name, pattern] : pages)
    if (name == section) return pattern;
  return {};
}

std::string Permalinks::fingerprint() const {
  std::string out;
  for (const auto* list : {&pages, &sections}) {
    out += fmt::format("{}\n", list->size());
    for (const auto& [name, pattern] : *list) out += name + "\n" + pattern + "\n";
  }
  return out;
}

Permalinks read_permalinks(const config::SiteConfig& config, Diagnostics& diagnostics) {
  Permalinks out;
  const Value* table = config.raw.find("permalinks");
  if (table == nullptr || !table->is_table()) return out;
  // Taxonomies' term pages keep their URLs: say so where a pattern is given for them.
  std::vector<std::string> taxonomies = {"tags", "categories"};
  if (const Value* t = config.raw.find("taxonomies"); t != nullptr && t->is_table()) {
    taxonomies.clear();
    for (const auto& [singular, plural] : t->as_table())
      if (plural.is_string()) taxonomies.push_back(plural.as_string());
  }
  auto problem = [&](const std::string& path, std::string message, bool error) {
    auto at = config.document.value_place_of(path);
    diagnostics.add(error ? make_error(at.file, at.line, at.column, std::move(message))
                          : make_warning(at.file, at.line, at.column, std::move(message)));
  };
  auto read = [&](const std::string& path, const std::string& section, const Value& v,
                  std::vector<std::pair<std::string, std::string>>& into, bool pages) {
    if (!v.is_string()) {
      problem(path,
              fmt::format("[permalinks] {} must be a pattern such as \"/:year/:month/:slug/\", "
                          "not {}; it is ignored",
                          section, v.type_name()),
              true);
      return;
    }
    if (pages && std::find(taxonomies.begin(), taxonomies.end(), section) != taxonomies.end() &&
        path.find('.') == path.rfind('.')) {
      problem(path,
              fmt::format("[permalinks] {}: patterns for a taxonomy's term pages are not "
                          "supported; they stay at /{}/<term>/ (a section named {} would "
                          "take the pattern: it is kept for one)",
                          section, section, section),
              false);
    }
    if (std::string error = unknown_placeholder(v.as_string(), PermalinkDialect::kHugo);
        !error.empty()) {
      problem(path, fmt::format("[permalinks] {}: {}; the pattern is ignored", section, error),
              true);
      return;
    }
    into.emplace_back(section, v.as_string());
  };
  for (const auto& [key, v] : table->as_table()) {
    std::string path = "permalinks." + key;
    if ((key == "page" || key == "section") && v.is_table()) {
      for (const auto& [section, pattern] : v.as_table())
        read(path + "." + section, section, pattern, key == "page" ? out.pages : out.sections,
             key == "page");
    } else if ((key == "term" || key == "taxonomy") && v.is_table()) {
      problem(path,
              fmt::format("[permalinks.{}] is not supported: taxonomy and term pages stay at "
                          "/<taxonomy>/ and /<taxonomy>/<term>/; it is ignored",
                          key),
              false);
    } else {
      read(path, key, v, out.pages, true);
    }
  }
  return out;
}

}  // namespace bengal::content
