// The incremental build's cache (SITE/.bengal/) and output folder, edge by edge: a first
// build is cold and silent, a corrupt cache builds cold with a one-line note and the right
// output, an unchanged rebuild renders nothing, deleted and moved pages leave no files behind,
// --clean removes only what bengal did not write inside the output folder, and --no-cache
// leaves the cache as it was.
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "bengal/cache/sqlite_db.hpp"
#include "bengal/search/term_spill.hpp"

#include "../support/build_into.hpp"
#include "../support/run.hpp"
#include "../support/site_fixture.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

const Files kCacheSite = {
    {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"},
    {"content/blog/_index.md", "---\ntitle: Blog\n---\nPosts.\n"},
    {"content/blog/a.md", "---\ntitle: A\ndate: 2024-01-01\ntags: [x]\n---\nAlpha [[b]].\n"},
    {"content/blog/b.md", "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta.\n"},
    {"content/blog/c.md", "---\ntitle: C\ndate: 2024-01-03\n---\nGamma [a](a.md).\n"},
    {"content/docs/_index.md", "---\ntitle: Docs\n---\nDocs.\n"},
    {"content/docs/d.md", "---\ntitle: D\nweight: 1\n---\nDelta.\n"},
    {"content/docs/e.md", "---\ntitle: E\nweight: 2\n---\nEpsilon.\n"},
};
constexpr size_t kCacheSitePages = 8;  // the files above, sections and home included

pipeline::BuildOptions with_cache(pipeline::CacheMode mode, bool clean = false) {
  pipeline::BuildOptions o;
  o.cache = mode;
  o.clean = clean;
  o.threads = 2;
  return o;
}

// Bytes and modification time of every file under `dir`, by relative path.
std::map<std::string, std::pair<std::string, fs::file_time_type>> snapshot(const fs::path& dir) {
  std::map<std::string, std::pair<std::string, fs::file_time_type>> out;
  for (const auto& rel : list_tree(dir))
    out[rel] = {read_file(dir / rel), fs::last_write_time(dir / rel)};
  return out;
}

bool is_one_line(const std::string& s) {
  return !s.empty() && s.find('\n') == std::string::npos;
}

TEST(IncrementalCache, FirstBuildIsColdWithoutANoteAndAnUnchangedRebuildRendersNothing) {
  TestSite site(kCacheSite);
  auto first = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(first.cache_note, "");  // nothing went wrong: there was no cache yet
  EXPECT_EQ(first.renders_reused, 0u);
  EXPECT_GT(first.renders, kCacheSitePages);
  EXPECT_FALSE(list_tree(site.dir() / ".bengal").empty());

  auto second = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(second.cache_note, "");
  EXPECT_EQ(second.renders, 0u);
  EXPECT_EQ(second.renders_reused, first.renders);
  EXPECT_EQ(second.sources_reused, kCacheSitePages);
  EXPECT_EQ(second.files_written, 0u);
  EXPECT_EQ(second.stale_files_removed, 0u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, CorruptCacheBuildsColdWithAOneLineNote) {
  // Garbage over every file of the cache, then every file emptied: each a cold build.
  const char kGarbage[] = "not a database\n\x01\xff\0 tail";
  for (const std::string& garbage : {std::string(kGarbage, sizeof kGarbage - 1), std::string()}) {
    TestSite site(kCacheSite);
    site.build(with_cache(pipeline::CacheMode::kUse));
    auto files = list_tree(site.dir() / ".bengal");
    EXPECT_FALSE(files.empty()) << "the first build writes SITE/.bengal/";
    for (const auto& rel : files) write_file(site.dir() / ".bengal" / rel, garbage);
    write_file(site.dir() / "content/blog/b.md",
               "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta, edited.\n");

    auto corrupt = site.build(with_cache(pipeline::CacheMode::kUse));
    EXPECT_TRUE(is_one_line(corrupt.cache_note)) << "'" << corrupt.cache_note << "'";
    EXPECT_EQ(corrupt.renders_reused, 0u);
    EXPECT_EQ(corrupt.sources_reused, 0u);
    EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
    EXPECT_NE(site.output("blog/b/index.html").find("Beta, edited."), std::string::npos);

    // The cold build stored a good cache again: the next build is warm.
    auto next = site.build(with_cache(pipeline::CacheMode::kUse));
    EXPECT_EQ(next.cache_note, "");
    EXPECT_EQ(next.renders, 0u);
    EXPECT_GT(next.renders_reused, 0u);
  }
}

TEST(IncrementalCache, TemplateOrDataEditRerendersOnlyThePagesThatReadIt) {
  // The blog's three pages have a layout of their own that reads the data file; no other
  // output reads either.
  Files files = kCacheSite;
  files["templates/blog/single.html"] =
      "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content }}"
      "<p>{{ site.data.team.lead }}</p>{% endblock %}\n";
  files["data/team.yaml"] = "lead: Ada\n";
  TestSite site(files);
  auto first = site.build(with_cache(pipeline::CacheMode::kUse));
  write_file(site.dir() / "templates/blog/single.html",
             "{% extends \"base.html\" %}{% block main %}<h2>{{ page.title }}</h2>{{ page.content "
             "}}<p>{{ site.data.team.lead }}</p>{% endblock %}\n");
  auto layout = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(layout.renders, 3u);
  EXPECT_EQ(layout.renders_reused + 3, first.renders);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/a/index.html").find("<h2>A</h2>"), std::string::npos);

  write_file(site.dir() / "data/team.yaml", "lead: Grace\n");
  auto data = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(data.renders, 3u);
  EXPECT_EQ(data.renders_reused + 3, first.renders);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/c/index.html").find("<p>Grace</p>"), std::string::npos);
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// A page calling the site's own shortcode depends on its template: an edit renders it again
// and nothing else; adding a template for a name reads every page again.
TEST(IncrementalCache, ShortcodeTemplatesAreDependenciesOfThePagesThatCallThem) {
  Files files = kCacheSite;
  files["templates/shortcodes/badge.html"] =
      "<span class=\"badge {{ kind }}\">{{ args[0] }}: {{ body | markdown }}</span>";
  files["content/blog/b.md"] =
      "---\ntitle: B\ndate: 2024-01-02\n---\nIntro {{< badge \"I\" kind=in >}}.\n\n{{< badge "
      "\"New\" kind=tip >}}\n*Soon*\n"
      "{{< /badge >}}\n\n{{ badge(kind=\"x\") }}\n\n{{< other >}}\n";
  TestSite site(files);
  auto first = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_NE(site.output("blog/b/index.html")
                .find("<p>Intro <span class=\"badge in\">I: </span>.</p>\n<span class=\"badge "
                      "tip\">New: <p><em>Soon</em></p>\n</span>\n<span class=\"badge x\">: "
                      "</span>\n<p>{{&lt; other &gt;}}</p>"),
            std::string::npos)
      << site.output("blog/b/index.html");
  write_file(site.dir() / "templates/shortcodes/badge.html",
             "<b class=\"{{ kind }}\">{{ args | join(',') }}</b>");
  auto edited = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/b/index.html")
                .find("<p>Intro <b class=\"in\">I</b>.</p>\n<b class=\"tip\">New</b>\n<b "
                      "class=\"x\"></b>"),
            std::string::npos);
  EXPECT_LT(edited.renders, first.renders / 2);
  write_file(site.dir() / "templates/shortcodes/other.html", "<i>other</i>");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/b/index.html").find("<i>other</i>"), std::string::npos);
  // {{< other >}} warned in the first build and in the second, which rendered its page again.
  std::string warning =
      "content/blog/b.md:13:1: warning: Hugo shortcode '{{< other … >}}' is not run by bengal and "
      "shows as text; write Markdown or a directive instead, or add a template "
      "templates/shortcodes/other.html";
  EXPECT_EQ(site.messages(), (std::vector<std::string>{warning, warning}));
}

// A shortcode showing its own page's content gets nothing: each call would render the body
// again, and each call in it again.
TEST(IncrementalCache, AShortcodeShowingItsOwnPageGetsNothing) {
  Files files = kCacheSite;
  files["templates/shortcodes/self.html"] = "[{{ page.content | length }}]";
  std::string body = "---\ntitle: S\ndate: 2024-01-05\n---\n";
  for (int i = 0; i < 40; ++i) body += "{{< self >}}\n\n";
  files["content/blog/s.md"] = body;
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  std::string page = site.output("blog/s/index.html");
  size_t calls = 0;
  for (size_t at = page.find("[0]"); at != std::string::npos; at = page.find("[0]", at + 1))
    ++calls;
  EXPECT_EQ(calls, 40u);
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// The files of search/t/ (the shards), output-relative.
std::vector<std::string> search_shards(const TestSite& site) {
  std::vector<std::string> out;
  for (const auto& rel : site.outputs())
    if (rel.starts_with("search/t/")) out.push_back(rel);
  return out;
}

// The RSS feeds, output-relative: the site's, the sections' and the terms'.
std::vector<std::string> feeds(const TestSite& site) {
  std::vector<std::string> out;
  for (const auto& rel : site.outputs())
    if (rel.ends_with("rss.xml")) out.push_back(rel);
  return out;
}

TEST(IncrementalCache, SearchShardsAreMadeAgainOnlyForTheBucketOfANewWord) {
  TestSite site(kCacheSite);
  auto cold = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(cold.site_files_kept, 0u);
  std::vector<std::string> shards = search_shards(site);
  ASSERT_GE(shards.size(), 5u);
  ASSERT_EQ(feeds(site), (std::vector<std::string>{"blog/rss.xml", "docs/rss.xml", "rss.xml",
                                                   "tags/x/rss.xml", "tags/y/rss.xml"}));

  auto unchanged = site.build(with_cache(pipeline::CacheMode::kUse));
  // The shards, the 5 feeds, sitemap.xml, llms.txt and the page fragment search/p/0.json.
  EXPECT_EQ(unchanged.site_files_kept, shards.size() + 8);
  EXPECT_EQ(unchanged.files_written, 0u);

  // "betamax" is a new term of the shard "be" (6265, the hex of its bytes), beside "beta": the
  // shards of that shard's bucket are made again, every other shard is kept.
  write_file(site.dir() / "content/blog/b.md",
             "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta betamax.\n");
  auto edited = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_NE(site.output("search/t/6265.json").find("\"betamax\""), std::string::npos);
  search::TermSpill spill(site.dir(), 2);
  size_t edited_bucket = spill.bucket_of("betamax"), others = 0;
  for (const auto& rel : shards) {
    std::string hex = rel.substr(9, rel.size() - 9 - 5), prefix;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      prefix += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    if (spill.bucket_of(prefix) != edited_bucket) ++others;
  }
  EXPECT_EQ(search_shards(site), shards);
  // The feeds that list b are made again; docs/rss.xml is kept, and so is sitemap.xml (b's
  // URL and dates did not change). llms.txt and the page fragment show b's summary: made again.
  EXPECT_EQ(edited.site_files_kept, others + 2);
  EXPECT_LT(others, shards.size());
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// Runs `sql` on the site's build cache, as a damaged or half-lost cache would leave it.
void edit_cache(const TestSite& site, const std::string& sql) {
  cache::Database(site.dir() / ".bengal/cache.db").exec(sql);
}

// A warm build patches the search index from the records the cache keeps of each bucket;
// records that are damaged or gone are read again from the terms the cache keeps of each page.
TEST(IncrementalCache, SearchRecordsTheCacheLostAreReadAgainFromThePagesTerms) {
  for (const char* damage :
       {"UPDATE groups SET record = x'00' WHERE key LIKE 'search records %'",
        "UPDATE groups SET digest = digest + 1 WHERE key LIKE 'search records %'",
        "DELETE FROM groups WHERE key LIKE 'search records %'"}) {
    SCOPED_TRACE(damage);
    TestSite site(kCacheSite);
    site.build(with_cache(pipeline::CacheMode::kUse));
    edit_cache(site, damage);
    // "alphabet" goes into the bucket of a's "alpha" (the shard "al", 616c in hex).
    write_file(site.dir() / "content/blog/b.md",
               "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta alphabet.\n");
    auto warm = site.build(with_cache(pipeline::CacheMode::kUse));
    EXPECT_GT(warm.renders_reused, 0u);
    std::string shard = site.output("search/t/616c.json");
    EXPECT_NE(shard.find("\"alpha\""), std::string::npos);
    EXPECT_NE(shard.find("\"alphabet\""), std::string::npos);
    EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
    // The records were stored again: the next edit patches them.
    write_file(site.dir() / "content/blog/b.md",
               "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta.\n");
    site.build(with_cache(pipeline::CacheMode::kUse));
    EXPECT_EQ(site.output("search/t/616c.json").find("\"alphabet\""), std::string::npos);
    EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  }
}

// A re-rendered page whose last terms the cache lost: the buckets they were in are not known,
// so every bucket is read back and checked, and a word the page no longer has leaves the index.
TEST(IncrementalCache, APageWhoseLastTermsWereLostLeavesNoStaleWordInTheIndex) {
  Files files = kCacheSite;
  files["content/blog/b.md"] = "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta zygote.\n";
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_NE(site.output("search/t/7a79.json").find("\"zygote\""), std::string::npos);
  edit_cache(site, "DELETE FROM units WHERE instr(search, 'zygote') > 0");
  write_file(site.dir() / "content/blog/b.md",
             "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta.\n");
  auto warm = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_GT(warm.renders_reused, 0u);
  EXPECT_FALSE(fs::exists(site.out() / "search/t/7a79.json"));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, ASearchShardChangedByHandIsMadeAgain) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  std::vector<std::string> shards = search_shards(site);
  ASSERT_FALSE(shards.empty());
  write_file(site.out() / shards[0], "edited by hand\n");

  auto warm = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(warm.renders, 0u);
  // The edited shard's bucket was made again; the 5 feeds, sitemap.xml, llms.txt and the page
  // fragment were kept.
  EXPECT_LT(warm.site_files_kept, shards.size() + 8);
  EXPECT_GT(warm.site_files_kept, 0u);
  EXPECT_EQ(warm.files_written, 1u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// A feed is made again when an item it lists changed, or its file did; the others are kept
// as the last build left them. Feeds with the pages' bodies are made every time.
TEST(IncrementalCache, FeedsAreMadeAgainOnlyWhereAnItemChanged) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  auto before = snapshot(site.out());
  // c is in the site's feed and the blog's; it has no tags.
  write_file(site.dir() / "content/blog/c.md",
             "---\ntitle: C\ndate: 2024-01-03\n---\nGamma again [a](a.md).\n");
  write_file(site.out() / "tags/y/rss.xml", "edited by hand\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  auto after = snapshot(site.out());
  for (const char* kept : {"docs/rss.xml", "tags/x/rss.xml"})
    EXPECT_EQ(after[kept], before[kept]) << kept;
  for (const char* made : {"rss.xml", "blog/rss.xml"}) {
    EXPECT_NE(after[made].first, before[made].first) << made;
    EXPECT_NE(after[made].first.find("Gamma again"), std::string::npos) << made;
  }
  EXPECT_EQ(after["tags/y/rss.xml"].first, before["tags/y/rss.xml"].first);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  Files full = kCacheSite;
  full["bengal.toml"] = std::string(kTestConfig) + "[feeds]\nfull_content = true\n";
  TestSite with_bodies(full);
  with_bodies.build(with_cache(pipeline::CacheMode::kUse));
  auto unchanged = with_bodies.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(unchanged.site_files_kept, search_shards(with_bodies).size() + 3);
  EXPECT_EQ(with_bodies.differences_from_cold(), std::vector<std::string>{});
}

// sitemap.xml shows each page's URL and last modification, llms.txt and the search's page
// fragments its title, link and description or summary: each is kept until what it shows
// changed, or its file did.
TEST(IncrementalCache, SitemapLlmsTxtAndFragmentsAreKeptUntilWhatTheyShowChanged) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  auto before = snapshot(site.out());
  // A new sentence after b's summary: neither shows it.
  write_file(site.dir() / "content/blog/b.md",
             "---\ntitle: B\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta.\n\n"
             "<!--more-->\n\nAfter the summary.\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  auto after = snapshot(site.out());
  for (const char* kept : {"sitemap.xml", "llms.txt", "search/p/0.json"})
    EXPECT_EQ(after[kept], before[kept]) << kept;
  EXPECT_NE(site.output("blog/b/index.html").find("After the summary."), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  // A new summary is in llms.txt; a new date is in the sitemap.
  write_file(site.dir() / "content/blog/b.md",
             "---\ntitle: B\ndate: 2024-01-05\ntags: [x, y]\n---\nBeta, summed up anew.\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_NE(site.output("llms.txt").find("Beta, summed up anew."), std::string::npos);
  EXPECT_NE(site.output("search/p/0.json").find("Beta, summed up anew."), std::string::npos);
  EXPECT_NE(site.output("sitemap.xml").find("2024-01-05"), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  // Files edited by hand are made again.
  write_file(site.out() / "sitemap.xml", "edited by hand\n");
  write_file(site.out() / "llms.txt", "edited by hand\n");
  write_file(site.out() / "search/p/0.json", "edited by hand\n");
  auto warm = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(warm.renders, 0u);
  EXPECT_EQ(warm.files_written, 3u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// Another file in a page's place, of the same size and time (what a folder of another build
// holds, or a coarse clock gives): it is not the file the render left, so it renders again.
TEST(IncrementalCache, AnotherFileOfTheSameSizeAndTimeIsRenderedAgain) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  fs::path page = site.out() / "blog/b/index.html";
  std::string bytes = read_file(page);
  size_t at = bytes.find("Beta.");
  ASSERT_NE(at, std::string::npos);
  std::string other = bytes;
  other.replace(at, 5, "Zeta.");
  fs::file_time_type time = fs::last_write_time(page);
  fs::path replacement = site.out() / "blog/b/replacement";
  write_file(replacement, other);
  fs::last_write_time(replacement, time);
  fs::rename(replacement, page);
  ASSERT_EQ(fs::file_size(page), bytes.size());
  ASSERT_EQ(fs::last_write_time(page), time);

  auto warm = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(warm.renders, 1u);
  EXPECT_EQ(warm.files_written, 1u);
  EXPECT_EQ(read_file(page), bytes);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// A list of 64 pagers or more has them rendered on every thread (PageRenderer::write_pagers).
// What they read and wrote must be the list's render's, as on one thread: a title that only
// the 70th file of each list shows, and a pager file removed by hand, are each written again.
TEST(IncrementalCache, PagersRenderedOnEveryThreadAreRecordedForTheirList) {
  const char* kPagerTemplate =
      "{{ page.title }} {{ paginator.number }}/{{ paginator.total_pages }}:"
      "{% for p in paginator.pages %} {{ p.title }}{% endfor %}";
  Files files = {{"bengal.toml", "[site]\ntitle = \"Many\"\n\n[pagination]\nper_page = 1\n"},
                 {"templates/single.html", "{{ page.title }}"},
                 {"templates/list.html", kPagerTemplate},
                 {"templates/home.html", kPagerTemplate},
                 {"templates/term.html", kPagerTemplate}};
  for (int i = 1; i <= 80; ++i) {
    files[fmt::format("content/blog/p{:02}.md", i)] =
        fmt::format("---\ntitle: Post {:02}\nweight: {}\ntags: [many]\n---\nBody.\n", i, i);
  }
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("blog/page/70/index.html"), "Blog 70/80: Post 70");
  EXPECT_EQ(site.output("tags/many/page/80/index.html"), "many 80/80: Post 80");
  fs::path one_thread = site.dir().parent_path() / (site.dir().filename().string() + "-one");
  fs::remove_all(one_thread);
  pipeline::BuildOptions serial = with_cache(pipeline::CacheMode::kOff);
  serial.threads = 1;
  build_into(site.dir(), one_thread, serial);
  EXPECT_EQ(diff_trees(one_thread, site.out()), std::vector<std::string>{});

  write_file(site.dir() / "content/blog/p70.md",
             "---\ntitle: Renamed\nweight: 70\ntags: [many]\n---\nBody.\n");
  auto renamed = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_GT(renamed.renders_reused, 0u);
  // Each list renders again only its group of pagers 65-79 and its last pager: of those 48
  // files, the three of page 70 change. The other 12 unchanged files are site-wide ones.
  EXPECT_EQ(renamed.files_unchanged, 45u + 12u);
  EXPECT_EQ(site.output("blog/page/70/index.html"), "Blog 70/80: Renamed");
  EXPECT_EQ(site.output("page/70/index.html"), "Many 70/80: Renamed");
  EXPECT_EQ(site.output("tags/many/page/70/index.html"), "many 70/80: Renamed");
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  fs::remove(site.out() / "blog/page/20/index.html");
  auto restored = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(restored.renders, 1u);  // the blog's list, whose file was gone
  // Only the group of pagers 17-32 and the last pager are rendered again; the other 7 files
  // are site-wide ones, as after any build.
  EXPECT_EQ(restored.files_written, 1u);
  EXPECT_EQ(restored.files_unchanged, 15u + 1u + 7u);
  EXPECT_EQ(site.output("blog/page/20/index.html"), "Blog 20/80: Post 20");
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// A list's pager groups are kept on their own, but each shows what the list page's render
// read before them: the list page's body, and what that body includes.
TEST(IncrementalCache, PagerGroupsRenderAgainWhenTheListsOwnBodyChanges) {
  Files files = {
      {"bengal.toml",
       "[site]\ntitle = \"Many\"\n\n[pagination]\nper_page = 1\n\n"
       "[features]\nsitemap = false\nrss = false\nsearch = false\nllms_txt = false\n"
       "robots = false\n"},
      {"templates/single.html", "{{ page.title }}"},
      {"templates/home.html",
       "{{ page.content }}{{ paginator.number }}:{% for p in paginator.pages %} {{ p.title }} "
       "{{ p.summary }}{% endfor %}"},
      {"content/_index.md", "---\ntitle: Home\n---\n:::{include} _snippets/note.md\n:::\n"},
      {"content/_snippets/note.md", "A note.\n"}};
  for (int i = 1; i <= 40; ++i) {
    files[fmt::format("content/p{:02}.md", i)] =
        fmt::format("---\ntitle: Post {:02}\nweight: {}\n---\nBody {}.\n", i, i, i);
  }
  TestSite site(files);
  auto cold = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("page/30/index.html"), "<p>A note.</p>\n30: Post 30 Body 30.");
  auto idle = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(idle.renders, 0u);

  // A listed page's body: of the home page's 40 files, the group of pagers 1-16 and the last
  // one render again (pager 5 changes), beside the page itself and the files every build
  // makes.
  write_file(site.dir() / "content/p05.md", "---\ntitle: Post 05\nweight: 5\n---\nFive.\n");
  auto summary = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("page/5/index.html"), "<p>A note.</p>\n5: Post 05 Five.");
  EXPECT_EQ(summary.renders, 2u);
  EXPECT_EQ(summary.files_written, 1u);
  EXPECT_EQ(summary.files_unchanged, 16u + 1u + idle.files_unchanged);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  // The home page's body, on every pager: all of them.
  write_file(site.dir() / "content/_index.md",
             "---\ntitle: Home\n---\nWelcome.\n:::{include} _snippets/note.md\n:::\n");
  auto body = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("page/30/index.html"),
            "<p>Welcome.</p>\n<p>A note.</p>\n30: Post 30 Body 30.");
  EXPECT_EQ(body.files_written, 40u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});

  // What the home page's body includes.
  write_file(site.dir() / "content/_snippets/note.md", "Another note.\n");
  auto included = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("page/30/index.html"),
            "<p>Welcome.</p>\n<p>Another note.</p>\n30: Post 30 Body 30.");
  EXPECT_EQ(included.files_written, 40u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// A build that renders every page though the cache holds a finished build prints why, in one
// line: the configuration, the set of pages or the structure of the site changed.
TEST(IncrementalCache, ABuildThatRendersEveryPageSaysWhy) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  write_file(site.dir() / "content/blog/a.md",
             "---\ntitle: A\ndate: 2024-01-01\ntags: [x, z]\n---\nAlpha [[b]].\n");
  auto retagged = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(retagged.cache_note,
            "the site's structure changed (sections, list order, URLs, slugs, taxonomy terms or "
            "menus); rendering every page");
  EXPECT_EQ(retagged.renders_reused, 0u);
  write_file(site.dir() / "content/blog/f.md", "---\ntitle: F\n---\nPhi.\n");
  EXPECT_EQ(site.build(with_cache(pipeline::CacheMode::kUse)).cache_note,
            "pages were added, removed or renamed; rendering every page");
  write_file(site.dir() / "bengal.toml", "[site]\ntitle = \"Renamed\"\n");
  EXPECT_EQ(site.build(with_cache(pipeline::CacheMode::kUse)).cache_note,
            "the configuration, the build options or the set of templates changed; rendering "
            "every page");
  auto again = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(again.cache_note, "");
  EXPECT_EQ(again.renders, 0u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, DeletedPageLeavesNoFiles) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_TRUE(fs::exists(site.out() / "blog/b/index.html"));
  fs::remove(site.dir() / "content/blog/b.md");
  auto warm = site.build(with_cache(pipeline::CacheMode::kUse));

  EXPECT_FALSE(fs::exists(site.out() / "blog/b/index.html"));
  EXPECT_FALSE(fs::exists(site.out() / "blog/b"));
  EXPECT_GE(warm.stale_files_removed, 1u);
  // The tag y had only b: its term page and feed go too.
  EXPECT_FALSE(fs::exists(site.out() / "tags/y/index.html"));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, MovedPageIsOnlyAtItsNewAddress) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  fs::rename(site.dir() / "content/blog/b.md", site.dir() / "content/docs/b.md");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_FALSE(fs::exists(site.out() / "blog/b/index.html"));
  EXPECT_TRUE(fs::exists(site.out() / "docs/b/index.html"));
  // a's [[b]] follows the page to its new address.
  EXPECT_NE(site.output("blog/a/index.html").find("href=\"/docs/b/\""), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// An upgraded bengal builds cold, but the files the last build wrote are still known: a page
// moved since is not left at its old address to be published for ever.
TEST(IncrementalCache, ACacheOfAnotherBuildOfBengalStillRemovesTheLastBuildsFiles) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  for (const auto& rel : list_tree(site.dir() / ".bengal")) {
    if (rel.ends_with(".db"))
      cache::Database(site.dir() / ".bengal" / rel)
          .exec("UPDATE meta SET value = '0123' WHERE key = 'executable'");
  }
  fs::rename(site.dir() / "content/blog/b.md", site.dir() / "content/docs/b.md");
  auto upgraded = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_TRUE(upgraded.cache_note.starts_with("the cache was written by another build of bengal"))
      << upgraded.cache_note;
  EXPECT_EQ(upgraded.renders_reused, 0u);
  EXPECT_FALSE(fs::exists(site.out() / "blog/b"));
  EXPECT_TRUE(fs::exists(site.out() / "docs/b/index.html"));
  EXPECT_EQ(upgraded.stale_files_removed, 1u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// A link's anchor is looked up among the target's headings and targets, which its body makes:
// a body edit that renames the heading breaks the link, and renaming it back mends it.
TEST(IncrementalCache, ALinkToAHeadingFollowsTheTargetsBody) {
  TestSite site({
      {"content/t.md", "---\ntitle: T\n---\n\nText.\n\n## Old Head\n\nMore.\n"},
      {"content/l.md", "---\ntitle: L\n---\n\nSee [t](t.md#old-head) and [[t#old-head]].\n"},
      {"content/u.md", "---\ntitle: U\n---\n\nSee [t](t.md).\n"},
  });
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("l/index.html").find("broken-link"), std::string::npos);

  write_file(site.dir() / "content/t.md", "---\ntitle: T\n---\n\nText.\n\n## New Head\n\nMore.\n");
  auto broken = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_NE(site.output("l/index.html").find("href=\"/t/#old-head\" class=\"broken-link\""),
            std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  // A link without an anchor shows only the target's head: its page is kept.
  EXPECT_GT(broken.renders_reused, 0u);

  write_file(site.dir() / "content/t.md", "---\ntitle: T\n---\n\nText.\n\n## Old Head\n\nMore.\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.output("l/index.html").find("broken-link"), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, CleanRemovesStrayFilesOnlyWhenAsked) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  write_file(site.out() / "stray.html", "by hand\n");
  write_file(site.out() / "blog/stray.txt", "by hand\n");

  auto kept = site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(read_file(site.out() / "stray.html"), "by hand\n");
  EXPECT_EQ(read_file(site.out() / "blog/stray.txt"), "by hand\n");
  EXPECT_EQ(kept.stale_files_removed, 0u);

  auto cleaned = site.build(with_cache(pipeline::CacheMode::kUse, true));

  EXPECT_FALSE(fs::exists(site.out() / "stray.html"));
  EXPECT_FALSE(fs::exists(site.out() / "blog/stray.txt"));
  EXPECT_EQ(cleaned.stale_files_removed, 2u);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// Without the cache the writer still lists what it writes for --clean (it keeps no list
// when nothing reads it): the strays go, every file of the build stays.
TEST(IncrementalCache, CleanWithoutTheCacheRemovesOnlyStrayFiles) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kOff));
  write_file(site.out() / "stray.html", "by hand\n");
  write_file(site.out() / "docs/stray.txt", "by hand\n");

  auto cleaned = site.build(with_cache(pipeline::CacheMode::kOff, true));

  EXPECT_FALSE(fs::exists(site.out() / "stray.html"));
  EXPECT_FALSE(fs::exists(site.out() / "docs/stray.txt"));
  EXPECT_EQ(cleaned.stale_files_removed, 2u);
  EXPECT_FALSE(fs::exists(site.dir() / ".bengal"));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, CleanNeverTouchesAFileOutsideTheOutputFolder) {
  // The output folder is inside the site: sources, the cache and files that links in the
  // output point to are all outside it.
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  const fs::path outside = site.dir().parent_path() / (site.dir().filename().string() + "-out");
  fs::remove_all(outside);
  write_file(outside / "file.txt", "outside\n");
  write_file(outside / "folder/inner.txt", "inside a linked folder\n");
  fs::create_symlink(outside / "file.txt", site.out() / "link.txt");
  fs::create_directory_symlink(outside / "folder", site.out() / "linked");
  auto sources = snapshot(site.dir() / "content");
  auto cache_files = list_tree(site.dir() / ".bengal");

  site.build(with_cache(pipeline::CacheMode::kUse, true));
  EXPECT_EQ(read_file(outside / "file.txt"), "outside\n");
  EXPECT_EQ(read_file(outside / "folder/inner.txt"), "inside a linked folder\n");
  // The links themselves are strays of the output folder: they go, not what they point to.
  EXPECT_FALSE(fs::is_symlink(site.out() / "link.txt"));
  EXPECT_FALSE(fs::is_symlink(site.out() / "linked"));
  EXPECT_EQ(snapshot(site.dir() / "content"), sources);
  EXPECT_EQ(list_tree(site.dir() / ".bengal"), cache_files);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, NoCacheLeavesTheCacheAsItWas) {
  TestSite site(kCacheSite);
  site.build(with_cache(pipeline::CacheMode::kUse));
  auto before = snapshot(site.dir() / ".bengal");
  EXPECT_FALSE(before.empty()) << "the first build writes SITE/.bengal/";
  write_file(site.dir() / "content/docs/d.md", "---\ntitle: D\nweight: 1\n---\nDelta, edited.\n");

  auto off = site.build(with_cache(pipeline::CacheMode::kOff));
  EXPECT_EQ(off.cache_note, "");
  EXPECT_EQ(off.renders_reused, 0u);
  EXPECT_EQ(off.sources_reused, 0u);
  EXPECT_EQ(snapshot(site.dir() / ".bengal"), before);
  EXPECT_NE(site.output("docs/d/index.html").find("Delta, edited."), std::string::npos);
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

TEST(IncrementalCache, NoCacheOnASiteWithoutOneWritesNone) {
  TestSite site(kCacheSite);
  auto off = site.build(with_cache(pipeline::CacheMode::kOff));
  EXPECT_EQ(off.cache_note, "");
  EXPECT_FALSE(fs::exists(site.dir() / ".bengal"));
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// Zola's transparent sections and reversed pagers: a warm build after a date moved a page of a
// transparent section, after transparency or reversal was toggled, writes what a cold one does.
TEST(IncrementalCache, TransparentSectionsAndReversedPagersFollowEachEdit) {
  Files files = {
      {"bengal.toml",
       "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n\n"
       "[pagination]\nper_page = 2\n"},
      {"content/blog/_index.md", "+++\ntitle = \"Blog\"\n+++\n"},
      {"content/blog/top.md", "---\ntitle: Top\ndate: 2024-05-01\n---\nTop.\n"},
      {"content/blog/2023/_index.md", "+++\ntitle = \"2023\"\ntransparent = true\n+++\n"},
      {"content/blog/2023/a.md", "---\ntitle: Aardvark\ndate: 2023-03-01\n---\nA.\n"},
      {"content/blog/2023/b.md", "---\ntitle: Badger\ndate: 2023-09-01\n---\nB.\n"}};
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_EQ(site.messages(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/index.html").find("Badger"), std::string::npos);
  EXPECT_NE(site.output("blog/page/2/index.html").find("Aardvark"), std::string::npos);

  write_file(site.dir() / "content/blog/2023/a.md",
             "---\ntitle: Aardvark\ndate: 2024-09-01\n---\nA.\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/index.html").find("Aardvark"), std::string::npos);

  write_file(site.dir() / "content/blog/_index.md",
             "+++\ntitle = \"Blog\"\npaginate_reversed = true\n+++\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/index.html").find("Badger"), std::string::npos);
  EXPECT_EQ(site.output("blog/index.html").find("Aardvark"), std::string::npos);

  write_file(site.dir() / "content/blog/2023/_index.md", "+++\ntitle = \"2023\"\n+++\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_EQ(site.output("blog/index.html").find("Badger"), std::string::npos);
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// [markdown] smart_punctuation and external_links_*: turned on, a warm build renders every page
// and list again, summaries (from the cached parses) included, as a cold build does.
TEST(IncrementalCache, MarkdownOptionsReachEveryPageAndSummary) {
  Files files = kCacheSite;
  files["content/blog/q.md"] =
      "---\ntitle: Q\ndate: 2024-02-01\n---\nShe said \"it's [here](https://x.example)\".\n";
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_EQ(site.messages(), std::vector<std::string>{});
  std::string config = read_file(site.dir() / "bengal.toml");
  write_file(
      site.dir() / "bengal.toml",
      config + "\n[markdown]\nsmart_punctuation = true\nexternal_links_target_blank = true\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/q/index.html")
                .find("She said \u201Cit\u2019s <a href=\"https://x.example\" rel=\"noopener\" "
                      "target=\"_blank\">here</a>\u201D."),
            std::string::npos);
  // The blog's list shows the summary, made with the same punctuation.
  EXPECT_NE(site.output("blog/index.html").find("She said \u201Cit\u2019s here\u201D."),
            std::string::npos);
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

// A Hugo ref, a shortcode's figure and a Jekyll post_url follow their targets: a warm build after
// the target's slug changes, after a page of the linked name appears nearer, and after the
// figure's image changes writes what a cold build writes.
TEST(IncrementalCache, HugoRefsAndShortcodesFollowEachEdit) {
  Files files = kCacheSite;
  files["content/docs/f.md"] =
      "---\ntitle: F\n---\nSee [b]({{< ref \"b\" >}}) and [d]({{< relref \"d.md#top\" >}}).\n\n"
      "{{< figure src=\"/img/a.png\" alt=\"A\" >}}\n\n{{% note %}}\n[c]({% post_url c %})\n"
      "{{% /note %}}\n";
  files["static/img/a.png"] = "png";
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_EQ(site.messages(), std::vector<std::string>{});
  EXPECT_NE(site.output("docs/f/index.html").find("<a href=\"/blog/b/\">b</a>"), std::string::npos);
  write_file(site.dir() / "content/blog/b.md",
             "---\ntitle: B\nslug: bee\ndate: 2024-01-02\ntags: [x, y]\n---\nBeta.\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("docs/f/index.html").find("<a href=\"/blog/bee/\">b</a>"),
            std::string::npos);
  // Another "c" page, in f's own folder: the name finds that one first now, warm or cold.
  EXPECT_NE(site.output("docs/f/index.html").find("<a href=\"/blog/c/\">c</a>"), std::string::npos);
  write_file(site.dir() / "content/docs/c.md", "---\ntitle: Other C\n---\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("docs/f/index.html").find("<a href=\"/docs/c/\">c</a>"), std::string::npos);
  write_file(site.dir() / "content/docs/f.md",
             "---\ntitle: F\n---\n{{< figure src=\"/img/b.png\" alt=\"B\" >}}\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
}

// The alerts' key is in discovery's fingerprint: turning it off gives back the marker's line
// to every summary, as a cold build makes them.
TEST(IncrementalCache, TurningMarkdownSyntaxOffReachesEverySummary) {
  Files files = kCacheSite;
  files["content/blog/q.md"] =
      "---\ntitle: Q\ndate: 2024-02-01\n---\n> [!TIP] Heads up\n> Body words.\n";
  files["content/blog/r.md"] =
      "---\ntitle: R\ndate: 2024-01-01\n---\nTerm\n:   Its definition.\n\n    More.\n";
  files["content/blog/s.md"] = "---\ntitle: S\ndate: 2023-12-01\n---\nA callout.\n{: .note}\n";
  TestSite site(files);
  site.build(with_cache(pipeline::CacheMode::kUse));
  ASSERT_EQ(site.messages(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/q/index.html").find("<div class=\"admonition tip\">"),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("<p>Body words.</p>"), std::string::npos);
  EXPECT_NE(site.output("blog/r/index.html").find("<dd>\n<p>Its definition.</p>\n<p>More.</p>"),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("<p>Term Its definition. More.</p>"),
            std::string::npos);
  EXPECT_NE(site.output("blog/s/index.html").find("<p class=\"note\">A callout.</p>"),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("<p>A callout.</p>"), std::string::npos);
  std::string config = read_file(site.dir() / "bengal.toml");
  write_file(site.dir() / "bengal.toml",
             config +
                 "\n[markdown]\ngithub_alerts = false\ndefinition_lists "
                 "= false\nblock_attributes = false\n");
  site.build(with_cache(pipeline::CacheMode::kUse));
  EXPECT_EQ(site.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(site.output("blog/q/index.html").find("<blockquote>\n<p>[!TIP] Heads up\nBody words."),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("[!TIP] Heads up Body words."), std::string::npos);
  EXPECT_NE(site.output("blog/r/index.html").find("<p>Term\n:   Its definition.</p>"),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("<p>Term : Its definition.</p>"),
            std::string::npos);
  EXPECT_NE(site.output("blog/index.html").find("<p>A callout. {: .note}</p>"), std::string::npos);
  EXPECT_EQ(site.messages(), std::vector<std::string>{});
}

}  // namespace
}  // namespace bengal::test
