// The default theme's navigation script in headless Chromium, on a page bengal builds with the
// theme as shipped: the mobile menu button (contract: button.menu-toggle controls
// nav#site-menu), the main menu's "More" past 8 entries and the section tree's fold buttons.
// A script in the page records what a reader without JavaScript gets, then drives the controls
// once bengal.js has run and writes what it saw into <output id="result">.
#include <gtest/gtest.h>

#include "../support/chromium.hpp"
#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// Headless Chromium opens a wide window, where the menu button is not displayed (and so cannot
// take the focus back): the page shows it as a narrow screen would.
constexpr const char* kDriver = R"(<style>.menu-toggle { display: inline-block !important; }</style>
<script>
var log = [];
function state(b) { return b.hidden ? "hidden" : b.getAttribute("aria-expanded"); }
function esc() {
  document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
}
function focused() {
  var a = document.activeElement;
  return a.tagName + " " + a.textContent.trim();
}
function opened() { return document.documentElement.classList.contains("menu-open"); }
log.push("without js: " + state(document.querySelector(".menu-toggle")) + " " +
  state(document.querySelector(".menu-more-toggle")) + " " +
  getComputedStyle(document.getElementById("menu-more-list")).display + " " +
  state(document.querySelector(".nav-toggle")));
document.addEventListener("DOMContentLoaded", function () {
  var menu = document.querySelector(".menu-toggle");
  var more = document.querySelector(".menu-more-toggle");
  var tree = document.querySelector(".nav-toggle");
  var branch = document.getElementById(tree.getAttribute("aria-controls"));
  log.push("with js: " + state(menu) + " " + state(more) + " " + state(tree));
  menu.click();
  log.push("menu: " + state(menu) + " " + opened() + " focus " + focused());
  esc();
  log.push("escape: " + state(menu) + " " + opened() + " focus " + focused());
  more.click();
  log.push("more: " + state(more) + " " + getComputedStyle(document.getElementById("menu-more-list")).display);
  document.querySelector("#menu-more-list a").focus();
  esc();
  log.push("escape: " + state(more) + " focus " + focused());
  more.click();
  document.body.click();
  log.push("click elsewhere: " + state(more));
  tree.click();
  log.push("fold: " + state(tree) + " " + branch.hidden);
  tree.click();
  log.push("unfold: " + state(tree) + " " + branch.hidden);
  document.getElementById("result").textContent = log.join("\n");
});
</script>
<output id="result"></output>
)";

std::string result_of(const std::string& dom) {
  const std::string open = "<output id=\"result\">";
  size_t at = dom.find(open);
  if (at == std::string::npos) return "(no result)";
  at += open.size();
  return dom.substr(at, dom.find("</output>", at) - at);
}

TEST(ThemeNavBrowser, MenuButtonMoreAndTreeTogglesFollowTheKeyboard) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path site = write_files({
      {"content/docs/_index.md", "---\ntitle: Docs\n---\n"},
      {"content/docs/guide/_index.md", "---\ntitle: Guide\n---\n"},
      {"content/docs/guide/page.md", std::string("---\ntitle: Page\n---\n\n") + kDriver},
  });
  std::string config = "[site]\ntitle = \"T\"\nbaseurl = \"file://" + (site / "public").string() +
                       "/\"\n[markdown]\nunsafe = true\n";
  for (int i = 1; i <= 9; ++i)
    config += "[[menu.main]]\nname = \"M" + std::to_string(i) + "\"\nurl = \"/m" +
              std::to_string(i) + "/\"\nweight = " + std::to_string(i) + "\n";
  write_file(site / "bengal.toml", config);
  RunResult r = run_bengal({"build", site.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  BrowserRun run = open_in_chromium(site / "public/docs/guide/page/index.html");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.console.empty()) << joined(run.console);
  EXPECT_EQ(result_of(run.dom),
            "without js: hidden hidden flex hidden\n"
            "with js: false false true\n"
            "menu: true true focus A M1\n"
            "escape: false false focus BUTTON Menu\n"
            "more: true flex\n"
            "escape: false focus BUTTON More\n"
            "click elsewhere: false\n"
            "fold: false true\n"
            "unfold: true false")
      << run.dom;
}

}  // namespace
}  // namespace bengal::test
