// The cross-reference index's anchor check at scale: 20K links into a page of 20K headings.
// Each check is a binary search; a linear scan (the old code) made this 400M comparisons.
// No timing assertion: running in the normal suite is the point.
#include "bengal/site/xref.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bengal::site {
namespace {

content::PageTable two_pages(size_t headings) {
  content::PageTable t;
  std::vector<std::string> anchors;
  for (size_t i = 0; i < headings; ++i) anchors.push_back(fmt::format("h{}", i));
  for (const char* name : {"a", "b"}) {
    content::PageMeta m;
    m.source_path = t.strings.intern(fmt::format("{}.md", name));
    m.url = t.strings.intern(fmt::format("/{}/", name));
    if (name[0] == 'b') m.anchors = t.add_list(anchors);
    t.pages.push_back(m);
  }
  return t;
}

TEST(Xref, AnchorChecksScaleToLargePages) {
  constexpr size_t kCount = 20000;
  content::PageTable table = two_pages(kCount);
  std::vector<PageId> pages = {0, 1};
  XrefIndex index(table, pages, true);
  size_t resolved = 0, missing = 0;
  for (size_t i = 0; i < kCount; ++i) {
    // Every heading, last first, and as many that do not exist.
    LinkTarget hit = index.resolve_link(0, fmt::format("b.md#h{}", kCount - 1 - i));
    resolved += hit.status == LinkTarget::Status::kResolved && hit.page == 1;
    LinkTarget miss = index.resolve_wiki(0, fmt::format("b#x{}", i));
    missing += miss.status == LinkTarget::Status::kMissingAnchor;
  }
  EXPECT_EQ(resolved, kCount);
  EXPECT_EQ(missing, kCount);
}

TEST(Xref, AnchorsOfThisPageAndOfPagesWithout) {
  content::PageTable table = two_pages(3);
  std::vector<PageId> pages = {0, 1};
  XrefIndex index(table, pages, true);
  EXPECT_EQ(index.resolve_link(1, "#h2").status, LinkTarget::Status::kResolved);
  EXPECT_EQ(index.resolve_link(1, "#h3").status, LinkTarget::Status::kMissingAnchor);
  EXPECT_EQ(index.resolve_link(1, "#").status, LinkTarget::Status::kResolved);
  EXPECT_EQ(index.resolve_link(1, "a.md#h0").status, LinkTarget::Status::kMissingAnchor);
  EXPECT_EQ(index.resolve_wiki(0, "b#h0").anchor, "h0");
  EXPECT_EQ(index.resolve_wiki(0, "b#h").status, LinkTarget::Status::kMissingAnchor);
}

}  // namespace
}  // namespace bengal::site
