#include "bengal/serve/file_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "bengal/core/source_tree.hpp"

namespace fs = std::filesystem;

namespace bengal::serve {
namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;

// What the build itself skips (hidden files and backups, core/source_tree.hpp), and editors'
// swap files ("a.md.swp", vim's "4913"), are noise.
bool is_noise(const std::string& name) {
  return name.empty() || is_ignored_file_name(name) || name.ends_with(".swp") ||
         name.ends_with(".swx") || name == "4913";
}

}  // namespace

bool ChangeBatch::only_stylesheets() const {
  return !paths.empty() && std::all_of(paths.begin(), paths.end(),
                                       [](const fs::path& p) { return p.extension() == ".css"; });
}

FileWatcher::FileWatcher(const fs::path& site_dir, const std::vector<fs::path>& skip) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  std::error_code ec;
  root_ = fs::weakly_canonical(site_dir, ec);
  if (ec) root_ = fs::absolute(site_dir);
  for (const fs::path& p : skip) {
    fs::path full = p.is_absolute() ? p : root_ / p;
    skip_.push_back(fs::weakly_canonical(full, ec));
    if (ec) skip_.back() = full.lexically_normal();
  }
  watch_tree(root_);
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) close(fd_);
}

bool FileWatcher::skipped(const fs::path& dir) const {
  if (dir != root_ && is_noise(dir.filename().string())) return true;
  if (dir == root_ / ".bengal") return true;
  return std::find(skip_.begin(), skip_.end(), dir) != skip_.end();
}

// Folders only: a folder's watch reports its files. Symlinked folders are not followed, as
// the build does not leave the site through them either (core/source_tree.hpp).
void FileWatcher::watch_tree(const fs::path& dir) {
  if (skipped(dir)) return;
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask | IN_DONT_FOLLOW);
  if (wd < 0) return;  // vanished, or the watch limit: the rest is still watched
  folders_[wd] = dir;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) watch_tree(it->path());
  }
}

void FileWatcher::add_files(const fs::path& dir, ChangeBatch& batch) const {
  if (skipped(dir)) return;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && skipped(it->path())) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file(ec) && !is_noise(it->path().filename().string())) {
      batch.paths.insert(it->path());
    }
  }
}

bool FileWatcher::drain(ChangeBatch& batch) {
  alignas(inotify_event) char buffer[64 * 1024];
  bool any = false;
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return any;
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_IGNORED) {
        folders_.erase(event->wd);
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      std::string name = event->len > 0 ? std::string(event->name) : std::string();
      if (name.empty() ? (event->mask & IN_DELETE_SELF) == 0 : is_noise(name)) continue;
      fs::path path = name.empty() ? folder->second : folder->second / name;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
        // A new folder: watched from now on; the files it already holds (made before the
        // watch, or moved in with it) are the change.
        watch_tree(path);
        add_files(path, batch);
      } else {
        batch.paths.insert(path);
      }
      any = true;
    }
  }
}

ChangeBatch FileWatcher::wait(std::chrono::milliseconds quiet, const std::atomic<bool>& stop) {
  ChangeBatch batch;
  pollfd pfd{fd_, POLLIN, 0};
  // Until the first event, wake every 100 ms to see `stop`; after it, until `quiet` passes
  // without another.
  while (!stop.load()) {
    bool started = !batch.paths.empty();
    int timeout_ms = started ? static_cast<int>(quiet.count()) : 100;
    int ready = poll(&pfd, 1, timeout_ms);
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0) {
      drain(batch);
    } else if (ready == 0 && started) {
      return batch;
    }
  }
  return {};
}

}  // namespace bengal::serve
