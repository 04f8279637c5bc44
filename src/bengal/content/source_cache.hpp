// What discovery keeps between builds: for each page file, its stamp when it was last read and
// the encoded parse of its bytes (parsed_page_codec.hpp). With a cache, discovery reads only
// the files whose stamp changed and parses only those whose bytes changed (discover.hpp).
// The build cache implements it over SQLite; tests keep it in memory.
//
// A file whose bytes change while its size, mtime and inode stay the same is not seen to
// change: like make, Hugo and Zola, discovery trusts the stamp. Editors and `touch` set the
// mtime; tools that restore it on purpose (rsync -t, tar, cp -p of other bytes of the same
// size) need `--no-cache`. Only two writes within one tick of the file system's clock keep a
// stamp without such help, and a file modified in the seconds before a build is hashed again
// by the next one for that reason (cached_parse.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::content {

// What stat says of a file; equal stamps mean "not changed" without reading the file.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;  // nanoseconds since the epoch
  uint64_t inode = 0;    // a file replaced by rename (most editors' safe save) gets a new one
  bool operator==(const FileStamp&) const = default;
};

struct CachedSource {
  FileStamp stamp;
  std::string record;  // encode_parsed_page's bytes; may be stale, foreign or corrupt
};

// Discovery calls it from the calling thread only, never concurrently, so an implementation
// needs no locking: records of a chunk of files are fetched in order, parsed in parallel, and
// the new ones stored in order.
class SourceCache {
 public:
  virtual ~SourceCache() = default;
  // What was stored for `rel` (content-relative, '/'-separated), whatever its stamp.
  virtual std::optional<CachedSource> find(std::string_view rel) = 0;
  // find() of each of `rels`, given in byte order as discovery lists them, in one go: the
  // build cache reads them in one range scan of its index, which costs a fraction of a query
  // per file (those were a tenth of a warm 50K-page build).
  virtual std::vector<std::optional<CachedSource>> find_sorted(
      std::span<const std::string_view> rels) {
    std::vector<std::optional<CachedSource>> out;
    out.reserve(rels.size());
    for (std::string_view rel : rels) out.push_back(find(rel));
    return out;
  }
  virtual void store(std::string_view rel, const FileStamp& stamp, std::string record) = 0;
};

}  // namespace bengal::content
