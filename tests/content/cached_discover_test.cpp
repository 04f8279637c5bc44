// Discovery with a SourceCache (source_cache.hpp): a warm discovery gives the cold one's
// PageTable and diagnostics without reading unchanged files, and the draft and publishing
// options apply to cached parses as to fresh ones.
#include <sys/stat.h>

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/core/source_tree.hpp"
#include "memory_source_cache.hpp"

namespace fs = std::filesystem;

namespace bengal::content {
namespace {

std::string value_text(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kBool:
      return v.as_bool() ? "true" : "false";
    case Value::Type::kInt:
      return fmt::format("{}", v.as_int());
    case Value::Type::kFloat:
      return fmt::format("{}f", v.as_float());
    case Value::Type::kString:
      return fmt::format("'{}'", v.as_string());
    case Value::Type::kArray: {
      std::string out = "[";
      for (const Value& item : v.as_array()) out += value_text(item) + ",";
      return out + "]";
    }
    case Value::Type::kTable: {
      std::string out = "{";
      for (const auto& [k, item] : v.as_table()) out += k + "=" + value_text(item) + ",";
      return out + "}";
    }
  }
  return "?";
}

// Every field of every page, its lists and params, one page a line: two tables are the same
// when their texts are.
std::string table_text(const PageTable& t) {
  auto strings = [&](StrRange r) {
    std::string out;
    for (StrId id : t.list(r)) out += fmt::format("'{}' ", t.str(id));
    return out;
  };
  auto numbers = [&](StrRange r) { return fmt::format("{}", fmt::join(t.number_list(r), " ")); };
  std::string out;
  for (const PageMeta& p : t.pages) {
    out += fmt::format(
        "{} kind={} draft={} bundle={} generated={} has_date={} has_lastmod={} more={} "
        "excluded={} has_title={} dir={} title={} slug={} url={} description={} summary={} "
        "type={} layout={} template={} date={}/{} lastmod={}/{} weight={} content_hash={} "
        "words={} body_offset={} source_hash={} body_line={} title_heading={}-{} section={}\n",
        t.str(p.source_path), static_cast<int>(p.kind), p.draft, p.is_bundle, p.generated,
        p.has_date, p.has_lastmod, p.has_more_marker, p.excluded, p.has_title, t.str(p.dir),
        t.str(p.title), t.str(p.slug), t.str(p.url), t.str(p.description), t.str(p.summary),
        t.str(p.type), t.str(p.layout), t.str(p.template_name), p.date.to_rfc3339(),
        p.date.has_time, p.lastmod.to_rfc3339(), p.lastmod.has_time, p.weight, p.content_hash,
        p.word_count, p.body_offset, p.source_hash, p.body_line, p.title_heading_first,
        p.title_heading_last, p.section);
    out += fmt::format(
        "  tags={} categories={} keywords={} aliases={} links={} link_lines={} wiki={} "
        "wiki_lines={} images={} image_lines={} html_links={} html_link_lines={} html_images={} "
        "html_image_lines={} media={} media_lines={} anchors={} targets={} resources={}\n"
        "  params={}\n",
        strings(p.tags), strings(p.categories), strings(t.extras_of(p).keywords),
        strings(t.extras_of(p).aliases), strings(p.links), numbers(p.link_lines),
        strings(t.extras_of(p).wiki_links), numbers(t.extras_of(p).wiki_link_lines),
        strings(t.extras_of(p).images), numbers(t.extras_of(p).image_lines),
        strings(t.extras_of(p).html_links), numbers(t.extras_of(p).html_link_lines),
        strings(t.extras_of(p).html_images), numbers(t.extras_of(p).html_image_lines),
        strings(t.extras_of(p).media), numbers(t.extras_of(p).media_lines), strings(p.anchors),
        strings(t.extras_of(p).targets), strings(t.extras_of(p).resources),
        t.page_params(p) ? value_text(*t.page_params(p)) : "none");
  }
  return out;
}

// A site that uses every part of the parse: sections, a bundle, an index.md section page,
// dates, lists, params, links, a title from the first <h1>, cascades, and broken pages.
const bengal::test::Files kSite = {
    {"_index.md", "---\ntitle: Home\ncascade:\n  type: doc\n---\nWelcome.\n"},
    {"blog/_index.md", "---\ntitle: Blog\nweight: 3\n---\n"},
    {"blog/first.md",
     "---\ntitle: First\ndate: 2024-01-31T10:00:00+02:00\nlastmod: 2024-02-01\n"
     "tags: [go, c++]\ncategories: x\nkeywords: [k]\naliases: [/old/]\nslug: one\n"
     "description: D\nlayout: wide\ntemplate: t.html\ncolor: {a: 1, b: [true, 2.5, null]}\n"
     "---\nIntro [link](../docs/a.md#top) and [[Wiki Page]].\n\n<!--more-->\n\n## Part\n"},
    {"blog/trip/index.md",
     "---\ntitle: Trip\n---\n![p](p.png)\n<a href=\"/x/\">x</a> <img src=\"q.png\">\n\n"
     ":::{audio} trip.mp3\n:title: Trip\n:::\n"},
    {"blog/trip/p.png", "PNG"},
    {"docs/index.md", "# Docs From Heading\n\nText.\n"},
    {"docs/a.md", "+++\ntitle = \"A\"\nsummary = \"Short\"\n+++\n# A\n\n:::{target} here\n:::\n"},
    {"docs/bad-slug.md", "---\ntitle: S\nslug: a/b\n---\n"},
    {"docs/broken.md", "---\ntitle: [unclosed\n---\n"},
    {"docs/draft.md", "---\ntitle: Draft\ndraft: true\nurl: ../x\n---\n"},
    {"docs/future.md", "---\ntitle: Future\ndate: 2030-01-01\n---\n"},
    {"docs/expired.md", "---\ntitle: Old\nexpirydate: 2020-01-01\n---\n"},
};
constexpr size_t kPageFiles = 11;  // the Markdown files of kSite
constexpr int64_t k2025 = 1'735'689'600;
constexpr int64_t k2031 = 1'924'992'000;

class CachedDiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = bengal::test::fresh_temp_dir();
    options_.now_epoch_seconds = k2025;
  }

  DiscoveredSite discover(test::MemorySourceCache* cache) {
    DiscoverOptions o = options_;
    o.content_dir = root_;
    o.home_title = "Site";
    o.source_cache = cache;
    diagnostics_ = std::make_unique<Diagnostics>();
    return discover_pages(o, *diagnostics_);
  }
  std::vector<std::string> messages() { return bengal::test::formatted(diagnostics_->sorted()); }
  fs::path path(const std::string& rel) { return root_ / rel; }
  // Dates every file an hour back: discovery trusts the stamp of a file modified before the
  // last few seconds only (cached_parse.hpp).
  void settle() {
    auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& e : fs::recursive_directory_iterator(root_))
      if (e.is_regular_file() && !e.is_symlink()) fs::last_write_time(e.path(), hour_ago);
  }
  static const PageMeta& page(const DiscoveredSite& s, std::string_view rel) {
    for (const auto& p : s.table.pages)
      if (s.table.str(p.source_path) == rel) return p;
    throw std::runtime_error(fmt::format("no page {}", rel));
  }

  fs::path root_;
  DiscoverOptions options_;
  std::unique_ptr<Diagnostics> diagnostics_ = std::make_unique<Diagnostics>();
  test::MemorySourceCache cache_;
};

