// Cross-references and the link check through an in-process site: what [[wiki]] and Markdown
// links resolve to, and the exact diagnostics for broken ones.
#include "bengal/site/link_check.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"
#include "../support/site_fixture.hpp"
#include "bengal/graph/link_graph.hpp"
#include "bengal/graph/site_graph.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;
using Status = site::LinkTarget::Status;

const Files kDocs = {
    {"content/docs/_index.md", "---\ntitle: Docs\n---\n"},
    {"content/docs/intro.md",
     "---\ntitle: Intro\n---\n# Getting started {#start}\n\n## Install\n\n"
     "See [setup](guide.md#setup), [[guide#nope]] and [[missing]].\n"
     "Also [x](../nowhere.md), [y](/docs/guide/#setup) and [z](https://example.com/a.md).\n"},
    {"content/docs/guide.md",
     "---\ntitle: Guide\nid: the-guide\n---\n## Setup\n\n[[intro#start]]\n"},
    {"content/blog/post.md",
     "---\ntitle: Post\nslug: hello\n---\n[back](/docs/intro.md#install)\n"}};

// "status page#anchor" for a resolved target, for exact comparisons.
std::string target(const site::Site& site, const site::LinkTarget& t) {
  const char* names[] = {"external", "resolved", "missing page", "missing anchor",
                         "unknown project"};
  std::string out = names[static_cast<int>(t.status)];
  if (t.page != kNoPage) out.append(" ").append(site.source_path(t.page));
  if (!t.anchor.empty()) out.append("#").append(t.anchor);
  return out;
}

// The warnings of find_broken_links on a site of `files`, with their file and line or without.
Strings broken_link_warnings(const Files& files, bool placed) {
  TestSite s(files);
  const site::Site& site = s.load();
  Strings out;
  for (const auto& p : site::find_broken_links(site)) {
    Diagnostic d = site::describe(site, p, false);
    out.push_back(placed ? d.format() : d.message);
  }
  return out;
}

TEST(LinkCheck, WikiAndMarkdownLinksResolveThroughTheIndex) {
  TestSite s(kDocs);
  const site::Site& site = s.load();
  PageId intro = site.xref.by_path("docs/intro.md");
  ASSERT_NE(intro, kNoPage);
  EXPECT_EQ(site.xref.by_path("docs/intro"), intro);
  EXPECT_EQ(source_paths(site, std::vector<PageId>{site.xref.by_path("docs")}),
            Strings{"docs/_index.md"});
  Strings wiki, links;
  for (const char* t : {"guide", "guide#setup", "guide#nope", "id:the-guide", "hello", "intro",
                        "docs/intro#install", "missing", "#start"})
    wiki.push_back(target(site, site.xref.resolve_wiki(intro, t)));
  EXPECT_EQ(wiki, (Strings{"resolved docs/guide.md", "resolved docs/guide.md#setup",
                           "missing anchor docs/guide.md#nope", "resolved docs/guide.md",
                           "resolved blog/post.md", "resolved docs/intro.md",
                           "resolved docs/intro.md#install", "missing page",
                           "resolved docs/intro.md#start"}));
  for (const char* t :
       {"guide.md#setup", "../blog/post.md", "/docs/guide/", "/blog/hello/", "/docs/guide.md",
        "/img/a.png", "other/", "mailto:x@y.z", "#install", "#nope", "../nowhere.md", "/docs/guide",
        "/blog/hello#top", "@/docs/guide.md#setup", "@/docs/_index.md", "@/nowhere.md"})
    links.push_back(target(site, site.xref.resolve_link(intro, t)));
  EXPECT_EQ(links,
            (Strings{"resolved docs/guide.md#setup", "resolved blog/post.md",
                     "resolved docs/guide.md", "resolved blog/post.md", "resolved docs/guide.md",
                     "external", "external", "external", "resolved docs/intro.md#install",
                     "missing anchor docs/intro.md#nope", "missing page",
                     // Without its last slash, a page's URL is still the page.
                     "resolved docs/guide.md", "resolved blog/post.md#top",
                     // Zola's internal links, from the content folder.
                     "resolved docs/guide.md#setup", "resolved docs/_index.md", "missing page"}));
}

