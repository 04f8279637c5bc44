#include "bengal/content/page_meta.hpp"

#include "bengal/content/markdown_files.hpp"

namespace bengal::content {

bool PageTable::is_html_page(PageId id) const {
  return is_html_file(str(pages[id].source_path));
}

StrRange PageTable::add_list(std::span<const std::string> items, Keep keep) {
  StrRange r{static_cast<uint32_t>(lists.size()), static_cast<uint32_t>(items.size())};
  for (const auto& s : items) {
    switch (keep) {
      case Keep::kIntern:
        lists.push_back(strings.intern(s));
        break;
      case Keep::kStore:
        lists.push_back(strings.store(s));
        break;
      case Keep::kCold:
        lists.push_back(strings.store_cold(s));
        break;
    }
  }
  return r;
}

StrRange PageTable::add_numbers(std::span<const uint32_t> items, uint32_t base) {
  StrRange r{static_cast<uint32_t>(numbers.size()), static_cast<uint32_t>(items.size())};
  for (uint32_t n : items) numbers.push_back(n + base);
  return r;
}

void PageTable::set_extras(PageMeta& p, const PageExtras& e) {
  if (p.extras != UINT32_MAX) {
    extras[p.extras] = e;
  } else if (!e.empty()) {
    p.extras = static_cast<uint32_t>(extras.size());
    extras.push_back(e);
  }
}

size_t PageTable::memory_bytes() const {
  // Params are small trees; count their slots, not every nested allocation.
  return pages.capacity() * sizeof(PageMeta) + lists.capacity() * sizeof(StrId) +
         numbers.capacity() * sizeof(uint32_t) + params.capacity() * sizeof(Value) +
         extras.capacity() * sizeof(PageExtras) + strings.memory_bytes();
}

}  // namespace bengal::content
