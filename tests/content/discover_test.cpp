#include "bengal/content/discover.hpp"

#include <sys/stat.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::content {
namespace {

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = test::fresh_temp_dir(); }
  void files(const test::Files& files) { test::write_files(root_, files); }
  DiscoveredSite discover(bool drafts = false) {
    DiscoverOptions o;
    o.content_dir = root_;
    o.include_drafts = drafts;
    o.home_title = "Site";
    o.now_epoch_seconds = now_;
    return discover_pages(o, diagnostics_);
  }
  std::vector<std::string> messages() { return test::formatted(diagnostics_.sorted()); }
  // "source URL title kind", and " bundle" for a bundle, of each page in id order.
  static std::vector<std::string> rows(const PageTable& t) {
    std::vector<std::string> out;
    for (const auto& p : t.pages) {
      out.push_back(fmt::format("{} {} {} {}{}", t.str(p.source_path), t.str(p.url), t.str(p.title),
                                static_cast<int>(p.kind), p.is_bundle ? " bundle" : ""));
    }
    return out;
  }
  static std::vector<std::string> strings(const PageTable& t, StrRange r) {
    std::vector<std::string> out;
    for (StrId id : t.list(r)) out.emplace_back(t.str(id));
    return out;
  }
  fs::path root_;
  int64_t now_ = 0;  // the clock of the publishing window
  Diagnostics diagnostics_;
};

TEST_F(DiscoverTest, IdsFollowSortedPathsAndSectionsAreGenerated) {
  files({{"b/page.md", "---\ntitle: B page\n---\nbody"},
         {"a/_index.md", "---\ntitle: Section A\n---\n"},
         {"a/one.md", "one two three"},
         {"top.md", "+++\ntitle = \"Top\"\n+++\n"}});
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  std::vector<std::string> paths, urls, titles;
  for (const auto& p : t.pages) {
    paths.emplace_back(t.str(p.source_path));
    urls.emplace_back(t.str(p.url));
    titles.emplace_back(t.str(p.title));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"_index.md", "a/_index.md", "a/one.md", "b/_index.md",
                                             "b/page.md", "top.md"}));
  EXPECT_EQ(urls, (std::vector<std::string>{"/", "/a/", "/a/one/", "/b/", "/b/page/", "/top/"}));
  EXPECT_EQ(titles, (std::vector<std::string>{"Site", "Section A", "One", "B", "B page", "Top"}));
  EXPECT_TRUE(t.pages[0].generated);
  EXPECT_EQ(t.pages[0].kind, PageKind::kHome);
  EXPECT_FALSE(t.pages[1].generated);
  EXPECT_TRUE(t.pages[3].generated);
  EXPECT_EQ(t.pages[2].section, 1u);  // a/one.md belongs to a/_index.md
  EXPECT_EQ(t.pages[1].section, 0u);  // sections belong to their parent, here home
  EXPECT_EQ(t.pages[5].section, 0u);
  EXPECT_EQ(t.pages[2].word_count, 3u);
  EXPECT_EQ(t.str(t.pages[2].summary), "one two three");
  EXPECT_TRUE(messages().empty());
}

// Files for include and literalinclude live under a name starting with '_': never a page, never
// copied; a section's _index.md still is its page.
TEST_F(DiscoverTest, FilesUnderAnUnderscoreNameAreNotPublished) {
  files({{"docs/_index.md", "---\ntitle: Docs\n---\n"},
         {"docs/page.md", "---\ntitle: Page\n---\n"},
         {"docs/_snippets/steps.md", "Steps."},
         {"docs/_snippets/code.py", "print(1)"},
         {"docs/_note.md", "Note."},
         {"_shared/_index.md", "---\ntitle: Shared\n---\n"},
         {"_shared/a.md", "A."},
         {"docs/logo_small.svg", "<svg/>"}});
  DiscoveredSite s = discover();
  std::vector<std::string> paths;
  for (const auto& p : s.table.pages) paths.emplace_back(s.table.str(p.source_path));
  EXPECT_EQ(paths, (std::vector<std::string>{"_index.md", "docs/_index.md", "docs/page.md"}));
  EXPECT_EQ(s.content_files, (std::vector<std::string>{"docs/logo_small.svg"}));
  EXPECT_TRUE(messages().empty());
}