// Hugo's ref and relref: from the page's folder first, then as a wiki link (the content root,
// a slug, a file's name); the extension may be left out; a missing one is a warning at the
// shortcode. Jekyll's post_url and link find a post by its file's name.
TEST(LinkCheck, HugoRefsResolveAsHugoResolvesThem) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
              {"templates/single.html", "{{ page.content }}"},
              {"content/intro.md", "---\ntitle: Top intro\n---\n"},
              {"content/docs/intro.md", "---\ntitle: Intro\n---\n## Setup\n"},
              {"content/blog/post.md", "---\ntitle: Post\nslug: hello\n---\n"},
              {"content/docs/page.md",
               "---\ntitle: Page\n---\n[a]({{< ref \"intro.md\" >}}) [b]({{< ref \"/intro\" >}}) "
               "[c]({{< relref \"intro#setup\" >}})\n[d]({{< ref \"hello\" >}}) "
               "[e]({{< ref \"post.md\" >}}) [f]({{< ref \"gone.md\" >}})\n"
               "[g]({% post_url 2024-01-31-hi %}) [h]({% link _posts/2024-01-31-hi.md %})\n"},
              {"content/blog/2024-01-31-hi.md", "---\ntitle: Hi\n---\n"}});
  s.build();
  EXPECT_EQ(s.output("docs/page/index.html"),
            "<p><a href=\"/docs/intro/\">a</a> <a href=\"/intro/\">b</a> <a "
            "href=\"/docs/intro/#setup\">c</a>\n<a href=\"/blog/hello/\">d</a> <a "
            "href=\"/blog/hello/\">e</a> <a href=\"gone.md\" class=\"broken-link\">f</a>\n<a "
            "href=\"/blog/2024-01-31-hi/\">g</a> <a href=\"/blog/2024-01-31-hi/\">h</a></p>\n");
  EXPECT_EQ(s.messages(),
            (Strings{"content/docs/page.md:5:57: warning: Hugo ref 'gone.md' finds no page; check "
                     "the path (from this file's folder, or from the content folder with a "
                     "leading /; the extension may be left out)"}));
}

// Pages of .markdown and .mdown files (a Jekyll blog's, a README.MD) are linked to as .md pages
// are: by their file, their name, their folder.
TEST(LinkCheck, MarkdownAndMdownPagesAreLinkedToByTheirFiles) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
              {"templates/single.html", "{{ page.content }}"},
              {"content/guide.mdown", "---\ntitle: Guide\n---\n## Setup\n"},
              {"content/trip/index.markdown", "---\ntitle: Trip\n---\n"},
              {"content/blog/post.markdown",
               "---\ntitle: Post\n---\n"
               "[g](../guide.mdown#setup) [r](../README.MD) [[guide#setup]] [[trip]] "
               "[n](../gone.markdown) [t](/trip/index.markdown)\n"},
              {"content/README.MD", "Read me."}});
  s.build();
  EXPECT_EQ(s.output("blog/post/index.html"),
            "<p><a href=\"/guide/#setup\">g</a> <a href=\"/readme/\">r</a> <a "
            "href=\"/guide/#setup\">guide#setup</a> <a href=\"/trip/\">trip</a> <a "
            "href=\"../gone.markdown\" class=\"broken-link\">n</a> <a href=\"/trip/\">t</a></p>\n");
  EXPECT_EQ(s.messages(), (Strings{"content/blog/post.markdown:4:74: warning: link to missing page "
                                   "'../gone.markdown'; check the path (relative to this file, or "
                                   "from the content folder with a leading /)"}));
}

// An HTML page (front matter, then HTML) is published as written, even where raw HTML in
// Markdown is not: its links and ids are checked and are anchors; a Markdown link to its file
// goes to its page, one to an HTML file without front matter to that file.
TEST(LinkCheck, HtmlPagesArePublishedAsWrittenAndChecked) {
  TestSite s({{"bengal.toml",
               "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
               "[markdown]\nunsafe = false\n"},
              {"templates/single.html", "{{ page.content }}"},
              {"content/about.html",
               "---\ntitle: About\n---\n<h2 id=\"team\">Team</h2>\n\n    <p>indented, "
               "<b>not code</b></p>\n<a href=\"/gone/\">x</a> <a href=\"#nope\">y</a>\n"},
              {"content/demo.html", "<p>a file</p>\n"},
              {"content/post.md",
               "[a](about.html#team) [b](about.html#zzz) [d](/demo.html) <i id=\"raw\">r</i>\n"}});
  s.build();
  EXPECT_EQ(s.output("about/index.html"),
            "<h2 id=\"team\">Team</h2>\n\n    <p>indented, <b>not code</b></p>\n<a "
            "href=\"/gone/\">x</a> <a href=\"#nope\">y</a>\n");
  EXPECT_EQ(s.output("demo.html"), "<p>a file</p>\n");
  EXPECT_EQ(s.output("post/index.html"),
            "<p><a href=\"/about/#team\">a</a> <a href=\"/about/#zzz\" "
            "class=\"broken-link\">b</a> <a href=\"/demo.html\">d</a> <!-- raw HTML omitted "
            "-->r<!-- raw HTML omitted --></p>\n");
  EXPECT_EQ(s.messages(),
            (Strings{"content/about.html:7:10: warning: link to '/gone/': the site publishes "
                     "nothing at that path (no page, and no file of static/ or content/); fix the "
                     "link, or if another server publishes it, add the path to [build] "
                     "unchecked_paths",
                     "content/about.html:7:33: warning: link to missing anchor '#nope': the page "
                     "has no element with that id; fix the anchor or give an element of the page "
                     "id=\"nope\"",
                     "content/post.md:1:26: warning: link to missing anchor 'about.html#zzz': the "
                     "page has no element with that id; fix the anchor or give an element of the "
                     "page id=\"zzz\""}));
}

