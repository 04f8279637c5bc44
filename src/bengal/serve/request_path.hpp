// Maps an HTTP request path to a file of the served site, and nothing outside it. Every
// request is hostile: `..` segments (plain or percent-encoded), encoded slashes and
// backslashes, NUL bytes and symlinks that lead out of the site folder are refused.
#pragma once

#include <filesystem>
#include <optional>
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

// Whether `path` is a path a request can name: from the root, of plain segments (no empty,
// ".", ".." one, encoded or not) without NUL, backslash, query or fragment.
bool is_plain_path(std::string_view path);

// A request to a site served below the path of its baseurl, as it is published: what it asks
// for below that path.
struct BelowBasePath {
  std::string target;  // "/a/?q" of "/docs/a/?q"; "?q" of "/docs?q"
  std::string path;    // "/a/", decoded; empty for the base path without its slash
  std::string prefix;  // "/docs", as the request wrote it, for redirects
};
// `base_path` is "/docs" (as baseurl writes it), or empty for a site served at the root.
// Nothing when the request is outside it.
std::optional<BelowBasePath> below_base_path(std::string_view raw_target,
                                             std::string_view decoded_path,
                                             std::string_view base_path);

}  // namespace bengal::serve
