// The default theme's main menu in a built site: up to 8 entries as they are; past 8, the
// first 7, then 8 under "More", then, past 15, a link to the home page's list of every
// section, so that the header is the same size whatever the number of sections.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <regex>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// The menu's links of a page: "name" per entry, "| " where the "More" list starts.
std::string menu_of(const std::string& html) {
  size_t from = html.find("<nav id=\"site-menu\"");
  size_t to = html.find("</nav>", from);
  if (from == std::string::npos || to == std::string::npos) return "(no menu)";
  std::string nav = html.substr(from, to - from);
  std::string out;
  static const std::regex link(R"re(<ul id="menu-more-list"|<a href="([^"]*)"[^>]*>([^<]*)</a>)re");
  for (std::sregex_iterator it(nav.begin(), nav.end(), link), end; it != end; ++it) {
    if (!out.empty()) out += ' ';
    out += (*it)[1].matched ? fmt::format("{}={}", (*it)[2].str(), (*it)[1].str()) : "|";
  }
  return out;
}

fs::path site_with_sections(int sections) {
  Files files{{"bengal.toml", "[site]\ntitle = \"T\"\n"},
              {"content/_index.md", "---\ntitle: Home\n---\n"}};
  for (int i = 1; i <= sections; ++i)
    files[fmt::format("content/s{:02}/_index.md", i)] =
        fmt::format("---\ntitle: S{}\nweight: {}\n---\n", i, i);
  fs::path site = write_files(files);
  RunResult r = run_bengal({"build", site.string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return site;
}

TEST(ThemeMenu, EightEntriesShowAsTheyAre) {
  fs::path site = site_with_sections(8);
  EXPECT_EQ(menu_of(read_file(site / "public/index.html")),
            "S1=/s01/ S2=/s02/ S3=/s03/ S4=/s04/ S5=/s05/ S6=/s06/ S7=/s07/ S8=/s08/");
}

TEST(ThemeMenu, PastEightTheRestGoUnderMore) {
  fs::path site = site_with_sections(9);
  EXPECT_EQ(menu_of(read_file(site / "public/s09/index.html")),
            "S1=/s01/ S2=/s02/ S3=/s03/ S4=/s04/ S5=/s05/ S6=/s06/ S7=/s07/ | S8=/s08/ S9=/s09/");
  EXPECT_NE(read_file(site / "public/s09/index.html")
                .find("<li><a href=\"/s09/\" aria-current=\"page\">S9</a></li>"),
            std::string::npos);
}

TEST(ThemeMenu, PastFifteenMoreEndsWithAllSections) {
  fs::path site = site_with_sections(40);
  std::string expected =
      "S1=/s01/ S2=/s02/ S3=/s03/ S4=/s04/ S5=/s05/ S6=/s06/ S7=/s07/ | S8=/s08/ S9=/s09/ "
      "S10=/s10/ S11=/s11/ S12=/s12/ S13=/s13/ S14=/s14/ S15=/s15/ All sections →=/";
  EXPECT_EQ(menu_of(read_file(site / "public/index.html")), expected);
  // A section past the menu's end has the same header, with no entry marked.
  std::string far = read_file(site / "public/s40/index.html");
  EXPECT_EQ(menu_of(far), expected);
  EXPECT_EQ(far.find("aria-current=\"true\""), std::string::npos);
}

}  // namespace
}  // namespace bengal::test
