#include "bengal/cli/progress_printer.hpp"

#include <string>

#include <fmt/format.h>

#include "bengal/core/memory.hpp"

namespace bengal::cli {
namespace {

constexpr double kPlainEvery = 2.0;  // seconds between plain lines

}  // namespace

std::string format_progress(const report::Progress& p) {
  std::string line = p.phase;
  if (p.pages_total > 0) {
    line += fmt::format(": {}/{} pages", p.pages_done, p.pages_total);
    if (p.render_seconds > 0) {
      line += fmt::format(", {:.0f} pages/s", static_cast<double>(p.pages_done) / p.render_seconds);
    }
  }
  line += fmt::format("{} RSS {}, {:.1f} s", p.pages_total > 0 ? "," : ":",
                      format_megabytes(p.rss_bytes), p.seconds);
  return line;
}

void ProgressPrinter::show(const report::Progress& p) {
  std::lock_guard lock(mutex_);
  if (mode_ == ProgressMode::kLive) {
    // \r and "erase line": the next state replaces the previous one in place.
    std::fprintf(out_, "\r\033[K%s", format_progress(p).c_str());
    std::fflush(out_);
    live_shown_ = true;
    return;
  }
  if (!p.phase_ended) return;
  if (mode_ == ProgressMode::kThrottled && p.seconds - last_line_ < kPlainEvery) return;
  last_line_ = p.seconds;
  std::fprintf(out_, "%s\n", format_progress(p).c_str());
  std::fflush(out_);
}

void ProgressPrinter::finish() {
  std::lock_guard lock(mutex_);
  if (live_shown_) std::fprintf(out_, "\r\033[K");
  live_shown_ = false;
  std::fflush(out_);
}

}  // namespace bengal::cli
