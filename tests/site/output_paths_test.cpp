// The output registry alone: the order decides every clash whatever order claims come in,
// a file where another claim needs a folder is a clash, and a static layer replaces a lower
// one without an error.
#include "bengal/site/output_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace bengal::site {
namespace {

OutputClaim claim(std::string path, OutputRank rank, uint8_t tier, std::string key) {
  OutputClaim c;
  c.path = std::move(path);
  c.by = {rank, tier, key};
  c.what = "claim " + key;
  c.who = key;
  c.file = key;
  return c;
}

std::vector<OutputClaim> pages() {
  return {claim("b/index.html", OutputRank::kPage, 1, "a.md"),
          claim("b/index.html", OutputRank::kPage, 0, "b.md"),
          claim("b/index.html", OutputRank::kPage, 1, "c.md"),
          claim("index.html", OutputRank::kPage, 0, "_index.md"),
          claim("index.html/index.html", OutputRank::kPage, 0, "index.html.md")};
}

TEST(OutputPaths, TheOrderDecidesWhateverTheClaimOrder) {
  std::vector<OutputClaim> forward = pages(), backward = pages();
  std::reverse(backward.begin(), backward.end());
  Diagnostics d1, d2;
  OutputPaths p1, p2;
  std::vector<bool> won1 = p1.claim(forward, d1);
  std::vector<bool> won2 = p2.claim(backward, d2);
  EXPECT_EQ(won1, (std::vector<bool>{false, true, false, true, false}));
  std::reverse(won2.begin(), won2.end());
  EXPECT_EQ(won1, won2);
  EXPECT_TRUE(p1.holds("b/index.html", {OutputRank::kPage, 0, "b.md"}));
  EXPECT_FALSE(p1.holds("b/index.html", {OutputRank::kPage, 1, "a.md"}));
  // a.md and c.md override b.md's own URL: warnings; index.html.md needs a folder: an error.
  ASSERT_EQ(d1.error_count(), 1u);
  EXPECT_EQ(d1.warning_count(), 2u);
  EXPECT_EQ(d1.error_count(), d2.error_count());
  EXPECT_EQ(d1.warning_count(), d2.warning_count());
}

TEST(OutputPaths, FileAgainstFolderIsAClash) {
  Diagnostics d;
  OutputPaths p;
  p.claim({claim("a/b/index.html", OutputRank::kPage, 0, "a/b.md")}, d);
  // A later rank's file where a folder is needed, and below a held file.
  auto won = p.claim({claim("a/b", OutputRank::kStatic, 0, "static"),
                      claim("a/b/index.html/x", OutputRank::kAlias, 0, "z.md")},
                     d);
  EXPECT_EQ(won, (std::vector<bool>{false, false}));
  // The alias yields to the page with a warning (content wins); the static file is an error.
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.warning_count(), 1u);
}

TEST(OutputPaths, AnAliasOfItsOwnPagesUrlIsLeftOutSilently) {
  Diagnostics d;
  OutputPaths p;
  p.claim({claim("a/index.html", OutputRank::kPage, 0, "a.md")}, d);
  auto won = p.claim({claim("a/index.html", OutputRank::kAlias, 0, "a.md"),
                      claim("a/index.html", OutputRank::kAlias, 0, "b.md")},
                     d);
  EXPECT_EQ(won, (std::vector<bool>{false, false}));
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(d.warning_count(), 1u);  // b.md's alias onto a.md's page
}

TEST(OutputPaths, StaticLayersReplaceEachOtherSilently) {
  Diagnostics d;
  OutputPaths p;
  EXPECT_TRUE(p.claim({claim("css/x.css", OutputRank::kStatic, 0, "static")}, d)[0]);
  EXPECT_FALSE(p.claim({claim("css/x.css", OutputRank::kStatic, 2, "theme")}, d)[0]);
  EXPECT_EQ(d.error_count(), 0u);
  // An alias repeated on its own page is not an error either.
  auto won = p.claim({claim("old/index.html", OutputRank::kAlias, 0, "a.md"),
                      claim("old/index.html", OutputRank::kAlias, 0, "a.md")},
                     d);
  EXPECT_EQ(won, (std::vector<bool>{true, false}));
  EXPECT_EQ(d.error_count(), 0u);
}

}  // namespace
}  // namespace bengal::site
