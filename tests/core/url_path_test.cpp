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

TEST(BelowBasePath, ThePathItselfOrAPathGoingOnFromIt) {
  struct Case {
    const char* path;
    const char* base;
    bool below;
  };
  for (const Case& c : {Case{"/docs", "/docs", true}, Case{"/docs/img/a.png", "/docs", true},
                        Case{"/docs?x=1", "/docs", true}, Case{"/docs#top", "/docs", true},
                        Case{"/docsearch/", "/docs", false}, Case{"/img/a.png", "/docs", false},
                        Case{"/do", "/docs", false}, Case{"/anything", "", true}})
    EXPECT_EQ(is_below_base_path(c.path, c.base), c.below) << c.path << " below " << c.base;
}

// As a browser resolves a relative link (RFC 3986, 5.2): from the page's folder, with "." and
// ".." segments resolved and ".." stopping at the root.
TEST(ResolveUrlPath, ARelativeLinkGoesWhereABrowserGoes) {
  EXPECT_EQ(resolve_url_path("/docs/a/", "img/x.png"), "/docs/a/img/x.png");
  EXPECT_EQ(resolve_url_path("/docs/a/", "../b/"), "/docs/b/");
  EXPECT_EQ(resolve_url_path("/docs/a/", "../../../../x"), "/x");
  EXPECT_EQ(resolve_url_path("/docs/a/", "./"), "/docs/a/");
  EXPECT_EQ(resolve_url_path("/docs/a/", ".."), "/docs/");
  EXPECT_EQ(resolve_url_path("/docs/a/", "."), "/docs/a/");
  EXPECT_EQ(resolve_url_path("/docs/a.html", "b.html?x=1#y"), "/docs/b.html?x=1#y");
  EXPECT_EQ(resolve_url_path("/", "a/./b/../c"), "/a/c");
  EXPECT_EQ(resolve_url_path("/", "../a"), "/a");
}

TEST(HasUrlScheme, LettersThenLettersDigitsAndSomeMarksThenAColon) {
  EXPECT_TRUE(has_url_scheme("https://a.b/"));
  EXPECT_TRUE(has_url_scheme("mailto:a@b.c"));
  EXPECT_TRUE(has_url_scheme("ext:py:os.path"));
  EXPECT_TRUE(has_url_scheme("a+b-c.d:x"));
  EXPECT_FALSE(has_url_scheme("/a:b"));
  EXPECT_FALSE(has_url_scheme(":a"));
  EXPECT_FALSE(has_url_scheme("1a:b"));
  EXPECT_FALSE(has_url_scheme("a/b:c"));
  EXPECT_FALSE(has_url_scheme("img/x.png"));
}

TEST(Allocator, TestProgramsRunOnGlibc) {
  EXPECT_EQ(allocator_name(), "glibc");
}

}  // namespace
}  // namespace bengal