TEST_F(DiscoverTest, AFrontMatterSummaryIsCappedInBytesOnACharacterBoundary) {
  // 2,047 ASCII bytes, then two-byte characters: the cap (2,048) falls inside the first one.
  std::string word = std::string(2047, 'a') + "\xC3\xA9\xC3\xA9";
  files({{"big.md", "---\nsummary: " + word + "\n---\nbody\n"}});
  DiscoveredSite s = discover();
  EXPECT_EQ(s.table.str(s.table.pages[1].summary), std::string(2047, 'a'));
  EXPECT_TRUE(messages().empty());
}

TEST_F(DiscoverTest, BundlesOwnTheirFilesAndOtherFilesAreCopied) {
  files({{"blog/trip/index.md", "---\ntitle: Trip\nslug: journey\n---\n![p](p.png)"},
         {"blog/trip/p.png", "PNG"},
         {"blog/trip/notes.txt", "a resource"},
         {"blog/trip/sub/x.txt", "x"},
         {"blog/loose.pdf", "pdf"},
         {".hidden/secret.md", "no"},
         {"blog/.draft.md", "no"}});
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  ASSERT_EQ(t.pages.size(), 3u);  // home, blog section, trip
  const PageMeta& trip = t.pages[2];
  EXPECT_TRUE(trip.is_bundle);
  EXPECT_EQ(t.str(trip.url), "/blog/journey/");
  std::vector<std::string> res;
  for (StrId r : t.list(t.extras_of(trip).resources)) res.emplace_back(t.str(r));
  EXPECT_EQ(res, (std::vector<std::string>{"blog/trip/notes.txt", "blog/trip/p.png",
                                           "blog/trip/sub/x.txt"}));
  EXPECT_EQ(s.content_files, std::vector<std::string>{"blog/loose.pdf"});
  EXPECT_EQ(t.str(t.pages[2].dir), "blog");
}

// Bengal's reading of index.md: content/index.md is the home page, and a folder's index.md
// with other pages beside or below it is the folder's page, as _index.md would be; when both
// are there, _index.md is the page and the index.md is reported.
TEST_F(DiscoverTest, IndexMdIsTheHomeOrTheSectionPage) {
  files({{"index.md", "---\ntitle: Welcome\n---\nHome text."},
         {"docs/index.md", "---\ntitle: Docs\n---\n"},
         {"docs/a.md", "---\ntitle: A\n---\n"},
         {"both/_index.md", "---\ntitle: Both\n---\n"},
         {"both/index.md", "---\ntitle: Loser\n---\n"},
         {"both/b.md", "B."},
         {"trip/index.md", "---\ntitle: Trip\n---\n"}});
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  EXPECT_EQ(rows(t), (std::vector<std::string>{
                         "both/_index.md /both/ Both 1", "both/b.md /both/b/ B 0",
                         "docs/a.md /docs/a/ A 0", "docs/index.md /docs/ Docs 1",
                         "index.md / Welcome 2", "trip/index.md /trip/ Trip 0 bundle"}));
  EXPECT_EQ(t.pages[1].section, 0u);  // both/b.md belongs to both/_index.md
  EXPECT_EQ(t.pages[2].section, 3u);  // docs/a.md to docs/index.md
  EXPECT_EQ(t.pages[3].section, 4u);  // docs/index.md to the home page
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "content/both/index.md: warning: content/both/_index.md and "
                            "content/both/index.md are both the page of both/; "
                            "content/both/_index.md is used and this file is not published: "
                            "merge them into one"}));
}

