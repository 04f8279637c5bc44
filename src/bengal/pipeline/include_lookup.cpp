#include "bengal/pipeline/include_lookup.hpp"

#include <fmt/format.h>

#include <array>

#include <xxhash.h>

#include "bengal/core/file_io.hpp"
#include "bengal/core/source_tree.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

// "content/docs/" or "the site root", as messages name the folders looked in.
std::string folder_name(std::string_view dir) {
  return dir.empty() ? std::string("the site root") : std::string(dir) + "/";
}

// "a", "a and b", "a, b and c".
std::string spoken_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// `dir`/`path` with "." and ".." resolved, '/'-separated; "" when it climbs out of the site
// root (or names the root itself).
std::string site_relative(std::string_view dir, std::string_view path) {
  fs::path joined = fs::path(std::string(dir)) / std::string(path);
  std::string rel = joined.lexically_normal().generic_string();
  if (rel == "." || rel == ".." || rel.starts_with("../") || rel.starts_with('/')) return {};
  return rel;
}

// Reads the file at site-relative `rel`, which exists. False with `error` when it may not or
// cannot be read.
bool read_found(const IncludeRoots& roots, std::string_view path, const std::string& rel,
                markdown::IncludedFile& out, std::string& error) {
  fs::path real;
  std::string reason;
  std::string what = fmt::format("include '{}' ({})", path, rel);
  switch (locate_site_file(roots.site_dir / rel, roots.site_dir, real, reason)) {
    case SiteFile::kInside:
      break;
    case SiteFile::kOutside:
      if (roots.follow_external_symlinks) break;
      error = what +
              " is a symlink that leads outside the site folder; include only files inside it, "
              "or set [build] follow_external_symlinks = true";
      return false;
    case SiteFile::kHidden:
      error = what + " is a hidden file or leads to one; include only files that are not hidden";
      return false;
    case SiteFile::kMissing:
    case SiteFile::kUnreadable:
      error = fmt::format("cannot read {}: {}", what, reason);
      return false;
  }
  auto too_large = [&] {
    error =
        what + " is larger than 1 MiB, the limit for an included file; split it into smaller files";
    return false;
  };
  std::error_code ec;
  if (fs::is_regular_file(real, ec) && fs::file_size(real, ec) > markdown::kMaxIncludeBytes)
    return too_large();
  if (!read_file(real, out.text, reason)) {
    error = fmt::format("cannot read {}: {}", what, reason);
    return false;
  }
  if (out.text.size() > markdown::kMaxIncludeBytes) return too_large();  // it grew meanwhile
  out.key = rel;
  return true;
}

}  // namespace

bool find_include(const IncludeRoots& roots, std::string_view from_dir, std::string_view path,
                  markdown::IncludedFile& out, std::string& error) {
  out.key.clear();
  out.text.clear();
  if (path.empty()) {
    error =
        "include needs the path of a file: write it after the directive name, as in "
        ":::{include} _snippets/note.md";
    return false;
  }
  if (path.find('\0') != std::string_view::npos) {
    error = "include path contains a NUL character; remove it";
    return false;
  }
  if (path.starts_with('/')) {
    error = fmt::format(
        "include '{}' is an absolute path; write it relative to the page's folder, {}/ or the "
        "site root",
        path, roots.content_dir);
    return false;
  }
  std::array<std::string_view, 3> dirs = {from_dir, roots.content_dir, ""};
  std::vector<std::string> looked;
  bool inside = false;
  for (size_t i = 0; i < dirs.size(); ++i) {
    std::string_view dir = dirs[i];
    if ((i > 0 && dir == dirs[0]) || (i == 2 && dir == dirs[1])) continue;  // looked already
    looked.push_back(folder_name(dir));
    std::string rel = site_relative(dir, path);
    if (rel.empty()) continue;
    inside = true;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(roots.site_dir / rel, ec))) continue;
    return read_found(roots, path, rel, out, error);
  }
  if (!inside) {
    error = fmt::format("include '{}' leads outside the site folder; include only files inside it",
                        path);
    return false;
  }
  error = fmt::format("include '{}' not found: looked in {}; check the path", path,
                      spoken_list(looked));
  return false;
}

std::string include_key(std::string_view from_dir, std::string_view path) {
  return fmt::format("{}\n{}", from_dir, path);
}

uint64_t include_digest(const markdown::IncludedFile& found) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, found.key.data(), found.key.size() + 1);  // with its NUL
  XXH3_64bits_update(state, found.text.data(), found.text.size());
  uint64_t digest = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return digest == kIncludeMissing ? kIncludeMissing + 1 : digest;
}

uint64_t include_digest_now(const IncludeRoots& roots, std::string_view key) {
  size_t newline = key.find('\n');
  if (newline == std::string_view::npos) return kIncludeMissing;
  markdown::IncludedFile found;
  std::string error;
  if (!find_include(roots, key.substr(0, newline), key.substr(newline + 1), found, error))
    return kIncludeMissing;
  return include_digest(found);
}

}  // namespace bengal::pipeline
