// The default theme's bengal.js in a real browser (headless Chromium): tabs in the markup the
// tab-set and tab-item directives write (spec/bengal-sites.md section 4) become ARIA tabs that
// the keyboard drives and that sync keys keep in step, and every code block gets a copy button
// that leaves line numbers out. The page is built by bengal with the theme as shipped; a script
// in the page drives it once bengal.js has run and writes what it saw into <output id="result">.
#include <gtest/gtest.h>

#include "../support/chromium.hpp"
#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// Two tab sets: the first links as href="#ID-N" with data-sync on the links, the second as the
// spec writes it (href="#") with data-sync on the items. No blank line inside: a Markdown HTML
// block ends at one.
constexpr const char* kTabs = R"(<div class="tabs" id="tabs-a" data-bengal="tabs">
<ul class="tab-nav">
<li class="active"><a href="#a-0" data-tab-target="a-0" data-sync="yaml">YAML</a></li>
<li><a href="#a-1" data-tab-target="a-1" data-sync="toml">TOML</a></li>
<li><a href="#a-2" data-tab-target="a-2">JSON</a></li>
</ul>
<div class="tab-content">
<div id="a-0" class="tab-pane active"><p>yaml</p></div>
<div id="a-1" class="tab-pane"><p>toml</p></div>
<div id="a-2" class="tab-pane"><p>json</p></div>
</div>
</div>

<div class="tabs" id="tabs-b" data-bengal="tabs">
<ul class="tab-nav">
<li class="active" data-sync="yaml"><a href="#" data-tab-target="b-0">YAML</a></li>
<li data-sync="toml"><a href="#" data-tab-target="b-1">TOML</a></li>
</ul>
<div class="tab-content">
<div id="b-0" class="tab-pane active"><p>yaml</p></div>
<div id="b-1" class="tab-pane"><p>toml</p></div>
</div>
</div>
)";

// Runs before bengal.js (deferred) and records what a reader without JavaScript sees; the rest
// runs after it, on DOMContentLoaded. Clipboard and execCommand are stubbed: headless Chromium
// has no clipboard to check, and the fallback path must be taken when the API refuses.
constexpr const char* kDriver = R"(<script>
var log = [];
function panes(set) { return document.querySelectorAll("#" + set + " > .tab-content > .tab-pane"); }
function tabs(set) { return document.querySelectorAll("#" + set + " > .tab-nav > li > a"); }
function shown(set) {
  return Array.prototype.map.call(panes(set), function (p) {
    return getComputedStyle(p).display === "none" ? "-" : "+";
  }).join("");
}
function selected(set) {
  return Array.prototype.map.call(tabs(set), function (t) {
    return t.getAttribute("aria-selected") === "true" ? "S" : ".";
  }).join("");
}
function key(name) {
  document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
  var focused = Array.prototype.indexOf.call(tabs("tabs-a"), document.activeElement);
  log.push(name + ": " + shown("tabs-a") + " " + selected("tabs-a") + " focus " + focused);
}
log.push("without js: " + shown("tabs-a") + " " + shown("tabs-b"));
document.addEventListener("DOMContentLoaded", function () {
  var a = tabs("tabs-a");
  log.push("js class: " + document.documentElement.classList.contains("bengal-js"));
  log.push("roles: " + document.querySelector("#tabs-a > .tab-nav").getAttribute("role") + " " +
    a[1].getAttribute("role") + " " + a[1].getAttribute("aria-controls") + " " +
    panes("tabs-a")[1].getAttribute("role") + " " + panes("tabs-a")[1].getAttribute("aria-labelledby") +
    " tabindex " + a[0].tabIndex + a[1].tabIndex);
  log.push("initial: " + shown("tabs-a") + " " + selected("tabs-a"));
  a[0].focus();
  key("ArrowRight");
  key("End");
  key("ArrowRight");
  key("ArrowLeft");
  key("Home");
  key("x");
  a[1].click();
  log.push("sync: " + shown("tabs-a") + " " + shown("tabs-b") + " " + location.hash);
  var stored = "";
  try { stored = localStorage.getItem("bengal-tab-sync"); } catch (e) { stored = "unavailable"; }
  log.push("stored: " + stored);
  tabs("tabs-b")[0].click();
  log.push("sync back: " + shown("tabs-a") + " " + shown("tabs-b"));

  var buttons = document.querySelectorAll(".code-copy");
  log.push("copy buttons: " + buttons.length + " " + buttons[0].tagName + " " + buttons[0].type +
    " live " + document.querySelectorAll(":not(.search-status)[aria-live=polite]").length);
  var copied = [];
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: {
    writeText: function (t) { copied.push(t); return Promise.resolve(); } } });
  buttons[0].click();
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: {
    writeText: function () { return Promise.reject(new Error("denied")); } } });
  document.execCommand = function () { return false; };
  buttons[1].click();
  setTimeout(function () {
    log.push("copied: " + JSON.stringify(copied));
    log.push("after copy: " + buttons[0].textContent + " / " + buttons[1].textContent + " " +
      buttons[1].getAttribute("data-state") + " / " +
      document.querySelector(":not(.search-status)[aria-live=polite]").textContent);
    document.getElementById("result").textContent = log.join("\n");
  }, 0);
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