// Hugo and Bengal read .markdown (Hugo .mdown too) as they read .md, in any case: a Jekyll
// blog's posts, a README.MD. Each such name plays every part an .md does: a page, a section's
// _index, a bundle's or a folder's index.
TEST_F(DiscoverTest, MarkdownAndMdownFilesInAnyCaseArePages) {
  files({{"blog/2024-01-01-welcome.markdown", "---\ntitle: Welcome\n---\nHi."},
         {"blog/_index.Markdown", "---\ntitle: Blog\n---\n"},
         {"notes/old-note.mdown", "An old note."},
         {"README.MD", "Read me."},
         {"trip/index.markdown", "---\ntitle: Trip\n---\n"},
         {"trip/p.png", "PNG"},
         {"guide/index.MD", "---\ntitle: Guide\n---\n"},
         {"guide/_index.markdown", "---\ntitle: Guide section\n---\n"},
         {"guide/a.md", "A."},
         {"_snippets/note.markdown", "included only"},
         {"data.markdown.txt", "a file"},
         {"notes.cmd", "a file"}});
  now_ = 1'735'689'600;  // 2025: the post is dated by its name
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  EXPECT_EQ(rows(t), (std::vector<std::string>{
                         "README.MD /readme/ README 0", "_index.md / Site 2",
                         "blog/2024-01-01-welcome.markdown /blog/2024-01-01-welcome/ Welcome 0",
                         "blog/_index.Markdown /blog/ Blog 1",
                         "guide/_index.markdown /guide/ Guide section 1",
                         "guide/a.md /guide/a/ A 0", "notes/_index.md /notes/ Notes 1",
                         "notes/old-note.mdown /notes/old-note/ Old Note 0",
                         "trip/index.markdown /trip/ Trip 0 bundle"}));
  EXPECT_EQ(s.content_files, (std::vector<std::string>{"data.markdown.txt", "notes.cmd"}));
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "content/guide/index.MD: warning: content/guide/_index.markdown and "
                            "content/guide/index.MD are both the page of guide/; "
                            "content/guide/_index.markdown is used and this file is not "
                            "published: merge them into one"}));
}

// Hugo's HTML content: an .html or .htm file that starts with front matter is a page, its
// body scanned as HTML (the words a browser shows, its links and ids); one without front matter
// is a file, copied as it is, and an include-only one stays unpublished. A draft is left out,
// never copied with its front matter for all to read.
TEST_F(DiscoverTest, HtmlFilesWithFrontMatterArePages) {
  files({{"about.html",
          "---\ntitle: About\ndate: 15 Oct 2023\n---\n<h2 id=\"team\">Team</h2>\n<p>We "
          "<em>are</em> &amp; were.</p>\n<script>no words</script>\n<a href=\"/blog/\">Blog</a>\n"},
         {"blog/_index.HTM", "\xEF\xBB\xBF+++  \ntitle = \"Blog\"\n+++\n<p>Posts.</p>"},
         {"blog/secret.html", "---\ntitle: Secret\ndraft: true\n---\n<p>Not yet.</p>"},
         {"blog/plain.html", "<!doctype html><p>A page of its own.</p>"},
         {"blog/empty.htm", ""},
         {"trip/index.html", "---\ntitle: Trip\n---\n<img src=\"map.png\">"},
         {"trip/map.png", "PNG"},
         {"_index.html", "<p>raw, include-only</p>"},
         {"_parts/nav.html", "---\ntitle: Nav\n---\n"}});
  now_ = 1'735'689'600;  // 2025: the page's date is past
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  EXPECT_EQ(rows(t), (std::vector<std::string>{"_index.md / Site 2", "about.html /about/ About 0",
                                               "blog/_index.HTM /blog/ Blog 1",
                                               "trip/index.html /trip/ Trip 0 bundle"}));
  EXPECT_EQ(s.content_files, (std::vector<std::string>{"blog/empty.htm", "blog/plain.html"}));
  EXPECT_EQ(messages(), std::vector<std::string>{});
  const PageMeta& about = t.pages[1];
  EXPECT_EQ(t.str(about.summary), "Team We are & were. Blog");
  EXPECT_EQ(about.word_count, 6u);
  EXPECT_EQ(about.date.to_iso_date(), "2023-10-15");
  EXPECT_EQ(strings(t, t.extras_of(about).html_ids), (std::vector<std::string>{"team"}));
  EXPECT_EQ(strings(t, t.extras_of(about).html_links), (std::vector<std::string>{"/blog/"}));
  EXPECT_EQ(strings(t, t.extras_of(t.pages[3]).html_images), (std::vector<std::string>{"map.png"}));
}

