// Copies a folder of files verbatim into the output (static/, theme static files, content
// files that are not pages).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/output/writer.hpp"

namespace bengal::output {

// Copies every file under `dir` to the same relative path under the output dir. Files are
// listed by list_source_files (core/source_tree.hpp): hidden files, symlinks leaving the site
// and non-regular files are skipped with a warning. Returns the number of files listed; a
// file that cannot be copied is an error naming it and the copy goes on, except when the
// output device is full or read-only (OutputStopped propagates).
// With `keep`, a file is copied only when keep(rel) is true (the output registry's say).
size_t copy_tree(const std::filesystem::path& dir, std::string_view display_dir,
                 const SourceTreeOptions& sources, OutputWriter& writer, Diagnostics& diagnostics,
                 const std::function<bool(std::string_view rel)>& keep = {});

}  // namespace bengal::output
