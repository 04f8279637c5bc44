#include "bengal/cache/build_cache.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "bengal/core/version.hpp"

namespace fs = std::filesystem;

namespace bengal::cache {
namespace {

// Bump when a record's layout or a digest's meaning changes.
constexpr int64_t kSchema = 5;
constexpr int kLockWaitStepMillis = 100;
// The size of the cache's pages. A warm build reads most of the cache (140 MB at 50K pages):
// at SQLite's default of 4 KiB that was 36,000 reads, each a system call, and a record longer
// than a page was a chain of overflow pages read one by one. 64 KiB pages take a sixteenth of
// the reads and a tenth of a warm 50K build's time (bench/RESULTS.md).
constexpr int64_t kPageSize = 65536;

constexpr const char* kTables = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS sources(rel TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,
                                   inode INTEGER, record BLOB);
CREATE TABLE IF NOT EXISTS pages(id INTEGER PRIMARY KEY, digest INTEGER, head INTEGER);
CREATE TABLE IF NOT EXISTS bodies(id INTEGER PRIMARY KEY, record BLOB);
CREATE TABLE IF NOT EXISTS new_bodies(id INTEGER PRIMARY KEY, record BLOB);
CREATE TABLE IF NOT EXISTS units(key TEXT PRIMARY KEY, record BLOB, search_holds INTEGER,
                                 search BLOB);
CREATE TABLE IF NOT EXISTS groups(key TEXT PRIMARY KEY, digest INTEGER, record BLOB);
CREATE TABLE IF NOT EXISTS templates(name TEXT PRIMARY KEY, digest INTEGER);
CREATE TABLE IF NOT EXISTS manifest(rel TEXT PRIMARY KEY);
)sql";

// Every table but the manifest, which says which files of the output folder the last build
// wrote (see open_checked).
constexpr const char* kDropAllButManifest = R"sql(
DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS pages;
DROP TABLE IF EXISTS bodies; DROP TABLE IF EXISTS new_bodies; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS search;
DROP TABLE IF EXISTS templates; DROP TABLE IF EXISTS groups;
)sql";
constexpr const char* kDropManifest = "DROP TABLE IF EXISTS manifest;";

std::optional<std::string> meta(Database& db, std::string_view key) {
  Statement q(db.handle(), "SELECT value FROM meta WHERE key = ?");
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return std::string(q.column_text(0));
}

