// The output of Kida's {% cache key %} blocks: rendered once per tag and key, then reused by
// every page of the build. Render threads share it, so it locks; it never holds more than
// kMaxBytes, beyond which blocks simply render each time.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace bengal::templates {

struct Node;

class FragmentCache {
 public:
  static constexpr size_t kMaxBytes = size_t{64} << 20;

  // The bytes cached for {% cache %} tag `tag` with key `key`, if any.
  std::optional<std::string> find(const Node* tag, const std::string& key) const;
  // Keeps `bytes` unless the key is already there (a thread that rendered it first wins, so
  // every page gets the same bytes) or the cache would grow past kMaxBytes. Returns the bytes
  // now cached for the key, or `bytes` when not kept.
  std::string store(const Node* tag, const std::string& key, std::string bytes);
  size_t bytes() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<const Node*, std::string>, std::string> fragments_;
  size_t bytes_ = 0;
};

}  // namespace bengal::templates
