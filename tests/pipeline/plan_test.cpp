// The render plan through an in-process site: hubs first, then the other rendered pages by
// the folder they sit in (a section by its parent's), cut into batches.
#include "bengal/pipeline/plan.hpp"

#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Batches = std::vector<std::vector<std::string>>;

Batches planned(const site::Site& site, std::span<const PageId> hubs, size_t batch_size) {
  Batches out;
  for (const auto& batch : pipeline::plan_batches(site, hubs, batch_size))
    out.push_back(source_paths(site, batch));
  return out;
}

TEST(Plan, HubsFirstThenPagesBySectionFolder) {
  TestSite s({{"content/z.md", "z"},
              {"content/b/one.md", "1"},
              {"content/a/two.md", "2"},
              {"content/a/three.md", "3"},
              {"content/b/x.md", "---\ntitle: X\nurl: /z/\n---\n"}});  // loses /z/: not rendered
  const site::Site& site = s.load();
  PageId hub = site.xref.by_path("b/one.md");
  EXPECT_EQ(planned(site, std::vector<PageId>{hub}, 2), (Batches{{"b/one.md", "_index.md"},
                                                                 {"a/_index.md", "b/_index.md"},
                                                                 {"z.md", "a/three.md"},
                                                                 {"a/two.md"}}));
  EXPECT_EQ(planned(site, {}, 0).size(), site.rendered().size());  // batches of at least one
  EXPECT_EQ(planned(site, {}, 100), (Batches{{"_index.md", "a/_index.md", "b/_index.md", "z.md",
                                              "a/three.md", "a/two.md", "b/one.md"}}));
}

}  // namespace
}  // namespace bengal::test