void set_meta(Database& db, std::string_view key, std::string_view value) {
  Statement q(db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  q.bind(1, key).bind(2, value).run();
}

// An object of a database's schema: its type, its name and the SQL that made it.
struct SchemaObject {
  std::string type, name, sql;
  auto operator<=>(const SchemaObject&) const = default;
};

std::vector<SchemaObject> schema_of(Database& db) {
  Statement q(db.handle(), "SELECT type, name, ifnull(sql, '') FROM sqlite_schema ORDER BY 1, 2");
  std::vector<SchemaObject> out;
  while (q.step())
    out.push_back({std::string(q.column_text(0)), std::string(q.column_text(1)),
                   std::string(q.column_text(2))});
  return out;
}

// The objects kTables makes: its tables and their primary keys' indexes.
const std::vector<SchemaObject>& our_schema() {
  static const std::vector<SchemaObject> schema = [] {
    Database db(":memory:");
    db.exec(kTables);
    return schema_of(db);
  }();
  return schema;
}

// A cache that came with the site may have been made to attack the build: a view or a virtual
// table named like one of ours would run its own code on our queries (an endless recursive
// view, a crafted full-text index). Only plain tables and their own indexes are read, and
// `meta`, read before anything else, only in our layout. Throws CacheError.
void check_objects(Database& db) {
  const std::vector<SchemaObject>& ours = our_schema();
  for (const SchemaObject& o : schema_of(db)) {
    bool plain = (o.type == "table" && o.sql.starts_with("CREATE TABLE ")) ||
                 (o.type == "index" && o.sql.empty() && o.name.starts_with("sqlite_autoindex_"));
    bool meta_ours = o.name != "meta" || std::binary_search(ours.begin(), ours.end(), o);
    if (!plain || !meta_ours)
      throw CacheError(fmt::format("it holds {} {} named {} that bengal does not make",
                                   o.type == "index" ? "an" : "a", o.type, o.name));
  }
}

// Whether each of our tables is in the file as kTables makes it (other tables are not read).
bool holds_our_tables(Database& db) {
  std::vector<SchemaObject> objects = schema_of(db);
  return std::includes(objects.begin(), objects.end(), our_schema().begin(), our_schema().end());
}

// Whether the manifest table is in the file as kTables makes it.
bool has_our_manifest(Database& db) {
  auto is_manifest = [](const SchemaObject& o) { return o.name == "manifest"; };
  std::vector<SchemaObject> objects = schema_of(db);
  auto found = std::find_if(objects.begin(), objects.end(), is_manifest);
  auto ours = std::find_if(our_schema().begin(), our_schema().end(), is_manifest);
  return found != objects.end() && *found == *ours;
}

int64_t page_size(Database& db) {
  Statement q(db.handle(), "PRAGMA page_size");
  return q.step() ? q.column_int(0) : 0;
}

// Opens the database and checks that it is ours: an empty note when it can be used as it is.
std::unique_ptr<Database> open_checked(const fs::path& file, std::string& note) {
  std::error_code ec;
  bool existed = fs::exists(file, ec);
  auto db = std::make_unique<Database>(file);
  // Sets the page size of a new file; a file that has its own keeps it (see below).
  db->exec(fmt::format("PRAGMA page_size={};", kPageSize));
  // The lock file keeps every other build out (BuildCache::open), so SQLite's own locks are
  // taken once, not around each of a warm build's thousands of transactions.
  db->exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  check_objects(*db);
  if (int64_t size = page_size(*db); size != kPageSize) {
    // A cache of an older bengal: emptied, then given our page size, which SQLite changes
    // only outside WAL mode, by rewriting the file (at once, as it is empty).
    db->exec(kDropAllButManifest);
    db->exec(kDropManifest);
    db->exec(
        fmt::format("PRAGMA journal_mode=DELETE; PRAGMA page_size={}; VACUUM; "
                    "PRAGMA journal_mode=WAL;",
                    kPageSize));
    if (page_size(*db) != kPageSize) throw CacheError("its page size cannot be changed");
    db->exec(kTables);
    note = fmt::format("the cache has pages of {} bytes (this bengal's are {}); building cold",
                       size, kPageSize);
    return db;
  }
  db->exec(kTables);
  auto schema = meta(*db, "schema");
  auto version = meta(*db, "bengal");
  if (!schema) {
    // A file without our tables: emptied, or made by a build killed at once.
    if (existed) note = fmt::format("the cache {} holds no build; building cold", file.string());
    return db;
  }
  // Another version, layout or executable (a development build of bengal, whose pages may
  // render otherwise): the cache is emptied.
  std::string other;
  if (version.value_or("") != kVersion)
    other = fmt::format("the cache was written by bengal {}; building cold",
                        version.value_or("of another version"));
  else if (*schema != std::to_string(kSchema))
    other = fmt::format("the cache has layout {} (this bengal's is {}); building cold", *schema,
                        kSchema);
  else if (meta(*db, "executable").value_or("") != executable_digest())
    other =
        fmt::format("the cache was written by another build of bengal {}; building cold", kVersion);
  else if (!holds_our_tables(*db))
    other = "the cache's tables are not this bengal's; building cold";
  if (!other.empty()) {
    note = std::move(other);
    // The manifest is kept when it is in our layout: this cold build still removes the files
    // the last one wrote and it does not (a page renamed since bengal was upgraded), instead
    // of leaving them to be published for ever.
    db->exec(kDropAllButManifest);
    if (!has_our_manifest(*db)) db->exec(kDropManifest);
    db->exec(kTables);
  } else if (meta(*db, "state").value_or("") != "done") {
    note = "the last build did not finish; building cold";
  }
  return db;
}

// Another build of the same site (into another folder, or a test) usually ends in moments:
// wait for it a while rather than build cold.
bool wait_for_lock(int fd, int wait_ms) {
  for (int waited = 0;; waited += kLockWaitStepMillis) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (waited >= wait_ms) return false;
    ::usleep(kLockWaitStepMillis * 1000);
  }
}

