// GitHub's alerts (Options::alerts, alerts.hpp): "> [!NOTE]" quotes become the admonition
// markup of `:::{note}`, foldable ones a dropdown of their kind; the summary leaves the
// marker's line out, as it leaves out a directive's opener.
#include <gtest/gtest.h>

#include <string>

#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

std::string alerts_html(std::string_view md, bool alerts = true) {
  Options o;
  o.alerts = alerts;
  o.directives = true;
  Rendered r;
  render_html(md, o, r);
  return r.html;
}

std::string box(std::string_view css_class, std::string_view icon, std::string_view title) {
  return "<div class=\"admonition " + std::string(css_class) +
         "\">\n<p class=\"admonition-title\"><span class=\"admonition-icon-wrapper\">" +
         std::string(icon_svg(icon)) + "</span><span class=\"admonition-title-text\">" +
         std::string(title) + "</span></p>\n";
}

std::string fold(std::string_view kind, bool open, std::string_view title) {
  return "<details class=\"dropdown admonition " + std::string(kind) + (open ? "\" open>" : "\">") +
         "<summary><span class=\"dropdown-header\"><span class=\"dropdown-icon\">" +
         std::string(icon_svg(kind)) + "</span><span class=\"dropdown-title\">" +
         std::string(title) + "</span></span></summary><div class=\"dropdown-content\">\n";
}

TEST(Alerts, AMarkerLineMakesTheQuoteANoteOfItsKind) {
  EXPECT_EQ(alerts_html("> [!NOTE]\n> Useful *information*.\n"),
            box("note", "note", "Note") + "<p>Useful <em>information</em>.</p>\n</div>\n");
  // Any case; caution and important are written with the classes themes style.
  EXPECT_EQ(alerts_html("> [!Caution]\n> a\n>\n> b\n"),
            box("warning", "caution", "Caution") + "<p>a</p>\n<p>b</p>\n</div>\n");
  EXPECT_EQ(alerts_html("> [!important]\n\nafter\n"),
            box("info", "important", "Important") + "</div>\n<p>after</p>\n");
  // A lazy line continues the box's paragraph.
  EXPECT_EQ(alerts_html("> [!TIP]\nlazy\n"), box("tip", "tip", "Tip") + "<p>lazy</p>\n</div>\n");
}

TEST(Alerts, TextAfterTheMarkerIsTheTitle) {
  EXPECT_EQ(alerts_html("> [!WARNING] Mind **the** gap\n> Body.\n"),
            box("warning", "warning", "Mind <strong>the</strong> gap") + "<p>Body.</p>\n</div>\n");
  // A span open at the end of the line keeps the title going, so its markup stays whole.
  EXPECT_EQ(alerts_html("> [!NOTE] One *two\n> three* four\n> body\n"),
            box("note", "note", "One <em>two\nthree</em> four") + "<p>body</p>\n</div>\n");
  // A title alone.
  EXPECT_EQ(alerts_html("> [!NOTE]   Just this\n"), box("note", "note", "Just this") + "</div>\n");
}

TEST(Alerts, ASignMakesItFoldable) {
  EXPECT_EQ(alerts_html("> [!TIP]-\n> Folded.\n"),
            fold("tip", false, "Tip") + "<p>Folded.</p>\n</div></details>\n");
  EXPECT_EQ(alerts_html("> [!danger]+ Open *now*\n> Shown.\n"),
            fold("danger", true, "Open <em>now</em>") + "<p>Shown.</p>\n</div></details>\n");
}

TEST(Alerts, OtherQuotesStayQuotes) {
  // Another word, a marker that is not the quote's first text, one glued to a word, alerts off.
  for (std::string_view md : {"> [!NOTES]\n> x\n", "> Text\n> [!NOTE]\n", "> [!NOTE]s x\n",
                              "> *[!NOTE]*\n", "> # [!NOTE]\n", "> [!]\n"}) {
    std::string html = alerts_html(md);
    EXPECT_TRUE(html.starts_with("<blockquote>\n")) << md << html;
    EXPECT_EQ(html.find("admonition"), std::string::npos) << md;
  }
  EXPECT_EQ(alerts_html("> [!NOTE]\n> x\n", false),
            "<blockquote>\n<p>[!NOTE]\nx</p>\n</blockquote>\n");
}

TEST(Alerts, NestedQuotesAndBoxesCloseInOrder) {
  EXPECT_EQ(alerts_html("> > [!IMPORTANT]\n> > inner\n>\n> outer\n"),
            "<blockquote>\n" + box("info", "important", "Important") +
                "<p>inner</p>\n</div>\n<p>outer</p>\n</blockquote>\n");
  EXPECT_EQ(
      alerts_html("> [!NOTE]\n> > quoted\n> > [!TIP]\n"),
      box("note", "note", "Note") + "<blockquote>\n<p>quoted\n[!TIP]</p>\n</blockquote>\n</div>\n");
}

TEST(Alerts, TheSummaryLeavesTheMarkerLineOutAndKeepsItsLinks) {
  std::string body = "> [!NOTE] See [the guide](guide.md)\n> Body words.\n\nMore text.\n";
  BodyScan s = scan_body(body, {.alerts = true});
  EXPECT_EQ(s.summary, "Body words. More text.");
  EXPECT_EQ(s.word_count, 4u);
  EXPECT_EQ(s.links, (std::vector<std::string>{"guide.md"}));
  EXPECT_EQ(s.link_lines, (std::vector<uint32_t>{1}));
  BodyScan off = scan_body(body);
  EXPECT_EQ(off.summary, "[!NOTE] See the guide Body words. More text.");
}

}  // namespace
}  // namespace bengal::markdown
