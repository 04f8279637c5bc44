#include "bengal/content/page_url.hpp"

#include <gtest/gtest.h>

namespace bengal::content {
namespace {

TEST(PageUrl, PrettyUrlsFromSourcePaths) {
  EXPECT_EQ(default_page_url("a/b.md", PageKind::kPage, ""), "/a/b/");
  EXPECT_EQ(default_page_url("b.md", PageKind::kPage, ""), "/b/");
  EXPECT_EQ(default_page_url("a/b/index.md", PageKind::kPage, ""), "/a/b/");
  EXPECT_EQ(default_page_url("a/_index.md", PageKind::kSection, ""), "/a/");
  EXPECT_EQ(default_page_url("a/b/_index.md", PageKind::kSection, ""), "/a/b/");
}

TEST(PageUrl, SegmentsAreLowercasedAndSpacesBecomeDashes) {
  EXPECT_EQ(default_page_url("My Docs/Intro Page.md", PageKind::kPage, ""), "/my-docs/intro-page/");
  EXPECT_EQ(default_page_url("ünï/Ä.md", PageKind::kPage, ""), "/ünï/Ä/");  // ASCII only
}

TEST(PageUrl, SlugReplacesTheLastSegment) {
  EXPECT_EQ(default_page_url("a/b.md", PageKind::kPage, "custom"), "/a/custom/");
  EXPECT_EQ(default_page_url("a/b/index.md", PageKind::kPage, "x"), "/a/x/");
  EXPECT_EQ(default_page_url("a/_index.md", PageKind::kSection, "docs"), "/docs/");
}

TEST(PageUrl, NormalizesFrontMatterUrls) {
  EXPECT_EQ(normalize_url("about").url, "/about/");
  EXPECT_EQ(normalize_url("/a//b/").url, "/a/b/");
  EXPECT_EQ(normalize_url("/feed.xml").url, "/feed.xml");
  EXPECT_EQ(normalize_url("/v1.2/").url, "/v1.2/");
  EXPECT_EQ(normalize_url("/").url, "/");
  EXPECT_EQ(normalize_url("").url, "/");
}

TEST(PageUrl, RefusesUrlsThatCouldEscapeTheOutputDir) {
  EXPECT_EQ(normalize_url("../../etc/passwd").error,
            "url must not contain '.' or '..' segments; write the path from the site root");
  EXPECT_EQ(normalize_url("/a/./b").error,
            "url must not contain '.' or '..' segments; write the path from the site root");
  EXPECT_EQ(normalize_url("a\\..\\b").error,
            "url must not contain backslashes or control characters");
  EXPECT_EQ(normalize_url("https://evil.example/x").error,
            "url must be a path on this site such as /docs/intro/, not an address");
  EXPECT_EQ(normalize_url("//evil.example/x").error,
            "url must be a path on this site such as /docs/intro/, not an address");
}

TEST(PageUrl, ChecksSlugs) {
  EXPECT_EQ(check_slug("fine-slug"), "");
  EXPECT_EQ(check_slug(".."), "slug must not be '.' or '..'");
  EXPECT_EQ(check_slug("../x"),
            "slug must be a single path segment without '/' or '\\'; use url for a whole path");
  EXPECT_EQ(check_slug("a\tb"), "slug must not contain control characters");
  // A slug is a folder name, of at most 255 bytes.
  EXPECT_EQ(check_slug(std::string(255, 'a')), "");
  EXPECT_EQ(check_slug(std::string(256, 'a')),
            "slug is 256 bytes long, longer than a file name can be (255 bytes); shorten it");
}

// What would break a URL written as it is in links, sitemaps and feeds: refused in a url or
// slug, a '-' in a file or folder name.
TEST(PageUrl, CharactersAUrlPathCannotHoldAsTheyAre) {
  for (char c : std::string_view("?#\"<>^`{|}")) {
    std::string expected = std::string("url must not contain '") + c +
                           "', which a URL path cannot hold as it is; leave it out or write a '-'";
    EXPECT_EQ(normalize_url(std::string("/a") + c + "b/").error, expected) << c;
    EXPECT_EQ(check_slug(std::string("a") + c + "b"), "slug" + expected.substr(3)) << c;
  }
  EXPECT_EQ(normalize_url("/caf%C3%A9/").error,
            "url must not contain '%', which a URL path cannot hold as it is; write the character "
            "an escape stands for ('/café/', not '/caf%C3%A9/')");
  EXPECT_EQ(normalize_url("/café/").url, "/café/");
  EXPECT_EQ(normalize_url("/don't&do/").error, "");
  EXPECT_EQ(default_page_url("docs/C# Guide.md", PageKind::kPage, {}), "/docs/c--guide/");
  EXPECT_EQ(default_page_url("100%/why?.md", PageKind::kPage, {}), "/100-/why-/");
  EXPECT_EQ(default_page_url("a\\b\n\"c\".md", PageKind::kPage, {}), "/a-b--c-/");
}

// Each part of a url is a folder or file name, of at most 255 bytes; the whole url at most 2,000.
TEST(PageUrl, RefusesUrlsNoFileSystemOrServerTakes) {
  std::string part(255, 'a');
  EXPECT_EQ(normalize_url("/x/" + part + "/").url, "/x/" + part + "/");
  EXPECT_EQ(normalize_url("/x/" + part + "a/y/").error,
            "url has a part of 256 bytes between slashes, longer than a file name can be (255 "
            "bytes); shorten it");
  std::string long_url;
  for (int i = 0; i < 8; ++i) long_url += "/" + part;  // 2,048 bytes
  EXPECT_EQ(normalize_url(long_url).error, "url is 2048 bytes long; write one of at most 2000");
  EXPECT_EQ(normalize_url(long_url.substr(0, 2000)).error, "");
}

TEST(PageUrl, OutputPaths) {
  EXPECT_EQ(output_path_for_url("/"), "index.html");
  EXPECT_EQ(output_path_for_url("/a/b/"), "a/b/index.html");
  EXPECT_EQ(output_path_for_url("/feed.xml"), "feed.xml");
}

}  // namespace
}  // namespace bengal::content
