#include "bengal/core/diagnostic.hpp"

#include "bengal/core/read_set.hpp"

#include <algorithm>
#include <tuple>

namespace bengal {

std::string Diagnostic::format() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  out += severity == Severity::kError ? "error: " : "warning: ";
  out += message;
  return out;
}

void Diagnostics::add(Diagnostic d) {
  reads::diagnostic_raised(d);
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::add_all(std::vector<Diagnostic> ds) {
  for (const auto& d : ds) reads::diagnostic_raised(d);
  std::lock_guard lock(mutex_);
  for (auto& d : ds) items_.push_back(std::move(d));
}

namespace {

void sort_diagnostics(std::vector<Diagnostic>& list) {
  std::sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column, a.message, a.severity) <
           std::tie(b.file, b.line, b.column, b.message, b.severity);
  });
}

}  // namespace

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard lock(mutex_);
    copy = items_;
  }
  sort_diagnostics(copy);
  return copy;
}

void Diagnostics::add_distinct(const Diagnostics& other) {
  std::vector<Diagnostic> all = other.sorted();
  {
    std::lock_guard lock(mutex_);
    all.insert(all.end(), items_.begin(), items_.end());
  }
  sort_diagnostics(all);
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::lock_guard lock(mutex_);
  items_ = std::move(all);
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return items_.size() - std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
           return d.severity == Severity::kError;
         });
}

}  // namespace bengal
