#include "bengal/templates/engine/fragment_cache.hpp"

namespace bengal::templates {

std::optional<std::string> FragmentCache::find(const Node* tag, const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = fragments_.find({tag, key});
  if (it == fragments_.end()) return std::nullopt;
  return it->second;
}

std::string FragmentCache::store(const Node* tag, const std::string& key, std::string bytes) {
  std::lock_guard lock(mutex_);
  auto it = fragments_.find({tag, key});
  if (it != fragments_.end()) return it->second;
  if (bytes_ + key.size() + bytes.size() > kMaxBytes) return bytes;
  bytes_ += key.size() + bytes.size();
  fragments_.emplace(std::make_pair(tag, key), bytes);
  return bytes;
}

size_t FragmentCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace bengal::templates
