// The site's directive host (site_directive_host.hpp) on sites written in the test: where
// includes are found and what is refused (outside the site, hidden, too large), a section's
// children in display order with their fields, the glossary and its one error; and roles in a
// built page, with their warnings at file lines.
#include "bengal/pipeline/site_directive_host.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "../support/site_fixture.hpp"
#include "bengal/markdown/icons.hpp"

namespace bengal::test {
namespace {

namespace fs = std::filesystem;
using markdown::ChildEntry;
using markdown::ChildKinds;
using markdown::GlossaryTerm;
using markdown::IncludedFile;
using Strings = std::vector<std::string>;

// What one include gives: "key|text", or "error: message".
std::string include(const pipeline::SiteDirectiveHost& host, std::string_view path,
                    std::string_view from = "") {
  IncludedFile file;
  std::string error;
  if (!host.read_include(from, path, file, error)) return "error: " + error;
  return file.key + "|" + file.text;
}

const Files kIncludeSite = {
    {"content/docs/a.md", "---\ntitle: A\n---\n"},
    {"content/top.md", "---\ntitle: Top\n---\n"},
    {"content/docs/_snippets/s.md", "docs snippet"},
    {"content/docs/_snippets/t.md", "beside s"},
    {"content/docs/x.md", "docs x"},
    {"content/x.md", "content x"},
    {"content/_snippets/c.md", "content snippet"},
    {"snippets/root.md", "root snippet"},
    {"t.md", "root t"},
    {".env", "SECRET=1"},
    {".git/config", "[core]"},
};

struct IncludeHost {
  explicit IncludeHost(Files files = kIncludeSite)
      : site(std::move(files)), loaded(site.load()), shared(loaded, site.dir(), diagnostics) {}
  pipeline::SiteDirectiveHost page(std::string_view source) const {
    return {shared, loaded.xref.by_path(source)};
  }
  TestSite site;
  const site::Site& loaded;
  Diagnostics diagnostics;
  pipeline::SiteDirectives shared;
};

TEST(DirectiveHost, IncludesAreFoundBesideThePageThenInContentThenAtTheRoot) {
  IncludeHost h;
  auto a = h.page("docs/a.md");
  EXPECT_EQ(include(a, "_snippets/s.md"), "content/docs/_snippets/s.md|docs snippet");
  EXPECT_EQ(include(a, "x.md"), "content/docs/x.md|docs x");
  EXPECT_EQ(include(a, "_snippets/c.md"), "content/_snippets/c.md|content snippet");
  EXPECT_EQ(include(a, "snippets/root.md"), "snippets/root.md|root snippet");
  EXPECT_EQ(include(a, "./_snippets/../x.md"), "content/docs/x.md|docs x");
  EXPECT_EQ(include(a, "../x.md"), "content/x.md|content x");
  // From an included file, its own folder comes first.
  EXPECT_EQ(include(a, "t.md", "content/docs/_snippets/s.md"),
            "content/docs/_snippets/t.md|beside s");
  EXPECT_EQ(include(a, "t.md"), "t.md|root t");
  // Markdown of no page starts in content/.
  pipeline::SiteDirectiveHost none(h.shared, kNoPage);
  EXPECT_EQ(include(none, "x.md"), "content/x.md|content x");
  EXPECT_EQ(h.diagnostics.sorted().size(), 0u);
}

TEST(DirectiveHost, AMissingIncludeSaysWhereItLooked) {
  IncludeHost h;
  EXPECT_EQ(include(h.page("docs/a.md"), "none.md"),
            "error: include 'none.md' not found: looked in content/docs/, content/ and the site "
            "root; check the path");
  EXPECT_EQ(include(h.page("top.md"), "none.md"),
            "error: include 'none.md' not found: looked in content/ and the site root; check the "
            "path");
  EXPECT_EQ(include(h.page("docs/a.md"), "none.md", "snippets/root.md"),
            "error: include 'none.md' not found: looked in snippets/, content/ and the site root; "
            "check the path");
  EXPECT_EQ(include(h.page("docs/a.md"), ""),
            "error: include needs the path of a file: write it after the directive name, as in "
            ":::{include} _snippets/note.md");
  EXPECT_EQ(include(h.page("docs/a.md"), "_snippets"),
            "error: cannot read include '_snippets' (content/docs/_snippets): is a directory");
}

TEST(DirectiveHost, IncludesNeverLeaveTheSite) {
  IncludeHost h;
  auto top = h.page("top.md");
  fs::path secret = h.site.dir().parent_path() / (h.site.dir().filename().string() + "-secret");
  write_file(secret, "outside");
  std::string climb = "../../" + secret.filename().string();
  EXPECT_EQ(
      include(top, climb),
      "error: include '" + climb + "' leads outside the site folder; include only files inside it");
  // Relative to content/, "../secret" is the site root's "secret", which is not there.
  EXPECT_EQ(include(top, "../secret"),
            "error: include '../secret' not found: looked in content/ and the site root; check "
            "the path");
  EXPECT_EQ(include(top, "/etc/passwd"),
            "error: include '/etc/passwd' is an absolute path; write it relative to the page's "
            "folder, content/ or the site root");
  fs::create_symlink(secret, h.site.dir() / "content/out.md");
  EXPECT_EQ(include(top, "out.md"),
            "error: include 'out.md' (content/out.md) is a symlink that leads outside the site "
            "folder; include only files inside it, or set [build] follow_external_symlinks = "
            "true");
  fs::create_symlink(h.site.dir().parent_path(), h.site.dir() / "content/up");
  EXPECT_EQ(include(top, "up/" + secret.filename().string()),
            "error: include 'up/" + secret.filename().string() + "' (content/up/" +
                secret.filename().string() +
                ") is a symlink that leads outside the site folder; include only files inside "
                "it, or set [build] follow_external_symlinks = true");
  fs::create_symlink("loop.md", h.site.dir() / "content/loop.md");
  EXPECT_EQ(include(top, "loop.md"),
            "error: cannot read include 'loop.md' (content/loop.md): Too many levels of symbolic "
            "links");
  const std::string hidden =
      " is a hidden file or leads to one; include only files that are not hidden";
  EXPECT_EQ(include(top, "../.env"), "error: include '../.env' (.env)" + hidden);
  fs::create_symlink("../.git/config", h.site.dir() / "content/config.md");
  EXPECT_EQ(include(top, "config.md"), "error: include 'config.md' (content/config.md)" + hidden);
  // A symlink inside the site is followed.
  fs::create_symlink("_snippets/c.md", h.site.dir() / "content/alias.md");
  EXPECT_EQ(include(top, "alias.md"), "content/alias.md|content snippet");
}

TEST(DirectiveHost, ExternalSymlinksAreFollowedWhenTheSiteAllowsThem) {
  Files files = kIncludeSite;
  files["bengal.toml"] = std::string(kTestConfig) + "\n[build]\nfollow_external_symlinks = true\n";
  IncludeHost h(files);
  fs::path secret = h.site.dir().parent_path() / (h.site.dir().filename().string() + "-shared");
  write_file(secret, "shared text");
  fs::create_symlink(secret, h.site.dir() / "content/shared.md");
  EXPECT_EQ(include(h.page("top.md"), "shared.md"), "content/shared.md|shared text");
  // A written path still may not climb out.
  EXPECT_EQ(include(h.page("top.md"), "../../x"),
            "error: include '../../x' leads outside the site folder; include only files inside "
            "it");
}

TEST(DirectiveHost, IncludesAreAtMostOneMebibyte) {
  Files files = kIncludeSite;
  files["content/full.md"] = std::string(markdown::kMaxIncludeBytes, 'x');
  files["content/big.md"] = std::string(markdown::kMaxIncludeBytes + 1, 'x');
  IncludeHost h(files);
  IncludedFile file;
  std::string error;
  EXPECT_TRUE(h.page("top.md").read_include("", "full.md", file, error)) << error;
  EXPECT_EQ(file.text.size(), markdown::kMaxIncludeBytes);
  EXPECT_EQ(include(h.page("top.md"), "big.md"),
            "error: include 'big.md' (content/big.md) is larger than 1 MiB, the limit for an "
            "included file; split it into smaller files");
}

const Files kChildrenSite = {
    {"content/_index.md", "---\ntitle: Home\n---\n"},
    {"content/about.md", "---\ntitle: About\n---\n"},
    {"content/docs/_index.md", "---\ntitle: Docs\n---\n"},
    {"content/docs/a.md", "---\ntitle: A\nweight: 2\ndescription: All about A.\n---\n"},
    {"content/docs/b.md",
     "---\ntitle: B\nweight: 1\nicon: book\n---\nFirst sentence here. Then more!\n"},
    {"content/docs/c.md", "---\ntitle: C\n---\nNo end in sight\n"},
    {"content/docs/guide/_index.md",
     "---\ntitle: Guide\nweight: 3\nicon: code\ndescription: Step by step.\n---\n"},
    {"content/docs/api/_index.md", "---\ntitle: API\n---\nv1.2 is out. Read on.\n"},
};

TEST(DirectiveHost, ChildrenAreTheSectionsChildrenInDisplayOrder) {
  TestSite s(kChildrenSite);
  const site::Site& site = s.load();
  Diagnostics diagnostics;
  pipeline::SiteDirectives shared(site, s.dir(), diagnostics);
  pipeline::SiteDirectiveHost docs(shared, site.xref.by_path("docs/_index.md"));
  ChildEntry b{"B", "/docs/b/", "First sentence here.", "book", false};
  ChildEntry a{"A", "/docs/a/", "All about A.", "", false};
  ChildEntry guide{"Guide", "/docs/guide/", "Step by step.", "code", true};
  ChildEntry api{"API", "/docs/api/", "v1.2 is out.", "", true};
  ChildEntry c{"C", "/docs/c/", "No end in sight", "", false};
  // Weighted first (lowest first), then by title; sections and pages together.
  EXPECT_EQ(docs.children(ChildKinds::kAll), (std::vector<ChildEntry>{b, a, guide, api, c}));
  EXPECT_EQ(docs.children(ChildKinds::kPages), (std::vector<ChildEntry>{b, a, c}));
  EXPECT_EQ(docs.children(ChildKinds::kSections), (std::vector<ChildEntry>{guide, api}));
  // A regular page lists its section's children, itself left out.
  pipeline::SiteDirectiveHost page_a(shared, site.xref.by_path("docs/a.md"));
  EXPECT_EQ(page_a.children(ChildKinds::kAll), (std::vector<ChildEntry>{b, guide, api, c}));
  pipeline::SiteDirectiveHost home(shared, site.home);
  EXPECT_EQ(home.children(ChildKinds::kAll),
            (std::vector<ChildEntry>{{"About", "/about/", "", "", false},
                                     {"Docs", "/docs/", "", "", true}}));
  pipeline::SiteDirectiveHost none(shared, kNoPage);
  EXPECT_EQ(none.children(ChildKinds::kAll), std::vector<ChildEntry>{});
}

TEST(DirectiveHost, FirstSentenceEndsAtPunctuationBeforeASpace) {
  EXPECT_EQ(pipeline::first_sentence("One. Two."), "One.");
  EXPECT_EQ(pipeline::first_sentence("Use v1.2 now? Yes"), "Use v1.2 now?");
  EXPECT_EQ(pipeline::first_sentence("No end"), "No end");
  EXPECT_EQ(pipeline::first_sentence(""), "");
}

TEST(DirectiveHost, GlossaryTermsInFileOrder) {
  TestSite s({{"content/a.md", "---\ntitle: A\n---\n"},
              {"data/glossary.yaml",
               "terms:\n"
               "  - term: Section\n    definition: A folder with an *_index.md*.\n"
               "    tags: [content, structure]\n"
               "  - term: Bundle\n    definition: A page with its files.\n    tags: content\n"
               "  - term: Alias\n    definition: An old URL.\n"}});
  const site::Site& site = s.load();
  Diagnostics diagnostics;
  pipeline::SiteDirectives shared(site, s.dir(), diagnostics);
  pipeline::SiteDirectiveHost host(shared, kNoPage);
  EXPECT_EQ(host.glossary(),
            (std::vector<GlossaryTerm>{
                {"Section", "A folder with an *_index.md*.", {"content", "structure"}},
                {"Bundle", "A page with its files.", {"content"}},
                {"Alias", "An old URL.", {}}}));
  EXPECT_EQ(&host.glossary(), &shared.glossary());
  EXPECT_EQ(diagnostics.sorted().size(), 0u);
}

TEST(DirectiveHost, AMalformedGlossaryIsOneErrorWhateverTheThreads) {
  TestSite s({{"content/a.md", "---\ntitle: A\n---\n"},
              {"data/glossary.yaml",
               "# the site's words\n"
               "terms:\n"
               "  - term: Good\n    definition: Kept.\n"
               "  - definition: No term.\n"
               "  - just text\n"
               "  - term: Tagged\n    definition: Bad tags.\n    tags: {a: 1}\n"}});
  const site::Site& site = s.load();
  Diagnostics diagnostics;
  pipeline::SiteDirectives shared(site, s.dir(), diagnostics);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] { pipeline::SiteDirectiveHost(shared, kNoPage).glossary(); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(shared.glossary(), (std::vector<GlossaryTerm>{{"Good", "Kept.", {}}}));
  ASSERT_EQ(diagnostics.sorted().size(), 1u);
  EXPECT_EQ(diagnostics.sorted()[0].format(),
            "data/glossary.yaml:2:1: error: glossary entry 2 has no `term:` text (3 entries "
            "skipped); give every entry of `terms:` a `term:` and a `definition:` (and "
            "optionally `tags:`)");
}

TEST(DirectiveHost, AGlossaryWithoutTermsIsAnErrorAndASyntaxErrorIsLoadDatas) {
  {
    TestSite s(
        {{"content/a.md", "---\ntitle: A\n---\n"}, {"data/glossary.yaml", "words:\n  - a\n"}});
    Diagnostics diagnostics;
    pipeline::SiteDirectives shared(s.load(), s.dir(), diagnostics);
    EXPECT_EQ(shared.glossary(), std::vector<GlossaryTerm>{});
    ASSERT_EQ(diagnostics.sorted().size(), 1u);
    EXPECT_EQ(diagnostics.sorted()[0].format(),
              "data/glossary.yaml:1:1: error: the glossary has no `terms:` list; give every "
              "entry of `terms:` a `term:` and a `definition:` (and optionally `tags:`)");
  }
  TestSite s({{"content/a.md", "---\ntitle: A\n---\n"}, {"data/glossary.yaml", "terms: [\n"}});
  Diagnostics diagnostics;
  pipeline::SiteDirectives shared(s.load(), s.dir(), diagnostics);
  EXPECT_EQ(shared.glossary(), std::vector<GlossaryTerm>{});
  EXPECT_EQ(diagnostics.sorted().size(), 0u);  // load_data reported it, once
  ASSERT_EQ(s.messages().size(), 1u);
  EXPECT_TRUE(s.messages()[0].starts_with("data/glossary.yaml:")) << s.messages()[0];
}

TEST(DirectiveHost, ABuiltPageRendersRolesAndReportsTheirWarningsAtFileLines) {
  TestSite s({{"templates/single.html", "{{ page.content }}"},
              {"content/a.md", "---\ntitle: A\n---\nPress {kbd}`Ctrl+C`.\n\nAn {icon}`nope`.\n"}});
  s.build();
  EXPECT_EQ(s.output("a/index.html"), "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.</p>\n<p>An .</p>\n");
  std::string names;
  for (std::string_view n : markdown::icon_names()) {
    names += ' ';
    names += n;
  }
  EXPECT_EQ(
      s.messages(),
      Strings{"content/a.md:6:4: warning: unknown icon 'nope' in {icon}; use one of:" + names});
}

// Hugo's param: the page's front matter param (a dotted path), else the site's [params], in a
// line or alone on it, escaped; a missing one is a warning at the call; a site's own template
// of that name wins.
TEST(DirectiveHost, HugosParamReadsThePageThenTheSite) {
  Files files = {{"bengal.toml",
                  "[site]\nbaseurl = \"https://example.org/\"\n[params]\nversion = "
                  "\"2.1\"\n[params.author]\nname = \"Ann\"\n"},
                 {"templates/single.html", "{{ page.content }}"},
                 {"content/a.md",
                  "---\ntitle: A\nversion: \"<3.0>\"\n---\nVersion "
                  "{{< param \"version\" >}} by {{< param author.name >}}.\n\n"
                  "{{< param \"nope\" >}}\n"},
                 {"content/b.md", "---\ntitle: B\n---\nVersion {{< param version >}}.\n"}};
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.output("a/index.html"), "<p>Version &lt;3.0&gt; by Ann.</p>\n");
  EXPECT_EQ(s.output("b/index.html"), "<p>Version 2.1.</p>\n");
  EXPECT_EQ(s.messages(),
            Strings{"content/a.md:7:1: warning: shortcode 'param': neither the page's front "
                    "matter nor the site's [params] has 'nope'; add it to one of them"});
  files["templates/shortcodes/param.html"] = "[{{ args[0] }}]";
  TestSite own(files);
  own.build();
  EXPECT_EQ(own.output("b/index.html"), "<p>Version [version].</p>\n");
}

// Zola's Markdown shortcode, NAME.md: its output is Markdown, rendered where the call stands
// (inside a line of text, one paragraph without its <p>); NAME.html wins over it.
TEST(DirectiveHost, ZolasMarkdownShortcodesRenderTheirOutputAsMarkdown) {
  TestSite s({{"templates/single.html", "{{ page.content }}"},
              {"templates/shortcodes/note.md", "**{{ title }}**: {{ body }}"},
              {"templates/shortcodes/both.md", "*md*"},
              {"templates/shortcodes/both.html", "<b>html</b>"},
              {"content/a.md",
               "---\ntitle: A\n---\nSee {{ note(title=\"T\") }} now.\n\n"
               "{% note(title=\"B\") %}\nBody *b*\n{% end %}\n\n{{ both() }}\n"}});
  s.build();
  EXPECT_EQ(s.output("a/index.html"),
            "<p>See <strong>T</strong>: now.</p>\n<p><strong>B</strong>: Body <em>b</em></p>\n"
            "<b>html</b>\n");
}

// A Jekyll include the site has a template of: Liquid's include.key reads the same in Jinja2.
TEST(DirectiveHost, AJekyllIncludeRendersTheSitesTemplateWithInclude) {
  TestSite s(
      {{"templates/single.html", "{{ page.content }}"},
       {"templates/shortcodes/note.html", "<div class=\"note\">{{ include.content }}</div>"},
       {"content/a.md", "---\ntitle: A\n---\n{% include note.html content=\"Hi <b>\" %}\n"}});
  s.build();
  EXPECT_EQ(s.output("a/index.html"), "<div class=\"note\">Hi &lt;b&gt;</div>\n");
}

}  // namespace
}  // namespace bengal::test
