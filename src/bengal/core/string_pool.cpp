#include "bengal/core/string_pool.hpp"

#include <cstring>

namespace bengal {

StringPool::StringPool() {
  views_.emplace_back();
  index_.emplace(std::string_view(), kEmptyStr);
}

std::string_view StringPool::copy_in(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > kBlockBytes / 4) {
    // Large strings get a block of their own so they do not waste the tail of a shared one.
    auto block = std::make_unique<char[]>(s.size());
    std::memcpy(block.get(), s.data(), s.size());
    std::string_view view(block.get(), s.size());
    large_blocks_.push_back(std::move(block));
    text_bytes_ += s.size();
    return view;
  }
  if (block_used_ + s.size() > kBlockBytes) {
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    block_used_ = 0;
    text_bytes_ += kBlockBytes;
  }
  char* dst = blocks_.back().get() + block_used_;
  std::memcpy(dst, s.data(), s.size());
  block_used_ += s.size();
  return {dst, s.size()};
}

StrId StringPool::intern(std::string_view s) {
  if (auto it = index_.find(s); it != index_.end()) return it->second;
  std::string_view owned = copy_in(s);
  auto id = static_cast<StrId>(views_.size());
  views_.push_back(owned);
  index_.emplace(owned, id);
  return id;
}

StrId StringPool::store(std::string_view s) {
  if (s.empty()) return kEmptyStr;
  auto id = static_cast<StrId>(views_.size());
  views_.push_back(copy_in(s));
  return id;
}

size_t StringPool::memory_bytes() const {
  return text_bytes_ + views_.capacity() * sizeof(std::string_view) +
         index_.size() * (sizeof(std::string_view) + sizeof(StrId) + 2 * sizeof(void*)) +
         index_.bucket_count() * sizeof(void*);
}

}  // namespace bengal
