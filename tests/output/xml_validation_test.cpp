// The sitemap and feeds checked by a real validator: xmllint (Debian's libxml2-utils) against
// the schemas in tests/data/schemas. The golden sites' expected files are validated (the
// golden tests prove the build writes exactly those), and a sitemap split past 50,000 URLs.
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "../support/run.hpp"
#include "bengal/output/sitemap.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

const fs::path kSource = test::source_dir();

// Runs xmllint; returns its exit code (0 = valid).
int xmllint(const std::string& schema, const fs::path& file) {
  std::string cmd = "xmllint --noout --schema '" +
                    (kSource / "tests/data/schemas" / schema).string() + "' '" + file.string() +
                    "' 2>/dev/null";
  return std::system(cmd.c_str());
}

std::vector<fs::path> find(const std::string& name) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "tests/sites")) {
    if (e.path().filename() == name &&
        e.path().string().find(".expected/public") != std::string::npos)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(XmlValidation, XmllintIsInstalled) {
  ASSERT_EQ(std::system("xmllint --version >/dev/null 2>&1"), 0);
}

TEST(XmlValidation, GoldenSitemapsAndFeedsAreValid) {
  size_t checked = 0;
  for (const auto& [name, schema] : {std::pair{"sitemap.xml", "sitemap.xsd"},
                                     {"rss.xml", "rss2.xsd"},
                                     {"atom.xml", "atom.xsd"}}) {
    for (const auto& f : find(name)) {
      EXPECT_EQ(xmllint(schema, f), 0) << f;
      ++checked;
    }
  }
  EXPECT_GE(checked, 20u);
}

TEST(XmlValidation, InvalidFilesAreRejected) {
  // The check can fail: a sitemap entry without <loc> is not valid.
  fs::path dir = test::write_files(
      {{"sitemap.xml",
        "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/"
        "0.9\"><url><lastmod>2024-01-01</lastmod></url></urlset>\n"}});
  EXPECT_NE(xmllint("sitemap.xsd", dir / "sitemap.xml"), 0);
}

TEST(XmlValidation, SitemapSplitsPastFiftyThousandUrls) {
  std::vector<SitemapEntry> entries;
  for (int i = 0; i < 50001; ++i)
    entries.push_back(
        {"https://example.org/p/" + std::to_string(i) + "/", parse_date("2024-01-31")});
  auto files = build_sitemaps(entries, "https://example.org");
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "sitemap.xml");
  EXPECT_EQ(files[1].path, "sitemap-1.xml");
  EXPECT_EQ(files[2].path, "sitemap-2.xml");
  EXPECT_NE(files[0].xml.find("<loc>https://example.org/sitemap-2.xml</loc>"), std::string::npos);
  test::Files written;
  for (const auto& f : files) written[f.path] = f.xml;
  fs::path dir = test::write_files(written);
  EXPECT_EQ(xmllint("siteindex.xsd", dir / "sitemap.xml"), 0);
  EXPECT_EQ(xmllint("sitemap.xsd", dir / "sitemap-1.xml"), 0);
  EXPECT_EQ(xmllint("sitemap.xsd", dir / "sitemap-2.xml"), 0);
  EXPECT_EQ(
      build_sitemaps(std::vector<SitemapEntry>(50000, entries[0]), "https://example.org").size(),
      1u);
}

TEST(Sitemap, StreamsTheSameFilesInBoundedPieces) {
  std::vector<SitemapEntry> entries;
  for (int i = 0; i < 7; ++i)
    entries.push_back({"https://example.org/p/" + std::to_string(i) + "/",
                       i % 2 ? std::optional<Date>(parse_date("2024-01-31")) : std::nullopt});
  constexpr size_t kPiece = 100;
  std::vector<std::pair<std::string, std::string>> pieces;
  stream_sitemaps(
      entries.size(), [&](size_t i) { return entries[i]; }, "https://example.org",
      [&](std::string_view path, std::string_view bytes) {
        pieces.emplace_back(std::string(path), std::string(bytes));
      },
      3, kPiece);
  // Joined by file, the pieces are build_sitemaps' files, in its order.
  std::vector<SitemapFile> joined;
  for (const auto& [path, bytes] : pieces) {
    if (joined.empty() || joined.back().path != path) joined.push_back({path, ""});
    joined.back().xml += bytes;
  }
  auto files = build_sitemaps(entries, "https://example.org", 3);
  ASSERT_EQ(joined.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(joined[i].path, files[i].path);
    EXPECT_EQ(joined[i].xml, files[i].xml);
  }
  // A urlset's piece goes out once it passes the bound: never more than it plus one <url>
  // element. (The index, one line per numbered file, goes out whole.)
  EXPECT_GT(pieces.size(), files.size());
  for (const auto& [path, bytes] : pieces) {
    if (path != "sitemap.xml") {
      EXPECT_LT(bytes.size(), kPiece + 120) << path;
    }
  }
}

}  // namespace
}  // namespace bengal::output
