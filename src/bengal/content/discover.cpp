#include "bengal/content/discover.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <tbb/task_group.h>
#include <xxhash.h>

#include "bengal/content/cached_parse.hpp"
#include "bengal/content/cascade.hpp"
#include "bengal/content/dated_names.hpp"
#include "bengal/content/front_matter.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/content/parsed_page.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/markdown/markdown.hpp"

namespace fs = std::filesystem;

namespace bengal::content {
namespace {

// Files are parsed in chunks so that at most two chunks of parsed bodies-derived data are held
// as owned strings before they are folded into the compact table: the one being folded and
// the next, parsed meanwhile.
constexpr size_t kChunkFiles = 1024;

struct SourceFile {
  std::string rel;                 // '/'-separated, relative to the content dir
  bool page = false;               // a Markdown file, or an HTML file with front matter
  std::optional<FileStamp> stamp;  // as listed; none for a dangling link
};

std::string_view parent_dir(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

std::string_view base_name(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

// `index_page`: an index.md that is its folder's page as _index.md would be (see assign_roles).
PageKind kind_of(std::string_view rel, bool index_page) {
  std::string_view name = base_name(rel);
  if (!is_section_index(name) && !(index_page && is_index_file(name))) return PageKind::kPage;
  return parent_dir(rel).empty() ? PageKind::kHome : PageKind::kSection;
}

std::string display_of(const DiscoverOptions& options, std::string_view rel) {
  return display_path(options.display_prefix, rel);
}

bool in_publishing_window(const DiscoverOptions& options, const FrontMatter& fm) {
  int64_t now = options.now_epoch_seconds;
  const std::optional<Date>& published = fm.publishdate ? fm.publishdate : fm.date;
  if (!options.include_future && published && published->epoch_seconds > now) return false;
  if (!options.include_expired && fm.expirydate && fm.expirydate->epoch_seconds <= now) {
    return false;
  }
  return true;
}

// Whether a page that parsed is published in this build: the drafts option and the
// publishing window are applied here, after the parse, so a cached parse serves every build.
enum class Visibility : uint8_t { kShown, kDraft, kUnpublished };

Visibility visibility(const DiscoverOptions& options, const FrontMatter& fm) {
  if (fm.draft && !options.include_drafts) return Visibility::kDraft;
  if (!in_publishing_window(options, fm)) return Visibility::kUnpublished;
  return Visibility::kShown;
}

// True for a file that is only there to be included (spec/bengal-sites.md section 4): its name,
// or the name of a folder above it, starts with '_' ("_snippets/a.md", "_note.md"). A section's
// _index.md is the exception: it is the section's page.
bool is_include_only(std::string_view rel, bool page) {
  if (page && is_section_index(base_name(rel))) rel = parent_dir(rel);
  for (size_t start = 0; start < rel.size();) {
    if (rel[start] == '_') return true;
    size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

// Whether an HTML file of content/ is a page: when it starts with front matter, as Hugo's HTML
// content does. Read on every build, as its bytes may change without its name; sites hold few.
bool is_html_page(const DiscoverOptions& options, std::string_view rel) {
  constexpr size_t kHead = 256;  // a BOM and a delimiter line with blanks after it
  return starts_with_front_matter(read_file_head(options.content_dir / rel, kHead));
}

// Whether a page file is one of the language being discovered: named with its code
// ("about.fr.md"), or with none when it takes those.
bool in_language(const DiscoverOptions& options, std::string_view rel) {
  std::string_view code = page_language(rel);
  return code.empty() ? options.takes_unnamed_pages : code == options.language;
}

// The content dir's files in a stable order, listed as every source folder is
// (core/source_tree.hpp): hidden files, symlinks leaving the site and non-regular files are
// skipped with a warning, and symlink loops end. Include-only files are neither pages nor
// copied: the include directives read them from the disk.
std::vector<SourceFile> list_files(const DiscoverOptions& options, Diagnostics& diagnostics) {
  std::vector<SourceFile> files;
  for (auto& f : list_source_files_with_stats(options.content_dir, options.display_prefix,
                                              options.sources, diagnostics)) {
    bool page = is_markdown_file(f.rel) || (is_html_file(f.rel) && is_html_page(options, f.rel));
    if (is_include_only(f.rel, page)) continue;
    if (page && !options.language.empty() && !in_language(options, f.rel)) continue;
    std::optional<FileStamp> stamp;
    if (f.has_stat) stamp = FileStamp{f.size, f.mtime_ns, f.inode};
    files.push_back({std::move(f.rel), page, stamp});
  }
  return files;
}

// Folders with an index.md. Such a folder is a leaf bundle (Hugo: its other files are the
// page's resources) when no other Markdown file lies in it or below; otherwise its index.md is
// the folder's page as _index.md would be, as Bengal reads it. The content root is never a
// bundle: content/index.md is the home page.
struct IndexFolders {
  std::unordered_set<std::string> bundles;
  std::unordered_set<std::string> index_pages;  // "docs/index.md", "index.md"
};

IndexFolders index_folders(const std::vector<SourceFile>& files) {
  std::unordered_map<std::string, size_t> pages_below;  // folder -> page files in or below
  for (const auto& f : files) {
    if (!f.page) continue;
    for (std::string_view dir = parent_dir(f.rel);; dir = parent_dir(dir)) {
      ++pages_below[std::string(dir)];
      if (dir.empty()) break;
    }
  }
  IndexFolders out;
  for (const auto& f : files) {
    if (!f.page || !is_index_file(base_name(f.rel))) continue;
    std::string dir(parent_dir(f.rel));
    if (!dir.empty() && pages_below[dir] == 1) {
      out.bundles.insert(dir);
    } else {
      out.index_pages.insert(f.rel);
    }
  }
  return out;
}

// The innermost bundle folder holding `rel`, if any.
std::optional<std::string> bundle_of(const std::unordered_set<std::string>& bundles,
                                     std::string_view rel) {
  for (std::string_view dir = parent_dir(rel); !dir.empty(); dir = parent_dir(dir))
    if (bundles.count(std::string(dir))) return std::string(dir);
  return std::nullopt;
}

// The content files sorted into what is rendered, what belongs to a bundle and what is copied.
struct FileRoles {
  std::vector<SourceFile> pages;  // Markdown pages that are rendered, in listing order
  std::unordered_map<std::string, std::vector<std::string>> resources;  // bundle -> its files
  std::unordered_set<std::string> index_pages;  // index.md files that are a folder's page
};

// `files` are sorted by path (list_files); their paths move into the roles, so that a
// million-page site does not hold them twice.
FileRoles assign_roles(const DiscoverOptions& options, std::vector<SourceFile> files,
                       std::vector<std::string>& content_files, Diagnostics& diagnostics) {
  IndexFolders folders = index_folders(files);
  std::unordered_map<std::string, std::string> section_index;  // folder -> its first _index.md
  for (const SourceFile& f : files)
    if (f.page && is_section_index(base_name(f.rel)))
      section_index.emplace(parent_dir(f.rel), f.rel);
  FileRoles roles;
  std::vector<size_t> pages;  // indexes into `files`, moved into roles.pages at the end
  for (size_t i = 0; i < files.size(); ++i) {
    const SourceFile& f = files[i];
    auto bundle = bundle_of(folders.bundles, f.rel);
    bool is_bundle_index =
        bundle && f.page && is_index_file(base_name(f.rel)) && parent_dir(f.rel) == *bundle;
    if (bundle && !is_bundle_index) {
      roles.resources[*bundle].push_back(f.rel);
    } else if (folders.index_pages.count(f.rel)) {
      std::string dir(parent_dir(f.rel));
      if (auto it = section_index.find(dir); it != section_index.end()) {
        const std::string& other = it->second;
        diagnostics.add(make_warning(
            display_of(options, f.rel), 0, 0,
            fmt::format("{} and {} are both the page of {}; {} is used and this file is not "
                        "published: merge them into one",
                        display_of(options, other), display_of(options, f.rel),
                        dir.empty() ? std::string("the site") : dir + "/",
                        display_of(options, other))));
        continue;
      }
      roles.index_pages.insert(f.rel);
      pages.push_back(i);
    } else if (f.page) {
      pages.push_back(i);
    } else {
      content_files.push_back(f.rel);
    }
  }
  roles.pages.reserve(pages.size());
  for (size_t i : pages) roles.pages.push_back(std::move(files[i]));
  return roles;
}

// The folder of the section a page belongs to: its own folder, or the parent's for a section
// page or a bundle's index.md.
std::string_view section_dir_of(std::string_view rel, PageKind kind) {
  std::string_view own_dir = parent_dir(rel);
  bool is_bundle = kind == PageKind::kPage && is_index_file(base_name(rel));
  return kind == PageKind::kSection || is_bundle ? parent_dir(own_dir) : own_dir;
}

// Sections: every folder holding a page, and each of its ancestors, the root included.
std::unordered_set<std::string> section_dirs(const FileRoles& roles) {
  std::unordered_set<std::string> dirs{""};
  for (const auto& page : roles.pages) {
    const std::string& rel = page.rel;
    // A bundle's index.md is a page of its parent folder; a section's _index.md is in its own.
    std::string_view dir = parent_dir(rel);
    if (is_index_file(base_name(rel)) && !roles.index_pages.count(rel)) dir = parent_dir(dir);
    while (dirs.emplace(dir).second && !dir.empty()) dir = parent_dir(dir);
  }
  return dirs;
}

struct Entry {
  std::string rel;
  bool generated = false;   // a section with no _index.md: nothing to parse
  bool index_page = false;  // an index.md that is its folder's page
  std::optional<FileStamp> stamp;
};

// Every page and generated section page in source path order, which becomes the id order.
// Folders without an _index.md (or index.md page) get a generated section page, the content
// root a home page.
// The pages' paths move out of `roles.pages`, which is emptied.
std::vector<Entry> page_order(FileRoles& roles) {
  std::unordered_set<std::string> dirs = section_dirs(roles);
  std::vector<Entry> order;
  order.reserve(roles.pages.size() + dirs.size());
  std::unordered_set<std::string> page_dirs;  // folders that have their own page
  for (auto& page : roles.pages) {
    std::string& rel = page.rel;
    bool index_page = roles.index_pages.count(rel) > 0;
    if (index_page || is_section_index(base_name(rel))) page_dirs.emplace(parent_dir(rel));
    order.push_back({std::move(rel), false, index_page, page.stamp});
  }
  roles.pages = {};
  for (const auto& dir : dirs) {
    if (page_dirs.count(dir)) continue;
    order.push_back({dir.empty() ? "_index.md" : dir + "/_index.md", true, false, {}});
  }
  std::sort(order.begin(), order.end(),
            [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
  return order;
}

// The title of a page whose front matter may not set one: the home page takes the site title,
// anything else its file name, or its folder's name for a section or bundle.
std::string page_title(const FrontMatter& fm, std::string_view rel, PageKind kind,
                       const std::string& home_title) {
  if (fm.has_title) return fm.title;
  if (kind == PageKind::kHome) return home_title;
  std::string_view name = page_name(rel);
  // "2024-01-31-welcome.md" is "Welcome", dated by its name (dated_names.hpp).
  if (auto dated = kind == PageKind::kPage ? dated_name(name) : std::nullopt) name = dated->rest;
  return title_from_file_name(name);
}

// A page without a date has no lastmod; one without lastmod was last modified on its date.
void set_dates(PageMeta& m, const FrontMatter& fm) {
  if (fm.date) {
    m.date = *fm.date;
    m.has_date = true;
  }
  if (fm.lastmod || fm.date) {
    m.lastmod = fm.lastmod ? *fm.lastmod : *fm.date;
    m.has_lastmod = true;
  }
}

void set_scan_fields(PageMeta& m, const ParsedPage& p) {
  m.content_hash = p.scan.content_hash;
  m.word_count = p.scan.word_count;
  m.body_offset = static_cast<uint32_t>(p.body_offset);
  m.source_hash = p.source_hash;
  m.body_line = p.body_line;
  m.title_heading_first = p.title_heading.first_line;
  m.title_heading_last = p.title_heading.last_line;
}

// Folds parsed pages into the table in id order; sections are linked once all are in.
class TableBuilder {
 public:
  TableBuilder(const DiscoverOptions& options, DiscoveredSite& site, FileRoles& roles,
               Diagnostics& diagnostics)
      : options_(options),
        site_(site),
        table_(site.table),
        roles_(roles),
        diagnostics_(diagnostics) {}

  void add(const Entry& entry, ParsedPage& p) {
    diagnostics_.add_all(std::move(p.diagnostics));
    PageKind kind = kind_of(entry.rel, entry.index_page);
    bool generated = entry.generated;
    if (!generated) {
      if (size_t* skipped = skip_counter(p)) {
        ++*skipped;
        // A section whose _index.md is broken, a draft, future or expired still exists,
        // generated.
        if (kind == PageKind::kPage) return;
        generated = true;
      } else {
        diagnostics_.add_all(std::move(p.url_diagnostics));
      }
    }
    PageMeta m;
    m.kind = kind;
    m.generated = generated;
    m.source_path = table_.strings.intern(entry.rel);
    m.is_bundle = kind == PageKind::kPage && is_index_file(base_name(entry.rel));
    m.dir = table_.strings.intern(section_dir_of(entry.rel, kind));
    if (generated) {
      set_generated_fields(m, entry.rel);
    } else {
      set_parsed_fields(m, entry.rel, p);
    }
    auto id = static_cast<PageId>(table_.pages.size());
    if (kind != PageKind::kPage) section_ids_.emplace(parent_dir(entry.rel), id);
    table_.pages.push_back(m);
  }

  // Sections sort before their contents ("a/_index.md" < "a/b.md" as '_' < letters is not
  // guaranteed for upper case names), so pages are linked to sections in a second pass.
  void link_sections() {
    for (auto& m : table_.pages) {
      if (m.kind == PageKind::kHome) continue;
      auto it = section_ids_.find(std::string(table_.str(m.dir)));
      m.section = it == section_ids_.end() ? kNoPage : it->second;
    }
  }

 private:
  // The counter of a page left out, or null for a page that is published.
  size_t* skip_counter(const ParsedPage& p) {
    if (!p.ok) return &site_.broken_pages;
    switch (visibility(options_, p.fm)) {
      case Visibility::kShown:
        return nullptr;
      case Visibility::kDraft:
        return &site_.drafts_skipped;
      case Visibility::kUnpublished:
        return &site_.unpublished_skipped;
    }
    return nullptr;
  }

  void set_generated_fields(PageMeta& m, const std::string& rel) {
    bool home = m.kind == PageKind::kHome;
    m.title = table_.strings.intern(home ? std::string_view(options_.home_title)
                                         : title_from_file_name(base_name(parent_dir(rel))));
    m.url = table_.strings.intern(home ? std::string("/") : default_page_url(rel, m.kind, {}));
  }

  void set_parsed_fields(PageMeta& m, const std::string& rel, ParsedPage& p) {
    FrontMatter& fm = p.fm;
    m.title = table_.strings.store(page_title(fm, rel, m.kind, options_.home_title));
    m.has_title = fm.has_title;
    m.draft = fm.draft;
    m.build = fm.build;
    m.slug = table_.strings.intern(fm.slug);
    m.url = table_.strings.intern(p.url);
    m.description = table_.strings.store_cold(fm.description);
    if (!fm.summary.empty()) markdown::cap_summary_bytes(fm.summary);
    m.summary = table_.strings.store_cold(fm.summary.empty() ? p.scan.summary : fm.summary);
    m.has_more_marker = p.scan.has_more_marker;
    m.type = table_.strings.intern(fm.type);
    m.layout = table_.strings.intern(fm.layout);
    m.template_name = table_.strings.intern(fm.template_name);
    set_dates(m, fm);
    m.weight = fm.weight;
    set_scan_fields(m, p);
    set_lists(m, rel, p);
  }

  void set_lists(PageMeta& m, const std::string& rel, ParsedPage& p) {
    FrontMatter& fm = p.fm;
    PageExtras e;
    m.tags = table_.add_list(fm.tags);
    m.categories = table_.add_list(fm.categories);
    e.keywords = table_.add_list(fm.keywords);
    e.aliases = table_.add_list(fm.aliases);
    // Links as written are read twice, by the link graph and the link check: cold.
    m.links = table_.add_list(p.scan.links, PageTable::Keep::kCold);
    e.wiki_links = table_.add_list(p.scan.wiki_links, PageTable::Keep::kCold);
    // Body line 1 is file line body_line.
    m.link_lines = table_.add_numbers(p.scan.link_lines, p.body_line - 1);
    e.wiki_link_lines = table_.add_numbers(p.scan.wiki_link_lines, p.body_line - 1);
    e.images = table_.add_list(p.scan.images, PageTable::Keep::kCold);
    e.image_lines = table_.add_numbers(p.scan.image_lines, p.body_line - 1);
    e.html_links = table_.add_list(p.scan.html_links, PageTable::Keep::kCold);
    e.html_link_lines = table_.add_numbers(p.scan.html_link_lines, p.body_line - 1);
    e.html_images = table_.add_list(p.scan.html_images, PageTable::Keep::kCold);
    e.html_image_lines = table_.add_numbers(p.scan.html_image_lines, p.body_line - 1);
    e.html_media = table_.add_list(p.scan.html_media, PageTable::Keep::kCold);
    e.html_media_lines = table_.add_numbers(p.scan.html_media_lines, p.body_line - 1);
    e.html_embeds = table_.add_list(p.scan.html_embeds, PageTable::Keep::kCold);
    e.html_embed_lines = table_.add_numbers(p.scan.html_embed_lines, p.body_line - 1);
    e.html_ids = table_.add_list(p.scan.html_ids, PageTable::Keep::kCold);
    e.media = table_.add_list(p.scan.media, PageTable::Keep::kCold);
    e.media_lines = table_.add_numbers(p.scan.media_lines, p.body_line - 1);
    // Heading ids are read only to check links' anchors: cold too.
    m.anchors = table_.add_list(p.scan.anchors, PageTable::Keep::kCold);
    e.targets = table_.add_list(p.scan.targets);
    if (fm.params.size() > 0) {
      m.params = static_cast<uint32_t>(table_.params.size());
      table_.params.push_back(std::move(fm.params));
    }
    if (m.is_bundle) {
      auto r = roles_.resources.find(std::string(parent_dir(rel)));
      if (r != roles_.resources.end()) e.resources = table_.add_list(r->second);
    }
    table_.set_extras(m, e);
  }

  const DiscoverOptions& options_;
  DiscoveredSite& site_;
  PageTable& table_;
  FileRoles& roles_;
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, PageId> section_ids_;  // folder -> section page
};

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
  int64_t listed_at_ns = file_clock_ns();
  FileRoles roles =
      assign_roles(options, list_files(options, diagnostics), site.content_files, diagnostics);
  std::vector<Entry> order = page_order(roles);
  if (!options.cold_text_folder.empty()) {
    try {
      site.table.strings.use_cold_file(options.cold_text_folder);
    } catch (const std::runtime_error&) {
      // Kept in memory; the build reports the folder when it writes its first file.
    }
  }
  site.table.pages.reserve(order.size());
  advise_huge_pages(site.table.pages.data(), site.table.pages.capacity() * sizeof(PageMeta));
  // The generated 50K-page corpus has 15 strings a page, 2 of them interned (source path,
  // folder, URL, terms); a site with more grows the pool from there.
  site.table.strings.reserve(order.size() * 16, order.size() * 2);
  TableBuilder builder(options, site, roles, diagnostics);
  auto files_of = [&](size_t chunk) {
    std::vector<PageFile> files;
    for (size_t i = chunk; i < std::min(order.size(), chunk + kChunkFiles); ++i)
      if (!order[i].generated)
        files.push_back({order[i].rel, kind_of(order[i].rel, order[i].index_page), order[i].stamp});
    return files;
  };
  // The table is built by one thread. The next chunk is parsed (its cached records read and
  // decoded, or its files read and parsed) while this one is folded in, so that the other
  // core is not idle: folding was a third of a warm discovery.
  std::vector<PageFile> files = files_of(0);
  ParsedChunk parsed = parse_pages(options, files, listed_at_ns);
  for (size_t chunk = 0; chunk < order.size(); chunk += kChunkFiles) {
    size_t end = std::min(order.size(), chunk + kChunkFiles);
    std::vector<PageFile> next_files;
    ParsedChunk next;
    // After what the task writes: should folding throw, the task ends before they go.
    tbb::task_group parsing;
    if (end < order.size()) {
      next_files = files_of(end);
      parsing.run([&] { next = parse_pages(options, next_files, listed_at_ns); });
    }
    site.sources_reused += parsed.reused;
    site.sources_parsed += parsed.parsed;
    size_t taken = 0;
    for (size_t i = chunk; i < end; ++i) {
      ParsedPage generated;
      builder.add(order[i], order[i].generated ? generated : parsed.pages[taken++]);
    }
    parsing.wait();
    parsed = std::move(next);
  }
  builder.link_sections();
  apply_cascade(site.table);
  site.table.strings.seal_cold();
  return site;
}

}  // namespace bengal::content