TEST_F(CachedDiscoverTest, AWarmDiscoveryGivesTheColdTableWithoutParsing) {
  bengal::test::write_files(root_, kSite);
  settle();
  DiscoveredSite plain = discover(nullptr);
  std::vector<std::string> plain_messages = messages();
  EXPECT_EQ(plain.sources_parsed, kPageFiles);
  EXPECT_EQ(plain.sources_reused, 0u);

  DiscoveredSite cold = discover(&cache_);
  EXPECT_EQ(cold.sources_parsed, kPageFiles);
  EXPECT_EQ(cold.sources_reused, 0u);
  EXPECT_EQ(cache_.entries.size(), kPageFiles);
  EXPECT_EQ(table_text(cold.table), table_text(plain.table));
  EXPECT_EQ(messages(), plain_messages);

  size_t stores = cache_.stores;
  DiscoveredSite warm = discover(&cache_);
  EXPECT_EQ(warm.sources_parsed, 0u);
  EXPECT_EQ(warm.sources_reused, kPageFiles);
  EXPECT_EQ(cache_.stores, stores);  // nothing changed, nothing stored
  EXPECT_EQ(table_text(warm.table), table_text(plain.table));
  EXPECT_EQ(messages(), plain_messages);
  EXPECT_EQ(warm.drafts_skipped, 1u);
  EXPECT_EQ(warm.unpublished_skipped, 2u);
  EXPECT_EQ(warm.broken_pages, 1u);

  // The site's errors, the same from the cache as from the files.
  EXPECT_EQ(messages(),
            (std::vector<std::string>{
                "content/docs/bad-slug.md:3:1: error: slug must be a single path segment without "
                "'/' or '\\'; use url for a whole path; the slug was ignored",
                "content/docs/broken.md:3:1: error: invalid YAML front matter: end of sequence "
                "flow not found"}));
}

