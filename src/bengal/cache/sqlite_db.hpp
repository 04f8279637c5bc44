// A thin RAII layer over SQLite for the build cache: a connection, prepared statements and
// transactions. Every failure throws CacheError with SQLite's message, which the cache turns
// into "building cold" rather than a failed build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace bengal::cache {

class CacheError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Text and blobs are copied.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, std::string_view bytes);
  // Advances to the next row: true when there is one. Throws on an error.
  bool step();
  // step() for a statement that returns no rows, then reset() for the next use.
  void run();
  void reset();  // clears the bindings too

  int64_t column_int(int index) const;
  std::string_view column_text(int index) const;  // valid until the next step or reset
  std::string_view column_blob(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens or creates the file; WAL mode, so a reader never sees a half-written build and a
  // killed writer loses only its open transaction. The connection takes no mutex of its own
  // (SQLITE_OPEN_NOMUTEX): its owner serializes every use of it and of its statements. SQLite's
  // per-call locking and its count of the memory it holds cost a warm 50K build 0.01-0.05 s of
  // its 1.0 s of CPU (bench/RESULTS.md).
  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);  // one or more statements without results
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN ... COMMIT, or ROLLBACK when destroyed without commit().
class Transaction {
 public:
  // kWrite takes the write lock at once (BEGIN IMMEDIATE); kRead is a read transaction that
  // takes the read lock once for all its queries instead of once per query.
  enum class Mode { kWrite, kRead };
  explicit Transaction(Database& db, Mode mode = Mode::kWrite);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace bengal::cache
