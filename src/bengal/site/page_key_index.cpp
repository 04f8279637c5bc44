#include "bengal/site/page_key_index.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <utility>

#include <xxhash.h>

#include "bengal/content/markdown_files.hpp"

namespace bengal::site {
namespace {

uint32_t tag_of(uint64_t hash) {
  return static_cast<uint32_t>(hash >> 32) | 1;
}

}  // namespace

std::string_view page_key(const content::PageTable& table, PageId page, PageKey kind) {
  const content::PageMeta& m = table.pages[page];
  std::string_view path = table.str(m.source_path);
  switch (kind) {
    case PageKey::kPath:
      return path;
    case PageKey::kStem:
      return content::page_stem(path);
    case PageKey::kFolder: {
      std::string_view stem = content::page_stem(path);
      size_t slash = stem.rfind('/');
      return slash == std::string_view::npos ? std::string_view() : stem.substr(0, slash);
    }
    case PageKey::kName: {
      std::string_view stem = content::page_stem(path);
      size_t slash = stem.rfind('/');
      return slash == std::string_view::npos ? stem : stem.substr(slash + 1);
    }
    case PageKey::kSlug:
      return table.str(m.slug);
    case PageKey::kUrl:
      return table.str(m.url);
  }
  return {};
}

void PageKeyIndex::reserve(size_t keys) {
  // Only before the first key: growing rehashes through the table, which reserve() lacks.
  if (size_ == 0 && keys * 2 > slots_.size()) slots_.assign(std::bit_ceil(keys * 2), Slot{});
}

size_t PageKeyIndex::probe(const content::PageTable& table, std::string_view key,
                           uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  uint32_t tag = tag_of(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.tag == 0) return i;
    if (s.tag == tag &&
        page_key(table, s.entry >> 4, static_cast<PageKey>((s.entry >> 1) & 7)) == key)
      return i;
  }
}

void PageKeyIndex::grow(const content::PageTable& table, size_t slots) {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots));
  for (const Slot& s : old) {
    if (s.tag == 0) continue;
    std::string_view key = page_key(table, s.entry >> 4, static_cast<PageKey>((s.entry >> 1) & 7));
    slots_[probe(table, key, XXH3_64bits(key.data(), key.size()))] = s;
  }
}

void PageKeyIndex::add(const content::PageTable& table, PageId page, PageKey kind, bool unique) {
  if (page > kMaxPage) throw std::length_error("more than 268 million pages");
  if ((size_ + 1) * 2 > slots_.size()) grow(table, std::max<size_t>(16, slots_.size() * 2));
  std::string_view key = page_key(table, page, kind);
  uint64_t hash = XXH3_64bits(key.data(), key.size());
  Slot& s = slots_[probe(table, key, hash)];
  if (s.tag != 0) {
    if (unique && (s.entry >> 4) != page) s.entry |= kAmbiguous;
    return;
  }
  s.tag = tag_of(hash);
  s.entry = (page << 4) | (static_cast<uint32_t>(kind) << 1);
  ++size_;
}

PageId PageKeyIndex::find(const content::PageTable& table, std::string_view key) const {
  if (slots_.empty()) return kNoPage;
  const Slot& s = slots_[probe(table, key, XXH3_64bits(key.data(), key.size()))];
  if (s.tag == 0 || (s.entry & kAmbiguous) != 0) return kNoPage;
  return s.entry >> 4;
}

}  // namespace bengal::site
