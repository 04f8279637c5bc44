#include "bengal/content/cached_parse.hpp"

#include <sys/stat.h>

#include <optional>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "bengal/content/parsed_page_codec.hpp"
#include "bengal/content/source_cache.hpp"
#include "bengal/core/file_io.hpp"

namespace bengal::content {
namespace {

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileStamp{static_cast<uint64_t>(st.st_size),
                   int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec,
                   static_cast<uint64_t>(st.st_ino)};
}

// One file's way through parse_pages: its cached record in, what to store out.
struct CacheSlot {
  std::optional<CachedSource> cached;
  std::optional<FileStamp> stamp;  // before the read; none when stat failed
  bool reused = false;
  bool store = false;
  std::string record;  // to store under `stamp`
};

// Reads and parses one file, or decodes its record when the cache allows (parse_pages).
ParsedPage parse_file(const DiscoverOptions& options, const PageFile& file, uint64_t fingerprint,
                      CacheSlot* slot) {
  std::filesystem::path path = options.content_dir / file.rel;
  RecordKey key{fingerprint, file.rel, file.kind};
  bool same_stamp = false;
  if (slot != nullptr) {
    slot->stamp = stamp_of(path);
    same_stamp = slot->cached && slot->stamp && slot->cached->stamp == *slot->stamp;
    if (same_stamp) {
      if (auto page = decode_parsed_page(slot->cached->record, key)) {
        slot->reused = true;
        return std::move(*page);
      }
    }
  }
  std::string display = display_path(options.display_prefix, file.rel);
  std::string text, error;
  if (!read_file(path, text, error)) return unreadable_page(display, error);
  if (slot != nullptr && slot->cached && !same_stamp && slot->stamp) {
    auto page = decode_parsed_page(slot->cached->record, key);
    if (page && page->source_hash == source_hash(text)) {
      slot->reused = slot->store = true;
      slot->record = std::move(slot->cached->record);
      return std::move(*page);
    }
  }
  ParsedPage page =
      parse_page({file.rel, file.kind, display, options.heading_id_style}, std::string_view(text));
  if (slot != nullptr && slot->stamp) {
    slot->store = true;
    slot->record = encode_parsed_page(page, key);
  }
  return page;
}

}  // namespace

uint64_t discover_fingerprint(const DiscoverOptions& options) {
  std::string parts =
      fmt::format("{}\n{}\n{}", kParsedPageLayout, static_cast<int>(options.heading_id_style),
                  options.display_prefix);
  return XXH3_64bits(parts.data(), parts.size());
}

std::string display_path(std::string_view prefix, std::string_view rel) {
  return prefix.empty() ? std::string(rel) : fmt::format("{}/{}", prefix, rel);
}

ParsedChunk parse_pages(const DiscoverOptions& options, std::span<const PageFile> files) {
  ParsedChunk out;
  out.pages.resize(files.size());
  SourceCache* cache = options.source_cache;
  std::vector<CacheSlot> slots(cache != nullptr ? files.size() : 0);
  for (size_t i = 0; i < slots.size(); ++i) slots[i].cached = cache->find(files[i].rel);
  uint64_t fingerprint = cache != nullptr ? discover_fingerprint(options) : 0;
  tbb::parallel_for(size_t{0}, files.size(), [&](size_t i) {
    out.pages[i] = parse_file(options, files[i], fingerprint, cache ? &slots[i] : nullptr);
  });
  for (size_t i = 0; i < slots.size(); ++i) {
    CacheSlot& slot = slots[i];
    if (slot.store) cache->store(files[i].rel, *slot.stamp, std::move(slot.record));
    if (slot.reused) ++out.reused;
  }
  out.parsed = files.size() - out.reused;
  return out;
}

}  // namespace bengal::content
