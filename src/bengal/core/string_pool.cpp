#include "bengal/core/string_pool.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "bengal/core/memory.hpp"
#include "bengal/core/spill_file.hpp"

namespace bengal {
namespace {

// The text of every empty id, and of a cold id until seal_cold(): a zero length.
constexpr char kEmptyEntry[1] = {0};
constexpr size_t kColdAppendBytes = size_t{1} << 20;

// Writes the length prefix: 7 bits a byte, low bits first, the high bit set while more follow.
size_t put_size(char* out, size_t size) {
  size_t n = 0;
  while (size >= 0x80) {
    out[n++] = static_cast<char>((size & 0x7f) | 0x80);
    size >>= 7;
  }
  out[n++] = static_cast<char>(size);
  return n;
}

size_t prefix_bytes(size_t size) {
  size_t n = 1;
  for (; size >= 0x80; size >>= 7) ++n;
  return n;
}

uint64_t hash_of(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

}  // namespace

StringPool::StringPool() : entries_{kEmptyEntry}, slots_(16, 0) {}
StringPool::~StringPool() = default;
StringPool::StringPool(StringPool&&) noexcept = default;
StringPool& StringPool::operator=(StringPool&&) noexcept = default;

size_t StringPool::long_size(size_t first, const unsigned char*& p) {
  size_t size = first & 0x7f;
  for (int shift = 7;; shift += 7) {
    size_t byte = *p++;
    size |= (byte & 0x7f) << shift;
    if (byte < 0x80) return size;
  }
}

const char* StringPool::copy_in(std::string_view s) {
  size_t need = prefix_bytes(s.size()) + s.size();
  char* dst = nullptr;
  if (need > kBlockBytes / 4) {
    // Large strings get a block of their own so they do not waste the tail of a shared one.
    large_blocks_.push_back(std::make_unique<char[]>(need));
    dst = large_blocks_.back().get();
    text_bytes_ += need;
  } else {
    if (block_used_ + need > kBlockBytes) {
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      block_used_ = 0;
      text_bytes_ += kBlockBytes;
    }
    dst = blocks_.back().get() + block_used_;
    block_used_ += need;
  }
  size_t n = put_size(dst, s.size());
  std::memcpy(dst + n, s.data(), s.size());
  return dst;
}

StrId StringPool::add_entry(const char* entry) {
  auto id = static_cast<StrId>(entries_.size());
  entries_.push_back(entry);
  return id;
}

size_t StringPool::find_slot(std::string_view s, uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    StrId slot = slots_[i];
    if (slot == 0 || get(slot - 1) == s) return i;
  }
}

void StringPool::reserve(size_t ids, size_t interned) {
  entries_.reserve(ids);
  advise_huge_pages(entries_.data(), entries_.capacity() * sizeof(const char*));
  // At most half full, as intern() keeps it.
  size_t slots = std::bit_ceil(std::max<size_t>(interned * 2, 16));
  if (slots > slots_.size()) grow_index(slots);
}

void StringPool::grow_index(size_t slots) {
  std::vector<StrId> old = std::move(slots_);
  slots_.assign(slots, 0);
  size_t mask = slots_.size() - 1;
  for (StrId slot : old) {
    if (slot == 0) continue;
    size_t i = hash_of(get(slot - 1)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

StrId StringPool::intern(std::string_view s) {
  if (s.empty()) return kEmptyStr;
  uint64_t hash = hash_of(s);
  size_t i = find_slot(s, hash);
  if (slots_[i] != 0) return slots_[i] - 1;
  StrId id = add_entry(copy_in(s));
  slots_[i] = id + 1;
  // At most half full, so probes stay short.
  if (++interned_ * 2 > slots_.size()) grow_index(slots_.size() * 2);
  return id;
}

StrId StringPool::find(std::string_view s) const {
  if (s.empty()) return kEmptyStr;
  StrId slot = slots_[find_slot(s, hash_of(s))];
  return slot == 0 ? kNoStr : slot - 1;
}

StrId StringPool::store(std::string_view s) {
  if (s.empty()) return kEmptyStr;
  return add_entry(copy_in(s));
}

void StringPool::use_cold_file(const std::filesystem::path& folder) {
  cold_file_ = std::make_unique<SpillFile>(folder, "index-text");
}

StrId StringPool::store_cold(std::string_view s) {
  if (s.empty()) return kEmptyStr;
  if (!cold_file_ || !cold_map_.empty()) return store(s);
  size_t at = cold_buffer_.size();
  cold_buffer_.resize(at + prefix_bytes(s.size()) + s.size());
  size_t n = put_size(cold_buffer_.data() + at, s.size());
  std::memcpy(cold_buffer_.data() + at + n, s.data(), s.size());
  if (cold_buffer_.size() >= kColdAppendBytes) {
    cold_file_->append({cold_buffer_.data(), cold_buffer_.size()});
    cold_buffer_.clear();
  }
  StrId id = add_entry(kEmptyEntry);
  cold_ids_.push_back(id);
  return id;
}

void StringPool::seal_cold() {
  if (!cold_file_ || !cold_map_.empty()) return;
  cold_file_->append({cold_buffer_.data(), cold_buffer_.size()});
  std::vector<char>().swap(cold_buffer_);
  if (cold_ids_.empty()) return;
  cold_map_ = cold_file_->map();
  // The file holds the cold strings one after another in id order, each after its length.
  // Their places are found by reading the file through a ColdReader, not through the mapping:
  // touching every page of it made all of it resident at once, the index's whole cold text
  // (70 MB at 100K pages, 700 MB at a million), the peak of a big site's discovery.
  ColdReader reader(*this);
  const char* at = cold_map_.data();
  for (StrId id : cold_ids_) {
    entries_[id] = at;
    size_t size = reader.get(id).size();
    at += prefix_bytes(size) + size;
  }
  std::vector<StrId>().swap(cold_ids_);
}

std::string StringPool::copy(StrId id) const {
  if (!is_cold(id)) return std::string(get(id));
  // One read of the prefix and, mostly, the whole text: summaries are capped well below it.
  constexpr size_t kFirstRead = 2048;
  uint64_t offset = cold_offset(id);
  std::string bytes;
  cold_file_->read(offset, std::min(kFirstRead, cold_map_.size() - offset), bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t size = read_size(p);
  auto prefix = static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(bytes.data()));
  if (prefix + size > bytes.size())
    cold_file_->read(offset + bytes.size(), prefix + size - bytes.size(), bytes);
  bytes.erase(0, prefix);
  bytes.resize(size);
  return bytes;
}

std::string_view ColdReader::get(StrId id) {
  if (!pool_.is_cold(id)) return pool_.get(id);
  uint64_t offset = pool_.cold_offset(id);
  uint64_t file = pool_.cold_map_.size();
  constexpr uint64_t kLongestPrefix = 10;  // a 64-bit size, 7 bits a byte
  uint64_t prefix_room = std::min(kLongestPrefix, file - offset);
  if (!holds(offset, prefix_room)) read(offset, std::max<uint64_t>(kWindowBytes, prefix_room));
  const auto* begin = reinterpret_cast<const unsigned char*>(window_.data() + (offset - start_));
  const unsigned char* p = begin;
  size_t size = StringPool::read_size(p);
  auto prefix = static_cast<uint64_t>(p - begin);
  if (!holds(offset, prefix + size)) read(offset, std::max<uint64_t>(kWindowBytes, prefix + size));
  return std::string_view(window_).substr(offset - start_ + prefix, size);
}

void ColdReader::read(uint64_t offset, uint64_t size) {
  window_.clear();
  start_ = offset;
  pool_.cold_file_->read(offset, std::min(size, pool_.cold_map_.size() - offset), window_);
}

void StringPool::release_cold() const {
  if (cold_file_ && !cold_map_.empty()) cold_file_->release_mapped();
}

size_t StringPool::memory_bytes() const {
  return text_bytes_ + entries_.capacity() * sizeof(const char*) +
         slots_.capacity() * sizeof(StrId) + cold_ids_.capacity() * sizeof(StrId) +
         cold_buffer_.capacity();
}

uint64_t StringPool::cold_bytes() const {
  return cold_file_ ? cold_file_->size() : 0;
}

}  // namespace bengal
