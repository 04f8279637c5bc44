#include "bengal/core/url_path.hpp"

#include <gtest/gtest.h>

#include "bengal/core/allocator.hpp"

namespace bengal {
namespace {

TEST(RelativeUrlPath, SiblingsParentAndSelf) {
  EXPECT_EQ(relative_url_path("/a/b/page-1/", "/a/b/page-2/"), "../page-2/");
  EXPECT_EQ(relative_url_path("/a/b/page-1/", "/a/b/"), "../");
  EXPECT_EQ(relative_url_path("/a/b/page-1/", "/a/"), "../../");
  EXPECT_EQ(relative_url_path("/a/b/page-1/", "/a/b/page-1/"), "./");
  EXPECT_EQ(relative_url_path("/a/b/", "/a/b/page-2/"), "page-2/");
  EXPECT_EQ(relative_url_path("/", "/a/"), "a/");
  EXPECT_EQ(relative_url_path("/a/", "/"), "../");
}

TEST(RelativeUrlPath, FoldersThatShareAPrefixOfTheirNameAreDifferentFolders) {
  EXPECT_EQ(relative_url_path("/a/bc/x/", "/a/b/"), "../../b/");
  EXPECT_EQ(relative_url_path("/a/b/", "/a/bc/"), "../bc/");
  EXPECT_EQ(relative_url_path("/a/b/x/", "/a/b"), "../../b");
}

TEST(RelativeUrlPath, PageFilesQueriesAndFragments) {
  EXPECT_EQ(relative_url_path("/a/x.html", "/a/y.html"), "y.html");
  EXPECT_EQ(relative_url_path("/a/x.html", "/b/y.html#top"), "../b/y.html#top");
  EXPECT_EQ(relative_url_path("/a/b/?page=2", "/a/b/#top"), "./#top");
  EXPECT_EQ(relative_url_path("/a/b/page-1/", "/a/b/page-2/?q=1"), "../page-2/?q=1");
}

TEST(RelativeUrlPath, AnythingButTwoSitePathsIsLeftAsItIs) {
  EXPECT_EQ(relative_url_path("/a/", "https://example.org/a/"), "https://example.org/a/");
  EXPECT_EQ(relative_url_path("/a/", "//cdn.example/x.js"), "//cdn.example/x.js");
  EXPECT_EQ(relative_url_path("/a/", "mailto:me@example.org"), "mailto:me@example.org");
  EXPECT_EQ(relative_url_path("/a/", "b/"), "b/");
  EXPECT_EQ(relative_url_path("a/", "/b/"), "/b/");
  EXPECT_EQ(relative_url_path("/a/", ""), "");
}

// The test programs link no jemalloc (only the bengal binary does): the glibc path runs.
TEST(PercentDecoded, EachEscapeIsItsByteAndAnythingElseStays) {
  EXPECT_EQ(percent_decoded("my%20page.md"), "my page.md");
  EXPECT_EQ(percent_decoded("%C3%A9t%c3%a9"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(percent_decoded("100%"), "100%");
  EXPECT_EQ(percent_decoded("%2"), "%2");
  EXPECT_EQ(percent_decoded("%zz%4"), "%zz%4");
  EXPECT_EQ(percent_decoded("%2541"), "%41");  // decoded once
  EXPECT_EQ(percent_decoded(""), "");
}

TEST(Allocator, TestProgramsRunOnGlibc) {
  EXPECT_EQ(allocator_name(), "glibc");
}

}  // namespace
}  // namespace bengal
