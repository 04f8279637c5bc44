// Copies a folder of files verbatim into the output (static/, theme static files, content
// files that are not pages).
#pragma once

#include <filesystem>
#include <string>

#include "bengal/core/diagnostic.hpp"
#include "bengal/output/writer.hpp"

namespace bengal::output {

// Copies every file under `dir` to the same relative path under the output dir, after
// `prefix` ("" for the output root). Hidden files are skipped. Returns the number of files
// seen; I/O failures are reported as errors naming the file and the copy goes on.
size_t copy_tree(const std::filesystem::path& dir, std::string_view display_dir,
                 OutputWriter& writer, Diagnostics& diagnostics);

}  // namespace bengal::output
