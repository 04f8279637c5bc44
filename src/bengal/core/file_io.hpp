// Reading whole source files without iostreams: discovery and rendering read every page, so
// this is on the hot path. Only regular files are read (a FIFO would block the build forever,
// a device such as /dev/zero never end), and never more than kMaxSourceFileBytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace bengal {

// The largest source file (page, template, data or config file) bengal reads: larger ones
// are errors, so one file cannot exhaust memory. Static files are copied, not read, and have
// no limit.
inline constexpr size_t kMaxSourceFileBytes = size_t{64} << 20;

// Replaces `out` with the bytes of `path` from `offset` on. Returns false and sets `error` to
// the reason ("No such file or directory", "not a regular file", "larger than 64 MB, the
// limit for a source file") when it cannot.
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error,
               size_t offset = 0);

// The first `max_bytes` bytes of `path` (fewer when it is shorter): enough to tell what kind of
// file it is. "" when it is not a regular file or cannot be read.
std::string read_file_head(const std::filesystem::path& path, size_t max_bytes);

}  // namespace bengal
