// The output of Kida's {% cache key %} blocks: rendered once per tag and key, then reused by
// every page of the build. Render threads share it, so it locks; it never holds more than
// kMaxBytes, beyond which blocks simply render each time.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "bengal/core/read_set.hpp"

namespace bengal::templates {

struct Node;

// A fragment keeps what its first render read (core/read_set.hpp): every page that reuses it
// depends on those reads as if it had rendered the fragment itself.
struct Fragment {
  std::string bytes;
  std::shared_ptr<const reads::ReadSet> reads;
};

class FragmentCache {
 public:
  static constexpr size_t kMaxBytes = size_t{64} << 20;

  // The fragment cached for {% cache %} tag `tag` with key `key`, if any.
  std::optional<Fragment> find(const Node* tag, const std::string& key) const;
  // Keeps `fragment` unless the key is already there (a thread that rendered it first wins, so
  // every page gets the same bytes) or the cache would grow past kMaxBytes. Returns the
  // fragment now cached for the key, or `fragment` when not kept.
  Fragment store(const Node* tag, const std::string& key, Fragment fragment);
  size_t bytes() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<const Node*, std::string>, Fragment> fragments_;
  size_t bytes_ = 0;
};

}  // namespace bengal::templates
