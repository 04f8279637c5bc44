#include "bengal/output/feeds.hpp"
#include "bengal/output/site_files.hpp"

#include <gtest/gtest.h>

namespace bengal::output {
namespace {

TEST(Feeds, RssWithOneItem) {
  FeedInfo info{
      "Blog & News", "https://x.org/blog/", "https://x.org/blog/rss.xml", "All <posts>", "en",
      "Me"};
  Date d = *parse_date("2024-01-31T10:00:00+02:00");
  std::string rss =
      build_rss(info, {{"Post \"one\"", "https://x.org/blog/one/", "Summary", "", d, d}});
  EXPECT_EQ(rss,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n  <channel>\n"
            "    <title>Blog &amp; News</title>\n    <link>https://x.org/blog/</link>\n"
            "    <description>All &lt;posts&gt;</description>\n    <language>en</language>\n"
            "    <lastBuildDate>Wed, 31 Jan 2024 10:00:00 +0200</lastBuildDate>\n"
            "    <atom:link href=\"https://x.org/blog/rss.xml\" rel=\"self\" "
            "type=\"application/rss+xml\"/>\n"
            "    <item>\n      <title>Post &quot;one&quot;</title>\n      "
            "<link>https://x.org/blog/one/</link>\n"
            "      <guid isPermaLink=\"true\">https://x.org/blog/one/</guid>\n"
            "      <pubDate>Wed, 31 Jan 2024 10:00:00 +0200</pubDate>\n"
            "      <description>Summary</description>\n    </item>\n  </channel>\n</rss>\n");
}

TEST(Feeds, FullContentGoesInContentEncodedAndAtomContent) {
  FeedInfo info{"T", "https://x.org/", "https://x.org/rss.xml", "", "", ""};
  Date d = *parse_date("2024-01-31");
  std::vector<FeedItem> items = {
      {"A", "https://x.org/a/", "Sum", "<p>Body &amp; more</p>\n", d, d}};
  std::string rss = build_rss(info, items);
  EXPECT_NE(rss.find("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                     "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"),
            std::string::npos)
      << rss;
  EXPECT_NE(rss.find("      <description>Sum</description>\n      <content:encoded>&lt;p&gt;Body "
                     "&amp;amp; more&lt;/p&gt;\n</content:encoded>\n    </item>\n"),
            std::string::npos)
      << rss;
  std::string atom = build_atom(info, items);
  EXPECT_NE(atom.find("    <summary>Sum</summary>\n    <content type=\"html\">&lt;p&gt;Body "
                      "&amp;amp; more&lt;/p&gt;\n</content>\n  </entry>\n"),
            std::string::npos)
      << atom;
}

TEST(Feeds, AtomWithoutItemsUsesTheEpoch) {
  FeedInfo info{"T", "https://x.org/", "https://x.org/atom.xml", "", "", ""};
  EXPECT_EQ(
      build_atom(info, {}),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "  <title>T</title>\n  <link href=\"https://x.org/\"/>\n"
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://x.org/atom.xml\"/>\n"
      "  <id>https://x.org/atom.xml</id>\n  <updated>1970-01-01T00:00:00Z</updated>\n"
      "  <author>\n    <name>T</name>\n  </author>\n</feed>\n");
}

TEST(SiteFiles, RobotsAliasAndLlms) {
  EXPECT_EQ(build_robots_txt({"https://x.org/sitemap.xml"}),
            "User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n");
  std::string alias = build_alias_page("https://x.org/new/", "en");
  EXPECT_NE(alias.find("<meta http-equiv=\"refresh\" content=\"0; url=https://x.org/new/\">"),
            std::string::npos);
  EXPECT_NE(alias.find("<link rel=\"canonical\" href=\"https://x.org/new/\">"), std::string::npos);
  EXPECT_EQ(
      build_llms_txt("Site", "About\nit",
                     {{"Docs", {{"Intro", "https://x.org/docs/intro/", "Start"}}}, {"Empty", {}}}),
      "# Site\n\n> About it\n\n## Docs\n\n- [Intro](https://x.org/docs/intro/): Start\n");
}

}  // namespace
}  // namespace bengal::output
