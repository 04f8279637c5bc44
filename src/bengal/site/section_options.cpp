#include "bengal/site/section_options.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bengal/core/unicode_case.hpp"
#include "bengal/site/key_position.hpp"
#include "bengal/site/pagination.hpp"
#include "bengal/site/site.hpp"

namespace bengal::site {
namespace {

constexpr std::pair<std::string_view, SectionSort> kSorts[] = {
    {"none", SectionSort::kDefault},
    {"date", SectionSort::kDate},
    {"update_date", SectionSort::kUpdateDate},
    {"title", SectionSort::kTitle},
    {"title_bytes", SectionSort::kTitleBytes},
    {"weight", SectionSort::kWeight},
    {"slug", SectionSort::kSlug}};

std::string shown(const Value& v) {
  return v.is_string() ? fmt::format("\"{}\"", v.as_string()) : std::string(v.type_name());
}

// The last segment of a URL: "/blog/my-post/" -> "my-post".
std::string_view last_segment(std::string_view url) {
  while (url.ends_with('/')) url.remove_suffix(1);
  return url.substr(url.rfind('/') + 1);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Zola's title order (natural_lexical_cmp): letters ignoring case, and a run of digits by the
// number it writes, so "Part 2" comes before "Part 10".
int compare_naturally(std::string_view x, std::string_view y) {
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (is_digit(x[i]) && is_digit(y[j])) {
      size_t a = i, b = j;
      while (a < x.size() && x[a] == '0') ++a;
      while (b < y.size() && y[b] == '0') ++b;
      size_t a_end = a, b_end = b;
      while (a_end < x.size() && is_digit(x[a_end])) ++a_end;
      while (b_end < y.size() && is_digit(y[b_end])) ++b_end;
      // Without leading zeros, the longer number is the larger; as long, the first digit that
      // differs decides.
      if (a_end - a != b_end - b) return a_end - a < b_end - b ? -1 : 1;
      if (int c = x.substr(a, a_end - a).compare(y.substr(b, b_end - b)); c != 0)
        return c < 0 ? -1 : 1;
      i = a_end;
      j = b_end;
      continue;
    }
    auto a = static_cast<unsigned char>(ascii_lower(x[i]));
    auto b = static_cast<unsigned char>(ascii_lower(y[j]));
    if (a != b) return a < b ? -1 : 1;
    ++i;
    ++j;
  }
  bool x_left = i < x.size(), y_left = j < y.size();
  return x_left == y_left ? 0 : (x_left ? 1 : -1);
}

// -1, 0 or 1 as `a` comes before, with or after `b` in `sort`; 0 also when the order cannot
// place either.
int compare(const content::PageTable& t, SectionSort sort, const content::PageMeta& a,
            const content::PageMeta& b) {
  auto order = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (sort) {
    case SectionSort::kDate:
      if (a.has_date != b.has_date) return a.has_date ? -1 : 1;
      return order(b.date.epoch_seconds, a.date.epoch_seconds);
    case SectionSort::kUpdateDate: {
      auto updated = [](const content::PageMeta& m) {
        return std::max(m.has_date ? m.date.epoch_seconds : INT64_MIN,
                        m.has_lastmod ? m.lastmod.epoch_seconds : INT64_MIN);
      };
      return order(updated(b), updated(a));
    }
    case SectionSort::kTitle:
      return compare_naturally(t.str(a.title), t.str(b.title));
    case SectionSort::kTitleBytes:
      return order(t.str(a.title), t.str(b.title));
    case SectionSort::kWeight:
      if ((a.weight == 0) != (b.weight == 0)) return a.weight != 0 ? -1 : 1;
      return order(a.weight, b.weight);
    case SectionSort::kSlug:
      return order(last_segment(t.str(a.url)), last_segment(t.str(b.url)));
    case SectionSort::kDefault:
      return 0;
  }
  return 0;
}

}  // namespace

bool sorted_before(const content::PageTable& table, SectionSort sort, PageId a, PageId b) {
  int c = compare(table, sort, table.pages[a], table.pages[b]);
  return c != 0 ? c < 0 : page_order_less(table, a, b);
}

namespace {

// Zola's `page_template`: a page without a template of its own (nor one cascaded to it) is
// rendered with the `page_template` of its nearest section that sets one.
void apply_page_templates(content::PageTable& table,
                          const std::vector<std::pair<PageId, StrId>>& page_templates) {
  if (page_templates.empty()) return;
  auto template_of = [&](PageId section) {
    for (size_t depth = 0; section != kNoPage && depth < table.pages.size(); ++depth) {
      StrId found = option_of(page_templates, section, kEmptyStr);
      if (found != kEmptyStr) return found;
      PageId parent = table.pages[section].section;
      if (parent == section) break;
      section = parent;
    }
    return kEmptyStr;
  };
  for (content::PageMeta& m : table.pages) {
    if (m.kind == content::PageKind::kPage && m.template_name == kEmptyStr)
      m.template_name = template_of(m.section);
  }
}

// Reads key `key` of section (or home) page `id`, whose page is `m`, into `out`; a value that
// cannot be used is a warning through `warn(key, message)`.
template <typename Warn>
void read_section_key(SectionOptions& out, std::vector<std::pair<PageId, StrId>>& page_templates,
                      content::PageTable& table, PageId id, content::PageMeta& m,
                      std::string_view key, const Value& v, const Warn& warn) {
  if (equals_ascii_ignoring_case(key, "sort_by")) {
    std::string_view name = v.is_string() ? std::string_view(v.as_string()) : "";
    auto it = std::find_if(std::begin(kSorts), std::end(kSorts),
                           [&](const auto& s) { return !name.empty() && s.first == name; });
    if (it == std::end(kSorts)) {
      warn(key, fmt::format("sort_by must be \"date\", \"update_date\", \"title\", "
                            "\"title_bytes\", \"weight\", \"slug\" or \"none\", not {}; "
                            "the section keeps bengal's order",
                            shown(v)));
    } else if (it->second != SectionSort::kDefault) {
      out.sorts.emplace_back(id, it->second);
    }
  } else if (equals_ascii_ignoring_case(key, "paginate_by")) {
    if (v.is_int() && v.as_int() >= 0 && v.as_int() <= 100000) {
      out.per_page.emplace_back(id, static_cast<size_t>(v.as_int()));
    } else {
      warn(key, fmt::format("paginate_by must be a whole number of pages per pager (0 for "
                            "one page), not {}; the site's [pagination] per_page is used",
                            shown(v)));
    }
  } else if (equals_ascii_ignoring_case(key, "page_template")) {
    if (v.is_string() && !v.as_string().empty()) {
      page_templates.emplace_back(id, table.strings.intern(v.as_string()));
    } else {
      warn(key, fmt::format("page_template must be the name of a template, such as "
                            "\"blog-page.html\", not {}; the section's pages use the "
                            "usual templates",
                            shown(v)));
    }
  } else if (equals_ascii_ignoring_case(key, "in_search_index")) {
    if (!v.is_bool()) {
      warn(key, fmt::format("in_search_index must be true or false, not {}; the section "
                            "stays in the search index",
                            shown(v)));
    } else if (!v.as_bool()) {
      out.unsearched.push_back(id);
    }
  } else if (equals_ascii_ignoring_case(key, "paginate_path")) {
    if (v.is_string() && is_pager_folder(v.as_string())) {
      out.pager_folders.emplace_back(id, table.strings.intern(v.as_string()));
    } else {
      warn(key, fmt::format("paginate_path must be one folder name, such as \"page\" or \"p\", "
                            "not {}; the site's [pagination] path is used",
                            shown(v)));
    }
  } else if (equals_ascii_ignoring_case(key, "transparent") ||
             equals_ascii_ignoring_case(key, "paginate_reversed")) {
    bool transparent = equals_ascii_ignoring_case(key, "transparent");
    if (!v.is_bool()) {
      warn(key, fmt::format("{} must be true or false, not {}; {}", key, shown(v),
                            transparent ? "the section's pages stay in its own list only"
                                        : "the list is paged through from its start"));
    } else if (v.as_bool()) {
      // The home page has no parent list to pass its pages to.
      if (!transparent)
        out.reversed.push_back(id);
      else if (m.kind == content::PageKind::kSection)
        out.transparent.push_back(id);
    }
  } else if (equals_ascii_ignoring_case(key, "render") && m.kind == content::PageKind::kSection) {
    // Zola's: the section's own page is not written; its pages are.
    if (v.is_bool() && !v.as_bool() && m.build.render == content::RenderMode::kUnset)
      m.build.render = content::RenderMode::kNever;
  }
}

}  // namespace

SectionOptions read_section_options(content::PageTable& table,
                                    const std::filesystem::path& content_root,
                                    const std::string& content_dir, Diagnostics& diagnostics) {
  SectionOptions out;
  std::vector<std::pair<PageId, StrId>> page_templates;  // by section page id
  for (PageId id = 0; id < table.pages.size(); ++id) {
    content::PageMeta& m = table.pages[id];
    if (m.kind == content::PageKind::kPage) continue;
    const Value* params = table.page_params(m);
    if (params == nullptr || !params->is_table()) continue;
    std::string_view source = table.str(m.source_path);
    auto warn = [&](std::string_view key, std::string message) {
      auto [line, col] = front_matter_key_position(content_root / std::string(source), key);
      diagnostics.add(
          make_warning(content_dir + "/" + std::string(source), line, col, std::move(message)));
    };
    for (const auto& [key, v] : params->as_table())
      read_section_key(out, page_templates, table, id, m, key, v, warn);
  }
  apply_page_templates(table, page_templates);
  return out;
}

}  // namespace bengal::site
