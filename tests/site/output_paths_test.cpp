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

// Within one call, claims in the folders of the last one held skip looking those folders up
// (they stay folders): every clash with a file above or at a folder is still found.
TEST(OutputPaths, ClaimsInTheSameFoldersStillMeetEveryClash) {
  Diagnostics d;
  OutputPaths p;
  auto won =
      p.claim({claim("s/t/p1/index.html", OutputRank::kPage, 0, "1"),
               claim("s/t/p2/index.html", OutputRank::kPage, 0, "2"),
               claim("s/t", OutputRank::kPage, 0, "3"),  // a file where a folder is
               claim("s/t/p2", OutputRank::kPage, 0, "4"), claim("s/u", OutputRank::kPage, 0, "5"),
               claim("s/u/x.html", OutputRank::kPage, 0, "6"),  // below a file
               claim("s/v/w/index.html", OutputRank::kPage, 0, "7"),
               claim("s/v/w/index.html", OutputRank::kPage, 0, "8")},
              d);
  EXPECT_EQ(won, (std::vector<bool>{true, true, false, false, true, false, true, false}));
  EXPECT_EQ(d.error_count(), 4u);
  EXPECT_TRUE(p.holds("s/t/p2/index.html", {OutputRank::kPage, 0, "2"}));
  EXPECT_TRUE(p.holds("s/u", {OutputRank::kPage, 0, "5"}));
  // Folders marked by the claims that skipped them hold them as folders still.
  auto later = p.claim({claim("s", OutputRank::kPage, 0, "9"),
                        claim("s/t/p3/index.html", OutputRank::kPage, 0, "10")},
                       d);
  EXPECT_EQ(later, (std::vector<bool>{false, true}));
}

// A claim as the build makes a page's: who and file are its source under content/, its key
// the source path in the site's pool.
OutputClaim page(std::string path, std::string source, StringPool& site_pool) {
  OutputClaim c;
  c.path = std::move(path);
  c.by = {OutputRank::kPage, 0, source};
  c.key_id = site_pool.intern(source);
  c.what = "page /" + source + "/";
  c.who = c.file = "content/" + source;
  return c;
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& m : d.sorted()) out.push_back(m.format());
  return out;
}

TEST(OutputPaths, FoldersIndexFilesClashAsAnyFile) {
  Diagnostics d;
  OutputPaths p;
  StringPool site_pool;
  p.set_key_pool(&site_pool);
  auto won = p.claim(
      {page("index.html", "_index.md", site_pool), page("a/b/index.html", "a/b.md", site_pool),
       claim("x/index.html/y", OutputRank::kPage, 1, "y.md")},
      d);
  EXPECT_EQ(won, (std::vector<bool>{true, true, true}));
  EXPECT_TRUE(p.holds("index.html", {OutputRank::kPage, 0, "_index.md"}));
  EXPECT_TRUE(p.holds("a/b/index.html", {OutputRank::kPage, 0, "a/b.md"}));
  EXPECT_EQ(p.holder("a/b/index.html")->key, "a/b.md");
  EXPECT_FALSE(p.holder("a/b").has_value());  // a folder
  EXPECT_FALSE(p.holder("a/index.html").has_value());
  EXPECT_FALSE(p.holder("x/index.html").has_value());
  won = p.claim({claim("index.html/z", OutputRank::kContentFile, 0, "index.html/z"),
                 claim("a/b/index.html", OutputRank::kContentFile, 0, "a/b/index.html"),
                 claim("a/b/index.html/c", OutputRank::kContentFile, 0, "a/b/index.html/c"),
                 claim("x/index.html", OutputRank::kContentFile, 0, "x/index.html")},
                d);
  EXPECT_EQ(won, (std::vector<bool>{false, false, false, false}));
  EXPECT_EQ(messages(d),
            (std::vector<std::string>{
                "a/b/index.html: error: claim a/b/index.html is not written: content/a/b.md also "
                "writes a/b/index.html and comes first; change the url or slug of content/a/b.md",
                "a/b/index.html/c: error: claim a/b/index.html/c is not written: content/a/b.md "
                "writes the file a/b/index.html, where a/b/index.html/c needs a folder; change "
                "the url or slug of content/a/b.md",
                "index.html/z: error: claim index.html/z is not written: content/_index.md writes "
                "the file index.html, where index.html/z needs a folder; change the url or slug "
                "of content/_index.md",
                "x/index.html: error: claim x/index.html is not written: y.md writes "
                "x/index.html/y, so x/index.html must be a folder; change the url or slug of "
                "y.md"}));
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
