// Reading whole files without iostreams: discovery and rendering read every page, so this is
// on the hot path.
#pragma once

#include <filesystem>
#include <string>

namespace bengal {

// Replaces `out` with the bytes of `path` from `offset` on. Returns false and sets `error` to
// the system's reason ("No such file or directory", "is a directory") when it cannot.
bool read_file(const std::filesystem::path& path, std::string& out, std::string& error,
               size_t offset = 0);

}  // namespace bengal
