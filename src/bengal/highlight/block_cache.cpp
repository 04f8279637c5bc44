#include "bengal/highlight/block_cache.hpp"

namespace bengal::highlight {

BlockCache::BlockCache(size_t capacity_bytes) : shard_capacity_bytes_(capacity_bytes / kShards) {}

bool BlockCache::append(const BlockKey& key, std::string& out) {
  Shard& s = shard(key);
  std::lock_guard lock(s.mutex);
  auto it = s.entries.find(key);
  if (it == s.entries.end()) return false;
  out += it->second;
  return true;
}

void BlockCache::insert(const BlockKey& key, std::string_view html) {
  if (html.size() > shard_capacity_bytes_) return;
  Shard& s = shard(key);
  std::lock_guard lock(s.mutex);
  if (!s.entries.try_emplace(key, html).second) return;
  s.order.push_back(key);
  s.bytes += html.size();
  while (s.bytes > shard_capacity_bytes_) {
    auto oldest = s.entries.find(s.order.front());
    s.bytes -= oldest->second.size();
    s.entries.erase(oldest);
    s.order.pop_front();
  }
}

}  // namespace bengal::highlight