// A page without a title takes its first <h1>; an <h1> that repeats the front matter title at
// the top of the body is dropped. Either way the heading is no anchor, no word, no summary.
TEST_F(DiscoverTest, TheFirstH1GivesOrRepeatsTheTitle) {
  files({{"atx.md", "Intro.\n\n# The *Real* Title {#t}\n\nBody text.\n# Second\n"},
         {"setext.md", "Setext Title\n===\n\nBody.\n"},
         {"same.md", "---\ntitle: Same\n---\n\n# Same\n\nBody.\n"},
         {"other.md", "---\ntitle: Same\n---\n# Different\n\nBody.\n"},
         {"late.md", "---\ntitle: Late\n---\nText.\n\n# Late\n"},
         {"code.md", "```\n# not a heading\n```\n> # quoted\n\n:::{note}\n# in a note\n:::\n"}});
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  std::vector<std::string> rows;
  for (const auto& p : t.pages) {
    std::string anchors;
    for (StrId a : t.list(p.anchors)) anchors += fmt::format(" #{}", t.str(a));
    rows.push_back(fmt::format("{}: {} [{}-{}] \"{}\"{}", t.str(p.source_path), t.str(p.title),
                               p.title_heading_first, p.title_heading_last, t.str(p.summary),
                               anchors));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "_index.md: Site [0-0] \"\"",
                      "atx.md: The Real Title [3-3] \"Intro. Body text. Second\" #second",
                      "code.md: Code [0-0] \"quoted in a note\" #quoted #in-a-note",
                      "late.md: Late [0-0] \"Text. Late\" #late",
                      "other.md: Same [0-0] \"Different Body.\" #different",
                      "same.md: Same [2-2] \"Body.\"", "setext.md: Setext Title [1-2] \"Body.\""}));
  EXPECT_TRUE(t.pages[1].has_title);
}

// Summaries are prose: code blocks, tables and directive syntax are left out, words count.
TEST_F(DiscoverTest, SummariesLeaveOutCodeTablesAndDirectiveChrome) {
  files({{"p.md",
          "Before.\n\n```bash\npip install x\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
          ":::{note} Note title\nInside.\n:::\n\n::::{tab-set}\n:::{tab-item} Label\nTab.\n:::\n"
          "::::\n\n    indented code\n\nAfter `inline` code.\n"}});
  DiscoveredSite s = discover();
  const PageMeta& p = s.table.pages[1];
  EXPECT_EQ(s.table.str(p.summary), "Before. Inside. Tab. After inline code.");
  EXPECT_EQ(p.word_count, 15u);
}

TEST_F(DiscoverTest, DraftsAreSkippedUnlessAsked) {
  files({{"a.md", "---\ndraft: true\n---\n"}, {"b.md", "text"}});
  EXPECT_EQ(discover().table.pages.size(), 2u);
  EXPECT_EQ(discover().drafts_skipped, 1u);
  DiscoveredSite with = discover(true);
  ASSERT_EQ(with.table.pages.size(), 3u);
  EXPECT_TRUE(with.table.pages[1].draft);
}

