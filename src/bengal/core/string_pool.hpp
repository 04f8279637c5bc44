// Interned strings for the page index. Tags, section names, types and paths repeat across
// thousands of pages; the pool stores each distinct string once and pages hold 4-byte ids.
//
// A million-page site keeps about ten strings a page, so the pool's own overhead matters as
// much as the text: an id costs 8 bytes (a pointer to the text, which starts with its
// length) plus, when interned, two 4-byte slots of an open-addressed hash table. Long text
// that is read rarely (summaries, descriptions) can go to a cold file instead of memory:
// store_cold() appends it to a scratch file, seal_cold() maps the file, and release_cold()
// lets the kernel drop the mapped pages from the process again after a batch has read them.
//
// Not thread-safe while strings are added: discovery adds them while merging its results on
// one thread. Once sealed, get() may be called from any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/ids.hpp"

namespace bengal {

class SpillFile;

inline constexpr StrId kNoStr = UINT32_MAX;

class StringPool {
 public:
  StringPool();
  ~StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;
  StringPool(StringPool&&) noexcept;
  StringPool& operator=(StringPool&&) noexcept;

  // Returns the id of `s`, storing it on first sight.
  StrId intern(std::string_view s);
  // The id of `s` when it was interned, else kNoStr.
  StrId find(std::string_view s) const;
  // Stores `s` without looking for an equal string: for text that is unique per page
  // (titles, anchors), where a hash lookup would only cost time and memory.
  StrId store(std::string_view s);

  // Sends later store_cold() text to a scratch file in `folder` (see SpillFile). Throws
  // std::runtime_error when the file cannot be made. Without it, store_cold() is store().
  void use_cold_file(const std::filesystem::path& folder);
  // Like store(), for long text that is read rarely. Its id must not be read before
  // seal_cold(). Throws std::runtime_error when the cold file cannot be written.
  StrId store_cold(std::string_view s);
  // Maps the cold file and makes every cold id readable; store_cold() stores in memory from
  // then on. Throws std::runtime_error when the file cannot be mapped.
  void seal_cold();
  // Drops the cold text's pages from the process; they are read back on the next get().
  void release_cold() const;

  // Whether `id` is text of the cold file, once sealed.
  bool is_cold(StrId id) const {
    auto at = reinterpret_cast<uintptr_t>(entries_[id]);
    auto map = reinterpret_cast<uintptr_t>(cold_map_.data());
    return at - map < cold_map_.size();
  }
  // The text of `id`, copied. A cold id's is read from the file without mapping its pages:
  // a list of a big site's pages reads text scattered over the whole file, and each read
  // through the map keeps the 64 KB around it resident (the kernel maps pages around a
  // fault), so a few such lists would hold all of it. Thread-safe once sealed. Throws
  // std::runtime_error when the file cannot be read.
  std::string copy(StrId id) const;

  std::string_view get(StrId id) const {
    const auto* p = reinterpret_cast<const unsigned char*>(entries_[id]);
    size_t size = read_size(p);
    return {reinterpret_cast<const char*>(p), size};
  }
  size_t size() const { return entries_.size(); }
  // Room for `ids` ids of which `interned` are interned, made at once: a pool filled with a
  // site's strings would otherwise grow its tables a score of times, hashing every interned
  // string again each time.
  void reserve(size_t ids, size_t interned);
  // Bytes held in memory: text blocks plus the id and lookup tables (not the cold file).
  size_t memory_bytes() const;
  // Bytes of text in the cold file.
  uint64_t cold_bytes() const;

 private:
  friend class ColdReader;
  // The length prefix at `p`, which moves past it.
  static size_t read_size(const unsigned char*& p) {
    size_t first = *p++;
    return first < 0x80 ? first : long_size(first, p);
  }
  static size_t long_size(size_t first, const unsigned char*& p);
  // Where a cold id's entry starts in the cold file, once sealed.
  uint64_t cold_offset(StrId id) const {
    return static_cast<uint64_t>(entries_[id] - cold_map_.data());
  }
  const char* copy_in(std::string_view s);
  StrId add_entry(const char* entry);
  size_t find_slot(std::string_view s, uint64_t hash) const;
  void grow_index(size_t slots);  // to `slots` slots, a power of two

  static constexpr size_t kBlockBytes = size_t{64} * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;  // shared blocks; only the last one has room
  std::vector<std::unique_ptr<char[]>> large_blocks_;
  size_t block_used_ = kBlockBytes;
  size_t text_bytes_ = 0;
  // For each id, its length-prefixed text; a cold id not yet sealed points to an empty entry
  // until seal_cold() points it into the mapped file.
  std::vector<const char*> entries_;
  // Open addressing with linear probing: id + 1 of an interned string, 0 for a free slot.
  std::vector<StrId> slots_;
  size_t interned_ = 0;

  std::unique_ptr<SpillFile> cold_file_;
  std::vector<char> cold_buffer_;  // written to the file in large appends
  std::vector<StrId> cold_ids_;    // ids waiting for seal_cold()
  std::string_view cold_map_;      // the mapped file once sealed
};

// Reads cold text in about the file's order (every page's summary for index.json, llms.txt,
// the search fragments) through a window of the file: one read for each 64 KB, where
// StringPool::copy makes one for each text. Each read is a system call, and these lists read
// two texts a page: a tenth of a warm build's time at 10K pages went to them. Like copy(), it
// maps nothing. One reader per thread; throws std::runtime_error when the file cannot be read.
class ColdReader {
 public:
  explicit ColdReader(const StringPool& pool) : pool_(pool) {}
  // The text of `id`, valid until the next call.
  std::string_view get(StrId id);

 private:
  static constexpr size_t kWindowBytes = size_t{64} << 10;
  // Whether the window holds `size` bytes from `offset` of the file.
  bool holds(uint64_t offset, uint64_t size) const {
    return offset >= start_ && offset + size <= start_ + window_.size();
  }
  void read(uint64_t offset, uint64_t size);
  const StringPool& pool_;
  uint64_t start_ = 0;
  std::string window_;  // the file's bytes from start_
};

// A pass over every page that reads their cold text in the file's order (the anchors' sort,
// the link graph, the link check): the mapped pages it has read go back every so many pages
// and at its end, so that the pass never holds the whole file (710 MB at a million pages).
// In the file's order each page of the file is read once either way.
class ColdPass {
 public:
  explicit ColdPass(const StringPool& pool) : pool_(pool) {}
  ~ColdPass() { pool_.release_cold(); }
  ColdPass(const ColdPass&) = delete;
  ColdPass& operator=(const ColdPass&) = delete;
  // After each page.
  void next() {
    if (++pages_ % kPagesPerRelease == 0) pool_.release_cold();
  }

 private:
  static constexpr size_t kPagesPerRelease = 4096;  // a few MB of the file
  const StringPool& pool_;
  size_t pages_ = 0;
};

}  // namespace bengal