TEST_F(CachedDiscoverTest, ATouchedFileIsHashedAndItsRecordKeptUnderTheNewStamp) {
  bengal::test::write_files(root_, kSite);
  settle();
  discover(&cache_);
  FileStamp before = cache_.entries.at("blog/first.md").stamp;
  fs::last_write_time(path("blog/first.md"),
                      fs::last_write_time(path("blog/first.md")) + std::chrono::minutes(30));
  size_t stores = cache_.stores;
  DiscoveredSite warm = discover(&cache_);
  EXPECT_EQ(warm.sources_parsed, 0u);
  EXPECT_EQ(warm.sources_reused, kPageFiles);
  EXPECT_EQ(cache_.stores, stores + 1);
  FileStamp after = cache_.entries.at("blog/first.md").stamp;
  EXPECT_EQ(after.mtime_ns - before.mtime_ns, int64_t{1800} * 1'000'000'000);
  EXPECT_EQ(after.size, before.size);

  discover(&cache_);  // the new stamp matches: no hashing, nothing stored
  EXPECT_EQ(cache_.stores, stores + 1);
}

TEST_F(CachedDiscoverTest, ChangedBytesAreParsed) {
  bengal::test::write_files(root_, kSite);
  discover(&cache_);
  bengal::test::write_file(path("blog/first.md"), "---\ntitle: Changed\n---\nNew body.\n");
  DiscoveredSite warm = discover(&cache_);
  EXPECT_EQ(warm.sources_parsed, 1u);
  EXPECT_EQ(warm.sources_reused, kPageFiles - 1);
  EXPECT_EQ(warm.table.str(page(warm, "blog/first.md").title), "Changed");
  DiscoveredSite plain = discover(nullptr);
  EXPECT_EQ(table_text(warm.table), table_text(plain.table));
}

// Discovery trusts the stamp, as make, Hugo and Zola do: other bytes of the same size written
// in place with the mtime set back are not seen (source_cache.hpp). A file replaced by rename,
// as editors save, has a new inode and is.
TEST_F(CachedDiscoverTest, SameSizeAndMtimeHideAnInPlaceEditButNotARename) {
  bengal::test::write_files(root_, {{"a.md", "---\ntitle: One\n---\n"}});
  settle();
  discover(&cache_);
  auto mtime = fs::last_write_time(path("a.md"));
  bengal::test::write_file(path("a.md"), "---\ntitle: Two\n---\n");
  fs::last_write_time(path("a.md"), mtime);
  DiscoveredSite stale = discover(&cache_);
  EXPECT_EQ(stale.sources_reused, 1u);
  EXPECT_EQ(stale.table.str(page(stale, "a.md").title), "One");

  bengal::test::write_file(path("new.tmp"), "---\ntitle: Six\n---\n");
  fs::last_write_time(path("new.tmp"), mtime);
  fs::rename(path("new.tmp"), path("a.md"));
  DiscoveredSite fresh = discover(&cache_);
  EXPECT_EQ(fresh.sources_parsed, 1u);
  EXPECT_EQ(fresh.table.str(page(fresh, "a.md").title), "Six");
}

// A file modified just before the listing may be written again within the same tick of the
// file system's clock, keeping its stamp: its record is stored under a stamp no file has, so
// the next discovery hashes it and sees the change; from then on its own stamp is trusted.
TEST_F(CachedDiscoverTest, AFileModifiedJustBeforeTheListingIsHashedNextTime) {
  bengal::test::write_files(root_, {{"a.md", "---\ntitle: One\n---\n"}});
  auto mtime = fs::last_write_time(path("a.md"));
  discover(&cache_);
  EXPECT_EQ(cache_.entries.at("a.md").stamp.mtime_ns, INT64_MIN);
  bengal::test::write_file(path("a.md"), "---\ntitle: Two\n---\n");
  fs::last_write_time(path("a.md"), mtime);  // the same tick
  DiscoveredSite next = discover(&cache_);
  EXPECT_EQ(next.sources_parsed, 1u);
  EXPECT_EQ(next.table.str(page(next, "a.md").title), "Two");

  settle();
  discover(&cache_);  // the old stamp is trusted now, and stored
  EXPECT_NE(cache_.entries.at("a.md").stamp.mtime_ns, INT64_MIN);
  size_t stores = cache_.stores;
  EXPECT_EQ(discover(&cache_).sources_reused, 1u);
  EXPECT_EQ(cache_.stores, stores);
}

TEST_F(CachedDiscoverTest, DraftsAndThePublishingWindowApplyToCachedParses) {
  bengal::test::write_files(root_, kSite);
  auto titles = [](const DiscoveredSite& s) {
    std::vector<std::string> out;
    for (const auto& p : s.table.pages)
      if (s.table.str(p.dir) == "docs") out.emplace_back(s.table.str(p.title));
    return out;
  };
  DiscoveredSite cold = discover(&cache_);
  EXPECT_EQ(titles(cold), (std::vector<std::string>{"A", "S"}));

  options_.include_drafts = true;
  DiscoveredSite drafts = discover(&cache_);
  EXPECT_EQ(drafts.sources_parsed, 0u);
  EXPECT_EQ(titles(drafts), (std::vector<std::string>{"A", "S", "Draft"}));
  EXPECT_EQ(drafts.drafts_skipped, 0u);
  // A shown page reports its url error, from the cache as from the file.
  EXPECT_EQ(messages().back(),
            "content/docs/draft.md:4:1: error: url must not contain '.' or '..' segments; write "
            "the path from the site root; the url was ignored");

  options_.now_epoch_seconds = k2031;  // the future page's date has passed, a year on
  DiscoveredSite later = discover(&cache_);
  EXPECT_EQ(later.sources_parsed, 0u);
  EXPECT_EQ(titles(later), (std::vector<std::string>{"A", "S", "Draft", "Future"}));
  EXPECT_EQ(later.unpublished_skipped, 1u);  // still expired

  options_.include_expired = true;
  DiscoveredSite all = discover(&cache_);
  EXPECT_EQ(all.sources_parsed, 0u);
  EXPECT_EQ(titles(all), (std::vector<std::string>{"A", "S", "Draft", "Old", "Future"}));
  EXPECT_EQ(table_text(all.table), table_text(discover(nullptr).table));
}

TEST_F(CachedDiscoverTest, OptionsTheParseDependsOnMissEveryRecord) {
  bengal::test::write_files(root_, kSite);
  discover(&cache_);
  uint64_t fingerprint = discover_fingerprint(options_);
  options_.scan.heading_id_style = markdown::HeadingIdStyle::kGithub;
  EXPECT_NE(discover_fingerprint(options_), fingerprint);
  EXPECT_EQ(discover(&cache_).sources_parsed, kPageFiles);

  options_.display_prefix = "site/content";
  EXPECT_EQ(discover(&cache_).sources_parsed, kPageFiles);
  EXPECT_EQ(messages()[0].substr(0, 31), "site/content/docs/bad-slug.md:3");
  EXPECT_EQ(discover(&cache_).sources_parsed, 0u);
  EXPECT_EQ(messages()[0].substr(0, 31), "site/content/docs/bad-slug.md:3");

  // Options applied after the parse do not change the fingerprint.
  DiscoverOptions later = options_;
  later.include_drafts = later.include_future = later.include_expired = true;
  later.now_epoch_seconds = k2031;
  later.home_title = "Other";
  EXPECT_EQ(discover_fingerprint(later), discover_fingerprint(options_));
}

// docs/index.md alone is a leaf bundle (a page); with a page beside it, the section's page.
TEST_F(CachedDiscoverTest, AFileWhoseRoleChangesIsParsedAgain) {
  bengal::test::write_files(root_, {{"docs/index.md", "---\ntitle: Docs\n---\n"}});
  DiscoveredSite bundle = discover(&cache_);
  EXPECT_EQ(bundle.table.str(page(bundle, "docs/index.md").url), "/docs/");
  EXPECT_EQ(page(bundle, "docs/index.md").kind, PageKind::kPage);
  bengal::test::write_file(path("docs/a.md"), "A.");
  DiscoveredSite section = discover(&cache_);
  EXPECT_EQ(section.sources_parsed, 2u);
  EXPECT_EQ(page(section, "docs/index.md").kind, PageKind::kSection);
  EXPECT_EQ(table_text(section.table), table_text(discover(nullptr).table));
}

TEST_F(CachedDiscoverTest, ACorruptRecordIsParsedAgainAndReplaced) {
  bengal::test::write_files(root_, kSite);
  std::string plain = table_text(discover(nullptr).table);
  discover(&cache_);
  cache_.entries.at("blog/first.md").record.resize(10);
  cache_.entries.at("docs/a.md").record = "garbage";
  DiscoveredSite warm = discover(&cache_);
  EXPECT_EQ(warm.sources_parsed, 2u);
  EXPECT_EQ(table_text(warm.table), plain);
  EXPECT_EQ(discover(&cache_).sources_parsed, 0u);
}

TEST_F(CachedDiscoverTest, AnUnreadableFileIsReportedEveryTimeAndNeverStored) {
  bengal::test::write_files(root_, {{"a.md", "A."}});
  fs::create_symlink("missing-target.md", path("gone.md"));
  for (int build = 0; build < 2; ++build) {
    DiscoveredSite s = discover(&cache_);
    EXPECT_EQ(s.sources_parsed, build == 0 ? 2u : 1u);
    EXPECT_EQ(s.broken_pages, 1u);
    EXPECT_EQ(messages(),
              (std::vector<std::string>{"content/gone.md: error: cannot read file: No such file or "
                                        "directory; check that it exists and is readable"}));
  }
  EXPECT_EQ(cache_.entries.count("gone.md"), 0u);
}

// Discovery takes each page's stamp from the listing, which has stat'ed it anyway: for a
// symlink, the stamp of the file it leads to.
TEST_F(CachedDiscoverTest, TheListingStampsEachFileAsStatDoes) {
  bengal::test::write_files(root_, {{"a.md", "---\ntitle: A\n---\n"}});
  fs::create_symlink("a.md", path("link.md"));
  fs::create_symlink("missing.md", path("gone.md"));
  std::vector<ListedFile> listed =
      list_source_files_with_stats(root_, "content", {}, *diagnostics_);
  ASSERT_EQ(listed.size(), 3u);
  struct stat st {};
  ASSERT_EQ(::stat(path("a.md").c_str(), &st), 0);
  for (const ListedFile& f : {listed[0], listed[2]}) {  // a.md, link.md
    EXPECT_TRUE(f.has_stat) << f.rel;
    EXPECT_EQ(f.size, static_cast<uint64_t>(st.st_size));
    EXPECT_EQ(f.mtime_ns, int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec);
    EXPECT_EQ(f.inode, static_cast<uint64_t>(st.st_ino));
  }
  EXPECT_EQ(listed[1].rel, "gone.md");
  EXPECT_FALSE(listed[1].has_stat);

  discover(&cache_);
  auto mtime = fs::last_write_time(path("a.md"));
  bengal::test::write_file(path("a.md"), "---\ntitle: B\n---\n");
  fs::last_write_time(path("a.md"), mtime + std::chrono::seconds(1));
  DiscoveredSite s = discover(&cache_);
  EXPECT_EQ(s.sources_parsed, 3u);  // a.md and link.md changed, gone.md is never cached
  EXPECT_EQ(s.table.str(page(s, "link.md").title), "B");
}

// A folder of 2,048 entries or more is stat'ed on several threads (core/source_tree.cpp): each
// file still gets its own stamp, links are followed, and what is skipped is reported as for a
// few.
TEST_F(CachedDiscoverTest, AFolderOfManyEntriesIsListedAsAFewAre) {
  std::vector<std::string> expected;
  for (int i = 0; i < 2100; ++i) {
    std::string rel = fmt::format("many/p{:04}.md", i);
    bengal::test::write_file(path(rel), std::string(static_cast<size_t>(i) + 1, 'x'));
    expected.push_back(rel);
  }
  bengal::test::write_file(path("many/.hidden.md"), "hidden");
  bengal::test::write_file(path("many/sub/x.md"), "x");
  fs::create_symlink("p0001.md", path("many/link.md"));
  fs::create_symlink("missing.md", path("many/gone.md"));
  ASSERT_EQ(::mkfifo(path("many/pipe").c_str(), 0600), 0);
  expected.insert(expected.end(), {"many/gone.md", "many/link.md", "many/sub/x.md"});
  std::sort(expected.begin(), expected.end());

  std::vector<ListedFile> listed =
      list_source_files_with_stats(root_, "content", {}, *diagnostics_);
  std::vector<std::string> rels;
  for (const ListedFile& f : listed) {
    rels.push_back(f.rel);
    if (f.rel == "many/gone.md") {
      EXPECT_FALSE(f.has_stat);
      continue;
    }
    struct stat st {};
    ASSERT_EQ(::stat(path(f.rel).c_str(), &st), 0) << f.rel;
    EXPECT_TRUE(f.has_stat) << f.rel;
    EXPECT_EQ(f.size, static_cast<uint64_t>(st.st_size)) << f.rel;
    EXPECT_EQ(f.mtime_ns, int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec) << f.rel;
    EXPECT_EQ(f.inode, static_cast<uint64_t>(st.st_ino)) << f.rel;
  }
  EXPECT_EQ(rels, expected);
  EXPECT_EQ(messages(), (std::vector<std::string>{
                            "content/many/pipe: warning: not a regular file (a FIFO, socket or "
                            "device); skipped: replace it with a regular file or remove it"}));
}

// Discovery parses a chunk of 1,024 files while it folds the one before into the table
// (discover.cpp): with three chunks, every page still gets its own file's fields, from the
// files as from the cache, on one thread as on several.
TEST_F(CachedDiscoverTest, ChunksParsedWhileOthersAreFoldedKeepEveryPageInItsPlace) {
  constexpr size_t kPages = 2600;
  bengal::test::Files files;
  for (size_t i = 0; i < kPages; ++i) {
    files.emplace(fmt::format("s{}/p{:04}.md", i / 500, i),
                  fmt::format("---\ntitle: Page {}\ntags: [t{}]\nweight: {}\n---\n"
                              "Body {} [next](p{:04}.md).\n",
                              i, i % 7, i + 1, std::string(i % 13 + 1, 'w'), i + 1));
  }
  bengal::test::write_files(root_, files);
  settle();
  DiscoveredSite plain = discover(nullptr);
  EXPECT_EQ(plain.sources_parsed, kPages);
  size_t checked = 0;
  for (const PageMeta& m : plain.table.pages) {
    if (m.kind != PageKind::kPage) continue;
    std::string_view rel = plain.table.str(m.source_path);
    size_t i = std::stoul(std::string(rel.substr(rel.size() - 7, 4)));
    ASSERT_EQ(plain.table.str(m.title), fmt::format("Page {}", i)) << rel;
    ASSERT_EQ(m.weight, static_cast<int64_t>(i + 1)) << rel;
    ASSERT_EQ(plain.table.list(m.tags).size(), 1u) << rel;
    ASSERT_EQ(plain.table.str(plain.table.list(m.tags)[0]), fmt::format("t{}", i % 7)) << rel;
    ASSERT_EQ(plain.table.str(plain.table.list(m.links)[0]), fmt::format("p{:04}.md", i + 1))
        << rel;
    ++checked;
  }
  EXPECT_EQ(checked, kPages);

  DiscoveredSite cold = discover(&cache_);
  EXPECT_EQ(cold.sources_parsed, kPages);
  EXPECT_EQ(table_text(cold.table), table_text(plain.table));
  DiscoveredSite warm = discover(&cache_);
  EXPECT_EQ(warm.sources_reused, kPages);
  EXPECT_EQ(table_text(warm.table), table_text(plain.table));
  tbb::task_arena one_thread(1);
  DiscoveredSite serial = one_thread.execute([&] { return discover(&cache_); });
  EXPECT_EQ(serial.sources_reused, kPages);
  EXPECT_EQ(table_text(serial.table), table_text(plain.table));
}

}  // namespace
}  // namespace bengal::content
