// Lists the files of a source folder (content/, static/, a theme's static/) the one way every
// stage reads them, so that what a site publishes is only what its folder holds:
//   - hidden files and folders (".git", ".env") and editor backups ("a.md~") are skipped;
//   - a symlink, to a file or a folder, is followed only when its target is inside the site
//     folder and not hidden, unless external links are allowed
//     ([build] follow_external_symlinks); otherwise it is skipped with a warning naming the
//     link and its target;
//   - only regular files are listed: FIFOs, sockets and devices are skipped with a warning;
//   - each folder is walked once, so symlink loops end and links cannot multiply the tree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"

namespace bengal {

struct SourceTreeOptions {
  // Symlinks may point anywhere inside this folder. Empty: inside the listed folder itself.
  std::filesystem::path site_dir;
  bool follow_external_symlinks = false;
};

// Files under `dir`, relative to it, '/'-separated and sorted. `display_dir` is how `dir`
// appears in warnings ("content", "static"). A missing `dir` has no files.
std::vector<std::string> list_source_files(const std::filesystem::path& dir,
                                           std::string_view display_dir,
                                           const SourceTreeOptions& options,
                                           Diagnostics& diagnostics);

// A listed file with what stat said of it while listing (of the target, for a followed
// symlink), so that a caller comparing files with an earlier build needs no second stat.
struct ListedFile {
  std::string rel;
  bool has_stat = false;  // false for a dangling link or a loop: reading it reports why
  uint64_t size = 0;
  int64_t mtime_ns = 0;  // nanoseconds since the epoch
  uint64_t inode = 0;
};
std::vector<ListedFile> list_source_files_with_stats(const std::filesystem::path& dir,
                                                     std::string_view display_dir,
                                                     const SourceTreeOptions& options,
                                                     Diagnostics& diagnostics);

// True when `path` is `folder` or below it; both absolute and canonical (no "..", no links).
bool is_within_folder(const std::filesystem::path& path, const std::filesystem::path& folder);

// Where a path of the site really leads, by the rules above: the one check of every read that
// must stay inside the site (the tree walk's symlinks, templates, include files).
enum class SiteFile : uint8_t {
  kInside,      // inside the folder and not hidden there: `real` is where it is
  kMissing,     // nothing at the path
  kOutside,     // leads out of the folder (`real` says where)
  kHidden,      // leads to a hidden file or folder inside it (`real` says where)
  kUnreadable,  // a dangling link, a link loop, no permission: `error` says which
};
// Resolves every symlink of `path` and checks where it leads against `folder` (absolute and
// canonical). Leaves `real` empty for kMissing and kUnreadable.
SiteFile locate_site_file(const std::filesystem::path& path, const std::filesystem::path& folder,
                          std::filesystem::path& real, std::string& error);

// True for names the build never reads: hidden (".x") and editor backups ("x~").
bool is_ignored_file_name(std::string_view name);

}  // namespace bengal
