// Errors and warnings a user can cause. They are values carrying file, line and column and
// are collected, never thrown through the pipeline; the CLI decides how to print them.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace bengal {

enum class Severity : uint8_t { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;   // path as the user wrote it or relative to the site root; empty if none
  uint32_t line = 0;  // 1-based; 0 when the message is about the whole file
  uint32_t column = 0;
  std::string message;  // says what is wrong and what to do

  // "file:line:col: error: message" (line and column left out when unknown).
  std::string format() const;
  bool operator==(const Diagnostic&) const = default;
};

inline Diagnostic make_error(std::string file, uint32_t line, uint32_t column,
                             std::string message) {
  return {Severity::kError, std::move(file), line, column, std::move(message)};
}
inline Diagnostic make_warning(std::string file, uint32_t line, uint32_t column,
                               std::string message) {
  return {Severity::kWarning, std::move(file), line, column, std::move(message)};
}

// A thread-safe collector shared by the stages of one build. Diagnostics are sorted before
// they are shown, so the order in which threads report them never matters.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void add_all(std::vector<Diagnostic> ds);
  // Adds those of `other` that are not here yet, and drops any held twice: the builds of a
  // multilingual site's languages each read the config and report its mistakes.
  void add_distinct(const Diagnostics& other);
  // Sorted by file, line, column, message: deterministic at any thread count.
  std::vector<Diagnostic> sorted() const;
  size_t error_count() const;
  size_t warning_count() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

}  // namespace bengal
