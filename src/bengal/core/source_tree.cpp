#include "bengal/core/source_tree.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <memory>
#include <system_error>
#include <utility>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

namespace fs = std::filesystem;

namespace bengal {
namespace {

bool has_hidden_segment(const fs::path& rel) {
  for (const auto& seg : rel)
    if (seg.native().starts_with('.') && seg != "." && seg != "..") return true;
  return false;
}

// What the walk keeps of a stat: it holds one for every file of the site at once.
struct FileStat {
  mode_t mode = 0;  // stays 0 where stat failed: every file has a type
  dev_t dev = 0;
  ino_t ino = 0;
  uint64_t size = 0;
  int64_t mtime_ns = 0;  // nanoseconds since the epoch
};

FileStat stat_at(int folder_fd, const char* path, int flags) {
  struct stat st {};
  if (::fstatat(folder_fd, path, &st, flags) != 0) return {};
  return {st.st_mode, st.st_dev, st.st_ino, static_cast<uint64_t>(st.st_size),
          int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// A folder as read from disk, before the rules of source_tree.hpp apply: its entries whose
// names are not ignored, sorted by name, each with its lstat. An entry gone before its lstat
// is left out, as if the folder had been read a moment later.
struct FolderListing;
struct FolderEntry {
  std::string name;
  FileStat st;                            // lstat
  std::unique_ptr<FolderListing> folder;  // a real subfolder's listing, read ahead
};
struct FolderListing {
  std::vector<FolderEntry> entries;
  std::error_code error;  // reading stopped here; `entries` holds what was read before
};

// The lstat of every entry, relative to the folder so that the kernel does not resolve the
// folder's path again for each file.
void lstat_entries(int folder_fd, std::vector<FolderEntry>& entries) {
  auto one = [&](FolderEntry& e) {
    e.st = stat_at(folder_fd, e.name.c_str(), AT_SYMLINK_NOFOLLOW);
  };
  // Folders are the unit of parallel work (read_folder_tree); only a folder of thousands of
  // files, a flat site, is worth splitting further.
  constexpr size_t kParallelFrom = 2048, kChunk = 512;
  if (entries.size() < kParallelFrom) {
    for (FolderEntry& e : entries) one(e);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<size_t>(0, entries.size(), kChunk), [&](const auto& r) {
    for (size_t i = r.begin(); i < r.end(); ++i) one(entries[i]);
  });
}

// Reads the folder at `path`. Its last component is not followed: the walk reads a folder
// through a symlink only once the link has been checked, by its resolved path.
void read_folder(const fs::path& path, FolderListing& listing) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  DIR* dir = fd >= 0 ? ::fdopendir(fd) : nullptr;
  if (dir == nullptr) {
    listing.error = std::error_code(errno, std::generic_category());
    if (fd >= 0) ::close(fd);
    return;
  }
  std::vector<std::string> names;
  for (;;) {
    errno = 0;  // readdir returns null both at the end and on an error, which sets errno
    const dirent* e = ::readdir(dir);
    if (e == nullptr) break;
    if (!is_ignored_file_name(e->d_name)) names.emplace_back(e->d_name);
  }
  if (errno != 0) listing.error = std::error_code(errno, std::generic_category());
  std::sort(names.begin(), names.end());
  listing.entries.resize(names.size());
  for (size_t i = 0; i < names.size(); ++i) listing.entries[i].name = std::move(names[i]);
  lstat_entries(::dirfd(dir), listing.entries);
  std::erase_if(listing.entries, [](const FolderEntry& e) { return e.st.mode == 0; });
  ::closedir(dir);
}

void read_folder_below(tbb::task_group& tasks, const fs::path& path, FolderListing& listing) {
  read_folder(path, listing);
  for (FolderEntry& e : listing.entries) {
    if (!S_ISDIR(e.st.mode)) continue;
    e.folder = std::make_unique<FolderListing>();
    tasks.run([&tasks, sub = path / e.name, &sub_listing = *e.folder] {
      read_folder_below(tasks, sub, sub_listing);
    });
  }
}

// Reads the folder at `path` and every real folder below it (not those behind symlinks), one
// task a folder: a warm build stats every source file, a system call each, and folders are
// batches large enough to share among threads without waiting on each other. The walk then
// applies its rules to these listings in order, on one thread, so what it lists and reports
// is the same at any thread count.
std::unique_ptr<FolderListing> read_folder_tree(const fs::path& path) {
  auto listing = std::make_unique<FolderListing>();
  tbb::task_group tasks;
  read_folder_below(tasks, path, *listing);
  tasks.wait();
  return listing;
}

// A folder the walk has yet to list, with its listing if it was read ahead.
struct PendingFolder {
  fs::path path;
  std::string rel;
  std::unique_ptr<FolderListing> listing;
  size_t parent;  // in Walker::folders
};

// What the walk listed in one folder. The walk lists a folder's files before those of its
// subfolders, while the result is in path order, which interleaves them ("blog.md",
// "blog/a.md", "blogs.md"): merging each folder's sorted files with its subfolders in
// Walker::files_in_path_order costs no comparison of every file with every other.
struct WalkedFolder {
  std::vector<ListedFile> files;                           // sorted by rel
  std::vector<std::pair<std::string, size_t>> subfolders;  // rel + '/', index in the folders
};

std::string join_rel(std::string_view prefix, std::string_view name) {
  if (prefix.empty()) return std::string(name);
  std::string rel;
  rel.reserve(prefix.size() + 1 + name.size());
  rel.append(prefix).append(1, '/').append(name);
  return rel;
}

struct Walker {
  const SourceTreeOptions& options;
  std::string_view display_dir;
  Diagnostics& diagnostics;
  fs::path site{};                                          // canonical
  std::map<std::pair<dev_t, ino_t>, std::string> walked{};  // folder -> how it was first reached
  // In the order the walk lists them, after the first, which stands for the folder above the
  // listed path: the listed folder is its one subfolder, or a dangling link its one file.
  std::vector<WalkedFolder> folders{1};
  std::vector<PendingFolder> found{};  // the folders found in the folder being listed

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

  static void add_file(std::vector<ListedFile>& files, std::string rel, const FileStat& st) {
    files.push_back({std::move(rel), true, st.size, st.mtime_ns, static_cast<uint64_t>(st.ino)});
  }

  // Lists one entry of folders[`folder`] (`rel` empty: the listed folder itself) whose lstat is
  // `st`; adds folders to walk to `found`, with `listing` if the folder was read ahead.
  void visit(const fs::path& path, std::string rel, FileStat st,
             std::unique_ptr<FolderListing> listing, size_t folder) {
    bool link = S_ISLNK(st.mode);
    fs::path real = path;
    if (link) {
      real = follow(path, rel);
      if (real.empty()) return;
      st = stat_at(AT_FDCWD, real.c_str(), 0);
      if (st.mode == 0) {
        folders[folder].files.push_back(ListedFile{std::move(rel), false, 0, 0, 0});
        return;
      }
    }
    if (S_ISDIR(st.mode)) {
      std::string shown = display(rel);
      auto [it, fresh] = walked.emplace(std::pair{st.dev, st.ino}, shown);
      if (fresh || (!link && it->second == shown)) {
        found.push_back({std::move(real), std::move(rel), std::move(listing), folder});
      } else if (link) {
        warn(rel, fmt::format("symlink to {} points to a folder already included as {}; "
                              "skipped",
                              real.string(), it->second));
      } else {
        warn(rel, fmt::format("the same folder on disk as {}, which is already included; "
                              "skipped",
                              it->second));
      }
    } else if (S_ISREG(st.mode)) {
      if (!rel.empty()) add_file(folders[folder].files, std::move(rel), st);
    } else {
      warn(rel,
           "not a regular file (a FIFO, socket or device); skipped: replace it with a "
           "regular file or remove it");
    }
  }

  void visit_entries(const PendingFolder& pending, size_t folder) {
    folders[folder].files.reserve(pending.listing->entries.size());
    for (FolderEntry& e : pending.listing->entries) {
      std::string rel = join_rel(pending.rel, e.name);
      // Most entries are plain files, which need no path: only links and folders do.
      if (S_ISREG(e.st.mode)) {
        add_file(folders[folder].files, std::move(rel), e.st);
      } else {
        visit(pending.path / e.name, std::move(rel), e.st, std::move(e.folder), folder);
      }
    }
  }

  // Claims every real folder below `rel`, as read ahead in `listing`, before any symlink in it
  // is followed: a folder reached both where it is and through a link (`latest -> v2.1`) is
  // listed where it is, whichever name comes first, and the link is the one skipped.
  void claim_real_folders(const FolderListing& listing, const std::string& rel) {
    std::vector<std::pair<const FolderListing*, std::string>> stack{{&listing, rel}};
    while (!stack.empty()) {
      auto [folder, at] = std::move(stack.back());
      stack.pop_back();
      for (const FolderEntry& e : folder->entries) {
        if (!e.folder) continue;
        std::string sub = join_rel(at, e.name);
        walked.emplace(std::pair{e.st.dev, e.st.ino}, display(sub));
        stack.emplace_back(e.folder.get(), std::move(sub));
      }
    }
  }

  void walk(const fs::path& dir) {
    std::vector<PendingFolder> todo;
    FileStat root = stat_at(AT_FDCWD, dir.c_str(), AT_SYMLINK_NOFOLLOW);
    if (root.mode != 0) visit(dir, "", root, nullptr, 0);
    todo.swap(found);
    while (!todo.empty()) {
      PendingFolder pending = std::move(todo.back());
      todo.pop_back();
      size_t folder = folders.size();
      folders.emplace_back();
      folders[pending.parent].subfolders.emplace_back(pending.rel + '/', folder);
      // Not read ahead: the listed folder itself, or a folder reached through a symlink.
      if (!pending.listing) {
        pending.listing = read_folder_tree(pending.path);
        claim_real_folders(*pending.listing, pending.rel);
      }
      if (pending.listing->error) {
        diagnostics.add(make_error(display(pending.rel), 0, 0,
                                   fmt::format("cannot read folder: {}; check its permissions",
                                               pending.listing->error.message())));
      }
      visit_entries(pending, folder);
      // Sorted and depth first, so the first link to a folder is the same on every run.
      todo.insert(todo.end(), std::make_move_iterator(found.rbegin()),
                  std::make_move_iterator(found.rend()));
      found.clear();
    }
  }

  // Every listed file, sorted by rel: each folder's files up to a subfolder's "rel/", then
  // that subfolder's, and so on. Iterative, since links can make the walk as deep as the site
  // has folders.
  std::vector<ListedFile> files_in_path_order() {
    struct Cursor {
      size_t folder, next_file = 0, next_subfolder = 0;
    };
    size_t count = 0;
    for (WalkedFolder& f : folders) {
      count += f.files.size();
      // Found in name order, which is not always the order of "rel/": "blog" comes before
      // "blog-2", but "blog-2/" before "blog/".
      std::sort(f.subfolders.begin(), f.subfolders.end());
    }
    std::vector<ListedFile> out;
    out.reserve(count);
    std::vector<Cursor> stack{{0}};
    while (!stack.empty()) {
      Cursor& c = stack.back();
      WalkedFolder& f = folders[c.folder];
      bool last = c.next_subfolder == f.subfolders.size();
      while (c.next_file < f.files.size() &&
             (last || f.files[c.next_file].rel < f.subfolders[c.next_subfolder].first)) {
        out.push_back(std::move(f.files[c.next_file++]));
      }
      if (last) {
        stack.pop_back();
        continue;
      }
      stack.push_back({f.subfolders[c.next_subfolder++].second});
    }
    return out;
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
  Walker w{options, display_dir, diagnostics};
  w.site = fs::weakly_canonical(options.site_dir.empty() ? dir : options.site_dir, ec);
  if (ec) w.site = fs::absolute(options.site_dir.empty() ? dir : options.site_dir);
  w.walk(dir);
  return w.files_in_path_order();
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
