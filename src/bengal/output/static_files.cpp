#include "bengal/output/static_files.hpp"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace bengal::output {

size_t copy_tree(const fs::path& dir, std::string_view display_dir,
                 const SourceTreeOptions& sources, OutputWriter& writer, Diagnostics& diagnostics,
                 const std::function<bool(std::string_view rel)>& keep) {
  std::vector<std::string> files = list_source_files(dir, display_dir, sources, diagnostics);
  for (const auto& rel : files) {
    if (keep && !keep(rel)) continue;
    try {
      writer.copy_file(dir / rel, rel);
    } catch (const OutputStopped&) {
      throw;
    } catch (const std::exception& e) {
      diagnostics.add(make_error(fmt::format("{}/{}", display_dir, rel), 0, 0, e.what()));
    }
  }
  return files.size();
}

}  // namespace bengal::output
