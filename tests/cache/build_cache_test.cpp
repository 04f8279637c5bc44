#include "bengal/cache/build_cache.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "../support/run.hpp"
#include "bengal/core/version.hpp"

namespace fs = std::filesystem;

namespace bengal::cache {
namespace {

fs::path fresh_site() {
  return test::fresh_temp_dir();
}

void finish_one_build(BuildCache& cache) {
  cache.begin(true);
  cache.put_unit("p0", "record", std::string("terms"));
  cache.put_body(0, "body");
  cache.store("a.md", {10, 20, 30}, "parse");
  PageDigests digests{{111}, {222}, {}};
  std::vector<std::string_view> manifest{"a/index.html", "index.html"};
  cache.finish({1, 2, 3, 4}, digests, {{"page.html", 9}}, manifest, nullptr, true, "2-digest");
}

// Every query the cache prepared is finalized when it closes, so the database is closed too:
// SQLite then folds the write-ahead log into the file and removes it. A query left open once
// kept the connection (and its memory) for the life of the process.
TEST(BuildCache, ClosingFoldsTheLogIntoTheDatabase) {
  fs::path site = fresh_site();
  std::string note;
  {
    auto cache = BuildCache::open(site, "cache.db", note);
    ASSERT_NE(cache, nullptr);
    finish_one_build(*cache);
  }
  {
    auto cache = BuildCache::open(site, "cache.db", note);
    ASSERT_NE(cache, nullptr);
    ASSERT_TRUE(cache->unit_row("p0", true));
    ASSERT_TRUE(cache->unit_row("p0", false));
    ASSERT_TRUE(cache->group("none") == std::nullopt);
    std::vector<std::string_view> rels{"a.md"};
    ASSERT_TRUE(cache->find_sorted(rels)[0]);
    ASSERT_TRUE(cache->find("a.md"));
    EXPECT_TRUE(fs::exists(site / ".bengal/cache.db-wal"));
  }
  EXPECT_TRUE(fs::exists(site / ".bengal/cache.db"));
  EXPECT_FALSE(fs::exists(site / ".bengal/cache.db-wal"));
}

TEST(BuildCache, KeepsWhatAFinishedBuildStored) {
  fs::path site = fresh_site();
  uint64_t seed = 0;
  {
    std::string note;
    auto cache = BuildCache::open(site, "cache.db", note);
    ASSERT_NE(cache, nullptr);
    EXPECT_EQ(note, "");
    EXPECT_FALSE(cache->last_keys());
    EXPECT_EQ(cache->manifest_digest(), std::nullopt);
    seed = cache->manifest_seed();
    EXPECT_EQ(cache->manifest_seed(), seed);
    finish_one_build(*cache);
  }
  std::string note;
  auto cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "");
  ASSERT_TRUE(cache->last_keys());
  EXPECT_EQ(cache->last_keys()->structure, 3u);
  auto row = cache->unit_row("p0");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->record, "record");
  EXPECT_EQ(row->search_text, "terms");
  EXPECT_EQ(row->search_holds, 't');
  // Without its search record: only what the record holds.
  auto bare = cache->unit_rows(std::vector<std::string>{"p0", "p1"}, false);
  ASSERT_EQ(bare.size(), 2u);
  ASSERT_TRUE(bare[0]);
  EXPECT_EQ(bare[0]->record, "record");
  EXPECT_EQ(bare[0]->search_holds, 't');
  EXPECT_EQ(bare[0]->search_text, std::nullopt);
  EXPECT_EQ(bare[1], std::nullopt);
  EXPECT_EQ(cache->bodies(2), (std::vector<std::optional<std::string>>{"body", std::nullopt}));
  EXPECT_EQ(cache->unit_row("p1"), std::nullopt);
  EXPECT_EQ(cache->page_digests().full, std::vector<uint64_t>{111});
  EXPECT_EQ(cache->page_digests().head, std::vector<uint64_t>{222});
  std::vector<std::string> manifest;
  cache->for_each_manifest_path([&](std::string_view rel) { manifest.emplace_back(rel); });
  EXPECT_EQ(manifest, (std::vector<std::string>{"a/index.html", "index.html"}));
  EXPECT_EQ(cache->manifest_digest(), "2-digest");
  EXPECT_EQ(cache->manifest_seed(), seed);
  EXPECT_NE(BuildCache::open(fresh_site(), "cache.db", note)->manifest_seed(), seed);
  auto source = cache->find("a.md");
  ASSERT_TRUE(source);
  EXPECT_EQ(source->stamp, (content::FileStamp{10, 20, 30}));
  EXPECT_EQ(source->record, "parse");
}

