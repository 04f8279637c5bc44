// Finding the file of an include or literalinclude directive (spec/bengal-sites.md section 4):
// beside the including file, then in content/, then at the site root, and never outside the
// site folder. Used by the site's directive host (site_directive_host.hpp); thread-safe (it
// only reads files).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "bengal/markdown/directive_host.hpp"

namespace bengal::pipeline {

struct IncludeRoots {
  std::filesystem::path site_dir;  // absolute and canonical
  std::string content_dir;         // site-relative: "content"
  // [build] follow_external_symlinks: a symlink may lead out of the site (a written path
  // still may not: no absolute paths, no ".." above the site root).
  bool follow_external_symlinks = false;
};

// The file `path` (as written in the directive) included from the site-relative folder
// `from_dir` ("content/docs"; "" for the site root). True with out.key the site-relative path
// of the file found ("content/docs/_snippets/a.md") and out.text its bytes; false with `error`
// saying what is wrong, where it looked and what to do. Refused: an empty or absolute path, a
// path that climbs out of the site, a symlink leading out of it or to a hidden file, a hidden
// file, a file larger than markdown::kMaxIncludeBytes.
bool find_include(const IncludeRoots& roots, std::string_view from_dir, std::string_view path,
                  markdown::IncludedFile& out, std::string& error);

// An include as an input of incremental builds (core/read_set.hpp): the lookup as a key, and
// a digest of the file found (which file, and its bytes); kIncludeMissing when none was.
inline constexpr uint64_t kIncludeMissing = 1;
std::string include_key(std::string_view from_dir, std::string_view path);
uint64_t include_digest(const markdown::IncludedFile& found);
// The digest the lookup named by `key` gives now.
uint64_t include_digest_now(const IncludeRoots& roots, std::string_view key);

}  // namespace bengal::pipeline