TEST(LinkCheck, BrokenLinksAreReportedWithFileAndLine) {
  TestSite s(kDocs);
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Strings{});
  Strings warnings, errors;
  for (const auto& p : site::find_broken_links(site)) {
    warnings.push_back(site::describe(site, p, false).format());
    errors.push_back(site::describe(site, p, true).format());
  }
  // Markdown links of a page come before its wiki links.
  EXPECT_EQ(warnings,
            (Strings{"content/docs/intro.md:9: warning: link to missing page '../nowhere.md'; "
                     "check the path (relative to this file, or from the content folder with a "
                     "leading /)",
                     "content/docs/intro.md:8: warning: link to missing anchor 'guide#nope': the "
                     "page has no heading with that id; fix the anchor or add {#id} to a heading",
                     "content/docs/intro.md:8: warning: link to missing page 'missing'; check the "
                     "path (relative to this file, or from the content folder with a leading /)"}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[2],
            "content/docs/intro.md:8: error: link to missing page 'missing'; check the path "
            "(relative to this file, or from the content folder with a leading /)");
}

// A link written for GitHub's heading ids ("--flag" keeps its hyphens there), or with the
// heading's capitals, names the id it was meant as; either rule of ids reads the other's.
TEST(LinkCheck, AMissingAnchorNamesTheIdItWasLikelyMeantAs) {
  const Files files = {
      {"content/cli.md", "---\ntitle: CLI\n---\n## `--experimental-flag`\n\n## Setup\n"},
      {"content/links.md",
       "---\ntitle: Links\n---\n[a](cli.md#--experimental-flag) [b](cli.md#Setup) "
       "[[cli#setup-]] [c](cli.md#nothing-like-it)\n"}};
  auto meant = [](std::string_view target, std::string_view id) {
    return fmt::format(
        "link to missing anchor '{}': the page has no heading with that id, but one with the "
        "id '{}'; write that (GitHub and bengal write heading ids differently: [markdown] "
        "heading_ids chooses the rule)",
        target, id);
  };
  const std::string nothing =
      "link to missing anchor 'cli.md#nothing-like-it': the page has no heading with that id; "
      "fix the anchor or add {#id} to a heading";
  EXPECT_EQ(broken_link_warnings(files, false),
            (Strings{meant("cli.md#--experimental-flag", "experimental-flag"),
                     meant("cli.md#Setup", "setup"), nothing, meant("cli#setup-", "setup")}));
  // Under GitHub's rule the page's id is "--experimental-flag": bengal's spelling reads as it.
  Files github = files;
  github["bengal.toml"] = "[markdown]\nheading_ids = \"github\"\n";
  github["content/links.md"] =
      "---\ntitle: Links\n---\n[a](cli.md#experimental-flag) [c](cli.md#nothing-like-it)\n";
  EXPECT_EQ(broken_link_warnings(github, false),
            (Strings{meant("cli.md#experimental-flag", "--experimental-flag"), nothing}));
}

// Where raw HTML is published (the default), a link's #fragment may go to any element's id or
// an <a name>, as in a browser, and raw HTML's links are checked too; where it is not, those
// ids are not on the page, and the warning says why.
TEST(LinkCheck, RawHtmlIdsAreAnchorsWhereRawHtmlIsPublished) {
  Files files = {
      {"content/a.md",
       "---\ntitle: A\n---\n<a name=\"install\"></a>\n\n## Installing\n\n"
       "<div id=\"usage\">\n\nText [up](#install).\n\n</div>\n\n"
       "<p><a href=\"#usage\">u</a> <a href=\"/a/#%69nstall\">i</a> <a href=\"#gone\">g</a> "
       "<a href=\"?tab=2#usage\">t</a> <a href=\"?tab=2#lost\">l</a></p>\n"},
      {"content/b.md",
       "---\ntitle: B\n---\n[i](a.md#install) [u](a.md#usage) [[a#usage]] [n](a.md#nothing)\n"}};
  const std::string nothing =
      "content/b.md:4: warning: link to missing anchor 'a.md#nothing': the page has no heading "
      "with that id; fix the anchor or add {#id} to a heading";
  // Raw HTML's own links go where a browser goes, to a fragment decoded.
  EXPECT_EQ(broken_link_warnings(files, true),
            (Strings{"content/a.md:14: warning: link to missing anchor '#gone': the page has "
                     "no heading with that id; fix the anchor or add {#id} to a heading",
                     "content/a.md:14: warning: link to missing anchor '?tab=2#lost': the page "
                     "has no heading with that id; fix the anchor or add {#id} to a heading",
                     nothing}));
  files["bengal.toml"] = "[markdown]\nunsafe = false\n";
  auto unpublished = [](std::string_view at, std::string_view target) {
    return fmt::format(
        "{}: warning: link to missing anchor '{}': the page's raw HTML has an element with that "
        "id, but raw HTML is not published; set [markdown] unsafe = true to publish it, or add "
        "{{#id}} to a heading",
        at, target);
  };
  EXPECT_EQ(broken_link_warnings(files, true),
            (Strings{unpublished("content/a.md:10", "#install"),
                     unpublished("content/b.md:4", "a.md#install"),
                     unpublished("content/b.md:4", "a.md#usage"), nothing,
                     unpublished("content/b.md:4", "a#usage")}));
}

