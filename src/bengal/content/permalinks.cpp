#include "bengal/content/permalinks.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bengal/content/dated_names.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/core/unicode_case.hpp"

namespace bengal::content {
namespace {

// The placeholders each dialect fills, as Hugo's and Jekyll's documentation name them.
constexpr std::string_view kHugo[] = {
    "year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "section", "sections",
    "title", "slug", "filename", "slugorfilename", "contentbasename", "slugorcontentbasename",
    // Jekyll's that Hugo has no other meaning for, so that a
    // Jekyll site's pattern can be written in [permalinks].
    "categories", "output_ext", "i_month", "i_day", "short_year", "y_day"};
constexpr std::string_view kJekyll[] = {"year",  "month",      "day",        "i_month",
                                        "i_day", "short_year", "y_day",      "title",
                                        "slug",  "name",       "categories", "output_ext"};

// Hugo's slice of the sections, "[1:]", "[:last]", "[last]", "[0]", "[1:2]" (a Go slice:
// `last` is the index of the last section, a range ends before its second index), applied to
// `sections`; nullopt when `slice` is none of these.
std::optional<std::vector<std::string_view>> slice_of(std::string_view slice,
                                                      std::vector<std::string_view> sections) {
  if (slice.size() < 2 || slice.front() != '[' || slice.back() != ']') return std::nullopt;
  slice = slice.substr(1, slice.size() - 2);
  auto index = [&](std::string_view s, size_t otherwise) -> std::optional<size_t> {
    if (s.empty()) return otherwise;
    if (s == "last") return sections.empty() ? 0 : sections.size() - 1;
    if (s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos)
      return std::nullopt;
    return static_cast<size_t>(std::stoul(std::string(s)));
  };
  size_t colon = slice.find(':');
  std::optional<size_t> from = index(slice.substr(0, colon), 0);
  if (colon == std::string_view::npos) {
    if (slice.empty() || !from) return std::nullopt;
    if (*from >= sections.size()) return std::vector<std::string_view>{};
    return std::vector<std::string_view>{sections[*from]};
  }
  std::optional<size_t> to = index(slice.substr(colon + 1), sections.size());
  if (!from || !to || slice.find(':', colon + 1) != std::string_view::npos) return std::nullopt;
  size_t end = std::min(*to, sections.size());
  if (*from >= end) return std::vector<std::string_view>{};
  return std::vector<std::string_view>(sections.begin() + static_cast<long>(*from),
                                       sections.begin() + static_cast<long>(end));
}

std::vector<std::string_view> split_folder(std::string_view folder) {
  std::vector<std::string_view> out;
  for (size_t start = 0; start < folder.size();) {
    size_t slash = folder.find('/', start);
    if (slash == std::string_view::npos) slash = folder.size();
    out.push_back(folder.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool known(std::string_view name, PermalinkDialect dialect) {
  // Hugo slices the sections only.
  if (size_t bracket = name.find('['); bracket != std::string_view::npos) {
    return dialect == PermalinkDialect::kHugo && name.substr(0, bracket) == "sections" &&
           slice_of(name.substr(bracket), {"a", "b"}).has_value();
  }
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

// Calls `text(piece)` for the pattern's literal text and `placeholder(name)` for each ":name";
// Hugo's slice of a placeholder stays in its name (":sections[1:]" is "sections[1:]").
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
    if (end > colon + 1 && end < pattern.size() && pattern[end] == '[') {
      size_t close = pattern.find(']', end);
      if (close != std::string_view::npos) end = close + 1;
    }
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

// The folders of `parts` as URL segments, joined by '/'.
std::string segments(std::span<const std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) {
    if (!out.empty()) out += '/';
    out += url_segment(part);
  }
  return out;
}

std::string without_leading_zeros(std::string_view s) {
  size_t zeros = s.find_first_not_of('0');
  return std::string(zeros == std::string_view::npos ? "0" : s.substr(zeros));
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
    if (name == "monthname") return ascii_lowercase(date("%B"));
    if (name == "weekdayname") return ascii_lowercase(date("%A"));
    if (name == "weekday") {
      static constexpr std::string_view kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
      std::string day = ascii_lowercase(date("%A"));
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
    if (name == "section") return segments(split_folder(folder.substr(0, folder.find('/'))));
    if (name == "sections") return segments(split_folder(folder));
    if (name.starts_with("sections["))
      return segments(
          slice_of(name.substr(8), split_folder(folder)).value_or(std::vector<std::string_view>{}));
    if (name == "title")
      return dialect == PermalinkDialect::kJekyll ? jekyll_title() : hugo_title();
    if (name == "slug") {
      // A page named after its day is dated by its name, as Hugo dates it with its
      // `:filename` front matter handler, which also makes the rest of the name its slug.
      if (dialect == PermalinkDialect::kJekyll || dated_name(page_name(rel))) return jekyll_title();
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
        if (error.empty() && !known(name, dialect) && name.find('[') != std::string_view::npos) {
          error = fmt::format(
              "':{}' is no slice bengal can take; Hugo's slices of the sections are "
              ":sections[1:], :sections[:last], :sections[last], :sections[0] and "
              ":sections[1:3]",
              name);
        }
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

std::string Permalinks::term_url(std::string_view plural, std::string_view slug) const {
  for (const auto& [name, pattern] : terms) {
    if (name != plural) continue;
    std::string url;
    walk(
        pattern, [&](std::string_view text) { url += text; },
        [&](std::string_view) { url += slug; });
    return normalize_url(url).url;
  }
  return {};
}

std::string Permalinks::taxonomy_url(std::string_view plural) const {
  for (const auto& [name, pattern] : taxonomies)
    if (name == plural) return normalize_url(pattern).url;
  return {};
}

namespace {

// What a term's or a taxonomy's pattern may hold: ":slug" and ":title" (the term's slug), and
// no placeholder at all for an overview. An error message, or empty.
std::string unusable_for(std::string_view pattern, bool term) {
  std::string error;
  walk(
      pattern, [](std::string_view) {},
      [&](std::string_view name) {
        if (!error.empty() || (term && (name == "slug" || name == "title"))) return;
        error = term ? fmt::format("a term page's pattern knows :slug and :title, not ':{}'", name)
                     : fmt::format("a taxonomy's page has no placeholder to fill, not ':{}'", name);
      });
  if (error.empty()) {
    std::string probe;
    walk(
        pattern, [&](std::string_view text) { probe += text; },
        [&](std::string_view) { probe += "x"; });
    error = normalize_url(probe).error;
  }
  return error;
}

}  // namespace

Permalinks read_permalinks(const config::SiteConfig& config, Diagnostics& diagnostics) {
  Permalinks out;
  const Value* table = config.raw.find("permalinks");
  if (table == nullptr || !table->is_table()) return out;
  std::vector<std::string> taxonomies = {"tags", "categories"};
  if (const Value* t = config.raw.find("taxonomies"); t != nullptr && t->is_table()) {
    taxonomies.clear();
    for (const auto& [singular, plural] : t->as_table())
      if (plural.is_string()) taxonomies.push_back(plural.as_string());
  }
  auto is_taxonomy = [&](const std::string& name) {
    return std::find(taxonomies.begin(), taxonomies.end(), name) != taxonomies.end();
  };
  auto error = [&](const std::string& path, std::string message) {
    auto at = config.document.value_place_of(path);
    diagnostics.add(make_error(at.file, at.line, at.column, std::move(message)));
  };
  enum class For : uint8_t { kPages, kSections, kTerms, kTaxonomies, kSectionOrTaxonomy };
  auto read = [&](const std::string& path, const std::string& name, const Value& v, For use) {
    if (!v.is_string()) {
      error(path, fmt::format("[permalinks] {} must be a pattern such as \"/:year/:month/:slug/\", "
                              "not {}; it is ignored",
                              name, v.type_name()));
      return;
    }
    const std::string& pattern = v.as_string();
    // Hugo's flat form names a section's pages, and a taxonomy's terms when one has the name.
    bool terms = use == For::kTerms || (use == For::kSectionOrTaxonomy && is_taxonomy(name));
    bool pages = use == For::kPages || use == For::kSectionOrTaxonomy;
    std::string problem = terms || use == For::kTaxonomies
                              ? unusable_for(pattern, use != For::kTaxonomies)
                              : unknown_placeholder(pattern, PermalinkDialect::kHugo);
    if (!problem.empty()) {
      error(path, fmt::format("[permalinks] {}: {}; the pattern is ignored", name, problem));
      return;
    }
    if (pages) out.pages.emplace_back(name, pattern);
    if (use == For::kSections) out.sections.emplace_back(name, pattern);
    if (terms) out.terms.emplace_back(name, pattern);
    if (use == For::kTaxonomies) out.taxonomies.emplace_back(name, pattern);
  };
  static constexpr std::pair<std::string_view, For> kKinds[] = {{"page", For::kPages},
                                                                {"section", For::kSections},
                                                                {"term", For::kTerms},
                                                                {"taxonomy", For::kTaxonomies}};
  for (const auto& [key, v] : table->as_table()) {
    std::string path = "permalinks." + key;
    const std::string& section = key;  // named: clang 14 lambdas cannot capture bindings
    auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                             [&](const auto& k) { return k.first == section; });
    if (kind != std::end(kKinds) && v.is_table()) {
      for (const auto& [name, pattern] : v.as_table())
        read(path + "." + name, name, pattern, kind->second);
    } else {
      read(path, key, v, For::kSectionOrTaxonomy);
    }
  }
  return out;
}

}  // namespace bengal::content
