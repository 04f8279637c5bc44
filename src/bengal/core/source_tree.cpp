#include "bengal/core/source_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <tbb/parallel_for.h>

namespace fs = std::filesystem;

namespace bengal {
namespace {

bool has_hidden_segment(const fs::path& rel) {
  for (const auto& seg : rel)
    if (seg.native().starts_with('.') && seg != "." && seg != "..") return true;
  return false;
}

struct Walker {
  const SourceTreeOptions& options;
  std::string_view display_dir;
  Diagnostics& diagnostics;
  fs::path site;                                          // canonical
  std::map<std::pair<dev_t, ino_t>, std::string> walked;  // folder -> how it was first reached
  std::vector<ListedFile> files;

  std::string display(const std::string& rel) const {
    return rel.empty() ? std::string(display_dir) : fmt::format("{}/{}", display_dir, rel);
  }
  void warn(const std::string& rel, std::string message) {
    diagnostics.add(make_warning(display(rel), 0, 0, std::move(message)));
  }

  // Where the symlink at `path` leads, if it may be followed; warns and returns empty if not.
  fs::path follow(const fs::path& path, const std::string& rel) {
    fs::path target;
    std::string error;
    switch (locate_site_file(path, site, target, error)) {
      case SiteFile::kInside:
        return target;
      case SiteFile::kMissing:
      case SiteFile::kUnreadable:
        // A dangling link or a loop: listed as a file, so reading it reports the error where
        // a broken page or asset is reported (reading fails; it cannot hang).
        return path;
      case SiteFile::kOutside:
        if (options.follow_external_symlinks) return target;
        warn(rel, fmt::format("symlink to {} points outside the site folder; skipped: set "
                              "[build] follow_external_symlinks = true to include it",
                              target.string()));
        return {};
      case SiteFile::kHidden:
        warn(rel, fmt::format("symlink to {} points to a hidden file or folder; skipped: link "
                              "to a file that is not hidden",
                              target.string()));
        return {};
    }
    return {};
  }

  // Lists one entry (`rel` empty: the listed folder itself) whose lstat is `st`; pushes
  // folders to walk on `todo`.
  void visit(const fs::path& path, const std::string& rel, struct stat st,
             std::vector<std::pair<fs::path, std::string>>& todo) {
    bool link = S_ISLNK(st.st_mode);
    fs::path real = path;
    if (link) {
      real = follow(path, rel);
      if (real.empty()) return;
      if (::stat(real.c_str(), &st) != 0) {
        files.push_back(ListedFile{rel, false, 0, 0, 0});
        return;
      }
    }
    if (S_ISDIR(st.st_mode)) {
      auto [it, fresh] = walked.emplace(std::pair{st.st_dev, st.st_ino}, display(rel));
      if (fresh) {
        todo.emplace_back(real, rel);
      } else {
        warn(rel, fmt::format("symlink to {} points to a folder already included as {}; "
                              "skipped",
                              real.string(), it->second));
      }
    } else if (S_ISREG(st.st_mode)) {
      if (!rel.empty()) {
        files.push_back({rel, true, static_cast<uint64_t>(st.st_size),
                         int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec,
                         static_cast<uint64_t>(st.st_ino)});
      }
    } else {
      warn(rel,
           "not a regular file (a FIFO, socket or device); skipped: replace it with a "
           "regular file or remove it");
    }
  }

  // The lstat of each of `names` in `folder`, made in parallel and relative to the folder: a
  // system call for each file is most of the walk's time (a warm build of a big site stats
  // every source). False where the entry is gone.
  static void lstat_all(const fs::path& folder, const std::vector<std::string>& names,
                        std::vector<struct stat>& stats, std::vector<uint8_t>& found) {
    stats.assign(names.size(), {});
    found.assign(names.size(), 0);
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    auto one = [&](size_t i) {
      found[i] = fd >= 0 ? ::fstatat(fd, names[i].c_str(), &stats[i], AT_SYMLINK_NOFOLLOW) == 0
                         : ::lstat((folder / names[i]).c_str(), &stats[i]) == 0;
    };
    constexpr size_t kParallelFrom = 64;  // fewer are not worth waking a thread for
    if (names.size() >= kParallelFrom) {
      tbb::parallel_for(tbb::blocked_range<size_t>(0, names.size(), 32), [&](const auto& range) {
        for (size_t i = range.begin(); i < range.end(); ++i) one(i);
      });
    } else {
      for (size_t i = 0; i < names.size(); ++i) one(i);
    }
    if (fd >= 0) ::close(fd);
  }

