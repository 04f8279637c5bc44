// The HTML of every directive (spec/bengal-sites.md section 4), their warnings, and how a
// page with directives stays one document: heading ids, TOC and link references.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "bengal/markdown/icons.hpp"
#include "bengal/markdown/markdown.hpp"
#include "render_support.hpp"

namespace bengal::markdown {
namespace {

using Strings = std::vector<std::string>;

Options on() {
  return directive_options();
}

std::string html(std::string_view md, Options o = on()) {
  return html_of(md, o);
}

Strings warnings(std::string_view md, Options o = on()) {
  Rendered r;
  render_html(md, o, r);
  Strings out;
  for (const auto& w : r.warnings)
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.column) + ": " + w.message);
  return out;
}

std::string svg(std::string_view name) {
  return std::string(icon_svg(name));
}

std::string admonition(std::string_view cls, std::string_view icon, std::string_view title,
                       std::string_view body) {
  return "<div class=\"admonition " + std::string(cls) +
         "\">\n<p class=\"admonition-title\"><span class=\"admonition-icon-wrapper\">" + svg(icon) +
         "</span><span class=\"admonition-title-text\">" + std::string(title) + "</span></p>\n" +
         std::string(body) + "</div>\n";
}

class FakeHost : public DirectiveHost {
 public:
  std::map<std::string, std::string, std::less<>> files;
  std::vector<ChildEntry> kids;
  std::vector<GlossaryTerm> terms;
  mutable std::vector<std::string> asked;

  bool read_include(std::string_view from, std::string_view path, IncludedFile& out,
                    std::string& error) const override {
    asked.push_back(std::string(from) + ">" + std::string(path));
    auto it = files.find(path);
    if (it == files.end()) {
      error = "include '" + std::string(path) + "' not found";
      return false;
    }
    out.key = "content/" + it->first;
    out.text = it->second;
    return true;
  }
  std::vector<ChildEntry> children(ChildKinds kinds) const override {
    std::vector<ChildEntry> out;
    for (const auto& k : kids)
      if (kinds == ChildKinds::kAll || (kinds == ChildKinds::kSections) == k.is_section)
        out.push_back(k);
    return out;
  }
  const std::vector<GlossaryTerm>& glossary() const override { return terms; }
};

TEST(Directives, OffMeansCommonMark) {
  EXPECT_EQ(html(":::{note}\nHi\n:::\n", {}), "<p>:::{note}\nHi\n:::</p>\n");
  EXPECT_EQ(html("```mermaid\na\n```\n", {}),
            "<pre><code class=\"language-mermaid\">a\n</code></pre>\n");
}

TEST(Directives, EveryAdmonition) {
  const std::pair<std::string_view, std::string_view> kinds[] = {
      {"note", "note"},       {"tip", "tip"},        {"warning", "warning"},
      {"caution", "warning"}, {"danger", "danger"},  {"error", "error"},
      {"info", "info"},       {"important", "info"}, {"example", "example"},
      {"success", "success"}, {"seealso", "seealso"}};
  for (auto [name, cls] : kinds) {
    std::string title = name == "seealso" ? "See also" : std::string(name);
    title[0] = static_cast<char>(std::toupper(title[0]));
    EXPECT_EQ(html(":::{" + std::string(name) + "}\nBody\n:::\n"),
              admonition(cls, name, title, "<p>Body</p>\n"))
        << name;
  }
  EXPECT_FALSE(svg("caution").empty());
}

TEST(Directives, AdmonitionTitleAndClasses) {
  EXPECT_EQ(html("Before\n:::{tip} Use *this*\n:class: wide \"x\n\n- a\n:::\nAfter\n"),
            "<p>Before</p>\n" +
                admonition("tip wide x", "tip", "Use <em>this</em>", "<ul>\n<li>a</li>\n</ul>\n") +
                "<p>After</p>\n");
}

TEST(Directives, NestedAdmonitions) {
  EXPECT_EQ(html("::::{note}\n:::{tip}\nIn\n:::\nOut\n::::\n"),
            admonition("note", "note", "Note",
                       admonition("tip", "tip", "Tip", "<p>In</p>\n") + "<p>Out</p>\n"));
}

