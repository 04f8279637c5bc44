// How discovery gets the ParsedPage of each page file: read and parsed, or, with a
// SourceCache (source_cache.hpp), decoded from the record of the last build when the file did
// not change. Internal to discovery.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/content/discover.hpp"
#include "bengal/content/page_meta.hpp"
#include "bengal/content/parsed_page.hpp"
#include "bengal/content/source_cache.hpp"

namespace bengal::content {

struct PageFile {
  std::string_view rel;  // relative to the content dir, '/'-separated
  PageKind kind = PageKind::kPage;
  // What stat said of it when the content dir was listed (list_source_files_with_stats);
  // none when it could not say (a dangling link): such a file is parsed and not cached.
  std::optional<FileStamp> stamp;
};

struct ParsedChunk {
  std::vector<ParsedPage> pages;  // one per file, in the same order
  size_t reused = 0;              // decoded from the cache (DiscoveredSite::sources_reused)
  size_t parsed = 0;              // read and parsed (DiscoveredSite::sources_parsed)
};

// Parses `files` in parallel in the calling TBB arena. With options.source_cache, per file:
//   - its stamp (size, mtime, inode) equals the cached one: the record is decoded, the file
//     is not read;
//   - else the file is read and hashed: the same bytes as the record's reuse it, stored
//     again under the new stamp (a `touch`, a checkout); other bytes are parsed and stored.
// A record that does not decode is a miss. The stamp is taken when the folder is listed, before
// the file is read, so a write during the build leaves a stamp the next build sees as changed.
// A file modified shortly before `listed_at_ns` (the real-time clock when the listing began)
// could be written again within the same tick of the file system's clock, with other bytes of
// the same size, and keep its stamp (git's "racy" entries): its record is stored under a stamp
// no file has, so the next build hashes it once more.
ParsedChunk parse_pages(const DiscoverOptions& options, std::span<const PageFile> files,
                        int64_t listed_at_ns);

// The clock file modification times are on, in nanoseconds since the epoch.
int64_t file_clock_ns();

// How a content file appears in messages: "content/a.md" (just `rel` without a prefix).
std::string display_path(std::string_view prefix, std::string_view rel);

}  // namespace bengal::content
