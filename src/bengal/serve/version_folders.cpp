#include "bengal/serve/version_folders.hpp"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace bengal::serve {

VersionFolders::VersionFolders(fs::path work_dir) : work_dir_(std::move(work_dir)) {}

void VersionFolders::stop() {
  {
    std::lock_guard lock(mutex_);  // copy_ahead starts no thread after this
    stop_ = true;
  }
  if (copier_.joinable()) copier_.join();  // the thread takes the lock once more to end
}

fs::path VersionFolders::new_folder() {
  return work_dir_ / fmt::format("site-{}", ++made_);
}

bool VersionFolders::link_tree(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (!fs::create_directory(to, ec) || ec) return false;
  // Hard links: the writer replaces a file by renaming a new one over it, so the copy never
  // changes when its original does. The output folder holds folders and files only (the
  // writer never writes through a symlink); anything else is left out, and the build that
  // takes the folder writes what is missing.
  for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec)) {
    if (stop_.load()) return false;
    fs::path target = to / it->path().lexically_relative(from);
    fs::file_status st = it->symlink_status(ec);
    if (ec) return false;
    if (fs::is_directory(st)) {
      fs::create_directory(target, ec);
    } else if (fs::is_regular_file(st)) {
      fs::create_hard_link(it->path(), target, ec);
    }
    if (ec) return false;
  }
  return !ec;
}

fs::path VersionFolders::take(const fs::path& served) {
  fs::path folder;
  {
    std::unique_lock lock(mutex_);
    copied_.wait(lock, [&] { return !copying_; });
    if (!spare_.empty()) {
      folder = std::move(spare_.back());
      spare_.pop_back();
      return folder;
    }
    folder = new_folder();
  }
  if (!served.empty() && !link_tree(served, folder)) {
    std::error_code ec;
    fs::remove_all(folder, ec);
  }
  return folder;
}

void VersionFolders::copy_ahead(const fs::path& served) {
  std::lock_guard lock(mutex_);
  if (copying_ || !spare_.empty() || stop_.load()) return;
  if (copier_.joinable()) copier_.join();  // an earlier copy, long done
  copying_ = true;
  copier_ = std::thread([this, served, folder = new_folder()] {
    bool made = link_tree(served, folder);
    bool used = false;
    {
      std::lock_guard lock(mutex_);
      copying_ = false;
      used = made && spare_.empty();
      if (used) spare_.push_back(folder);
    }
    copied_.notify_all();
    // A copy not used (it failed, or a version was given back meanwhile) is removed; one
    // stopped goes with the work folder.
    std::error_code ec;
    if (!used && !stop_.load()) fs::remove_all(folder, ec);
  });
}

void VersionFolders::give_back(const fs::path& folder) {
  {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) {
      spare_.push_back(folder);
      return;
    }
  }
  std::error_code ec;
  fs::remove_all(folder, ec);  // best effort: a leftover goes with the work folder
}

}  // namespace bengal::serve