TEST(Directives, TabSet) {
  std::string out = html(
      "::::{tab-set}\n:::{tab-item} Python\n:sync: py\nPy\n:::\n:::{tab} *Go*\n:selected:\n"
      ":badge: new\nGo\n:::\n::::\n");
  // The id is a hash of the body: find it, then check the markup around it.
  size_t at = out.find("id=\"tabs-");
  ASSERT_NE(at, std::string::npos);
  std::string id = out.substr(at + 9, out.find('"', at + 9) - at - 9);
  EXPECT_EQ(id.size(), 9u);
  EXPECT_EQ(out, "<div class=\"tabs\" id=\"tabs-" + id +
                     "\" data-bengal=\"tabs\">\n<ul class=\"tab-nav\">\n<li><a href=\"#" + id +
                     "-0\" data-tab-target=\"" + id +
                     "-0\" data-sync=\"py\">Python</a></li>\n<li class=\"active\"><a href=\"#" +
                     id + "-1\" data-tab-target=\"" + id +
                     "-1\"><em>Go</em><span class=\"tab-badge\">new</span></a></li>\n</ul>\n"
                     "<div class=\"tab-content\">\n<div id=\"" +
                     id + "-0\" class=\"tab-pane\">\n<p>Py</p>\n</div>\n<div id=\"" + id +
                     "-1\" class=\"tab-pane active\">\n<p>Go</p>\n</div>\n</div>\n</div>\n");
}

TEST(Directives, TabIdsAreStableAndDifferByPosition) {
  std::string page = ":::{tabs}\n:::{tab} A\na\n:::\n:::\n\n:::{tabs}\n:::{tab} A\na\n:::\n:::\n";
  std::string out = html(page);
  EXPECT_EQ(out, html(page));
  size_t first = out.find("id=\"tabs-");
  size_t second = out.find("id=\"tabs-", first + 1);
  ASSERT_NE(second, std::string::npos);
  EXPECT_NE(out.substr(first, 20), out.substr(second, 20));
}

TEST(Directives, TabItemAloneIsATabSetOfOne) {
  std::string out = html(":::{tab-item} A\na\n:::\n");
  EXPECT_NE(out.find("<div class=\"tabs\""), std::string::npos);
  EXPECT_NE(out.find("class=\"tab-pane active\">\n<p>a</p>\n</div>\n</div>\n</div>\n"),
            std::string::npos);
  EXPECT_EQ(warnings(":::{tab-item} A\na\n:::\n"),
            Strings{"1:1: tab-item outside a tab-set; put it inside ':::{tab-set}'"});
}

TEST(Directives, Dropdown) {
  EXPECT_EQ(html(":::{dropdown}\nHidden\n:::\n"),
            "<details class=\"dropdown\"><summary><span class=\"dropdown-header\"><span "
            "class=\"dropdown-title\">Details</span></span></summary><div "
            "class=\"dropdown-content\">\n<p>Hidden</p>\n</div></details>\n");
  EXPECT_EQ(html(":::{details} More\n:open:\n:color: info\n:icon: tip\n:description: Why\n"
                 "x\n:::\n"),
            "<details class=\"dropdown dropdown-info\" open><summary><span "
            "class=\"dropdown-header\"><span class=\"dropdown-icon\">" +
                svg("tip") +
                "</span><span class=\"dropdown-title\">More</span><span "
                "class=\"dropdown-description\">Why</span></span></summary><div "
                "class=\"dropdown-content\">\n<p>x</p>\n</div></details>\n");
}