// A browser decodes a link's path before it looks for the file, and "#top" is the top of any
// page: neither is a broken link.
TEST(LinkCheck, EncodedPathsAndTheTopOfAPageResolve) {
  TestSite s({{"content/docs/my page.md", "---\ntitle: Spaced\n---\n## Part One\n"},
              {"content/docs/links.md",
               "---\ntitle: Links\n---\n[a](my%20page.md) [b](my%20page.md#part-one) "
               "[c](/docs/my%20page.md) [d](#top) [e](#TOP) [f](my%2page.md) [g](#bottom)\n"}});
  const site::Site& site = s.load();
  PageId links = site.xref.by_path("docs/links.md");
  Strings got;
  for (const char* t : {"my%20page.md", "my%20page.md#part-one", "/docs/my%20page.md", "#top",
                        "#TOP", "my%2page.md", "#bottom", "my%20page.md#part%2Done"})
    got.push_back(target(site, site.xref.resolve_link(links, t)));
  EXPECT_EQ(got,
            (Strings{"resolved docs/my page.md", "resolved docs/my page.md#part-one",
                     "resolved docs/my page.md", "resolved docs/links.md#top",
                     "resolved docs/links.md#TOP", "missing page",
                     "missing anchor docs/links.md#bottom", "resolved docs/my page.md#part-one"}));
  Strings broken;
  for (const auto& p : site::find_broken_links(site)) broken.push_back(p.target);
  EXPECT_EQ(broken, (Strings{"my%2page.md", "#bottom"}));
  // A query stays on the page's URL as written; one after the anchor is the anchor's.
  EXPECT_EQ(site.xref.resolve_link(links, "my%20page.md?tab=a%20b#part-one").query, "?tab=a%20b");
  EXPECT_EQ(site.xref.resolve_link(links, "my%20page.md?x=1").query, "?x=1");
  EXPECT_EQ(site.xref.resolve_link(links, "#part?x").query, "");
  EXPECT_EQ(site.xref.resolve_link(links, "gone.md?x=1").query, "");
  // Split before decoding, as a browser does: "%23" is part of the file name, not an anchor,
  // so this is a link to a file "my page.md#part-one", left as written.
  EXPECT_EQ(target(site, site.xref.resolve_link(links, "my%20page.md%23part-one")), "external");
}

// Each broken link's column is where its target stands on its line, read from the page file.
TEST(LinkCheck, BrokenLinksAreLocatedOnTheirLine) {
  TestSite s(kDocs);
  const site::Site& site = s.load();
  std::vector<site::LinkProblem> problems = site::find_broken_links(site);
  site::locate_columns(site, s.dir() / "content", problems);
  Strings located;
  for (const auto& p : problems)
    located.push_back(
        fmt::format("{}:{}:{} {}", site.source_path(p.page), p.line, p.column, p.target));
  // "Also [x](../nowhere.md)", "See [setup](guide.md#setup), [[guide#nope]] and [[missing]]."
  EXPECT_EQ(located, (Strings{"docs/intro.md:9:10 ../nowhere.md", "docs/intro.md:8:32 guide#nope",
                              "docs/intro.md:8:51 missing"}));
  EXPECT_EQ(site::describe(site, problems[0], false).format(),
            "content/docs/intro.md:9:10: warning: link to missing page '../nowhere.md'; check the "
            "path (relative to this file, or from the content folder with a leading /)");
  // A file gone since it was read keeps the problems without a column.
  fs::remove(s.dir() / "content/docs/intro.md");
  for (auto& p : problems) p.column = 0;
  site::locate_columns(site, s.dir() / "content", problems);
  for (const auto& p : problems) EXPECT_EQ(p.column, 0u) << p.target;
}

// A link whose text runs over lines is placed on the line of its destination; a reference
// link at its definition, where the target is written, saying which line uses it.
TEST(LinkCheck, LinksOverLinesAndReferenceLinksAreLocatedWhereTheirTargetIs) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
              {"content/a.md",
               "---\ntitle: A\n---\n"
               "As [discussed\nabove](gone.md#x), and [in the\nguide][g] and [again][g].\n"
               "\n"
               "  [g]: <lost.md>\n"}});
  s.build();
  EXPECT_EQ(s.messages(),
            (Strings{"content/a.md:5:8: warning: link to missing page 'gone.md#x'; check the path "
                     "(relative to this file, or from the content folder with a leading /)",
                     "content/a.md:8:9: warning: link to missing page 'lost.md'; check the path "
                     "(relative to this file, or from the content folder with a leading /) (the "
                     "definition of the reference link on line 5)",
                     "content/a.md:8:9: warning: link to missing page 'lost.md'; check the path "
                     "(relative to this file, or from the content folder with a leading /) (the "
                     "definition of the reference link on line 6)"}));
}

