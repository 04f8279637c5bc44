// A SourceCache in a map, for tests: what the build cache keeps in SQLite, plus counters of
// the calls discovery makes.
#pragma once

#include <map>
#include <string>

#include "bengal/content/source_cache.hpp"

namespace bengal::test {

class MemorySourceCache : public content::SourceCache {
 public:
  std::optional<content::CachedSource> find(std::string_view rel) override {
    ++finds;
    auto it = entries.find(std::string(rel));
    if (it == entries.end()) return std::nullopt;
    return it->second;
  }
  void store(std::string_view rel, const content::FileStamp& stamp, std::string record) override {
    ++stores;
    entries[std::string(rel)] = {stamp, std::move(record)};
  }

  std::map<std::string, content::CachedSource> entries;
  size_t finds = 0;
  size_t stores = 0;
};

}  // namespace bengal::test
