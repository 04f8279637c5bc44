// A bounded, thread-safe map from a block's 128-bit hash to its finished markup, so a block
// repeated across pages (or a page rendered twice, for its summary and for itself) is
// tokenized once per build.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace bengal::highlight {

struct BlockKey {
  uint64_t low = 0;
  uint64_t high = 0;
  bool operator==(const BlockKey&) const = default;
};

class BlockCache {
 public:
  explicit BlockCache(size_t capacity_bytes);

  // Appends the cached markup to out; false when it is not cached.
  bool append(const BlockKey& key, std::string& out);
  // Markup bigger than a shard's share is not kept. The oldest entries of a shard go first.
  void insert(const BlockKey& key, std::string_view html);

 private:
  struct KeyHash {
    size_t operator()(const BlockKey& k) const { return static_cast<size_t>(k.low); }
  };
  // Shards keep threads that highlight different blocks from waiting on one lock.
  struct Shard {
    std::mutex mutex;
    std::unordered_map<BlockKey, std::string, KeyHash> entries;
    std::deque<BlockKey> order;  // insertion order, for eviction
    size_t bytes = 0;
  };
  static constexpr size_t kShards = 16;
  Shard& shard(const BlockKey& key) { return shards_[key.high % kShards]; }

  size_t shard_capacity_bytes_;
  Shard shards_[kShards];
};

}  // namespace bengal::highlight
