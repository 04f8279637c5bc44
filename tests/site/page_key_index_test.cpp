// The cross-reference index's key maps: keys read back from the page table, the first page
// keeping a key, ambiguous keys answering no page, and every key found again after the table
// grew far past what was reserved.
#include "bengal/site/page_key_index.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

namespace bengal::site {
namespace {

content::PageTable pages(std::initializer_list<std::pair<const char*, const char*>> paths_slugs) {
  content::PageTable t;
  for (auto [path, slug] : paths_slugs) {
    content::PageMeta m;
    m.source_path = t.strings.intern(path);
    m.slug = t.strings.intern(slug);
    m.url = t.strings.intern(fmt::format("/u/{}/", t.pages.size()));
    t.pages.push_back(m);
  }
  return t;
}

TEST(PageKeyIndex, EachKindNamesItsTextOfThePage) {
  content::PageTable t = pages({{"docs/guide/intro.md", "hello"}, {"_index.md", ""}});
  EXPECT_EQ(page_key(t, 0, PageKey::kPath), "docs/guide/intro.md");
  EXPECT_EQ(page_key(t, 0, PageKey::kStem), "docs/guide/intro");
  EXPECT_EQ(page_key(t, 0, PageKey::kFolder), "docs/guide");
  EXPECT_EQ(page_key(t, 0, PageKey::kName), "intro");
  EXPECT_EQ(page_key(t, 0, PageKey::kSlug), "hello");
  EXPECT_EQ(page_key(t, 0, PageKey::kUrl), "/u/0/");
  EXPECT_EQ(page_key(t, 1, PageKey::kStem), "_index");
  EXPECT_EQ(page_key(t, 1, PageKey::kFolder), "");
  EXPECT_EQ(page_key(t, 1, PageKey::kName), "_index");
}

TEST(PageKeyIndex, TheFirstPageKeepsAKeyAndAUniqueKeyOfTwoPagesIsNobodys) {
  content::PageTable t = pages({{"a/x.md", "s"}, {"b/x.md", "s"}, {"c/y.md", "t"}});
  PageKeyIndex first, unique;
  for (PageId id = 0; id < 3; ++id) {
    first.add(t, id, PageKey::kName, false);
    unique.add(t, id, PageKey::kName, true);
    unique.add(t, id, PageKey::kName, true);  // the same page again is not a second page
  }
  EXPECT_EQ(first.find(t, "x"), 0u);
  EXPECT_EQ(first.find(t, "y"), 2u);
  EXPECT_EQ(unique.find(t, "x"), kNoPage);
  EXPECT_EQ(unique.find(t, "y"), 2u);
  EXPECT_EQ(unique.size(), 2u);
  EXPECT_EQ(first.find(t, "z"), kNoPage);
  EXPECT_EQ(first.find(t, ""), kNoPage);
  EXPECT_EQ(PageKeyIndex().find(t, "x"), kNoPage);
}

TEST(PageKeyIndex, EveryKeyIsFoundAfterTheTableGrew) {
  content::PageTable t;
  constexpr size_t kPages = 5000;
  for (size_t i = 0; i < kPages; ++i) {
    content::PageMeta m;
    m.source_path = t.strings.intern(fmt::format("s{}/p{}.md", i % 7, i));
    m.url = t.strings.intern(fmt::format("/p{}/", i));
    t.pages.push_back(m);
  }
  PageKeyIndex index;
  index.reserve(10);
  for (PageId id = 0; id < kPages; ++id) {
    index.add(t, id, PageKey::kPath, false);
    index.add(t, id, PageKey::kStem, false);
    index.add(t, id, PageKey::kUrl, false);
  }
  EXPECT_EQ(index.size(), 3 * kPages);
  EXPECT_LE(index.memory_bytes(), 3 * kPages * 8 * 4);  // 8-byte slots, at most 3/4 empty
  for (PageId id = 0; id < kPages; ++id) {
    ASSERT_EQ(index.find(t, fmt::format("s{}/p{}.md", id % 7, id)), id);
    ASSERT_EQ(index.find(t, fmt::format("s{}/p{}", id % 7, id)), id);
    ASSERT_EQ(index.find(t, fmt::format("/p{}/", id)), id);
  }
  EXPECT_EQ(index.find(t, "s1/p1.m"), kNoPage);
}

}  // namespace
}  // namespace bengal::site
