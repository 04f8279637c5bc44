// Safe mode end to end: `bengal md --safe` and a site built with [markdown] unsafe = false
// write no script or document URL into an href or src, whichever way the Markdown spells it.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// One vector per line; every one must come out with an empty destination.
constexpr std::string_view kVectors =
    "[link](javascript:alert(1))\n\n"
    "![img](vbscript:msgbox(1))\n\n"
    "<javascript:alert(1)>\n\n"
    "[ref][r]\n\n"
    "[ent](jav&#x61;script:alert(1))\n\n"
    "[ws](< \tJavaScript:alert(1)>)\n\n"
    "[data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
    "![png](data:image/png;base64,iVBORw0KGgo=)\n\n"
    "[pct](javascript%3Aalert(1))\n\n"
    "[r]: file:///etc/passwd\n";

constexpr std::string_view kSafeHtml =
    "<p><a href=\"\">link</a></p>\n"
    "<p><img src=\"\" alt=\"img\" /></p>\n"
    "<p><a href=\"\">javascript:alert(1)</a></p>\n"
    "<p><a href=\"\">ref</a></p>\n"
    "<p><a href=\"\">ent</a></p>\n"
    "<p><a href=\"\">ws</a></p>\n"
    "<p><a href=\"\">data</a></p>\n"
    "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"png\" /></p>\n"
    "<p><a href=\"javascript%3Aalert(1)\">pct</a></p>\n";

TEST(SafeHtml, MdCommandWithSafe) {
  RunResult r = run_bengal({"md", "--safe"}, std::string(kVectors));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kSafeHtml);
  RunResult unsafe = run_bengal({"md"}, "[a](javascript:alert(1))\n");
  EXPECT_EQ(unsafe.out, "<p><a href=\"javascript:alert(1)\">a</a></p>\n");
}

TEST(SafeHtml, SiteBuildWithUnsafeFalse) {
  fs::path site = fresh_temp_dir();
  write_file(site / "bengal.toml",
             "[site]\ntitle = \"S\"\nbaseurl = \"https://example.org\"\n\n[markdown]\nunsafe = "
             "false\n");
  write_file(site / "content/a.md", "---\ntitle: A\n---\n" + std::string(kVectors) +
                                        "\n[[javascript:alert(1)]]\n\n<script>alert(1)</script>\n");
  RunResult r = run_bengal({"build", site.string(), "-o", (site / "public").string(), "-q"});
  std::string page = read_file(site / "public/a/index.html");
  size_t start = page.find("<p><a href=\"\">link</a></p>");
  ASSERT_NE(start, std::string::npos) << page;
  std::string expected = std::string(kSafeHtml) +
                         "<p><a href=\"\" class=\"broken-link\">javascript:alert(1)</a></p>\n"
                         "<!-- raw HTML omitted -->\n";
  EXPECT_EQ(page.substr(start, expected.size()), expected);
  for (std::string_view attr :
       {"href=\"javascript:", "src=\"vbscript:", "href=\"file:", "href=\"data:"})
    EXPECT_EQ(page.find(attr), std::string::npos) << attr;
  // An encoded colon is no scheme: the browser asks for a file of that name.
  EXPECT_EQ(r.err,
            "content/a.md:20:7: warning: link to 'javascript%3Aalert(1)' (from this page's URL, "
            "/a/javascript%3Aalert(1)): the site publishes nothing at that path (no page, and no "
            "file of static/ or content/); fix the link, or if another server publishes it, add "
            "the path to [build] unchecked_paths\n"
            "content/a.md:24:3: warning: link to missing page 'javascript:alert(1)'; check the "
            "path (relative to this file, or from the content folder with a leading /)\n");
}

}  // namespace
}  // namespace bengal::test