TEST(Directives, CardsWithResolvedLinks) {
  LinkResolver resolve = [](std::string_view dest, bool) -> std::optional<LinkRewrite> {
    if (dest == "../a.md") return LinkRewrite{"/docs/a/", false};
    if (dest == "gone.md") return LinkRewrite{"gone.md", true};
    return std::nullopt;
  };
  Options o = on();
  o.resolve_link = &resolve;
  EXPECT_EQ(html("::::{cards}\n:columns: 2\n:::{card} A\n:link: ../a.md\n:icon: book\n"
                 ":description: The *A*\n:badge: New\nBody\n:::\n:::{card} Plain\n:::\n::::\n",
                 o),
            "<div class=\"card-grid\" data-columns=\"2\">\n<a class=\"card\" href=\"/docs/a/\">\n"
            "<div class=\"card-header\"><span class=\"card-icon\" data-icon=\"book\">" +
                svg("book") +
                "</span><div class=\"card-title\">A</div><span class=\"card-badge\">New</span>"
                "</div>\n<div class=\"card-description\">The <em>A</em></div>\n"
                "<div class=\"card-content\">\n<p>Body</p>\n</div>\n</a>\n"
                "<div class=\"card\">\n<div class=\"card-header\"><div "
                "class=\"card-title\">Plain</div></div>\n<div class=\"card-content\">\n</div>\n"
                "</div>\n</div>\n");
  EXPECT_EQ(warnings(":::{card} X\n:link: gone.md\n:::\n", o),
            Strings{"1:1: card link 'gone.md' leads to no page; fix the path"});
}