TEST(LinkCheck, ATargetIsFoundWhereItsSyntaxPutsIt) {
  // The destination, not the same text in the link's label.
  EXPECT_EQ(site::target_column("[a.md](a.md)", "a.md"), 8u);
  EXPECT_EQ(site::target_column("[x](<a b.md>)", "a b.md"), 6u);
  EXPECT_EQ(site::target_column("[ref]: gone.md \"t\"", "gone.md"), 8u);
  EXPECT_EQ(site::target_column("x [[gone|label]] gone", "gone"), 5u);
  EXPECT_EQ(site::target_column("see <gone.md>", "gone.md"), 6u);
  // Spelled otherwise in the file: found as Markdown decodes it (an entity, an escape).
  EXPECT_EQ(site::target_column("[x](a&amp;b.md)", "a&b.md"), 5u);
  EXPECT_EQ(site::target_column("[ok](ok.md) [x](<a&#95;b.md>)", "a_b.md"), 18u);
  EXPECT_EQ(site::target_column("[x](a\\_b\\(1\\).md)", "a_b(1).md"), 5u);
  EXPECT_EQ(site::target_column("[[caf&eacute;|label]]", "café"), 3u);
  EXPECT_EQ(site::target_column("[x](a&amp;c.md)", "a&b.md"), 0u);
  // Each opener's destination is read only while it agrees with the target.
  std::string openers;
  for (int i = 0; i < 100'000; ++i) openers += "](a&amp;";
  EXPECT_EQ(site::target_column(openers + "](a&amp;b.md)", "a&b.md"), 800'003u);
  // On another line: no column.
  EXPECT_EQ(site::target_column("", "a.md"), 0u);
  EXPECT_EQ(site::target_column("[x]()", ""), 0u);
}

// Bengal's other wiki forms: [[id:x]], [[!target]] and [[ext:project:target]]; each broken one
// is reported at its line, saying what to do.
TEST(LinkCheck, IdTargetAndExternalLinks) {
  TestSite s(
      {{"bengal.toml",
        "[external_refs.templates]\npy = \"https://py.example/{target}\"\n"
        "[[external_refs.indexes]]\nname = \"kida\"\nurl = \"https://k.example/xref.json\"\n"},
       {"content/a.md",
        "---\ntitle: A\nid: first\n---\n[[id:first]] [[!here]] [[ext:py:os.path]]\n"
        "[[id:none]] [[!nowhere]] [[ext:js:Array]] [[ext:kida:filters]]\n"},
       {"content/b.md", "---\ntitle: B\n---\n:::{target} here\n:::\n"}});
  const site::Site& site = s.load();
  Strings wiki;
  for (const char* t : {"id:first", "!here", "ext:py:os.path", "id:none", "!nowhere", "ext:js:x"})
    wiki.push_back(target(site, site.xref.resolve_wiki(1, t)));
  EXPECT_EQ(wiki, (Strings{"resolved a.md", "resolved b.md#here", "external", "missing page",
                           "missing page", "unknown project"}));
  Strings warnings;
  for (const auto& p : site::find_broken_links(site))
    warnings.push_back(site::describe(site, p, false).format());
  EXPECT_EQ(warnings,
            (Strings{"content/a.md:6: warning: link to missing page 'id:none': no page has the "
                     "front matter id 'none'",
                     "content/a.md:6: warning: link to missing target '!nowhere': no page has a "
                     "`target` directive 'nowhere'",
                     "content/a.md:6: warning: external link 'ext:js:Array': no URL template for "
                     "project 'js'; add it under external_refs.templates in the config, such as "
                     "js = \"https://example.org/{target}\"",
                     "content/a.md:6: warning: external link 'ext:kida:filters': project 'kida' "
                     "is resolved through the remote index https://k.example/xref.json, which "
                     "bengal does not fetch (a build reads nothing from the network); add a URL "
                     "template for it under external_refs.templates, such as kida = "
                     "\"https://example.org/{target}\""}));
}

// The link graph resolves the pages' links in parallel chunks of 1,024 pages
// (graph/link_graph.cpp): on a site of three chunks it finds the link check's broken links, in
// its order, and an edge for every link that resolved.
TEST(LinkCheck, TheLinkGraphFindsInChunksWhatTheLinkCheckFinds) {
  constexpr size_t kPages = 2600;
  Files files;
  for (size_t i = 0; i < kPages; ++i) {
    files.emplace(fmt::format("content/p{:04}.md", i),
                  fmt::format("---\ntitle: P{}\n---\n[next](p{:04}.md)\n{}", i, i + 1,
                              i % 100 == 0 ? fmt::format("\n[gone](gone-{}.md)\n", i) : ""));
  }
  TestSite s(files);
  const site::Site& site = s.load();
  std::vector<site::LinkProblem> broken;
  graph::LinkGraph g = graph::build_link_graph(site, &broken);
  EXPECT_EQ(g.link_count(), kPages - 1);
  std::vector<site::LinkProblem> expected = site::find_broken_links(site);
  ASSERT_EQ(expected.size(), 27u);  // 26 links to gone-N.md and the last page's next
  ASSERT_EQ(broken.size(), expected.size());
  for (size_t i = 0; i < broken.size(); ++i) {
    EXPECT_EQ(broken[i].page, expected[i].page) << i;
    EXPECT_EQ(broken[i].line, expected[i].line) << i;
    EXPECT_EQ(broken[i].target, expected[i].target) << i;
  }
  EXPECT_EQ(broken.front().target, "gone-0.md");
  EXPECT_EQ(broken.front().line, 6u);
  EXPECT_EQ(broken[1].target, "gone-100.md");
  EXPECT_EQ(broken.back().target, "p2600.md");
}

// A page linked to only from raw HTML (<a href>, as READMEs write) is linked to: the link is
// an edge of the graph, read as a browser reads it from the page's URL, so the page is no
// orphan and gets its rank. Raw HTML that is not published (unsafe = false) links nothing.
TEST(LinkCheck, ARawHtmlLinkToAPageIsAnEdgeOfTheGraph) {
  Files files = {
      {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://x.example/docs/\"\n"},
      {"content/a.md",
       "---\ntitle: A\n---\n<p><a href=\"../b/\">b</a> <a href=\"/docs/c\">c</a>\n"
       "<a href=\"/docs/d/?x=1#y\">d</a> <a href=\"/e/\">e</a> <a href=\"e.md\">e.md</a>\n"
       "<a href=\"https://x.example/docs/f/\">f</a> <a href=\"#top\">top</a></p>\n"},
      {"content/b.md", "---\ntitle: B\n---\nB.\n"},
      {"content/c.md", "---\ntitle: C\n---\nC.\n"},
      {"content/d.md", "---\ntitle: D\n---\n## Y\n"},
      {"content/e.md", "---\ntitle: E\n---\nE.\n"},
      {"content/f.md", "---\ntitle: F\n---\nF.\n"}};
  auto linked = [](const Files& f) {
    TestSite s(f);
    const site::Site& site = s.load();
    graph::LinkGraph g = graph::build_link_graph(site);
    PageId a = site.xref.by_path("a.md");
    Strings out;
    for (size_t i = 0; i < g.targets(a).size(); ++i)
      if (g.kinds(a)[i] == graph::EdgeKind::kLink)
        out.push_back(std::string(site.source_path(g.targets(a)[i])));
    Strings orphans;
    for (PageId p : graph::orphans(site, g)) orphans.push_back(std::string(site.source_path(p)));
    return std::make_pair(out, orphans);
  };
  auto [targets, orphans] = linked(files);
  EXPECT_EQ(targets, (Strings{"b.md", "c.md", "d.md"}));
  // "/e/" is outside the site's base path; "e.md" is a file next to /docs/a/; "f" is a link
  // to a host, as every absolute URL is.
  EXPECT_EQ(orphans, (Strings{"a.md", "e.md", "f.md"}));
  files["bengal.toml"] += "\n[markdown]\nunsafe = false\n";
  std::tie(targets, orphans) = linked(files);
  EXPECT_EQ(targets, Strings{});
  EXPECT_EQ(orphans, (Strings{"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"}));
}

TEST(LinkCheck, ASitePathNamesTheFileAStaticServerFinds) {
  EXPECT_EQ(site::output_file_of("/a/b/", ""), "a/b/index.html");
  EXPECT_EQ(site::output_file_of("/", ""), "index.html");
  EXPECT_EQ(site::output_file_of("/a/b.png?v=2#top", ""), "a/b.png");
  EXPECT_EQ(site::output_file_of("/my%20file.txt", ""), "my file.txt");
  EXPECT_EQ(site::output_file_of("/a", ""), "a");
  EXPECT_EQ(site::output_file_of("/docs/a/", "/docs"), "a/index.html");
  EXPECT_EQ(site::output_file_of("/docs", "/docs"), "index.html");
  EXPECT_EQ(site::output_file_of("/docsy/a/", "/docs"), "docsy/a/index.html");
  EXPECT_TRUE(site::is_site_link("/a/"));
  EXPECT_TRUE(site::is_site_link("a/b.png"));
  EXPECT_TRUE(site::is_site_link("../b/"));
  EXPECT_FALSE(site::is_site_link("//cdn.example.org/a.js"));
  EXPECT_FALSE(site::is_site_link("mailto:a@b.c"));
  EXPECT_FALSE(site::is_site_link(" \tJava\nScript:alert(1)"));
  EXPECT_TRUE(site::is_site_link("javascript%3Aalert(1)"));  // a file's name
  EXPECT_FALSE(site::is_site_link("#top"));
  EXPECT_FALSE(site::is_site_link("?tab=2"));
  EXPECT_FALSE(site::is_site_link(""));
}

// A site link that names no page is checked against every file the build writes: pages, list
// and term pages, site files, static and content files, aliases. A relative one goes where a
// browser on the page's URL goes. What names nothing is a warning with its line and column,
// also from a warm build.
TEST(LinkCheck, LinksToSitePathsThatNameNothingAreReported) {
  TestSite s({{"bengal.toml",
               "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
               "[build]\nunchecked_paths = [\"/api/\"]\n"},
              {"static/img/a.png", "png"},
              {"static/my file.txt", "text"},
              {"content/files/report.pdf", "pdf"},
              {"content/docs/guide.md", "---\ntitle: Guide\ntags: [go]\naliases: [/old/]\n---\n"},
              {"content/a.md",
               "---\ntitle: A\n---\n"
               "[p](/docs/guide/) [t](/tags/go/) [s](/img/a.png?v=2#x) [c](/files/report.pdf)\n"
               "[al](/old/) [f](/rss.xml) [sm](/sitemap.xml) [sp](/my%20file.txt) [d](/docs)\n"
               "[api](/api/v1/) [cdn](//cdn.example.org/x.js) [mail](mailto:a@b.c)\n"
               "[gone](/img/b.png) and [page](/docs/nope/)\n"
               "[up](../docs/guide/) [here](./) [pdf](../files/report.pdf) [no](report.pdf)\n"
               "![i](/img/a.png) ![m](/img/missing.png) ![d](data:image/png;base64,AA==)\n"}});
  s.build();
  auto warning = [](std::string_view at, std::string_view link) {
    return fmt::format(
        "content/a.md:{}: warning: link to {}: the site publishes nothing at that path (no page, "
        "and no file of static/ or content/); fix the link, or if another server publishes it, "
        "add the path to [build] unchecked_paths",
        at, link);
  };
  // a.md is served at /a/, where "report.pdf" is /a/report.pdf, not content/'s files/.
  Strings expected{warning("7:8", "'/img/b.png'"), warning("7:31", "'/docs/nope/'"),
                   warning("8:65", "'report.pdf' (from this page's URL, /a/report.pdf)"),
                   "content/a.md:9:23: warning: image '/img/missing.png': the site publishes "
                   "nothing at that path (no page, and no file of static/ or content/); fix the "
                   "image's source, or if another server publishes it, add the path to [build] "
                   "unchecked_paths"};
  EXPECT_EQ(s.messages(), expected);
  report::BuildStats warm = s.build();  // nothing rendered again: the same warnings
  EXPECT_EQ(warm.renders, 0u);
  EXPECT_EQ(s.messages(), (Strings{expected[0], expected[0], expected[1], expected[1], expected[2],
                                   expected[2], expected[3], expected[3]}));
  // The file appears: a warm build that renders nothing again no longer warns.
  write_file(s.dir() / "static/img/b.png", "png");
  warm = s.build();
  EXPECT_EQ(warm.renders, 0u);
  EXPECT_EQ(s.messages(),
            (Strings{expected[0], expected[0], expected[1], expected[1], expected[1], expected[2],
                     expected[2], expected[2], expected[3], expected[3], expected[3]}));
}

// Raw HTML in Markdown is published as written: its <a href> and <img src> are checked where
// a browser goes ("b.md" is a file next to the page's URL, not the page), with the lines and
// columns of their values. With [markdown] unsafe = false raw HTML is not published, and not
// checked.
TEST(LinkCheck, RawHtmlLinksAndImagesAreCheckedWhereABrowserGoes) {
  Files files = {{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
                 {"static/img/ok.png", "png"},
                 {"content/docs/b.md", "---\ntitle: B\n---\n"},
                 {"content/docs/a.md",
                  "---\ntitle: A\n---\n"
                  "See <a href=\"/docs/b/\">b</a> and <a href=\"/nowhere/\">no</a>.\n"
                  "\n"
                  "<p>\n"
                  "  <img alt=\"logo\"\n"
                  "       src=\"/img/gone.png\"> <img src='/img/ok.png'>\n"
                  "  <a href=\"b.md\">b</a> <a href=\"../b/#x\">up</a> <a href=\"#top\">top</a>\n"
                  "  <!-- <a href=\"/commented/\">c</a> -->\n"
                  "  <picture><source srcset=\"/img/dark.png 1x, /img/ok.png 2x\"></picture>\n"
                  "  <video src=\"/media/gone.mp4\"><track src=\"/img/ok.png\"></video>\n"
                  "  <iframe src=\"/docs/b/\"></iframe><iframe src=\"/demo/\"></iframe>\n"
                  "  <link rel=\"stylesheet\" href=\"/css/gone.css\"><script src=\"/img/ok.png\">"
                  "</script>\n"
                  "</p>\n"}};
  TestSite s(files);
  s.build();
  auto warning = [](std::string_view at, std::string_view what, std::string_view fix) {
    return fmt::format(
        "content/docs/a.md:{}: warning: {}: the site publishes nothing at that path (no page, "
        "and no file of static/ or content/); fix the {}, or if another server publishes it, "
        "add the path to [build] unchecked_paths",
        at, what, fix);
  };
  EXPECT_EQ(s.messages(),
            (Strings{warning("4:43", "link to '/nowhere/'", "link"),
                     warning("8:13", "image '/img/gone.png'", "image's source"),
                     warning("9:12", "link to 'b.md' (from this page's URL, /docs/a/b.md)", "link"),
                     // A page's fragment is checked as a Markdown link's anchor is.
                     "content/docs/a.md:9:33: warning: link to missing anchor '../b/#x': the "
                     "page has no heading with that id; fix the anchor or add {#id} to a heading",
                     warning("11:28", "image '/img/dark.png'", "image's source"),
                     warning("12:15", "media file '/media/gone.mp4'", "element's src"),
                     // What a page embeds or loads: any file the site publishes, a page too.
                     warning("13:48", "embedded file '/demo/'", "element's URL"),
                     warning("14:32", "embedded file '/css/gone.css'", "element's URL")}));

  files["bengal.toml"] += "\n[markdown]\nunsafe = false\n";
  TestSite safe(files);
  safe.build();
  EXPECT_EQ(safe.messages(), Strings{});
}

// The files of video and audio directives and a video's poster are checked as images are.
TEST(LinkCheck, VideoAndAudioFilesAreChecked) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
              {"static/media/ok.mp4", "mp4"},
              {"content/talks/index.md",
               "---\ntitle: Talks\n---\n"
               ":::{video} /media/ok.mp4\n:title: Ok\n:poster: /img/gone.jpg\n:::\n\n"
               ":::{audio} talk.mp3\n:title: Talk\n:::\n\n"
               ":::{video} https://cdn.example.org/x.mp4\n:title: Elsewhere\n:::\n"},
              {"content/talks/other.mp3", "mp3"}});
  s.build();
  EXPECT_EQ(
      s.messages(),
      (Strings{"content/talks/index.md:6:10: warning: image '/img/gone.jpg': the site "
               "publishes nothing at that path (no page, and no file of static/ or content/); "
               "fix the image's source, or if another server publishes it, add the path to "
               "[build] unchecked_paths",
               "content/talks/index.md:9:12: warning: media file 'talk.mp3' (from this "
               "page's URL, /talks/talk.mp3): the site publishes nothing at that path (no "
               "page, and no file of static/ or content/); fix the directive's path, or if "
               "another server publishes it, add the path to [build] unchecked_paths"}));
  write_file(s.dir() / "content/talks/talk.mp3", "mp3");  // the bundle's file, at /talks/
  s.build();
  EXPECT_EQ(s.messages().size(), 3u);  // the poster's warning, from this build too
}

TEST(LinkCheck, SitePathsBelowTheBasePathAreCheckedFromThere) {
  TestSite s({{"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/docs/\"\n"},
              {"static/img/a.png", "png"},
              {"content/a.md", "---\ntitle: A\n---\n[s](/docs/img/a.png) [n](/docs/img/n.png)\n"}});
  s.build();
  EXPECT_EQ(s.messages(),
            Strings{"content/a.md:4:26: warning: link to '/docs/img/n.png': the site publishes "
                    "nothing at that path (no page, and no file of static/ or content/); fix the "
                    "link, or if another server publishes it, add the path to [build] "
                    "unchecked_paths"});
}

// A site-root path in Markdown is the site's, as the check reads it: on a site published below
// "/docs" an image, a link to a file, a figure's image and a video's file and poster get the
// base path, as pages' URLs do; not a path that has it already, nor one another server
// publishes. Raw HTML is published as written: a site-root path outside the base path is
// reported, with the path to write.
TEST(LinkCheck, SiteRootFilePathsGetTheBasePath) {
  TestSite s(
      {{"bengal.toml",
        "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/docs/\"\n"
        "[build]\nunchecked_paths = [\"/api/\"]\n"},
       {"templates/single.html", "{{ page.content }}"},
       {"static/img/a.png", "png"},
       {"static/media/v.mp4", "mp4"},
       {"content/b.md", "---\ntitle: B\n---\n"},
       {"content/a.md",
        "---\ntitle: A\n---\n"
        "![i](/img/a.png) ![j](/docs/img/a.png) [f](/img/a.png?v=2#x) [api](/api/v1) "
        "[b](/b/) [c](b.md) [r](img/a.png)\n\n"
        ":::{figure} /img/a.png\n:alt: F\n:::\n\n"
        ":::{video} /media/v.mp4\n:title: V\n:poster: /img/a.png\n:::\n\n"
        "<img src=\"/img/a.png\"> <img src=\"/docs/img/a.png\"> <a href=\"../b/\">b</a>\n"}});
  s.build();
  std::string html = s.output("a/index.html");
  EXPECT_EQ(
      html.substr(0, html.find("</p>")),
      "<p><img src=\"/docs/img/a.png\" alt=\"i\" /> <img src=\"/docs/img/a.png\" alt=\"j\" /> "
      "<a href=\"/docs/img/a.png?v=2#x\">f</a> <a href=\"/api/v1\">api</a> <a "
      "href=\"/docs/b/\">b</a> <a href=\"/docs/b/\">c</a> <a href=\"img/a.png\">r</a>");
  for (const char* part : {"<img src=\"/docs/img/a.png\" alt=\"F\"", "poster=\"/docs/img/a.png\"",
                           "<source src=\"/docs/media/v.mp4\"",
                           "<img src=\"/img/a.png\"> <img src=\"/docs/img/a.png\">"})
    EXPECT_NE(html.find(part), std::string::npos) << part;
  EXPECT_EQ(s.messages(),
            (Strings{"content/a.md:4:100: warning: link to 'img/a.png' (from this page's URL, "
                     "/docs/a/img/a.png): the site publishes nothing at that path (no page, and "
                     "no file of static/ or content/); fix the link, or if another server "
                     "publishes it, add the path to [build] unchecked_paths",
                     "content/a.md:15:11: warning: image '/img/a.png': the site is published "
                     "below /docs/, and raw HTML is published as written, so this path is outside "
                     "it; write '/docs/img/a.png' or a relative path"}));
}

TEST(LinkCheck, UncheckedPathsMustBeSitePaths) {
  TestSite s({{"bengal.toml",
               "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"
               "[build]\nunchecked_paths = [\"api/\"]\n"},
              {"content/a.md", "---\ntitle: A\n---\n[api](/api/)\n"}});
  s.build();
  Strings messages = s.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "bengal.toml:5:19: warning: [build] unchecked_paths must be a list of site paths, "
            "such as [\"/api/\"]; it is ignored");
  EXPECT_TRUE(messages[1].starts_with("content/a.md:4:7: warning: link to '/api/'")) << messages[1];
}

}  // namespace
}  // namespace bengal::test