// Discovery reads a chunk's records in one range scan: each file gets its own record, files
// with none get nothing, records of files gone since are skipped, and names that sort alike
// byte for byte ("a-b" before "a/b", upper case before lower) do not swap. Unsorted names
// are looked up one by one.
TEST(BuildCache, FindSortedGivesEachFileItsOwnRecord) {
  fs::path site = fresh_site();
  std::string note;
  auto cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  cache->begin(true);
  uint64_t n = 0;
  for (const char* rel : {"A.md", "a-b.md", "a/b.md", "a/c.md", "gone.md", "z/\xc3\xa9.md"})
    cache->store(rel, {++n, 0, 0}, std::string("parse of ") + rel);
  cache->flush();
  auto sizes = [](const std::vector<std::optional<content::CachedSource>>& found) {
    std::vector<int64_t> out;
    for (const auto& f : found) out.push_back(f ? static_cast<int64_t>(f->stamp.size) : -1);
    return out;
  };
  std::vector<std::string_view> rels = {"A.md", "a-b.md", "a/b.md", "a/new.md", "z/\xc3\xa9.md"};
  auto found = cache->find_sorted(rels);
  EXPECT_EQ(sizes(found), (std::vector<int64_t>{1, 2, 3, -1, 6}));
  ASSERT_TRUE(found[2]);
  EXPECT_EQ(found[2]->record, "parse of a/b.md");
  EXPECT_EQ(sizes(cache->find_sorted(std::vector<std::string_view>{"a/c.md"})),
            std::vector<int64_t>{4});
  EXPECT_EQ(sizes(cache->find_sorted(std::vector<std::string_view>{"b.md", "a-b.md"})),
            (std::vector<int64_t>{-1, 2}));
  EXPECT_EQ(cache->find_sorted({}).size(), 0u);
}

// Discovery's page records reach the database in slices of 16 MB, before any flush: a big
// site's records are never all held in memory.
TEST(BuildCache, PageRecordsAreWrittenInSlicesBeforeAnyFlush) {
  fs::path site = fresh_site();
  std::string note;
  auto cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  std::string megabyte(size_t{1} << 20, 'x');
  for (int i = 0; i < 17; ++i) cache->store("p" + std::to_string(100 + i), {1, 2, 3}, megabyte);
  // The 16th record brought the pending bytes to 16 MB: the first 16 are in the table.
  ASSERT_TRUE(cache->find("p100"));
  EXPECT_EQ(cache->find("p100")->record, megabyte);
  EXPECT_TRUE(cache->find("p115"));
  EXPECT_EQ(cache->find("p116"), std::nullopt);
  cache->flush();
  EXPECT_TRUE(cache->find("p116"));
}

TEST(BuildCache, ABuildThatDidNotFinishMakesTheNextCold) {
  fs::path site = fresh_site();
  {
    std::string note;
    auto cache = BuildCache::open(site, "cache.db", note);
    finish_one_build(*cache);
    cache->begin(false);  // and then the process dies
  }
  std::string note;
  auto cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the last build did not finish; building cold");
  EXPECT_FALSE(cache->last_keys());
}

TEST(BuildCache, AFileThatIsNotADatabaseIsReplaced) {
  fs::path site = fresh_site();
  fs::create_directories(site / ".bengal");
  std::ofstream(site / ".bengal/cache.db") << std::string(5000, 'x');
  std::string note;
  auto cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the cache " + (site / ".bengal/cache.db").string() +
                      " could not be read (file is not a database); building cold");
  finish_one_build(*cache);
  ASSERT_TRUE(cache->unit_row("p0"));
  EXPECT_EQ(cache->unit_row("p0")->record, "record");
}

