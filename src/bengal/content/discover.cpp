#include "bengal/content/discover.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "bengal/content/cascade.hpp"
#include "bengal/content/front_matter.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/markdown/markdown.hpp"

namespace fs = std::filesystem;

namespace bengal::content {
namespace {

// Files are parsed in chunks so that at most one chunk of parsed bodies-derived data is held
// as owned strings before it is folded into the compact table.
constexpr size_t kChunkFiles = 1024;

struct SourceFile {
  std::string rel;  // '/'-separated, relative to the content dir
  bool markdown = false;
};

// One page as parsed on a worker thread, before interning.
struct ParsedPage {
  bool ok = false;
  bool draft_skipped = false;
  FrontMatter fm;
  markdown::BodyScan scan;
  size_t body_offset = 0;
  uint64_t source_hash = 0;
  uint32_t body_line = 1;
  std::string url;
  std::vector<Diagnostic> diagnostics;
};

std::string_view parent_dir(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

std::string_view base_name(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

PageKind kind_of(std::string_view rel) {
  if (rel == "_index.md") return PageKind::kHome;
  if (base_name(rel) == "_index.md") return PageKind::kSection;
  return PageKind::kPage;
}

// Line and column of `key` where it starts a line of the front matter, so errors about a
// field's value point at the field. (0, 0) when not found.
std::pair<uint32_t, uint32_t> find_key(std::string_view text, size_t limit, std::string_view key) {
  uint32_t line = 1;
  size_t pos = 0;
  while (pos < limit && pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    size_t indent = l.find_first_not_of(" \t");
    if (indent != std::string_view::npos && l.substr(indent).starts_with(key)) {
      std::string_view rest = l.substr(indent + key.size());
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

ParsedPage parse_page(const DiscoverOptions& options, const std::string& rel) {
  ParsedPage out;
  std::string display = options.display_prefix.empty() ? rel : options.display_prefix + "/" + rel;
  std::string error;
  std::string file_text;
  if (!read_file(options.content_dir / rel, file_text, error)) {
    out.diagnostics.push_back(make_error(
        display, 0, 0, fmt::format("cannot read file: {}; {}", error, read_remedy(error))));
    return out;
  }
  FrontMatterResult fm = parse_front_matter(file_text, display);
  out.diagnostics = std::move(fm.diagnostics);
  if (!fm.ok) return out;
  if (fm.fm.draft && !options.include_drafts) {
    out.draft_skipped = true;
    return out;
  }
  out.fm = std::move(fm.fm);
  out.body_offset = fm.body_offset;
  out.source_hash = source_hash(file_text);
  out.body_line = fm.body_line;
  std::string_view body = std::string_view(file_text).substr(fm.body_offset);
  out.scan = markdown::scan_body(body);

  PageKind kind = kind_of(rel);
  std::string slug = out.fm.slug;
  if (!slug.empty()) {
    if (std::string err = check_slug(slug); !err.empty()) {
      auto [line, col] = find_key(file_text, fm.body_offset, "slug");
      out.diagnostics.push_back(make_error(display, line, col, err + "; the slug was ignored"));
      slug.clear();
    }
  }
  out.url = kind == PageKind::kHome ? "/" : default_page_url(rel, kind, slug);
  if (!out.fm.url.empty()) {
    UrlCheck check = normalize_url(out.fm.url);
    if (check.error.empty()) {
      out.url = std::move(check.url);
    } else {
      auto [line, col] = find_key(file_text, fm.body_offset, "url");
      out.diagnostics.push_back(
          make_error(display, line, col, check.error + "; the url was ignored"));
    }
  }
  out.ok = true;
  return out;
}

// The content dir's files in a stable order, listed as every source folder is
// (core/source_tree.hpp): hidden files, symlinks leaving the site and non-regular files are
// skipped with a warning, and symlink loops end.
std::vector<SourceFile> list_files(const DiscoverOptions& options, Diagnostics& diagnostics) {
  std::vector<SourceFile> files;
  for (auto& rel :
       list_source_files(options.content_dir, options.display_prefix, options.sources, diagnostics))
    files.push_back({rel, rel.ends_with(".md")});
  return files;
}

}  // namespace

uint64_t source_hash(std::string_view file_text) {
  return XXH3_64bits(file_text.data(), file_text.size());
}

std::string title_from_file_name(std::string_view stem) {
  std::string out;
  bool word_start = true;
  for (char c : stem) {
    if (c == '-' || c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      word_start = true;
      continue;
    }
    out += (word_start && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

DiscoveredSite discover_pages(const DiscoverOptions& options, Diagnostics& diagnostics) {
  DiscoveredSite site;
  std::vector<SourceFile> files = list_files(options, diagnostics);

  // Leaf bundles: folders with an index.md. Everything else inside them is a resource.
  std::unordered_set<std::string> bundles;
  for (const auto& f : files)
    if (base_name(f.rel) == "index.md") bundles.emplace(parent_dir(f.rel));
  auto bundle_of = [&](std::string_view rel) -> std::optional<std::string> {
    for (std::string_view dir = parent_dir(rel);; dir = parent_dir(dir)) {
      if (bundles.count(std::string(dir)) && !dir.empty()) return std::string(dir);
      if (dir.empty()) return std::nullopt;
    }
  };

  std::vector<std::string> pages;  // sorted Markdown pages that are rendered
  std::unordered_map<std::string, std::vector<std::string>> resources;
  for (auto& f : files) {
    auto bundle = bundle_of(f.rel);
    if (bundle && !(base_name(f.rel) == "index.md" && parent_dir(f.rel) == *bundle)) {
      resources[*bundle].push_back(f.rel);
    } else if (f.markdown) {
      pages.push_back(f.rel);
    } else {
      site.content_files.push_back(f.rel);
    }
  }

  // Sections: every folder holding a page, and each of its ancestors. Folders without an
  // _index.md get a generated section page, the content root a generated home page.
  std::unordered_set<std::string> section_dirs{""};
  for (const auto& rel : pages) {
    std::string_view dir = parent_dir(rel);
    if (kind_of(rel) == PageKind::kPage && base_name(rel) == "index.md") dir = parent_dir(dir);
    for (;; dir = parent_dir(dir)) {
      if (!section_dirs.emplace(dir).second || dir.empty()) break;
    }
  }

  struct Entry {
    std::string rel;
    int parsed = -1;  // index into the chunk results; -1 for generated sections
  };
  PageTable& table = site.table;
  std::unordered_map<std::string, PageId> section_ids;  // folder -> section page

  // Parse in chunks; fold each chunk into the table before parsing the next.
  std::vector<std::string> generated;
  for (const auto& dir : section_dirs) {
    std::string rel = dir.empty() ? "_index.md" : dir + "/_index.md";
    if (!std::binary_search(pages.begin(), pages.end(), rel)) generated.push_back(rel);
  }
  std::vector<Entry> order;
  order.reserve(pages.size() + generated.size());
  for (auto& rel : pages) order.push_back({rel, 0});
  for (auto& rel : generated) order.push_back({rel, -1});
  std::sort(order.begin(), order.end(),
            [](const Entry& a, const Entry& b) { return a.rel < b.rel; });

  std::vector<ParsedPage> parsed;
  for (size_t chunk = 0; chunk < order.size(); chunk += kChunkFiles) {
    size_t end = std::min(order.size(), chunk + kChunkFiles);
    parsed.assign(end - chunk, ParsedPage{});
    tbb::parallel_for(size_t{chunk}, end, [&](size_t i) {
      if (order[i].parsed >= 0) parsed[i - chunk] = parse_page(options, order[i].rel);
    });
    for (size_t i = chunk; i < end; ++i) {
      const std::string& rel = order[i].rel;
      PageKind kind = kind_of(rel);
      ParsedPage& p = parsed[i - chunk];
      diagnostics.add_all(std::move(p.diagnostics));
      bool is_generated = order[i].parsed < 0;
      if (!is_generated && !p.ok) {
        if (p.draft_skipped) {
          ++site.drafts_skipped;
        } else {
          ++site.broken_pages;
        }
        // A section whose _index.md is broken or a draft still exists, generated.
        if (kind == PageKind::kPage) continue;
        is_generated = true;
      }
      PageMeta m;
      m.kind = kind;
      m.generated = is_generated;
      m.source_path = table.strings.intern(rel);
      std::string_view own_dir = parent_dir(rel);
      std::string_view section_dir = own_dir;
      if (kind == PageKind::kSection) section_dir = parent_dir(own_dir);
      if (kind == PageKind::kPage && base_name(rel) == "index.md") {
        m.is_bundle = true;
        section_dir = parent_dir(own_dir);
      }
      m.dir = table.strings.intern(section_dir);
      if (is_generated) {
        m.title = table.strings.intern(kind == PageKind::kHome
                                           ? std::string_view(options.home_title)
                                           : title_from_file_name(base_name(own_dir)));
        m.url = table.strings.intern(kind == PageKind::kHome ? std::string("/")
                                                             : default_page_url(rel, kind, {}));
      } else {
        FrontMatter& fm = p.fm;
        std::string stem(kind == PageKind::kPage && !m.is_bundle ? base_name(rel)
                                                                 : base_name(own_dir));
        if (stem.ends_with(".md")) stem.resize(stem.size() - 3);
        std::string title = fm.has_title              ? fm.title
                            : kind == PageKind::kHome ? options.home_title
                                                      : title_from_file_name(stem);
        m.title = table.strings.store(title);
        m.has_title = fm.has_title;
        m.draft = fm.draft;
        m.slug = table.strings.intern(fm.slug);
        m.url = table.strings.intern(p.url);
        m.description = table.strings.store(fm.description);
        if (!fm.summary.empty()) markdown::cap_summary_bytes(fm.summary);
        m.summary = table.strings.store(fm.summary.empty() ? p.scan.summary : fm.summary);
        m.has_more_marker = p.scan.has_more_marker;
        m.type = table.strings.intern(fm.type);
        m.layout = table.strings.intern(fm.layout);
        m.template_name = table.strings.intern(fm.template_name);
        if (fm.date) {
          m.date = *fm.date;
          m.has_date = true;
        }
        if (fm.lastmod || fm.date) {
          m.lastmod = fm.lastmod ? *fm.lastmod : *fm.date;
          m.has_lastmod = true;
        }
        m.weight = fm.weight;
        m.content_hash = p.scan.content_hash;
        m.word_count = p.scan.word_count;
        m.body_offset = static_cast<uint32_t>(p.body_offset);
        m.source_hash = p.source_hash;
        m.body_line = p.body_line;
        m.tags = table.add_list(fm.tags);
        m.categories = table.add_list(fm.categories);
        m.keywords = table.add_list(fm.keywords);
        m.aliases = table.add_list(fm.aliases);
        m.links = table.add_list(p.scan.links);
        m.wiki_links = table.add_list(p.scan.wiki_links);
        // Body line 1 is file line body_line.
        m.link_lines = table.add_numbers(p.scan.link_lines, p.body_line - 1);
        m.wiki_link_lines = table.add_numbers(p.scan.wiki_link_lines, p.body_line - 1);
        m.anchors = table.add_list(p.scan.anchors, /*intern=*/false);
        if (fm.params.size() > 0) {
          m.params = static_cast<uint32_t>(table.params.size());
          table.params.push_back(std::move(fm.params));
        }
        if (m.is_bundle) {
          if (auto r = resources.find(std::string(own_dir)); r != resources.end())
            m.resources = table.add_list(r->second);
        }
      }
      auto id = static_cast<PageId>(table.pages.size());
      if (kind != PageKind::kPage) section_ids.emplace(std::string(own_dir), id);
      table.pages.push_back(m);
    }
  }
  // Sections sort before their contents ("a/_index.md" < "a/b.md" as '_' < letters is not
  // guaranteed for upper case names), so link pages to sections in a second pass.
  for (auto& m : table.pages) {
    if (m.kind == PageKind::kHome) continue;
    auto it = section_ids.find(std::string(table.str(m.dir)));
    m.section = it == section_ids.end() ? kNoPage : it->second;
  }
  apply_cascade(table);
  return site;
}

}  // namespace bengal::content
