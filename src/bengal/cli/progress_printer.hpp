// The progress of a long build on stderr: on a terminal one line rewritten in place; in a log
// (CI) plain lines, one per phase that ends at least two seconds after the last line, so a
// short build prints none and a long one a few.
#pragma once

#include <cstdio>
#include <mutex>

#include "bengal/report/build_monitor.hpp"

namespace bengal::cli {

enum class ProgressMode {
  kLive,       // a terminal: the line is rewritten on every tick and phase
  kThrottled,  // a log: a line per ended phase, at most one every two seconds
  kEveryPhase  // --progress plain: a line for every ended phase
};

class ProgressPrinter {
 public:
  ProgressPrinter(ProgressMode mode, std::FILE* out) : mode_(mode), out_(out) {}
  // Called by the build monitor, from the build's thread and its ticker thread.
  void show(const report::Progress& p);
  // Clears the live line so the summary starts on a clean line.
  void finish();

 private:
  ProgressMode mode_;
  std::FILE* out_;
  std::mutex mutex_;
  double last_line_ = 0;  // when the last plain line was printed
  bool live_shown_ = false;
};

// "render 3/12: 3,000/10,101 pages, 1,204 pages/s, RSS 41.0 MB, 2.3 s"
std::string format_progress(const report::Progress& p);

}  // namespace bengal::cli