TEST(Directives, ChildCards) {
  FakeHost host;
  host.kids = {{"Guide", "/docs/guide/", "How to", "book", true},
               {"Faq", "/docs/faq/", "Questions", "", false}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(html(":::{child-cards}\n:columns: 3\n:include: pages\n:fields: title\n:::\n", o),
            "<div class=\"card-grid\" data-columns=\"3\">\n<a class=\"card\" href=\"/docs/faq/\">"
            "\n<div class=\"card-header\"><div class=\"card-title\">Faq</div></div>\n</a>\n"
            "</div>\n");
  EXPECT_EQ(html(":::{child-cards}\n:exclude: guide, Faq\n:::\n", o),
            "<p><em>No child content found</em></p>\n");
  std::string all = html(":::{child-cards}\n:::\n", o);
  EXPECT_NE(all.find("<a class=\"card card-section\" href=\"/docs/guide/\">\n<div "
                     "class=\"card-header\"><span class=\"card-icon\" data-icon=\"book\">"),
            std::string::npos);
  EXPECT_NE(all.find("<div class=\"card-description\">How to</div>"), std::string::npos);
  EXPECT_EQ(html(":::{child-cards}\n:::\n"), "<p><em>No child content found</em></p>\n");
}

TEST(Directives, StepsWithIdsSharedWithHeadings) {
  Rendered r;
  render_html(
      "## Install\n\n:::{steps}\n:::{step} Install\n:description: Get *it*\n:duration: 5 min\n"
      "Run it.\n:::\n:::{step} Use\n:optional:\n:::\n:::\n",
      on(), r);
  EXPECT_EQ(r.html,
            "<h2 id=\"install\">Install</h2>\n<div class=\"steps\">\n<ol>\n<li "
            "id=\"install-1\"><a class=\"step-marker\" href=\"#install-1\">1</a><h2 "
            "class=\"step-title\">Install</h2>\n<p class=\"step-description\">Get "
            "<em>it</em></p>\n<p class=\"step-meta\"><span class=\"step-duration\">5 "
            "min</span></p>\n<p>Run it.</p>\n</li>\n<li id=\"use\"><a class=\"step-marker\" "
            "href=\"#use\">2</a><h2 class=\"step-title\">Use</h2>\n<p class=\"step-meta\"><span "
            "class=\"step-optional\">Optional</span></p>\n</li>\n</ol>\n</div>\n");
  ASSERT_EQ(r.toc.size(), 1u);
}

TEST(Directives, CodeTabs) {
  CodeHighlighter hl = [](std::string_view info, std::string_view code, std::string& out) {
    if (info != "python") return false;
    out += "<div class=\"rosettes\">" + std::string(code) + "</div>\n";
    return true;
  };
  Options o = on();
  o.highlight_code = &hl;
  std::string out = html(
      ":::{code-tabs}\n```python app.py\nprint(1)\n```\n\n~~~bash\n:::\necho <\n~~~\n:::\n", o);
  size_t at = out.find("id=\"tabs-");
  ASSERT_NE(at, std::string::npos);
  std::string id = out.substr(at + 9, 9);
  EXPECT_EQ(out, "<div class=\"tabs code-tabs\" id=\"tabs-" + id +
                     "\" data-bengal=\"tabs\">\n<ul class=\"tab-nav\">\n<li class=\"active\"><a "
                     "href=\"#" +
                     id + "-0\" data-tab-target=\"" + id +
                     "-0\">python · app.py</a></li>\n<li><a href=\"#" + id +
                     "-1\" data-tab-target=\"" + id +
                     "-1\">bash</a></li>\n</ul>\n<div class=\"tab-content\">\n<div id=\"" + id +
                     "-0\" class=\"tab-pane active\">\n<div class=\"rosettes\">print(1)\n</div>\n"
                     "</div>\n<div id=\"" +
                     id +
                     "-1\" class=\"tab-pane\">\n<pre><code class=\"language-bash\">:::\n"
                     "echo &lt;\n</code></pre>\n</div>\n</div>\n</div>\n");
}

TEST(Directives, Include) {
  FakeHost host;
  host.files = {{"snip.md", "## Snip\n\nSee [ref].\n\n:::{note}\nIn\n:::\n"},
                {"lines.md", "zero\none\ntwo\nthree\n"},
                {"a.md", ":::{include} b.md\n:::\n"},
                {"b.md", ":::{include} a.md\n:::\n"}};
  Options o = on();
  o.directive_host = &host;
  Rendered r;
  render_html("## Snip\n\nText\n:::{include} snip.md\n:::\n\n[ref]: /r/\n", o, r);
  EXPECT_EQ(r.html,
            "<h2 id=\"snip\">Snip</h2>\n<p>Text</p>\n<h2 id=\"snip-1\">Snip</h2>\n"
            "<p>See <a href=\"/r/\">ref</a>.</p>\n" +
                admonition("note", "note", "Note", "<p>In</p>\n"));
  EXPECT_EQ(r.toc.size(), 2u);
  EXPECT_EQ(html(":::{include} lines.md\n:start-line: 1\n:end-line: 3\n:::\n", o),
            "<p>one\ntwo</p>\n");
  EXPECT_EQ(warnings("x\n:::{include} a.md\n:::\n", o),
            Strings{"2:1: in content/b.md line 1: include cycle: content/a.md -> content/b.md "
                    "-> content/a.md; remove one of these includes"});
  // The nested include is looked up from the file that includes it.
  EXPECT_EQ(host.asked.back(), "content/b.md>a.md");
  EXPECT_EQ(warnings(":::{include} missing.md\n:::\n", o),
            Strings{"1:1: include 'missing.md' not found"});
  EXPECT_EQ(warnings(":::{include} x.md\n:::\n"),
            Strings{"1:1: include 'x.md' is not rendered: this Markdown is rendered without a "
                    "site"});
}

TEST(Directives, IncludeDepthIsLimited) {
  FakeHost host;
  for (int i = 0; i < 12; ++i)
    host.files[fmt::format("f{}.md", i)] =
        fmt::format("f{}\n:::{{include}} f{}.md\n:::\n", i, i + 1);
  Options o = on();
  o.directive_host = &host;
  Strings w = warnings(":::{include} f0.md\n:::\n", o);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0],
            "1:1: in content/f9.md line 2: include 'f10.md' is nested deeper than 10 levels; "
            "include less deeply");
}

