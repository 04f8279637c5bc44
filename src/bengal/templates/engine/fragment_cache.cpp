#include "bengal/templates/engine/fragment_cache.hpp"

namespace bengal::templates {

std::optional<Fragment> FragmentCache::find(const Node* tag, const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = fragments_.find({tag, key});
  if (it == fragments_.end()) return std::nullopt;
  return it->second;
}

Fragment FragmentCache::store(const Node* tag, const std::string& key, Fragment fragment) {
  std::lock_guard lock(mutex_);
  auto it = fragments_.find({tag, key});
  if (it != fragments_.end()) return it->second;
  if (bytes_ + key.size() + fragment.bytes.size() > kMaxBytes) return fragment;
  bytes_ += key.size() + fragment.bytes.size();
  fragments_.emplace(std::make_pair(tag, key), fragment);
  return fragment;
}

size_t FragmentCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace bengal::templates
