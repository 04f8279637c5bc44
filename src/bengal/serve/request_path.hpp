// Maps an HTTP request path to a file of the served site, and nothing outside it. Every
// request is hostile: `..` segments (plain or percent-encoded), encoded slashes and
// backslashes, NUL bytes and symlinks that lead out of the site folder are refused.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace bengal::serve {

struct ResolvedPath {
  enum class Kind {
    kFile,        // `file` is a regular file inside the root
    kRedirect,    // a folder asked for without its slash: `location` is the path with one
    kBadRequest,  // 400: a path no site file can have (traversal, NUL, backslash, encoding)
    kNotFound,    // 404
  };
  Kind kind = Kind::kNotFound;
  std::filesystem::path file;
  std::string location;
};

// `raw_target` is the request target as sent (before percent-decoding, query included);
// `decoded_path` is its path, percent-decoded. `root` must be canonical (no symlinks).
// Pretty URLs: "/a/b/" serves a/b/index.html, "/a/b" redirects to "/a/b/" when a/b is a folder.
ResolvedPath resolve_request_path(const std::filesystem::path& root, std::string_view raw_target,
                                  std::string_view decoded_path);

}  // namespace bengal::serve
