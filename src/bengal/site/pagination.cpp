#include "bengal/site/pagination.hpp"

#include <algorithm>

namespace bengal::site {

std::string pager_url(std::string_view list_url, size_t number, std::string_view folder) {
  std::string url(list_url);
  if (number <= 1) return url;
  if (!url.ends_with('/')) url += '/';
  url += folder;
  return url + "/" + std::to_string(number) + "/";
}

bool is_pager_folder(std::string_view folder) {
  if (folder.empty() || folder.size() > 64 || folder == "." || folder == "..") return false;
  return std::all_of(folder.begin(), folder.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::vector<Pager> paginate(size_t total_items, size_t per_page, std::string_view list_url,
                            std::string_view folder) {
  size_t size = per_page == 0 ? std::max<size_t>(total_items, 1) : per_page;
  size_t pages = std::max<size_t>(1, (total_items + size - 1) / size);
  std::vector<Pager> out(pages);
  for (size_t i = 0; i < pages; ++i) {
    Pager& p = out[i];
    p.number = i + 1;
    p.total_pages = pages;
    p.total_items = total_items;
    p.first_item = i * size;
    p.item_count = std::min(size, total_items - std::min(total_items, p.first_item));
    p.folder = folder;
    p.url = pager_url(list_url, p.number, folder);
    p.first_url = pager_url(list_url, 1, folder);
    p.last_url = pager_url(list_url, pages, folder);
    if (p.number > 1) p.prev_url = pager_url(list_url, p.number - 1, folder);
    if (p.number < pages) p.next_url = pager_url(list_url, p.number + 1, folder);
  }
  return out;
}

std::vector<size_t> pager_window(size_t number, size_t total, size_t radius) {
  std::vector<size_t> out;
  if (total == 0) return out;
  number = std::clamp<size_t>(number, 1, total);
  size_t lo = number > radius ? number - radius : 1;
  size_t hi = std::min(total, number + radius);
  if (lo > 1) out.push_back(1);
  if (lo > 3) {
    out.push_back(0);
  } else {
    for (size_t i = 2; i < lo; ++i) out.push_back(i);
  }
  for (size_t i = lo; i <= hi; ++i) out.push_back(i);
  if (hi + 2 < total) {
    out.push_back(0);
  } else {
    for (size_t i = hi + 1; i < total; ++i) out.push_back(i);
  }
  if (hi < total) out.push_back(total);
  return out;
}

}  // namespace bengal::site