// Hugo publishes a page from its publishDate on, whatever its date says; `published: false`
// (Jekyll's, Hugo's) keeps a page out as a draft.
TEST_F(DiscoverTest, APublishDateStillToComeOrPublishedFalseKeepsAPageOut) {
  files({{"later.md", "---\ndate: 2020-01-01\npublishDate: 2999-01-01\n---\n"},
         {"now.md", "---\ndate: 2999-01-01\npublishDate: 2020-01-01\n---\n"},
         {"old.md", "---\npubdate: 2020-01-01\n---\n"},
         {"unpublished.md", "---\npublished: false\n---\n"}});
  now_ = 1'735'689'600;  // 2025-01-01
  auto titles = [](const DiscoveredSite& s) {
    std::vector<std::string> out;
    for (const auto& p : s.table.pages) out.emplace_back(s.table.str(p.title));
    return out;
  };
  DiscoveredSite s = discover();
  EXPECT_EQ(titles(s), (std::vector<std::string>{"Site", "Now", "Old"}));
  EXPECT_EQ(s.unpublished_skipped, 1u);
  EXPECT_EQ(s.drafts_skipped, 1u);
  EXPECT_EQ(s.table.pages[2].date.format("%Y-%m-%d"), "2020-01-01");  // old.md's pubdate
  EXPECT_EQ(titles(discover(true)),
            (std::vector<std::string>{"Site", "Now", "Old", "Unpublished"}));
}

// Jekyll's posts and Zola's pages may be named after their day: without a date in the front
// matter, the name gives it, and without a title the rest of the name does. The URL keeps the
// whole name.
TEST_F(DiscoverTest, APageNamedAfterADayIsOfThatDay) {
  files({{"blog/2024-01-31-welcome.md", "Hi."},
         {"blog/2024-02-01-set.md", "---\ntitle: Own\ndate: 2023-05-05\n---\n"},
         {"blog/2024-02-03_trip/index.md", "A bundle."},
         {"blog/2024-13-01-bad.md", "Not a day."},
         {"blog/2024-01-31.md", "Only a day."},
         {"blog/2999-01-01-later.md", "Still to come."},
         {"2024-03-03-notes/_index.md", "A section."}});
  now_ = 1'735'689'600;  // 2025-01-01
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  std::vector<std::string> rows;
  for (const auto& p : t.pages) {
    rows.push_back(fmt::format("{} {} {}", t.str(p.url), t.str(p.title),
                               p.has_date ? p.date.format("%Y-%m-%d") : "-"));
  }
  EXPECT_EQ(rows,
            (std::vector<std::string>{
                "/2024-03-03-notes/ 2024 03 03 Notes -", "/ Site -",
                "/blog/2024-01-31-welcome/ Welcome 2024-01-31", "/blog/2024-01-31/ 2024 01 31 -",
                "/blog/2024-02-01-set/ Own 2023-05-05", "/blog/2024-02-03_trip/ Trip 2024-02-03",
                "/blog/2024-13-01-bad/ 2024 13 01 Bad -", "/blog/ Blog -"}));
  EXPECT_EQ(s.unpublished_skipped, 1u);  // 2999-01-01-later.md, a day still to come
}

TEST_F(DiscoverTest, BrokenPagesAreReportedAndTheRestIsKept) {
  files({{"good.md", "---\ntitle: Good\n---\n"},
         {"bad.md", "---\ntitle: [unclosed\n---\n"},
         {"escape.md", "---\ntitle: E\nurl: ../../x\n---\n"}});
  fs::create_symlink("missing-target.md", root_ / "gone.md");
  DiscoveredSite s = discover();
  std::vector<std::string> titles;
  for (const auto& p : s.table.pages) titles.emplace_back(s.table.str(p.title));
  EXPECT_EQ(titles, (std::vector<std::string>{"Site", "E", "Good"}));
  EXPECT_EQ(s.table.str(s.table.pages[1].url), "/escape/");
  EXPECT_EQ(s.broken_pages, 2u);
  auto m = messages();
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0],
            "content/bad.md:3:1: error: invalid YAML front matter: end of sequence flow not found");
  EXPECT_EQ(m[1],
            "content/escape.md:3:1: error: url must not contain '.' or '..' segments; write the "
            "path from the site root; the url was ignored");
  EXPECT_EQ(m[2],
            "content/gone.md: error: cannot read file: No such file or directory; check that it "
            "exists and is readable");
}