// Opens the cache of one finished build after `sql` changed its meta table, as another bengal
// would have written it; `note` gets what the open said.
std::unique_ptr<BuildCache> open_after(const fs::path& site, const std::string& sql,
                                       std::string& note) {
  {
    auto cache = BuildCache::open(site, "cache.db", note);
    finish_one_build(*cache);
  }
  Database(site / ".bengal/cache.db").exec(sql);
  note.clear();
  return BuildCache::open(site, "cache.db", note);
}

TEST(BuildCache, AnotherVersionsCacheIsEmptied) {
  fs::path site = fresh_site();
  std::string note;
  auto cache = open_after(site, "UPDATE meta SET value = '0.0.9' WHERE key = 'bengal'", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the cache was written by bengal 0.0.9; building cold");
  EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
  EXPECT_EQ(cache->find("a.md"), std::nullopt);
}

// Another build of the same version (a development build from other sources) may render
// otherwise: its cache is not trusted.
TEST(BuildCache, AnotherExecutablesCacheIsEmptied) {
  std::string note;
  auto cache =
      open_after(fresh_site(), "UPDATE meta SET value = '0123' WHERE key = 'executable'", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, fmt::format("the cache was written by another build of bengal {}; building cold",
                              kVersion));
  EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
  EXPECT_EQ(executable_digest().size(), 16u);
  // What the last build wrote is still known, for this build to remove what it does not write.
  std::vector<std::string> manifest;
  cache->for_each_manifest_path([&](std::string_view rel) { manifest.emplace_back(rel); });
  EXPECT_EQ(manifest, (std::vector<std::string>{"a/index.html", "index.html"}));
  EXPECT_EQ(cache->manifest_digest(), std::nullopt);
}

// A manifest table not in this bengal's layout is not read.
TEST(BuildCache, AManifestOfAnotherLayoutIsDropped) {
  std::string note;
  auto cache = open_after(fresh_site(),
                          "UPDATE meta SET value = '0123' WHERE key = 'executable'; "
                          "DROP TABLE manifest; CREATE TABLE manifest(rel TEXT, other INTEGER); "
                          "INSERT INTO manifest VALUES('x.html', 1);",
                          note);
  ASSERT_NE(cache, nullptr);
  std::vector<std::string> manifest;
  cache->for_each_manifest_path([&](std::string_view rel) { manifest.emplace_back(rel); });
  EXPECT_EQ(manifest, std::vector<std::string>{});
}

// A development build of the same version that changed the tables' layout.
TEST(BuildCache, AnotherLayoutOfTheSameVersionIsEmptied) {
  std::string note;
  auto cache = open_after(fresh_site(), "UPDATE meta SET value = '2' WHERE key = 'schema'", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the cache has layout 2 (this bengal's is 5); building cold");
  EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
}

int64_t page_size_of(const fs::path& file) {
  Database db(file);
  Statement q(db.handle(), "PRAGMA page_size");
  return q.step() ? q.column_int(0) : 0;
}

// A new cache has 64 KiB pages, which a warm build reads a sixteenth as often as SQLite's
// default 4 KiB.
TEST(BuildCache, ANewCacheHasLargePages) {
  fs::path site = fresh_site();
  std::string note;
  BuildCache::open(site, "cache.db", note).reset();
  EXPECT_EQ(note, "");
  EXPECT_EQ(page_size_of(site / ".bengal/cache.db"), 65536);
}

// An older bengal's cache, of 4 KiB pages and otherwise of our layout, is emptied and gets
// large pages: SQLite keeps a file's page size, so nothing else would change it.
TEST(BuildCache, ACacheOfSmallPagesIsEmptiedAndGivenLargeOnes) {
  fs::path site = fresh_site();
  std::string note;
  auto cache = open_after(site,
                          "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; "
                          "PRAGMA journal_mode=WAL;",
                          note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the cache has pages of 4096 bytes (this bengal's are 65536); building cold");
  EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
  EXPECT_EQ(cache->find("a.md"), std::nullopt);
  finish_one_build(*cache);
  cache.reset();
  EXPECT_EQ(page_size_of(site / ".bengal/cache.db"), 65536);
  note.clear();
  cache = BuildCache::open(site, "cache.db", note);
  EXPECT_EQ(note, "");
  EXPECT_EQ(cache->unit_row("p0")->record, "record");
}

// A cache that came with a site from a stranger, made to attack the build through SQLite: a
// view named like a table of ours that never ends, a trigger, a virtual table. None of it is
// run: the file is replaced and the build goes cold, saying why.
TEST(BuildCache, ACacheMadeToRunItsOwnSqlIsReplaced) {
  struct Planted {
    std::string sql, reason;
  };
  const std::string endless =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT 'k' || x AS key, x "
      "AS value FROM n";
  for (const Planted& planted : std::vector<Planted>{
           {"DROP TABLE meta; CREATE VIEW meta AS " + endless,
            "it holds a view named meta that bengal does not make"},
           {"CREATE TRIGGER wipe AFTER INSERT ON meta BEGIN DELETE FROM units; END",
            "it holds a trigger named wipe that bengal does not make"},
           {"DROP TABLE manifest; CREATE VIRTUAL TABLE manifest USING fts4(rel)",
            "it holds a table named manifest that bengal does not make"},
           {"CREATE INDEX by_value ON meta(value)",
            "it holds an index named by_value that bengal does not make"},
           {"DROP TABLE meta; CREATE TABLE meta(key TEXT, value BLOB)",
            "it holds a table named meta that bengal does not make"},
       }) {
    SCOPED_TRACE(planted.sql);
    fs::path site = fresh_site();
    std::string note;
    {
      auto cache = BuildCache::open(site, "cache.db", note);
      finish_one_build(*cache);
    }
    {
      Database db(site / ".bengal/cache.db");
      db.exec("PRAGMA journal_mode=WAL;");
      db.exec(planted.sql);
    }
    note.clear();
    auto cache = BuildCache::open(site, "cache.db", note);
    ASSERT_NE(cache, nullptr);
    EXPECT_EQ(note, "the cache " + (site / ".bengal/cache.db").string() + " could not be read (" +
                        planted.reason + "); building cold");
    EXPECT_FALSE(cache->last_keys());
    EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
    finish_one_build(*cache);
    EXPECT_EQ(cache->unit_row("p0")->record, "record");
  }
}

// A table of ours in another layout, written by this very bengal as far as meta says: the
// cache is emptied rather than queried in a layout it was not made for.
TEST(BuildCache, OurTablesInAnotherLayoutAreEmptied) {
  fs::path site = fresh_site();
  std::string note;
  auto cache = open_after(site,
                          "DROP TABLE units; CREATE TABLE units(key TEXT PRIMARY KEY, record BLOB);"
                          "CREATE TABLE extra(x)",
                          note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "the cache's tables are not this bengal's; building cold");
  EXPECT_EQ(cache->unit_row("p0"), std::nullopt);
  EXPECT_EQ(cache->find("a.md"), std::nullopt);
  finish_one_build(*cache);
  cache.reset();
  // A table the cache does not use is left alone, and does not make the next build cold.
  note.clear();
  cache = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "");
  EXPECT_TRUE(cache->last_keys());
}

// A build into a new folder each time (`-o $(mktemp -d)`) leaves no cache behind once its
// folder is gone. Kept: a cache whose folder is there, one another build holds, one an older
// bengal made (its lock names no folder) and the configured folder's cache.db.
TEST(BuildCache, CachesOfOutputFoldersThatAreGoneAreRemoved) {
  fs::path site = fresh_site();
  fs::path outs = test::fresh_temp_dir("-outs");
  auto build_into = [&](const std::string& name, const fs::path& out) {
    fs::create_directories(out);
    std::string note;
    auto cache = BuildCache::open(site, name, note, BuildCache::kLockWaitMillis, out);
    EXPECT_NE(cache, nullptr) << name;
    finish_one_build(*cache);
    return cache;
  };
  build_into("cache-00000000000000aa.db", outs / "gone");
  build_into("cache-00000000000000bb.db", outs / "there");
  auto held = build_into("cache-00000000000000cc.db", outs / "held");
  build_into("cache.db", outs / "configured");
  {
    std::string note;
    finish_one_build(*BuildCache::open(site, "cache-00000000000000dd.db", note));
  }
  // A lock planted with a cache that is a link: the link goes, not what it points to.
  fs::path victim = site / "victim.txt";
  test::write_file(victim, "precious");
  test::write_file(site / ".bengal/cache-00000000000000ff.db.lock", (outs / "nowhere").string());
  fs::create_symlink(victim, site / ".bengal/cache-00000000000000ff.db");
  for (const char* gone : {"gone", "held", "configured"}) fs::remove_all(outs / gone);

  std::string note;
  auto cache = BuildCache::open(site, "cache-00000000000000ee.db", note,
                                BuildCache::kLockWaitMillis, outs / "new");
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(note, "");
  auto there = [&](const std::string& name) { return fs::exists(site / ".bengal" / name); };
  EXPECT_FALSE(there("cache-00000000000000aa.db"));
  EXPECT_FALSE(there("cache-00000000000000aa.db.lock"));
  EXPECT_FALSE(fs::is_symlink(site / ".bengal/cache-00000000000000ff.db"));
  EXPECT_EQ(test::read_file(victim), "precious");
  for (const char* kept : {"cache-00000000000000bb.db", "cache-00000000000000cc.db",
                           "cache-00000000000000dd.db", "cache.db", "cache-00000000000000ee.db"})
    EXPECT_TRUE(there(kept)) << kept;
  EXPECT_EQ(test::read_file(site / ".bengal/cache-00000000000000ee.db.lock"),
            (outs / "new").string());
}

TEST(BuildCache, ASecondBuildAtTheSameTimeGoesWithout) {
  fs::path site = fresh_site();
  std::string note;
  auto first = BuildCache::open(site, "cache.db", note);
  ASSERT_NE(first, nullptr);
  std::string second_note;
  EXPECT_EQ(BuildCache::open(site, "cache.db", second_note, 1000), nullptr);
  EXPECT_EQ(second_note, "another build has held the cache in " + (site / ".bengal").string() +
                             " for 1 s; building without it");
  first.reset();
  EXPECT_NE(BuildCache::open(site, "cache.db", second_note), nullptr);
}

TEST(BuildCache, ASymlinkedCacheFolderIsNotUsed) {
  fs::path site = fresh_site();
  fs::create_directories(site / "elsewhere");
  fs::create_directory_symlink(site / "elsewhere", site / ".bengal");
  std::string note;
  EXPECT_EQ(BuildCache::open(site, "cache.db", note), nullptr);
  EXPECT_EQ(note, (site / ".bengal").string() + " is a symlink; building without the cache");
  EXPECT_TRUE(fs::is_empty(site / "elsewhere"));
}

TEST(BuildCache, PlantedSymlinksAreRemovedNeverWrittenThrough) {
  fs::path site = fresh_site();
  fs::path victim = site / "victim.txt";
  std::ofstream(victim) << "precious";
  fs::create_directories(site / ".bengal");
  for (const char* name : {"cache.db", "cache.db-wal", "cache.db-shm", "cache.db.lock"})
    fs::create_symlink(victim, site / ".bengal" / name);
  {
    std::string note;
    auto cache = BuildCache::open(site, "cache.db", note);
    ASSERT_NE(cache, nullptr);
    EXPECT_EQ(note, "");
    finish_one_build(*cache);
  }
  EXPECT_EQ(test::read_file(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(site / ".bengal/cache.db"));
}

}  // namespace
}  // namespace bengal::cache
