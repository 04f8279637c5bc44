#include "bengal/output/static_files.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace bengal::output {

size_t copy_tree(const fs::path& dir, std::string_view display_dir, OutputWriter& writer,
                 Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with('.')) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_directory(ec)) files.push_back(it->path().lexically_relative(dir).generic_string());
  }
  if (ec)
    diagnostics.add(
        make_error(std::string(display_dir), 0, 0, "cannot read folder: " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& rel : files) {
    try {
      writer.copy_file(dir / rel, rel);
    } catch (const std::exception& e) {
      diagnostics.add(make_error(std::string(display_dir) + "/" + rel, 0, 0, e.what()));
    }
  }
  return files.size();
}

}  // namespace bengal::output