TEST_F(DiscoverTest, RecordsLinksAnchorsAndParams) {
  files({{"p.md",
          "---\ntags: [x, y]\ncolor: red\n---\n## Hello World\n[a](other.md#top) [[wiki]]\n"}});
  DiscoveredSite s = discover();
  const PageTable& t = s.table;
  const PageMeta& p = t.pages[1];
  ASSERT_EQ(p.tags.count, 2u);
  EXPECT_EQ(t.str(t.list(p.tags)[1]), "y");
  ASSERT_EQ(p.links.count, 1u);
  EXPECT_EQ(t.str(t.list(p.links)[0]), "other.md#top");
  ASSERT_EQ(t.extras_of(p).wiki_links.count, 1u);
  EXPECT_EQ(t.str(t.list(t.extras_of(p).wiki_links)[0]), "wiki");
  ASSERT_EQ(p.anchors.count, 1u);
  EXPECT_EQ(t.str(t.list(p.anchors)[0]), "hello-world");
  ASSERT_NE(t.page_params(p), nullptr);
  EXPECT_EQ(t.page_params(p)->find("color")->as_string(), "red");
  EXPECT_NE(p.content_hash, 0u);
}

TEST(TitleFromFileName, Humanizes) {
  EXPECT_EQ(title_from_file_name("my-first_post"), "My First Post");
  EXPECT_EQ(title_from_file_name("ünï-code"), "ünï Code");
  EXPECT_EQ(title_from_file_name("--x--"), "X");
}

// Symlinks, special files and sizes: what a hostile repository may hold in content/.
class DiscoverSourcesTest : public DiscoverTest {
 protected:
  DiscoveredSite discover_in_site(bool follow_external = false) {
    DiscoverOptions o;
    o.content_dir = root_ / "site/content";
    o.home_title = "Site";
    o.sources = {root_ / "site", follow_external};
    return discover_pages(o, diagnostics_);
  }
  std::vector<std::string> paths(const DiscoveredSite& s) {
    std::vector<std::string> out;
    for (const auto& p : s.table.pages)
      if (!p.generated) out.emplace_back(s.table.str(p.source_path));
    for (const auto& f : s.content_files) out.push_back(f);
    return out;
  }
};

TEST_F(DiscoverSourcesTest, SymlinksInsideTheSiteAreFollowedAndOthersSkippedWithAWarning) {
  files({{"site/content/a.md", "---\ntitle: A\n---\n"},
         {"site/shared/b.md", "---\ntitle: B\n---\n"},
         {"site/shared/deep/c.md", "c"},
         {"site/.git/config", "[remote] token"},
         {"outside/secret.md", "SECRET"}});
  fs::create_symlink("../shared/b.md", root_ / "site/content/b.md");
  fs::create_directory_symlink("../shared", root_ / "site/content/shared");
  fs::create_symlink(root_ / "outside/secret.md", root_ / "site/content/leak.md");
  fs::create_symlink("/etc/passwd", root_ / "site/content/passwd.txt");
  fs::create_symlink("../.git/config", root_ / "site/content/config.txt");
  DiscoveredSite s = discover_in_site();
  EXPECT_EQ(paths(s),
            (std::vector<std::string>{"a.md", "b.md", "shared/b.md", "shared/deep/c.md"}));
  std::string outside = (root_ / "outside").string(), git = (root_ / "site/.git").string();
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "content/config.txt: warning: symlink to " + git +
                    "/config points to a hidden file or folder; skipped: link to a file that is "
                    "not hidden",
                "content/leak.md: warning: symlink to " + outside +
                    "/secret.md points outside the site folder; skipped: set [build] "
                    "follow_external_symlinks = true to include it",
                "content/passwd.txt: warning: symlink to /etc/passwd points outside the site "
                "folder; skipped: set [build] follow_external_symlinks = true to include it"}));
}

