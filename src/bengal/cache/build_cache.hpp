// The incremental build cache: SITE/.bengal/cache.db, an SQLite database in WAL mode.
// It holds, from the last build that finished: each page file's parse (keyed by path, with its
// size, mtime and inode), each page's digest and body reads, each render's reads and files,
// each template's digest, the digests that decide whether the last build can be reused at all,
// and the manifest of output files. pipeline/incremental.hpp decides what to render from it.
//
// Never trusted blindly: a cache of another schema or bengal version, one that cannot be read,
// or one left by a build that did not finish is emptied, and the build runs cold with one line
// saying why. One build uses it at a time (a lock file); a second build of the same site at
// the same moment builds without it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bengal/cache/sqlite_db.hpp"
#include "bengal/content/source_cache.hpp"
#include "bengal/core/ids.hpp"

namespace bengal::cache {

// What must be equal for the last build's renders to be reused at all (pipeline/digests.hpp).
struct BuildKeys {
  uint64_t build = 0;      // bengal, config, options, data, translations, template names
  uint64_t paths = 0;      // the page files, so page ids mean the same pages
  uint64_t structure = 0;  // sections, lists, orders, taxonomies, menus, URLs
  uint64_t pagerank = 0;
  uint64_t data = 0;  // site.data
};

// By page id: the digest of all the index knows of a page, and of its head alone. `shown` is
// the head's with the summary, all a listing of the page's title, link and description or
// summary shows (llms.txt); made every build, never stored.
struct PageDigests {
  std::vector<uint64_t> full, head, shown;
};

class BuildCache final : public content::SourceCache {
 public:
  // How long open() waits for another build of the same site and output folder to end.
  static constexpr int kLockWaitMillis = 30000;

  // The cache of `site_dir`, or null when it cannot be used at all (the folder cannot be
  // created, another build held it for `lock_wait_ms`); `note` then says why. A cache that had
  // to be emptied opens empty, with `note` saying why.
  //
  // `output_dir`, the folder the cache describes, is written in its lock file. A build into a
  // new folder each time (`-o $(mktemp -d)`) would otherwise leave a cache of its own behind
  // every time, each as big as the site's: the caches of other `-o` folders that no longer
  // exist, and that no build holds, are removed.
  static std::unique_ptr<BuildCache> open(const std::filesystem::path& site_dir,
                                          std::string_view file_name, std::string& note,
                                          int lock_wait_ms = kLockWaitMillis,
                                          const std::filesystem::path& output_dir = {});
  ~BuildCache() override;

  // The keys of the last finished build; none when there was none (or it did not finish).
  std::optional<BuildKeys> last_keys() const { return last_keys_; }

  // Starts this build: marks the cache "building" (a build killed from here on leaves it so,
  // and the next build runs cold). `cold` forgets the last build's renders first.
  void begin(bool cold);
  // Ends it: the keys, page digests, template digests and manifest of this build, "done".
  // With `last` (the page digests the cache holds, as page_digests() read them), only the
  // pages whose digests changed are written; a manifest that did not change is not written.
  // `manifest_digest` is OutputWriter::manifest_digest's, under manifest_seed().
  void finish(const BuildKeys& keys, const PageDigests& page_digests,
              const std::vector<std::pair<std::string, uint64_t>>& templates,
              std::span<const std::string_view> manifest, const PageDigests* last = nullptr,
              bool manifest_changed = true, std::string_view manifest_digest = {});

  // The last build's, read at open or on demand.
  PageDigests page_digests();
  std::vector<std::pair<std::string, uint64_t>> template_digests();
  // Each path of the last build's manifest, in sorted (byte) order, read as they are given.
  // Thread-safe as find_sorted() is (`fn` must not call the cache).
  void for_each_manifest_path(const std::function<void(std::string_view)>& fn);
  // The digest of that manifest, when the last build stored one, and the cache's secret seed
  // of such digests (made at random the first time).
  std::optional<std::string> manifest_digest();
  uint64_t manifest_seed();
  // By page id, below `pages`: each page body's reads, when the last build recorded them.
  // Read at once: they are small, and a warm build asks for most of them.
  std::vector<std::optional<std::string>> bodies(size_t pages);
  // A render's record and its search record, in one query: a warm build asks for every
  // render. The search records are most of the bytes (33 of 55 MB at 50K pages), and a build
  // that patches its search index or copies index.json's entries reads none of a kept
  // render's: without `search`, only what the record holds is read.
  struct UnitRow {
    std::string record;
    uint8_t search_holds = 0;  // the search record's first byte (1: text, 2: terms); 0: none
    std::optional<std::string> search_text;  // with `search`, when there is one
  };
  std::optional<UnitRow> unit_row(std::string_view key, bool search = true);
  // unit_row() of each key, in one read transaction: a lock of the database per query was a
  // tenth of what a warm build spends keeping renders.
  std::vector<std::optional<UnitRow>> unit_rows(std::span<const std::string> keys, bool search);
  // A group of site-wide files (pipeline/kept_outputs.hpp): the digest of its inputs and its
  // files' stamps (an encoded cache::UnitRecord with outputs only).
  struct GroupRow {
    uint64_t digest = 0;
    std::string record;
  };
  std::optional<GroupRow> group(std::string_view key);

  // This build's records, from any thread; written by flush() (after each render batch).
  void put_body(PageId id, std::string record);
  void put_unit(std::string key, std::string record, std::optional<std::string> search_text);
  void put_group(std::string key, uint64_t digest, std::string record);
  void flush();

  // content::SourceCache: the parses of page files (discovery; one thread).
  std::optional<content::CachedSource> find(std::string_view rel) override;
  std::vector<std::optional<content::CachedSource>> find_sorted(
      std::span<const std::string_view> rels) override;
  void store(std::string_view rel, const content::FileStamp& stamp, std::string record) override;

 private:
  BuildCache(std::unique_ptr<Database> db, int lock_fd);
  void read_keys();
  std::optional<UnitRow> read_unit_row(std::string_view key, bool search);  // mutex_ held
  // Writes pending_sources_ into the table; mutex_ held, in a write transaction.
  void insert_sources();
  // Pending page records are written once they hold this many bytes.
  static constexpr size_t kSourceSliceBytes = size_t{16} << 20;
  std::unique_ptr<Database> db_;
  int lock_fd_ = -1;
  std::optional<BuildKeys> last_keys_;
  std::unique_ptr<Statement> unit_row_query_, unit_search_query_, group_query_, source_query_,
      source_range_query_;
  // Guards the pending records and the connection: every use of db_ and its statements holds
  // it, as the connection has no mutex of its own (Database).
  std::mutex mutex_;
  std::vector<std::pair<PageId, std::string>> pending_bodies_;
  struct PendingUnit {
    std::string key, record;
    std::optional<std::string> search_text;
  };
  std::vector<PendingUnit> pending_units_;
  struct PendingGroup {
    std::string key;
    uint64_t digest = 0;
    std::string record;
  };
  std::vector<PendingGroup> pending_groups_;
  std::vector<std::pair<std::string, std::pair<content::FileStamp, std::string>>> pending_sources_;
  size_t pending_source_bytes_ = 0;
};

}  // namespace bengal::cache
