// A map from texts of the page table (source paths, slugs, URLs) to page ids, for the
// cross-reference index (xref.hpp). It stores no key: a slot holds a page id and which of the
// page's texts is the key, and a lookup reads that text back from the table to compare. Slots
// are 8 bytes, at most half of them used: about 16 bytes a key, where a
// std::unordered_map<std::string_view, PageId> took about 56 (node, hash, bucket), and a
// million-page site has four million such keys.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "bengal/content/page_meta.hpp"

namespace bengal::site {

// Which text of a page is a key.
enum class PageKey : uint8_t {
  kPath,    // its source path: "docs/intro.md"
  kStem,    // the path without ".md": "docs/intro"
  kFolder,  // the folder of the stem: "docs" for docs/_index.md
  kName,    // the stem's last part: "intro"
  kSlug,    // its slug
  kUrl,     // its URL: "/docs/intro/"
};

// The text of `page` that `kind` names.
std::string_view page_key(const content::PageTable& table, PageId page, PageKey kind);

class PageKeyIndex {
 public:
  // Room for `keys` keys before the table grows.
  void reserve(size_t keys);
  // Adds `page`'s text of `kind` as a key, unless the key is there already (the first page
  // keeps it). With `unique`, a key two pages give is ambiguous instead: find() then answers
  // kNoPage. The table must outlive the index and keep these texts.
  void add(const content::PageTable& table, PageId page, PageKey kind, bool unique);
  // The page of `key`; kNoPage when there is none or it is ambiguous.
  PageId find(const content::PageTable& table, std::string_view key) const;
  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  // `entry`: the page id, shifted left by 4 bits, then the kind (3 bits) and the ambiguous bit.
  // `tag`: the key's hash's high half, never 0 (0 is an empty slot).
  struct Slot {
    uint32_t tag = 0;
    uint32_t entry = 0;
  };
  static constexpr uint32_t kAmbiguous = 1;
  static constexpr PageId kMaxPage = (uint32_t{1} << 28) - 1;

  // The slot of `key` (hash `hash`), or the empty slot where it would go.
  size_t probe(const content::PageTable& table, std::string_view key, uint64_t hash) const;
  void grow(const content::PageTable& table, size_t slots);

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace bengal::site