  void walk(const fs::path& dir) {
    std::vector<std::pair<fs::path, std::string>> todo;
    struct stat root {};
    if (::lstat(dir.c_str(), &root) == 0) visit(dir, "", root, todo);
    std::vector<struct stat> stats;
    std::vector<uint8_t> found;
    while (!todo.empty()) {
      auto [folder, prefix] = std::move(todo.back());
      todo.pop_back();
      std::vector<std::string> names;
      std::error_code ec;
      for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!is_ignored_file_name(name)) names.push_back(std::move(name));
      }
      if (ec) {
        diagnostics.add(
            make_error(display(prefix), 0, 0,
                       fmt::format("cannot read folder: {}; check its permissions", ec.message())));
      }
      // Sorted and depth first, so the first link to a folder is the same on every run.
      std::sort(names.begin(), names.end());
      lstat_all(folder, names, stats, found);
      std::vector<std::pair<fs::path, std::string>> sub;
      for (size_t i = 0; i < names.size(); ++i) {
        if (!found[i]) continue;  // removed meanwhile
        const std::string& name = names[i];
        visit(folder / name, prefix.empty() ? name : fmt::format("{}/{}", prefix, name), stats[i],
              sub);
      }
      todo.insert(todo.end(), std::make_move_iterator(sub.rbegin()),
                  std::make_move_iterator(sub.rend()));
    }
  }
};

}  // namespace

bool is_within_folder(const fs::path& path, const fs::path& folder) {
  const std::string &p = path.native(), &f = folder.native();
  if (!p.starts_with(f)) return false;
  return p.size() == f.size() || f.ends_with('/') || p[f.size()] == '/';
}

SiteFile locate_site_file(const fs::path& path, const fs::path& folder, fs::path& real,
                          std::string& error) {
  real.clear();
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return SiteFile::kMissing;
  fs::path target = fs::canonical(path, ec);
  if (ec) {
    error = ec.message();
    return SiteFile::kUnreadable;
  }
  real = std::move(target);
  if (!is_within_folder(real, folder)) return SiteFile::kOutside;
  if (has_hidden_segment(real.lexically_relative(folder))) return SiteFile::kHidden;
  return SiteFile::kInside;
}

bool is_ignored_file_name(std::string_view name) {
  return name.starts_with('.') || name.ends_with('~');
}

std::vector<ListedFile> list_source_files_with_stats(const fs::path& dir,
                                                     std::string_view display_dir,
                                                     const SourceTreeOptions& options,
                                                     Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return {};
  Walker w{options, display_dir, diagnostics, {}, {}, {}};
  w.site = fs::weakly_canonical(options.site_dir.empty() ? dir : options.site_dir, ec);
  if (ec) w.site = fs::absolute(options.site_dir.empty() ? dir : options.site_dir);
  w.walk(dir);
  std::sort(w.files.begin(), w.files.end(),
            [](const ListedFile& a, const ListedFile& b) { return a.rel < b.rel; });
  return std::move(w.files);
}

std::vector<std::string> list_source_files(const fs::path& dir, std::string_view display_dir,
                                           const SourceTreeOptions& options,
                                           Diagnostics& diagnostics) {
  std::vector<std::string> rels;
  for (auto& f : list_source_files_with_stats(dir, display_dir, options, diagnostics))
    rels.push_back(std::move(f.rel));
  return rels;
}

}  // namespace bengal
