#include "bengal/content/cached_parse.hpp"

#include <chrono>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "bengal/content/parsed_page_codec.hpp"
#include "bengal/content/source_cache.hpp"
#include "bengal/core/file_io.hpp"

namespace bengal::content {
namespace {

// How long before the listing a modification makes a stamp untrusted: more than the coarsest
// file-system clock (FAT's 2 s; ext4 and tmpfs tick in milliseconds).
constexpr int64_t kRacyWindowNs = int64_t{3} * 1'000'000'000;

// The stamp a record is stored under: the file's, or one that no stat returns.
FileStamp stamp_to_store(FileStamp stamp, int64_t listed_at_ns) {
  if (stamp.mtime_ns > listed_at_ns - kRacyWindowNs) stamp.mtime_ns = INT64_MIN;
  return stamp;
}

// One file's way through parse_pages: its cached record in, what to store out.
struct CacheSlot {
  std::optional<CachedSource> cached;
  bool reused = false;
  bool store = false;
  std::string record;  // to store under the file's stamp
};

// Reads and parses one file, or decodes its record when the cache allows (parse_pages).
ParsedPage parse_file(const DiscoverOptions& options, const PageFile& file, uint64_t fingerprint,
                      CacheSlot* slot) {
  RecordKey key{fingerprint, file.rel, file.kind};
  bool same_stamp = false;
  if (slot != nullptr) {
    same_stamp = slot->cached && file.stamp && slot->cached->stamp == *file.stamp;
    if (same_stamp) {
      if (auto page = decode_parsed_page(slot->cached->record, key)) {
        slot->reused = true;
        return std::move(*page);
      }
    }
  }
  std::string display = display_path(options.display_prefix, file.rel);
  std::string text, error;
  if (!read_file(options.content_dir / file.rel, text, error))
    return unreadable_page(display, error);
  if (slot != nullptr && slot->cached && !same_stamp && file.stamp) {
    auto page = decode_parsed_page(slot->cached->record, key);
    if (page && page->source_hash == source_hash(text)) {
      slot->reused = slot->store = true;
      slot->record = std::move(slot->cached->record);
      return std::move(*page);
    }
  }
  ParsedPage page = parse_page({file.rel, file.kind, display, options.scan,
                                options.permalinks.pattern_for(file.rel, file.kind)},
                               std::string_view(text));
  if (slot != nullptr && file.stamp) {
    slot->store = true;
    slot->record = encode_parsed_page(page, key);
  }
  return page;
}

}  // namespace

uint64_t discover_fingerprint(const DiscoverOptions& options) {
  // The language codes change the names, and so the URLs, of the pages that carry one.
  std::string parts = fmt::format(
      "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}", kParsedPageLayout,
      static_cast<int>(options.scan.heading_id_style), options.display_prefix,
      options.permalinks.fingerprint(), fmt::join(options.language_codes, ","),
      options.scan.smart_punctuation ? "smart" : "", options.scan.alerts ? "alerts" : "",
      options.scan.definition_lists ? "dl" : "", options.scan.block_attributes ? "ial" : "",
      fmt::join(options.scan.site_shortcodes, ","));
  return XXH3_64bits(parts.data(), parts.size());
}

std::string display_path(std::string_view prefix, std::string_view rel) {
  return prefix.empty() ? std::string(rel) : fmt::format("{}/{}", prefix, rel);
}

int64_t file_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ParsedChunk parse_pages(const DiscoverOptions& options, std::span<const PageFile> files,
                        int64_t listed_at_ns) {
  ParsedChunk out;
  out.pages.resize(files.size());
  SourceCache* cache = options.source_cache;
  std::vector<CacheSlot> slots(cache != nullptr ? files.size() : 0);
  if (cache != nullptr) {
    std::vector<std::string_view> rels(files.size());
    for (size_t i = 0; i < files.size(); ++i) rels[i] = files[i].rel;
    std::vector<std::optional<CachedSource>> found = cache->find_sorted(rels);
    for (size_t i = 0; i < slots.size(); ++i) slots[i].cached = std::move(found[i]);
  }
  uint64_t fingerprint = cache != nullptr ? discover_fingerprint(options) : 0;
  tbb::parallel_for(size_t{0}, files.size(), [&](size_t i) {
    out.pages[i] = parse_file(options, files[i], fingerprint, cache ? &slots[i] : nullptr);
  });
  for (size_t i = 0; i < slots.size(); ++i) {
    CacheSlot& slot = slots[i];
    if (slot.store) {
      cache->store(files[i].rel, stamp_to_store(*files[i].stamp, listed_at_ns),
                   std::move(slot.record));
    }
    if (slot.reused) ++out.reused;
  }
  out.parsed = files.size() - out.reused;
  return out;
}

}  // namespace bengal::content
