#include "bengal/build/plan.hpp"

#include <algorithm>

namespace bengal::build {

std::vector<std::vector<site::PageId>> plan_batches(const site::Site& site,
                                                    size_t batch_size_pages) {
  std::vector<site::PageId> order(site.rendered().begin(), site.rendered().end());
  std::stable_sort(order.begin(), order.end(), [&](site::PageId a, site::PageId b) {
    return site.str(site.page(a).dir) < site.str(site.page(b).dir);
  });
  size_t batch = std::max<size_t>(1, batch_size_pages);
  std::vector<std::vector<site::PageId>> batches;
  for (size_t i = 0; i < order.size(); i += batch) {
    batches.emplace_back(order.begin() + i, order.begin() + std::min(order.size(), i + batch));
  }
  return batches;
}

}  // namespace bengal::build
