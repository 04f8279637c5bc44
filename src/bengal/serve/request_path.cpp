#include "bengal/serve/request_path.hpp"

#include <algorithm>

#include "bengal/core/source_tree.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/core/url_path.hpp"

namespace fs = std::filesystem;

namespace bengal::serve {
namespace {

using Kind = ResolvedPath::Kind;

bool iequals_at(std::string_view text, size_t at, std::string_view lower) {
  return equals_ascii_ignoring_case(text.substr(at, lower.size()), lower);
}

// %2f, %5c and %00 in the raw path: an encoded slash, backslash or NUL is never part of a
// file name bengal writes, and decoding them first would turn "a%2f..%2f" into a traversal.
bool has_forbidden_escape(std::string_view raw_path) {
  for (size_t i = raw_path.find('%'); i != std::string_view::npos; i = raw_path.find('%', i + 1)) {
    if (iequals_at(raw_path, i, "%2f") || iequals_at(raw_path, i, "%5c") ||
        iequals_at(raw_path, i, "%00")) {
      return true;
    }
  }
  return false;
}

// The decoded path's segments (after the leading '/') must be plain names: no ".", "..",
// NUL or backslash, and no empty one but the last ("/a/" is a folder; "//host" would make
// an absolute path and a redirect to another site).
bool has_bad_segment(std::string_view path) {
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return true;
  }
  size_t start = 1;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

ResolvedPath resolve_request_path(const fs::path& root, std::string_view raw_target,
                                  std::string_view decoded_path) {
  ResolvedPath out;
  std::string_view raw_path = raw_target.substr(0, raw_target.find_first_of("?#"));
  if (decoded_path.empty() || decoded_path[0] != '/' || has_forbidden_escape(raw_path) ||
      has_bad_segment(decoded_path)) {
    out.kind = Kind::kBadRequest;
    return out;
  }
  std::string relative(decoded_path.substr(1));
  bool wants_folder = relative.empty() || relative.ends_with('/');
  fs::path candidate = root / relative;
  if (wants_folder) candidate /= "index.html";
  // Where it really is, every symlink resolved: missing, or leading out of the site, is 404.
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);
  if (ec || !is_within_folder(real, root)) return out;
  fs::file_status status = fs::status(real, ec);
  if (ec) return out;
  if (fs::is_directory(status)) {
    if (!fs::exists(candidate / "index.html", ec)) return out;
    out.kind = Kind::kRedirect;
    out.location = std::string(raw_path) + "/";
    if (size_t q = raw_target.find('?'); q != std::string_view::npos) {
      out.location += raw_target.substr(q);
    }
    return out;
  }
  if (!fs::is_regular_file(status)) return out;
  out.kind = Kind::kFile;
  out.file = std::move(real);
  return out;
}

bool is_plain_path(std::string_view path) {
  std::string decoded = percent_decoded(path);
  return path.starts_with('/') && path.find_first_of("?#") == std::string_view::npos &&
         !has_forbidden_escape(path) && !has_bad_segment(path) && !has_bad_segment(decoded);
}

std::optional<BelowBasePath> below_base_path(std::string_view raw_target,
                                             std::string_view decoded_path,
                                             std::string_view base_path) {
  if (base_path.empty())
    return BelowBasePath{std::string(raw_target), std::string(decoded_path), {}};
  std::string base = percent_decoded(base_path);
  if (!decoded_path.starts_with(base) ||
      (decoded_path.size() > base.size() && decoded_path[base.size()] != '/'))
    return std::nullopt;
  // The target's first segments are the base path's, however the request encoded them.
  auto segments = static_cast<size_t>(std::count(base.begin(), base.end(), '/'));
  size_t end = 0;
  for (size_t i = 0; i < segments && end != std::string_view::npos; ++i)
    end = raw_target.find_first_of("/?#", end + 1);
  if (end == std::string_view::npos) end = raw_target.size();
  std::string_view prefix = raw_target.substr(0, end);
  // "/docs%2Fa" decodes like "/docs/a" yet is one segment: not the base path's.
  if (percent_decoded(prefix) != base) return std::nullopt;
  return BelowBasePath{std::string(raw_target.substr(end)),
                       std::string(decoded_path.substr(base.size())), std::string(prefix)};
}

}  // namespace bengal::serve