// The output folder a cache describes, in its lock file: a path, without a newline.
void record_output_folder(int lock_fd, const fs::path& output_dir) {
  const std::string& path = output_dir.native();
  if (::ftruncate(lock_fd, 0) == 0) {
    ssize_t n = ::pwrite(lock_fd, path.data(), path.size(), 0);
    (void)n;  // a lock file without its folder is only never removed
  }
}

// Whether `name` is the lock file of the cache of an `-o` folder ("cache-<16 hex>.db.lock"),
// and then the cache's file name.
std::optional<std::string> cache_of_lock(std::string_view name) {
  constexpr std::string_view kPrefix = "cache-", kSuffix = ".db.lock";
  if (name.size() != kPrefix.size() + 16 + kSuffix.size() || !name.starts_with(kPrefix) ||
      !name.ends_with(kSuffix))
    return std::nullopt;
  std::string_view digest = name.substr(kPrefix.size(), 16);
  if (!std::all_of(digest.begin(), digest.end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
    return std::nullopt;
  return std::string(name.substr(0, name.size() - std::string_view(".lock").size()));
}

// Removes, from the cache folder, the caches of `-o` folders that are gone: each with a lock
// file naming its folder (caches of older builds name none and stay), that no build holds
// now. The files themselves are removed, never what a link among them points to.
void remove_stale_caches(const fs::path& folder, std::string_view ours) {
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::optional<std::string> cache = cache_of_lock(it->path().filename().native());
    if (!cache || *cache == ours) continue;
    int fd = ::open(it->path().c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    char path[4096];
    ssize_t n = ::flock(fd, LOCK_EX | LOCK_NB) == 0 ? ::pread(fd, path, sizeof path, 0) : -1;
    std::error_code gone;
    if (n > 0 && static_cast<size_t>(n) < sizeof path &&
        !fs::exists(fs::path(std::string(path, static_cast<size_t>(n))), gone) && !gone) {
      for (const char* suffix : {"", "-wal", "-shm", ".lock"})
        fs::remove(folder / (*cache + suffix), gone);
    }
    ::close(fd);  // releases the lock
  }
}

}  // namespace

std::unique_ptr<BuildCache> BuildCache::open(const fs::path& site_dir, std::string_view file_name,
                                             std::string& note, int lock_wait_ms,
                                             const fs::path& output_dir) {
  fs::path folder = site_dir / ".bengal";
  std::error_code ec;
  if (fs::is_symlink(folder, ec)) {
    note = fmt::format("{} is a symlink; building without the cache", folder.string());
    return nullptr;
  }
  fs::create_directories(folder, ec);
  if (ec) {
    note = fmt::format("cannot create {}: {}; building without the cache", folder.string(),
                       ec.message());
    return nullptr;
  }
  fs::path file = folder / file_name;
  // A site from a stranger may ship a .bengal/ of its own: SQLite must never write through a
  // symlink it planted (the journal files are opened by name), so links and other non-files
  // in their place are removed first (the link, not what it points to).
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) {
    fs::path p(file.string() + suffix);
    fs::file_status st = fs::symlink_status(p, ec);
    if (ec || st.type() == fs::file_type::not_found || st.type() == fs::file_type::regular)
      continue;
    if (st.type() == fs::file_type::directory || !fs::remove(p, ec)) {
      note = fmt::format("{} is not a file; building without the cache", p.string());
      return nullptr;
    }
  }
  int lock_fd = ::open(fmt::format("{}.lock", file.string()).c_str(),
                       O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (lock_fd < 0 || !wait_for_lock(lock_fd, lock_wait_ms)) {
    if (lock_fd >= 0) ::close(lock_fd);
    note = fmt::format("another build has held the cache in {} for {} s; building without it",
                       folder.string(), lock_wait_ms / 1000);
    return nullptr;
  }
  if (!output_dir.empty()) {
    record_output_folder(lock_fd, output_dir);
    remove_stale_caches(folder, file_name);
  }
  std::unique_ptr<Database> db;
  try {
    db = open_checked(file, note);
  } catch (const CacheError& e) {
    // Not a database, or a damaged one: start again from nothing.
    db.reset();
    note =
        fmt::format("the cache {} could not be read ({}); building cold", file.string(), e.what());
    for (const char* suffix : {"", "-wal", "-shm"})
      fs::remove(fs::path(file.string() + suffix), ec);
    try {
      db = open_checked(file, note);
    } catch (const CacheError& again) {
      ::close(lock_fd);
      note = fmt::format("cannot create the cache {} ({}); building without it", file.string(),
                         again.what());
      return nullptr;
    }
  }
  std::unique_ptr<BuildCache> cache(new BuildCache(std::move(db), lock_fd));
  if (note.empty()) cache->read_keys();
  return cache;
}

BuildCache::BuildCache(std::unique_ptr<Database> db, int lock_fd)
    : db_(std::move(db)), lock_fd_(lock_fd) {}

BuildCache::~BuildCache() {
  unit_row_query_.reset();
  unit_search_query_.reset();
  group_query_.reset();
  source_query_.reset();
  source_range_query_.reset();
  db_.reset();
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

void BuildCache::read_keys() {
  std::lock_guard lock(mutex_);
  auto get = [&](const char* key) -> std::optional<uint64_t> {
    auto v = meta(*db_, key);
    if (!v) return std::nullopt;
    try {
      return std::stoull(*v);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  auto build = get("key_build"), paths = get("key_paths"), structure = get("key_structure"),
       pagerank = get("key_pagerank"), data = get("key_data");
  if (build && paths && structure && pagerank && data)
    last_keys_ = BuildKeys{*build, *paths, *structure, *pagerank, *data};
}

void BuildCache::begin(bool cold) {
  std::lock_guard lock(mutex_);
  Transaction t(*db_);
  set_meta(*db_, "schema", std::to_string(kSchema));
  set_meta(*db_, "bengal", kVersion);
  set_meta(*db_, "executable", executable_digest());
  set_meta(*db_, "state", "building");
  db_->exec("DELETE FROM new_bodies;");
  if (cold) {
    db_->exec(
        "DELETE FROM pages; DELETE FROM bodies; DELETE FROM units; "
        "DELETE FROM templates; DELETE FROM groups;");
    last_keys_.reset();
  }
  t.commit();
}

void BuildCache::finish(const BuildKeys& keys, const PageDigests& page_digests,
                        const std::vector<std::pair<std::string, uint64_t>>& templates,
                        std::span<const std::string_view> manifest, const PageDigests* last,
                        bool manifest_changed, std::string_view manifest_digest) {
  flush();
  std::lock_guard lock(mutex_);
  Transaction t(*db_);
  db_->exec("DELETE FROM templates;");
  // A warm build changes a few pages' digests: tens of thousands of rows need not be written.
  bool same_pages = last != nullptr && last->full.size() == page_digests.full.size() &&
                    last->head.size() == page_digests.head.size();
  if (!same_pages) db_->exec("DELETE FROM pages;");
  {
    Statement q(db_->handle(), "INSERT OR REPLACE INTO pages(id, digest, head) VALUES(?, ?, ?)");
    for (size_t id = 0; id < page_digests.full.size(); ++id) {
      if (same_pages && last->full[id] == page_digests.full[id] &&
          last->head[id] == page_digests.head[id])
        continue;
      q.bind(1, static_cast<int64_t>(id))
          .bind(2, static_cast<int64_t>(page_digests.full[id]))
          .bind(3, static_cast<int64_t>(page_digests.head[id]))
          .run();
    }
  }
  {
    Statement q(db_->handle(), "INSERT INTO templates(name, digest) VALUES(?, ?)");
    for (const auto& [name, digest] : templates)
      q.bind(1, name).bind(2, static_cast<int64_t>(digest)).run();
  }
  if (manifest_changed) {
    db_->exec("DELETE FROM manifest;");
    Statement q(db_->handle(), "INSERT INTO manifest(rel) VALUES(?)");
    for (const auto& rel : manifest) q.bind(1, rel).run();
  }
  // With the manifest, in one transaction: the digest always describes the table.
  if (manifest_digest.empty())
    Statement(db_->handle(), "DELETE FROM meta WHERE key = 'manifest_digest'").run();
  else
    set_meta(*db_, "manifest_digest", manifest_digest);
  db_->exec(
      "INSERT OR REPLACE INTO bodies(id, record) SELECT id, record FROM new_bodies; "
      "DELETE FROM new_bodies;");
  // Pages past the end are gone; their bodies must not be taken for a new page's.
  Statement(db_->handle(), "DELETE FROM bodies WHERE id >= ?")
      .bind(1, static_cast<int64_t>(page_digests.full.size()))
      .run();
  set_meta(*db_, "key_build", std::to_string(keys.build));
  set_meta(*db_, "key_paths", std::to_string(keys.paths));
  set_meta(*db_, "key_structure", std::to_string(keys.structure));
  set_meta(*db_, "key_pagerank", std::to_string(keys.pagerank));
  set_meta(*db_, "key_data", std::to_string(keys.data));
  set_meta(*db_, "state", "done");
  t.commit();
}

PageDigests BuildCache::page_digests() {
  std::lock_guard lock(mutex_);
  PageDigests out;
  Statement q(db_->handle(), "SELECT id, digest, head FROM pages ORDER BY id");
  while (q.step()) {
    auto id = static_cast<size_t>(q.column_int(0));
    if (id >= out.full.size()) {
      out.full.resize(id + 1, 0);
      out.head.resize(id + 1, 0);
    }
    out.full[id] = static_cast<uint64_t>(q.column_int(1));
    out.head[id] = static_cast<uint64_t>(q.column_int(2));
  }
  return out;
}

std::vector<std::pair<std::string, uint64_t>> BuildCache::template_digests() {
  std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, uint64_t>> out;
  Statement q(db_->handle(), "SELECT name, digest FROM templates ORDER BY name");
  while (q.step())
    out.emplace_back(std::string(q.column_text(0)), static_cast<uint64_t>(q.column_int(1)));
  return out;
}

void BuildCache::for_each_manifest_path(const std::function<void(std::string_view)>& fn) {
  std::lock_guard lock(mutex_);
  Statement q(db_->handle(), "SELECT rel FROM manifest ORDER BY rel");
  while (q.step()) fn(q.column_text(0));
}

std::optional<std::string> BuildCache::manifest_digest() {
  std::lock_guard lock(mutex_);
  return meta(*db_, "manifest_digest");
}

uint64_t BuildCache::manifest_seed() {
  std::lock_guard lock(mutex_);
  if (std::optional<std::string> seed = meta(*db_, "manifest_seed")) {
    try {
      return std::stoull(*seed);
    } catch (const std::exception&) {
    }
  }
  std::random_device random;
  uint64_t seed = (uint64_t{random()} << 32) | random();
  set_meta(*db_, "manifest_seed", std::to_string(seed));
  return seed;
}

std::vector<std::optional<std::string>> BuildCache::bodies(size_t pages) {
  std::lock_guard lock(mutex_);
  std::vector<std::optional<std::string>> out(pages);
  Statement q(db_->handle(), "SELECT id, record FROM bodies WHERE id < ?");
  q.bind(1, static_cast<int64_t>(pages));
  while (q.step()) {
    int64_t id = q.column_int(0);
    if (id >= 0) out[static_cast<size_t>(id)] = std::string(q.column_blob(1));
  }
  return out;
}

std::optional<BuildCache::UnitRow> BuildCache::unit_row(std::string_view key, bool search) {
  std::lock_guard lock(mutex_);
  return read_unit_row(key, search);
}

std::vector<std::optional<BuildCache::UnitRow>> BuildCache::unit_rows(
    std::span<const std::string> keys, bool search) {
  std::lock_guard lock(mutex_);
  std::vector<std::optional<UnitRow>> out;
  out.reserve(keys.size());
  Transaction t(*db_, Transaction::Mode::kRead);
  for (const auto& key : keys) out.push_back(read_unit_row(key, search));
  t.commit();
  return out;
}

std::optional<BuildCache::UnitRow> BuildCache::read_unit_row(std::string_view key, bool search) {
  // The search record is the row's last column: a query that does not name it never reads
  // the pages it overflows into.
  std::unique_ptr<Statement>& query = search ? unit_search_query_ : unit_row_query_;
  if (!query) {
    query = std::make_unique<Statement>(
        db_->handle(), search ? "SELECT record, search_holds, search FROM units WHERE key = ?"
                              : "SELECT record, search_holds FROM units WHERE key = ?");
  }
  Statement& q = *query;
  q.bind(1, key);
  std::optional<UnitRow> out;
  if (q.step()) {
    out.emplace();
    out->record = std::string(q.column_blob(0));
    out->search_holds = static_cast<uint8_t>(q.column_int(1));
    if (search && out->search_holds != 0) out->search_text = std::string(q.column_blob(2));
  }
  q.reset();
  return out;
}

std::optional<BuildCache::GroupRow> BuildCache::group(std::string_view key) {
  std::lock_guard lock(mutex_);
  if (!group_query_) {
    group_query_ = std::make_unique<Statement>(db_->handle(),
                                               "SELECT digest, record FROM groups WHERE key = ?");
  }
  Statement& q = *group_query_;
  q.bind(1, key);
  std::optional<GroupRow> out;
  if (q.step())
    out = GroupRow{static_cast<uint64_t>(q.column_int(0)), std::string(q.column_blob(1))};
  q.reset();
  return out;
}

void BuildCache::put_group(std::string key, uint64_t digest, std::string record) {
  std::lock_guard lock(mutex_);
  pending_groups_.push_back({std::move(key), digest, std::move(record)});
}

void BuildCache::put_body(PageId id, std::string record) {
  std::lock_guard lock(mutex_);
  pending_bodies_.emplace_back(id, std::move(record));
}

void BuildCache::put_unit(std::string key, std::string record,
                          std::optional<std::string> search_text) {
  std::lock_guard lock(mutex_);
  pending_units_.push_back({std::move(key), std::move(record), std::move(search_text)});
}

void BuildCache::flush() {
  std::lock_guard lock(mutex_);
  if (pending_bodies_.empty() && pending_units_.empty() && pending_sources_.empty() &&
      pending_groups_.empty())
    return;
  Transaction t(*db_);
  {
    // Apart until the build ends: bodies() answers with the last build's records.
    Statement q(db_->handle(), "INSERT OR REPLACE INTO new_bodies(id, record) VALUES(?, ?)");
    for (const auto& [id, record] : pending_bodies_)
      q.bind(1, static_cast<int64_t>(id)).bind_blob(2, record).run();
  }
  {
    // The search parts in the render's row: a warm build reads both with one lookup.
    Statement unit(db_->handle(),
                   "INSERT OR REPLACE INTO units(key, record, search_holds, search) "
                   "VALUES(?, ?, ?, ?)");
    for (const auto& u : pending_units_) {
      unit.bind(1, u.key)
          .bind_blob(2, u.record)
          .bind(3, int64_t{u.search_text && !u.search_text->empty()
                               ? static_cast<uint8_t>(u.search_text->front())
                               : 0})
          .bind_blob(4, u.search_text.value_or(""))
          .run();
    }
  }
  {
    Statement q(db_->handle(),
                "INSERT OR REPLACE INTO groups(key, digest, record) VALUES(?, ?, ?)");
    for (const auto& g : pending_groups_)
      q.bind(1, g.key).bind(2, static_cast<int64_t>(g.digest)).bind_blob(3, g.record).run();
  }
  insert_sources();
  t.commit();
  pending_bodies_.clear();
  pending_units_.clear();
  pending_sources_.clear();
  pending_source_bytes_ = 0;
  pending_groups_.clear();
}

void BuildCache::insert_sources() {
  Statement q(db_->handle(),
              "INSERT OR REPLACE INTO sources(rel, size, mtime, inode, record) "
              "VALUES(?, ?, ?, ?, ?)");
  for (const auto& [rel, value] : pending_sources_) {
    const auto& [stamp, record] = value;
    q.bind(1, rel)
        .bind(2, static_cast<int64_t>(stamp.size))
        .bind(3, stamp.mtime_ns)
        .bind(4, static_cast<int64_t>(stamp.inode))
        .bind_blob(5, record)
        .run();
  }
}

std::optional<content::CachedSource> BuildCache::find(std::string_view rel) {
  std::lock_guard lock(mutex_);
  // Prepared once: discovery asks for every page file of the site.
  if (!source_query_) {
    source_query_ = std::make_unique<Statement>(
        db_->handle(), "SELECT size, mtime, inode, record FROM sources WHERE rel = ?");
  }
  Statement& q = *source_query_;
  q.bind(1, rel);
  std::optional<content::CachedSource> out;
  if (q.step()) {
    out.emplace();
    out->stamp.size = static_cast<uint64_t>(q.column_int(0));
    out->stamp.mtime_ns = q.column_int(1);
    out->stamp.inode = static_cast<uint64_t>(q.column_int(2));
    out->record = std::string(q.column_blob(3));
  }
  q.reset();
  return out;
}

std::vector<std::optional<content::CachedSource>> BuildCache::find_sorted(
    std::span<const std::string_view> rels) {
  if (!std::is_sorted(rels.begin(), rels.end())) return SourceCache::find_sorted(rels);
  std::vector<std::optional<content::CachedSource>> out(rels.size());
  if (rels.empty()) return out;
  std::lock_guard lock(mutex_);
  if (!source_range_query_) {
    // TEXT compares byte by byte here as std::string_view does: the rows come in rels' order.
    source_range_query_ = std::make_unique<Statement>(
        db_->handle(),
        "SELECT rel, size, mtime, inode, record FROM sources WHERE rel >= ? AND rel <= ? "
        "ORDER BY rel");
  }
  Statement& q = *source_range_query_;
  q.bind(1, rels.front()).bind(2, rels.back());
  size_t i = 0;
  while (i < rels.size() && q.step()) {
    std::string_view rel = q.column_text(0);
    while (i < rels.size() && rels[i] < rel) ++i;      // files the cache has no record of
    if (i == rels.size() || rels[i] != rel) continue;  // a record of a file gone since
    content::CachedSource& source = out[i++].emplace();
    source.stamp.size = static_cast<uint64_t>(q.column_int(1));
    source.stamp.mtime_ns = q.column_int(2);
    source.stamp.inode = static_cast<uint64_t>(q.column_int(3));
    source.record = std::string(q.column_blob(4));
  }
  q.reset();
  return out;
}

void BuildCache::store(std::string_view rel, const content::FileStamp& stamp, std::string record) {
  std::lock_guard lock(mutex_);
  pending_source_bytes_ += rel.size() + record.size();
  pending_sources_.emplace_back(std::string(rel), std::make_pair(stamp, std::move(record)));
  // Discovery stores a record for every page it parsed, long before the first flush: a
  // million pages' records are about 900 MB. Written in slices, they never add up.
  if (pending_source_bytes_ < kSourceSliceBytes) return;
  Transaction t(*db_);
  insert_sources();
  t.commit();
  pending_sources_.clear();
  pending_source_bytes_ = 0;
}

}  // namespace bengal::cache
