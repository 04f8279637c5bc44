// A feed's items are the newest dated pages of its list (pipeline/site_outputs.hpp). A list in
// display order that is ordered by date is read only as far as its newest pages; that must
// give what a look at every page gives, ties on a date included.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"
#include "bengal/pipeline/site_outputs.hpp"

namespace bengal::test {
namespace {

// 40 pages on 8 dates, titles against path order (ties break by title in the display order,
// by path in a feed), 5 without a date, all tagged "t", every third also "u".
Files dated_site(bool weighted) {
  Files files;
  for (int i = 0; i < 45; ++i) {
    std::string date = i < 40 ? fmt::format("date: 2024-01-{:02}\n", 1 + (i * 7) % 8) : "";
    std::string weight = weighted && i % 5 == 0 ? fmt::format("weight: {}\n", i + 1) : "";
    files[fmt::format("content/p{:02}.md", i)] =
        fmt::format("---\ntitle: T{:02}\n{}{}tags: [t{}]\n---\nbody\n", 99 - i, date, weight,
                    i % 3 == 0 ? ", u" : "");
  }
  return files;
}

void expect_same_newest(const site::Site& site, std::span<const PageId> list) {
  for (size_t limit : {0, 1, 2, 5, 6, 10, 20, 39, 40, 41, 50}) {
    EXPECT_EQ(pipeline::newest_dated(site, list, limit, true),
              pipeline::newest_dated(site, list, limit, false))
        << "limit " << limit;
  }
}

TEST(NewestDated, AListByDateGivesWhatEveryPageGives) {
  for (bool weighted : {false, true}) {
    TestSite s(dated_site(weighted));
    const site::Site& site = s.load();
    ASSERT_EQ(site.regular_pages.size(), 45u);
    EXPECT_EQ(site::list_by_date(site.table, site.regular_pages), !weighted);
    expect_same_newest(site, site.regular_pages);
    ASSERT_FALSE(site.taxonomies.empty());
    for (const auto& term : site.taxonomies[0].terms) expect_same_newest(site, term.pages);
    std::vector<PageId> newest = pipeline::newest_dated(site, site.regular_pages, 3, true);
    ASSERT_EQ(newest.size(), 3u);
    // The newest date (2024-01-08) is that of p01, p09, ... : by path among them.
    EXPECT_EQ(site.source_path(newest[0]), "p01.md");
    EXPECT_EQ(site.source_path(newest[1]), "p09.md");
    EXPECT_EQ(site.source_path(newest[2]), "p17.md");
  }
}

}  // namespace
}  // namespace bengal::test