TEST(Directives, LiteralInclude) {
  FakeHost host;
  host.files = {{"src/app.py", "a = 1\nb = 2\nc = 3\n"}, {"x.txt", "<x>\n"}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(html(":::{literalinclude} src/app.py\n:lines: 1,3\n:::\n", o),
            "<pre><code class=\"language-python\">a = 1\nc = 3\n</code></pre>\n");
  EXPECT_EQ(html(":::{literalinclude} src/app.py\n:start-line: 1\n:end-line: 2\n"
                 ":language: text\n:::\n",
                 o),
            "<pre><code class=\"language-text\">b = 2\n</code></pre>\n");
  EXPECT_EQ(html(":::{literalinclude} x.txt\n:::\n", o),
            "<pre><code class=\"language-txt\">&lt;x&gt;\n</code></pre>\n");
}

TEST(Directives, Glossary) {
  FakeHost host;
  host.terms = {{"API", "An *interface*", {"dev"}},
                {"Page", "A file", {"content"}},
                {"Site", "Pages", {"content"}}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(html(":::{glossary}\n:tags: content\n:limit: 1\n:::\n", o),
            "<dl class=\"bengal-glossary\">\n<dt>Page</dt>\n<dd>A file</dd>\n</dl>\n");
  EXPECT_EQ(html(":::{glossary}\n:tags: dev\n:collapsed:\n:::\n", o),
            "<details class=\"glossary-collapsed\"><summary>Glossary</summary>\n<dl "
            "class=\"bengal-glossary\">\n<dt>API</dt>\n<dd>An <em>interface</em></dd>\n</dl>\n"
            "</details>\n");
  EXPECT_EQ(html(":::{glossary}\n:tags: none\n:::\n", o),
            "<p><em>No glossary terms found</em></p>\n");
}

TEST(Directives, Checklist) {
  EXPECT_EQ(html(":::{checklist}\n:show-progress:\n- [x] Done\n- [ ] Todo\n:::\n"),
            "<div class=\"checklist\">\n<div class=\"checklist-progress\" data-done=\"1\" "
            "data-total=\"2\"><span class=\"checklist-progress-text\">1/2</span></div>\n"
            "<ul>\n<li><label><input checked=\"\" type=\"checkbox\"> Done</label></li>\n"
            "<li><label><input type=\"checkbox\"> Todo</label></li>\n</ul>\n</div>\n");
  // Without a progress bar the close makes the body shorter, before its own marker: that
  // once moved the marker's HTML block start past the end of the output and threw.
  EXPECT_EQ(html(":::{checklist} Before you start\n- [ ] Install\n- [x] Read\n:::\n"),
            "<div class=\"checklist\">\n<p class=\"checklist-title\">Before you start</p>\n"
            "<ul>\n<li><label><input type=\"checkbox\"> Install</label></li>\n<li><label><input "
            "checked=\"\" type=\"checkbox\"> Read</label></li>\n</ul>\n</div>\n");
  Options safe = on();
  safe.unsafe_html = false;
  EXPECT_EQ(
      html(":::{checklist}\n- [ ] Install\n:::\n", safe),
      "<div class=\"checklist\">\n<ul>\n<li><label><input type=\"checkbox\"> Install</label></li>\n"
      "</ul>\n</div>\n");
  // A nested list ends the label of its parent item; a raw checkbox of another shape is left.
  EXPECT_EQ(html(":::{checklist}\n- [ ] A\n  - [x] B\n- <input type=checkbox> C\n:::\n"),
            "<div class=\"checklist\">\n<ul>\n<li><label><input type=\"checkbox\"> A</label>\n"
            "<ul>\n<li><label><input checked=\"\" type=\"checkbox\"> B</label></li>\n</ul>\n"
            "</li>\n<li><input type=checkbox> C</li>\n</ul>\n</div>\n");
}

TEST(Directives, SmallElements) {
  EXPECT_EQ(html(":::{example-label} Basic *use*\n:::\n"),
            "<p class=\"example-label\" role=\"heading\" aria-level=\"6\"><span "
            "class=\"example-label-prefix\">Example:</span> Basic <em>use</em></p>\n");
  EXPECT_EQ(html(":::{since} 1.2\n:::\n"),
            "<span class=\"version-badge version-badge-since\">New in 1.2</span>\n");
  EXPECT_EQ(html(":::{deprecated} 2.0\nUse *b*.\n:::\n"),
            "<div class=\"version-directive\">\n<span class=\"version-badge "
            "version-badge-deprecated\">Deprecated in 2.0</span>\n<p>Use <em>b</em>.</p>\n"
            "</div>\n");
  EXPECT_EQ(html(":::{changed}\n:::\n"),
            "<span class=\"version-badge version-badge-changed\">Changed</span>\n");
  EXPECT_EQ(html(":::{badge} Beta\n:::\n"), "<span class=\"badge badge-secondary\">Beta</span>\n");
  EXPECT_EQ(html(":::{button} Go\n:link: https://x.org/?a=1&b\n:style: secondary\n:::\n"),
            "<a class=\"button button-secondary\" href=\"https://x.org/?a=1&amp;b\">Go</a>\n");
  EXPECT_EQ(html(":::{target} my-anchor\n:::\n"),
            "<span id=\"my-anchor\" class=\"target-anchor\"></span>\n");
}

TEST(Directives, ButtonLinksAreSafeInSafeMode) {
  Options o = on();
  o.unsafe_html = false;
  EXPECT_EQ(html(":::{button} Go\n:link: javascript:alert(1)\n:::\n", o),
            "<a class=\"button button-primary\" href=\"\">Go</a>\n");
}

TEST(Directives, ListTable) {
  EXPECT_EQ(html(":::{list-table} Sizes\n:header-rows: 1\n:widths: 1 3\n* - Name\n  - Size\n"
                 "* - `a`\n  - 1\n    more\n:::\n"),
            "<table class=\"list-table\">\n<caption>Sizes</caption>\n<colgroup>\n<col "
            "style=\"width: 25%\">\n<col style=\"width: 75%\">\n</colgroup>\n<thead>\n<tr>\n"
            "<th>Name</th>\n<th>Size</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>a</code>"
            "</td>\n<td>1\nmore</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST(Directives, Mermaid) {
  EXPECT_EQ(html("```mermaid\ngraph TD; A-->B\n```\n"),
            "<div class=\"mermaid\">graph TD; A--&gt;B\n</div>\n");
}

TEST(Directives, UnknownNameAndOption) {
  EXPECT_EQ(html(":::{fancy box}\n:::\n"), "<p>:::{fancy box}\n:::</p>\n");
  EXPECT_EQ(html(":::{my_box} T\nx\n:::\n"),
            "<div class=\"directive directive-my_box\">\n<p>x</p>\n</div>\n");
  EXPECT_EQ(
      warnings("a\n\n:::{my_box}\n:::\n:::{note}\n:colour: red\n:::\n:::{target} x\n:a:\n:::\n"),
      (Strings{"3:1: unknown directive 'my_box'; it is rendered as a plain <div>: check the "
               "name against the directives reference",
               "6:1: unknown option ':colour:' of directive 'note'; it is ignored; known "
               "options: class, name",
               "9:1: unknown option ':a:' of directive 'target'; it is ignored; this "
               "directive takes no options"}));
}

TEST(Directives, StructureWarningsReachTheRender) {
  EXPECT_EQ(warnings("::::{note}\n:::{tip}\n::::\n:::{/nope}\n:::{tip}\n"),
            (Strings{"2:1: directive 'tip' is not closed, so it ends where 'note' (line 1) does; "
                     "close it with a line of ':::' or ':::{/tip}'",
                     "4:1: ':::{/nope}' closes no open directive named 'nope'; remove it or fix "
                     "the name",
                     "5:1: directive 'tip' is not closed, so it ends where the text ends; close "
                     "it with a line of ':::' or ':::{/tip}'"}));
}

TEST(Directives, OneDocumentForIdsTocAndReferences) {
  Rendered r;
  render_html("# A\n\n:::{note}\n# A\n\nSee [x] and [y].\n\n[y]: /y/\n:::\n\n# A\n\n[x]: /x/\n",
              on(), r);
  EXPECT_EQ(r.html, "<h1 id=\"a\">A</h1>\n" +
                        admonition("note", "note", "Note",
                                   "<h1 id=\"a-1\">A</h1>\n<p>See <a href=\"/x/\">x</a> and "
                                   "<a href=\"/y/\">y</a>.</p>\n") +
                        "<h1 id=\"a-2\">A</h1>\n");
  ASSERT_EQ(r.toc.size(), 3u);
  EXPECT_EQ(r.toc[1].id, "a-1");
}

TEST(Directives, PageTextCannotForgeMarkers) {
  EXPECT_EQ(html("<!--bengal-directive-0-->\n:::{note}\n:::\n"),
            "<!--bengal-directive-0-->\n" + admonition("note", "note", "Note", ""));
}

TEST(Directives, SafeModeKeepsDirectives) {
  Options o = on();
  o.unsafe_html = false;
  EXPECT_EQ(html(":::{note}\n<b>x</b>\n:::\n", o),
            admonition("note", "note", "Note",
                       "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"));
}

TEST(Directives, HostileNestingIsQuick) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += ":::{note}\n";
  for (int i = 0; i < 1000; ++i) text += ":::{tab-set}\n:::{step}\n";
  Rendered r;
  render_html(text, on(), r);
  EXPECT_EQ(r.warnings.size(), 33u);  // the depth warning and 32 unclosed directives
}

}  // namespace
}  // namespace bengal::markdown

