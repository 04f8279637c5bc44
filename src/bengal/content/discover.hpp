// Phase 1 of the pipeline: walk content/, parse each page's front matter, scan its body once
// for what the index needs, then drop the body. The result is the PageTable; bodies are read
// again only when a page is rendered.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bengal/content/page_meta.hpp"
#include "bengal/content/permalinks.hpp"
#include "bengal/content/source_cache.hpp"
#include "bengal/core/diagnostic.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::content {

struct DiscoverOptions {
  std::filesystem::path content_dir;
  std::string display_prefix = "content";  // how paths appear in messages: "content/a.md"
  bool include_drafts = false;
  // Hugo's publishing window: a page whose date is after `now_epoch_seconds` (future) or
  // whose expirydate is at or before it (expired) is left out unless included here.
  bool include_future = false;
  bool include_expired = false;
  int64_t now_epoch_seconds = 0;
  std::string home_title;  // title of a home page without _index.md (the site title)
  // Which symlinks are followed: the site folder and [build] follow_external_symlinks.
  SourceTreeOptions sources;
  // [markdown]'s heading_ids, smart_punctuation and alerts: summaries and heading ids taken
  // from the body are those the body is rendered with.
  markdown::ScanOptions scan;
  Permalinks permalinks;  // [permalinks]: URL patterns by top-level section
  // A multilingual site: every language's code (page file names carry them, "about.fr.md":
  // markdown_files.hpp), the code of the language whose pages are discovered, and whether page
  // files named with no code are its (the default language's, or every page of a content folder
  // of its own). Empty codes: a site in one language, every page file.
  std::vector<std::string> language_codes;
  std::string language;
  bool takes_unnamed_pages = true;
  // Parses of the last build, reused for unchanged files (source_cache.hpp); null: every
  // page file is read and parsed. Used from the calling thread only.
  SourceCache* source_cache = nullptr;
  // Where the index keeps the text it reads rarely (summaries, descriptions, links as
  // written, heading ids: two thirds of its bytes) in a scratch file instead of memory
  // (StringPool::store_cold); empty, or a folder where no file can be made: in memory.
  std::filesystem::path cold_text_folder;
};

// Changes when an option that a cached parse depends on changes (the heading id style, the
// display prefix) or when the cache's record layout does: part of the cache's key, and
// checked in every record.
uint64_t discover_fingerprint(const DiscoverOptions& options);

struct DiscoveredSite {
  PageTable table;
  // Files in content/ that are not Markdown and not bundle resources, relative to the content
  // dir; they are copied to the same place under the output dir.
  std::vector<std::string> content_files;
  size_t drafts_skipped = 0;
  size_t unpublished_skipped = 0;  // future or expired (DiscoverOptions)
  size_t broken_pages = 0;         // pages reported and left out
  size_t sources_reused = 0;       // page files whose cached parse was used (DiscoverOptions)
  size_t sources_parsed = 0;       // page files read and parsed
};

// Never throws for bad input: every broken page becomes an error in `diagnostics` and the
// rest of the site is still discovered. Runs in the calling TBB arena, in parallel.
DiscoveredSite discover_pages(const DiscoverOptions& options, Diagnostics& diagnostics);

// The fingerprint of a page file's bytes, kept in PageMeta::source_hash.
uint64_t source_hash(std::string_view file_text);

// "my-first_post" -> "My First Post": the title of a page or section without one.
std::string title_from_file_name(std::string_view stem);

}  // namespace bengal::content
