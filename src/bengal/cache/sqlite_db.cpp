#include "bengal/cache/sqlite_db.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace bengal::cache {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw CacheError(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK)
    fail(db, "cannot prepare a cache query");
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
      SQLITE_OK)
    fail(db_, "cannot bind a text");
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  // An empty blob still binds as a blob (never NULL): SQLite wants a non-null pointer.
  static const char kEmpty = 0;
  if (sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &kEmpty : bytes.data(), bytes.size(),
                          SQLITE_TRANSIENT) != SQLITE_OK)
    fail(db_, "cannot bind a blob");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "cache query failed");
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string_view Statement::column_text(int index) const {
  const unsigned char* p = sqlite3_column_text(stmt_, index);
  int n = sqlite3_column_bytes(stmt_, index);
  return p == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(p), n);
}

std::string_view Statement::column_blob(int index) const {
  const void* p = sqlite3_column_blob(stmt_, index);
  int n = sqlite3_column_bytes(stmt_, index);
  return p == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(p), n);
}

Database::Database(const std::filesystem::path& file) {
  // Before SQLite initializes, once: no count of its memory, which takes a global mutex on
  // every allocation. A call after another part of the program started SQLite is refused
  // (SQLITE_MISUSE) and changes nothing.
  static const int no_memory_status = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)no_memory_status;
  if (sqlite3_open_v2(
          file.c_str(), &db_,
          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
          nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw CacheError("cannot open " + file.string() + ": " + message);
  }
  // The file may come with a site from a stranger: its schema must not run anything. No
  // trigger fires and no view is read (the cache uses neither), no function runs from the
  // schema, and no SQL can corrupt the file on purpose (SQLite's "defense against the dark
  // arts").
  for (int setting : {SQLITE_DBCONFIG_ENABLE_TRIGGER, SQLITE_DBCONFIG_ENABLE_VIEW,
                      SQLITE_DBCONFIG_TRUSTED_SCHEMA})
    sqlite3_db_config(db_, setting, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  // Another build of the same site (into another folder) may hold the write lock briefly.
  sqlite3_busy_timeout(db_, 10000);
}

Database::~Database() {
  // A statement still open would make sqlite3_close fail and leave the connection open for
  // good; sqlite3_close_v2 closes it once the last statement is finalized.
  sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message ? message : "unknown error";
    sqlite3_free(message);
    throw CacheError(error);
  }
}

Transaction::Transaction(Database& db, Mode mode) : db_(db) {
  db_.exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const CacheError&) {  // nothing more to undo
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace bengal::cache
