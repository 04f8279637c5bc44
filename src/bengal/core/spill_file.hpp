// A scratch file for data a build writes once and reads back later (search records, index
// entries), so that it is not held in memory meanwhile. The file is made inside a folder the
// build owns (the output folder) and unlinked at once: the data lives until the object is
// destroyed, and nothing is left behind, even by a killed build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace bengal {

class SpillFile {
 public:
  // Makes `folder` if needed and the file `folder/.<name>-<pid>` in it. Throws
  // std::runtime_error when it cannot be created.
  SpillFile(const std::filesystem::path& folder, std::string_view name);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Writes `bytes` at the end; returns the offset they start at. Throws std::runtime_error.
  uint64_t append(std::string_view bytes);
  // Appends `size` bytes from `offset` to `out`. Throws std::runtime_error.
  void read(uint64_t offset, size_t size, std::string& out) const;
  uint64_t size() const { return end_; }
  // Maps what was written so far read-only (once: later appends are not in the view) and
  // returns it; the view lives as long as this object. Throws std::runtime_error.
  std::string_view map();
  // Drops the mapped pages from the process's memory; the kernel reads them back from the
  // file (usually still in its page cache) on the next access.
  void release_mapped() const;

 private:
  std::string what_;  // for errors: "the search term spill file"
  int fd_ = -1;
  uint64_t end_ = 0;
  void* map_ = nullptr;
  size_t map_size_ = 0;
};

}  // namespace bengal