TEST_F(DiscoverSourcesTest, FollowExternalSymlinksIsTheExplicitOptIn) {
  files({{"site/content/a.md", "a"}, {"outside/secret.md", "SECRET"}});
  fs::create_symlink(root_ / "outside/secret.md", root_ / "site/content/leak.md");
  DiscoveredSite s = discover_in_site(true);
  EXPECT_EQ(paths(s), (std::vector<std::string>{"a.md", "leak.md"}));
  EXPECT_EQ(messages(), std::vector<std::string>{});
}

TEST_F(DiscoverSourcesTest, FifosAndDevicesAreSkippedNotRead) {
  files({{"site/content/a.md", "a"}});
  ASSERT_EQ(::mkfifo((root_ / "site/content/pipe.md").c_str(), 0644), 0);
  fs::create_symlink("/dev/zero", root_ / "site/content/zero.md");
  DiscoveredSite s = discover_in_site(true);  // even when following links out of the site
  EXPECT_EQ(paths(s), (std::vector<std::string>{"a.md"}));
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "content/pipe.md: warning: not a regular file (a FIFO, socket or device); "
                "skipped: replace it with a regular file or remove it",
                "content/zero.md: warning: not a regular file (a FIFO, socket or device); "
                "skipped: replace it with a regular file or remove it"}));
}

TEST_F(DiscoverSourcesTest, SymlinkLoopsEnd) {
  files({{"site/content/a/p.md", "p"}});
  fs::create_directory_symlink("..", root_ / "site/content/a/up");
  fs::create_directory_symlink(".", root_ / "site/content/a/self");
  fs::create_symlink("loop.md", root_ / "site/content/loop.md");
  DiscoveredSite s = discover_in_site();
  EXPECT_EQ(paths(s), (std::vector<std::string>{"a/p.md"}));
  EXPECT_EQ(s.broken_pages, 1u);
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "content/a/self: warning: symlink to " + (root_ / "site/content/a").string() +
                    " points to a folder already included as content/a; skipped",
                "content/a/up: warning: symlink to " + (root_ / "site/content").string() +
                    " points to a folder already included as content; skipped",
                "content/loop.md: error: cannot read file: Too many levels of symbolic links; "
                "check that it exists and is readable"}));
}

TEST_F(DiscoverSourcesTest, AFileOverTheSizeLimitIsAnError) {
  files({{"site/content/a.md", "a"}, {"site/content/huge.md", ""}});
  fs::resize_file(root_ / "site/content/huge.md", (size_t{64} << 20) + 1);
  DiscoveredSite s = discover_in_site();
  EXPECT_EQ(paths(s), (std::vector<std::string>{"a.md"}));
  EXPECT_EQ(messages(), std::vector<std::string>{
                            "content/huge.md: error: cannot read file: larger than 64 MB, the "
                            "limit for a source file; split it into smaller pages"});
}

TEST_F(DiscoverSourcesTest, AContentFolderThatIsASymlinkOutOfTheSiteIsNotRead) {
  files({{"outside/secret.md", "SECRET"}});
  fs::create_directories(root_ / "site");
  fs::create_directory_symlink(root_ / "outside", root_ / "site/content");
  DiscoveredSite s = discover_in_site();
  EXPECT_EQ(paths(s), std::vector<std::string>{});
  EXPECT_EQ(messages(), std::vector<std::string>{
                            "content: warning: symlink to " + (root_ / "outside").string() +
                            " points outside the site folder; skipped: set [build] "
                            "follow_external_symlinks = true to include it"});
}

}  // namespace
}  // namespace bengal::content
