// Where discovery finds the parse of a page file it has seen before (the incremental build
// cache implements it over SQLite). Calls come from the discovering thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bengal::content {

struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

struct CachedSource {
  FileStamp stamp;
  std::string record;
};

class SourceCache {
 public:
  virtual ~SourceCache() = default;
  // What was stored for `rel` (content-relative, '/'-separated), whatever its stamp.
  virtual std::optional<CachedSource> find(std::string_view rel) = 0;
  virtual void store(std::string_view rel, const FileStamp& stamp, std::string record) = 0;
};

}  // namespace bengal::content
