// The folders of `bengal serve`'s versions. A rebuild writes the next version into a folder of
// its own while the last one is served, and that folder must start as an earlier version that
// the build cache can check file by file, so that the build rewrites only what changed.
//
// Once the first version is complete, a thread makes a hard-linked copy of it for the first
// rebuild. After that, each rebuild takes the folder of the version before last, given back
// once nothing serves it: no copy and no delete per edit, each of which takes seconds for the
// 80,000 files of a 50,000-page site. The cache's stamps hold each file's inode
// (output/writer.hpp FileStamp), so a file the older version left is never taken for the one
// the cache recorded.
//
// Thread-safety: every call may come from any thread (a version is given back by whichever
// thread drops its last snapshot).
#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

namespace bengal::serve {

class VersionFolders {
 public:
  // Folders are made in `work_dir`, which the caller removes with them in the end.
  explicit VersionFolders(std::filesystem::path work_dir);
  ~VersionFolders() { stop(); }
  VersionFolders(const VersionFolders&) = delete;
  VersionFolders& operator=(const VersionFolders&) = delete;

  // A folder for the next version: one given back or copied ahead (waiting for a copy in
  // progress), else a new one, as a hard-linked copy of `served` when a version is served (a
  // copy that fails leaves the folder empty: the build then writes every file).
  std::filesystem::path take(const std::filesystem::path& served);
  // After `served` is complete: unless a folder is kept or being made, starts copying it on a
  // thread of its own, for the next take().
  void copy_ahead(const std::filesystem::path& served);
  // The folder of a version nothing serves any more, or of a build that was not served: kept
  // for the next take(). One folder is kept; one more is removed.
  void give_back(const std::filesystem::path& folder);

  // Stops a copy in progress and waits for it (before the work folder is removed).
  void stop();

 private:
  std::filesystem::path new_folder();  // with mutex_ held
  // A hard-linked copy of `from` at `to` (which must not exist). False when it failed or
  // `stop_` was set: then `to` holds part of it.
  bool link_tree(const std::filesystem::path& from, const std::filesystem::path& to);

  std::filesystem::path work_dir_;
  std::mutex mutex_;
  std::condition_variable copied_;
  unsigned made_ = 0;
  std::vector<std::filesystem::path> spare_;  // at most one
  bool copying_ = false;
  std::atomic<bool> stop_{false};
  std::thread copier_;
};

}  // namespace bengal::serve