// Builds `site` and opens `page` (under public/) in Chromium. The page is opened from the
// disk: a file:// base URL makes its asset links file paths. `config` follows the base URL
// (Markdown's raw HTML is on, for the drivers' scripts). The build and the browser must
// succeed, with nothing on the console; exit_code -1 says they did not.
BrowserRun build_and_open(const fs::path& site, const std::string& page,
                          const std::string& config = "", int virtual_time_ms = 0) {
  write_file(site / "bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"file://" +
                                       (site / "public").string() +
                                       "/\"\n[markdown]\nunsafe = true\n" + config);
  RunResult r = run_bengal({"build", site.string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (r.exit_code != 0) {
    BrowserRun failed;
    failed.err = r.err;
    return failed;
  }
  BrowserRun run = open_in_chromium(site / "public" / page, virtual_time_ms);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.console.empty()) << joined(run.console);
  if (run.exit_code != 0) run.exit_code = -1;
  return run;
}

TEST(ThemeBrowser, TabsFollowTheKeyboardAndSyncAndCodeBlocksGetCopyButtons) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path site = write_files({
      {"content/tabs.md", std::string("---\ntitle: Tabs\n---\n\n") + kTabs +
                              "\n```python linenos\nprint(1)\nprint(2)\n```\n\n"
                              "```\nplain\n```\n\n" +
                              kDriver},
  });
  // 1 s of virtual time: the copy results arrive by promise; the buttons reset after 2 s.
  BrowserRun run = build_and_open(site, "tabs/index.html", "highlight = true\n", 1000);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(result_of(run.dom),
            "without js: +++ ++\n"
            "js class: true\n"
            "roles: tablist tab a-1 tabpanel a-1-tab tabindex 0-1\n"
            "initial: +-- S..\n"
            "ArrowRight: -+- .S. focus 1\n"
            "End: --+ ..S focus 2\n"
            "ArrowRight: +-- S.. focus 0\n"
            "ArrowLeft: --+ ..S focus 2\n"
            "Home: +-- S.. focus 0\n"
            "x: +-- S.. focus 0\n"
            "sync: -+- -+ \n"
            "stored: [\"toml\",\"yaml\"]\n"  // the arrow keys chose yaml first
            "sync back: +-- +-\n"
            "copy buttons: 2 BUTTON button live 1\n"
            "copied: [\"print(1)\\nprint(2)\\n\"]\n"
            "after copy: Copied / Copy failed failed / Copy failed: select the code and copy it "
            "by hand")
      << run.dom;
}

// assets/math.js with the KaTeX the binary carries, on the markup the Markdown stage writes for
// math: each formula rendered without its delimiters, display math in display mode, and a
// formula KaTeX cannot parse shown as an error instead of stopping the others. The page links
// the scripts itself, as partials/math.html does on a page whose has_math is true.
TEST(ThemeBrowser, MathJsRendersEveryFormulaWithTheEmbeddedKatex) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path site = fresh_temp_dir();
  std::string assets = (site / "public/assets/").string();
  write_files(site, {{"content/math.md",
                      "---\ntitle: Math\n---\n\n"
                      "<p><span class=\"math math-inline\">\\(a^2+b^2\\)</span> and "
                      "<span class=\"math math-inline\">\\(\\frac{1}{\\)</span></p>\n"
                      "<div class=\"math math-display\">\\[\\sum_{k=1}^{n} k\\]</div>\n\n"
                      "<script src=\"" +
                          assets +
                          "katex/katex.min.js\"></script>\n"
                          "<script src=\"" +
                          assets + "math.js\"></script>\n"},
                     // A page with Markdown math, so the build copies KaTeX's files.
                     {"content/other.md", "---\ntitle: Other\n---\n$x$\n"}});
  BrowserRun run = build_and_open(site, "math/index.html");
  ASSERT_EQ(run.exit_code, 0);
  // KaTeX keeps the source it rendered in a MathML annotation.
  EXPECT_NE(run.dom.find("<annotation encoding=\"application/x-tex\">a^2+b^2</annotation>"),
            std::string::npos)
      << run.dom;
  EXPECT_NE(run.dom.find("<span class=\"katex-display\">"), std::string::npos);
  EXPECT_NE(run.dom.find("\\sum_{k=1}^{n} k</annotation>"), std::string::npos);
  EXPECT_NE(run.dom.find("class=\"katex-error\""), std::string::npos);
  EXPECT_EQ(run.dom.find("\\(a^2"), std::string::npos);  // delimiters stripped
}

// The navigation script: the mobile menu button (contract: button.menu-toggle controls
// nav#site-menu), the main menu's "More" past 8 entries and the section tree's fold buttons.
// The driver records what a reader without JavaScript gets (no buttons: the script makes
// them), then drives the controls.
// Headless Chromium opens a wide window, where the menu button is not displayed (and so cannot
// take the focus back): the page shows it as a narrow screen would.
constexpr const char* kNavDriver =
    R"(<style>.menu-toggle { display: inline-block !important; }</style>
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
log.push("without js: " + document.querySelectorAll("button").length + " buttons, more list " +
  getComputedStyle(document.getElementById("menu-more-list")).display);
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

TEST(ThemeBrowser, MenuButtonMoreAndTreeTogglesFollowTheKeyboard) {
  ASSERT_TRUE(chromium_installed()) << kChromiumInstallHint;
  fs::path site = write_files({
      {"content/docs/_index.md", "---\ntitle: Docs\n---\n"},
      {"content/docs/guide/_index.md", "---\ntitle: Guide\n---\n"},
      {"content/docs/guide/page.md", std::string("---\ntitle: Page\n---\n\n") + kNavDriver},
  });
  std::string menu;
  for (int i = 1; i <= 9; ++i)
    menu += "[[menu.main]]\nname = \"M" + std::to_string(i) + "\"\nurl = \"/m" + std::to_string(i) +
            "/\"\nweight = " + std::to_string(i) + "\n";
  BrowserRun run = build_and_open(site, "docs/guide/page/index.html", menu);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(result_of(run.dom),
            "without js: 0 buttons, more list flex\n"
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
