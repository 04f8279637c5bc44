// Interned strings for the page index. Tags, section names, types and paths repeat across
// thousands of pages; the pool stores each distinct string once and pages hold 4-byte ids.
// Not thread-safe: discovery interns while merging its results on one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/core/ids.hpp"

namespace bengal {

class StringPool {
 public:
  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;

  // Returns the id of `s`, storing it on first sight.
  StrId intern(std::string_view s);
  // Stores `s` without looking for an equal string: for text that is unique per page
  // (summaries, descriptions), where a hash lookup would only cost time and memory.
  StrId store(std::string_view s);
  std::string_view get(StrId id) const { return views_[id]; }
  size_t size() const { return views_.size(); }
  // Bytes held by the pool: text blocks plus the id and lookup tables.
  size_t memory_bytes() const;

 private:
  std::string_view copy_in(std::string_view s);

  static constexpr size_t kBlockBytes = size_t{64} * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;  // shared blocks; only the last one has room
  std::vector<std::unique_ptr<char[]>> large_blocks_;
  size_t block_used_ = kBlockBytes;
  size_t text_bytes_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, StrId> index_;
};

}  // namespace bengal
