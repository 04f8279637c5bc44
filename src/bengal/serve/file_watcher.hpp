// Watches a site's sources with inotify, recursively: every folder under the site folder
// except the output folder, .bengal/, and hidden folders (.git). Folders created later are
// watched as they appear. A burst of events (an editor's save, a git checkout) comes back as
// one batch once the files have been quiet for a moment. Linux only.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace bengal::serve {

struct ChangeBatch {
  std::set<std::filesystem::path> paths;  // changed, created, deleted or moved files
  bool only_stylesheets() const;          // every path ends in .css
};

class FileWatcher {
 public:
  // `skip` are folders not to watch (the output folders), absolute or relative to `site_dir`.
  // Throws std::system_error when inotify is unavailable.
  FileWatcher(const std::filesystem::path& site_dir,
              const std::vector<std::filesystem::path>& skip);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Blocks until files changed and then stayed quiet for `quiet`, and returns them; returns an
  // empty batch as soon as `stop` is set (checked every 100 ms).
  ChangeBatch wait(std::chrono::milliseconds quiet, const std::atomic<bool>& stop);

  size_t watched_folders() const { return folders_.size(); }

 private:
  void watch_tree(const std::filesystem::path& dir);
  bool skipped(const std::filesystem::path& dir) const;
  void add_files(const std::filesystem::path& dir, ChangeBatch& batch) const;
  // Reads the pending events into `batch`; false when none was pending.
  bool drain(ChangeBatch& batch);

  int fd_ = -1;
  std::filesystem::path root_;
  std::vector<std::filesystem::path> skip_;
  std::unordered_map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
};

}  // namespace bengal::serve
