#include "bengal/pipeline/plan.hpp"

#include <algorithm>

namespace bengal::pipeline {

std::vector<std::vector<PageId>> plan_batches(const site::Site& site, std::span<const PageId> hubs,
                                              size_t batch_size_pages) {
  std::vector<bool> is_hub(site.table.pages.size(), false);
  for (PageId p : hubs) is_hub[p] = true;
  std::vector<PageId> order(hubs.begin(), hubs.end());
  for (PageId p : site.rendered())
    if (!is_hub[p]) order.push_back(p);
  std::stable_sort(
      order.begin() + static_cast<std::ptrdiff_t>(hubs.size()), order.end(),
      [&](PageId a, PageId b) { return site.str(site.page(a).dir) < site.str(site.page(b).dir); });
  size_t batch = std::max<size_t>(1, batch_size_pages);
  std::vector<std::vector<PageId>> batches;
  for (size_t i = 0; i < order.size(); i += batch) {
    batches.emplace_back(order.begin() + i, order.begin() + std::min(order.size(), i + batch));
  }
  return batches;
}

}  // namespace bengal::pipeline