namespace bengal::markdown {
namespace {

TEST(Directives, MarkersEndTablesAndRawHtml) {
  EXPECT_EQ(html(":::{note}\n| a |\n|---|\n| 1 |\n:::\n:::{tip}\n<div>\nraw\n:::\nafter\n"),
            admonition("note", "note", "Note",
                       "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
                       "<td>1</td>\n</tr>\n</tbody>\n</table>\n") +
                admonition("tip", "tip", "Tip", "<div>\nraw\n") + "<p>after</p>\n");
}

TEST(Directives, BodyMayStartWithIndentedCode) {
  EXPECT_EQ(html(":::{note}\n    code\n:::\n"),
            admonition("note", "note", "Note", "<pre><code>code\n</code></pre>\n"));
}

TEST(Directives, AnUnclosedFenceEndsWithItsText) {
  EXPECT_EQ(html(":::{note}\n```\n:::\n"),
            admonition("note", "note", "Note", "<pre><code>:::\n</code></pre>\n"));
  FakeHost host;
  host.files = {{"open.md", "````\ncode\n"}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(html(":::{include} open.md\n:::\nafter\n", o),
            "<pre><code>code\n</code></pre>\n<p>after</p>\n");
}

TEST(Directives, IncludedFilesCannotForgeMarkers) {
  FakeHost host;
  host.files = {{"evil.md", "<!--bengal-directive-3-->\n"}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(html(":::{note}\n:::{include} evil.md\n:::\n:::\n", o),
            admonition("note", "note", "Note", "<!--bengal-directive-3-->\n"));
}

TEST(Directives, IncludesPerPageAreCapped) {
  FakeHost host;
  // w0 includes w1 ten times, w1 includes w2 ten times...: no cycle, but 10 + 100 + 1000.
  for (int level = 0; level < 3; ++level) {
    std::string& text = host.files[fmt::format("w{}.md", level)];
    for (int i = 0; i < 10; ++i) text += fmt::format(":::{{include}} w{}.md\n:::\n", level + 1);
  }
  host.files["w3.md"] = "x\n";
  Options o = on();
  o.directive_host = &host;
  Strings w = warnings(":::{include} w0.md\n:::\n", o);
  ASSERT_EQ(w.size(), 1u);
  // 1 + 9 * (1 + 10 + 100) = 1000 includes before w0's tenth.
  EXPECT_EQ(w[0],
            "1:1: in content/w0.md line 19: include 'w1.md' is one more than the 1000 "
            "includes a page may have");
}

}  // namespace
}  // namespace bengal::markdown

namespace bengal::markdown {
namespace {

// Markers and blank lines move the page's text in the document md4c parses; a role's or a
// footnote's warning still names its line in the page.
TEST(Directives, WarningsFromTextAfterDirectivesNameThePageLine) {
  EXPECT_EQ(warnings(":::{note}\nHello\n:::\n\n:::{tip}\nMore\n:::\n\nAn {icon}`nope`.\n")
                .at(0)
                .substr(0, 30),
            "9:4: unknown icon 'nope' in {i");
  // In an included file: at the include, naming the file and its line.
  FakeHost host;
  host.files = {{"snip.md", ":::{note}\nx\n:::\n\nAn {icon}`nope`.\n"}};
  Options o = on();
  o.directive_host = &host;
  EXPECT_EQ(warnings("Text.\n\n:::{include} snip.md\n:::\n", o).at(0).substr(0, 50),
            "3:1: in content/snip.md line 5: unknown icon 'nope");
}

}  // namespace
}  // namespace bengal::markdown
