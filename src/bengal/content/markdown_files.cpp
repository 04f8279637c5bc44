#include "bengal/content/markdown_files.hpp"

#include <array>

namespace bengal::content {
namespace {

constexpr std::array<std::string_view, 3> kExtensions = {".md", ".markdown", ".mdown"};

bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string_view tail = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// The length of `path`'s Markdown extension, 0 for none.
size_t extension_size(std::string_view path) {
  for (std::string_view ext : kExtensions)
    if (ends_with_ignoring_case(path, ext)) return ext.size();
  return 0;
}

}  // namespace

bool is_markdown_file(std::string_view path) {
  return extension_size(path) != 0;
}

std::string_view markdown_stem(std::string_view path) {
  return path.substr(0, path.size() - extension_size(path));
}

bool is_section_index(std::string_view file_name) {
  return is_markdown_file(file_name) && markdown_stem(file_name) == "_index";
}

bool is_index_file(std::string_view file_name) {
  return is_markdown_file(file_name) && markdown_stem(file_name) == "index";
}

std::string_view page_name(std::string_view rel) {
  auto base = [](std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
  };
  std::string_view file = base(rel);
  if (!is_index_file(file) && !is_section_index(file)) return markdown_stem(file);
  std::string_view folder = rel.substr(0, rel.size() - file.size());
  if (!folder.empty()) folder.remove_suffix(1);  // its '/'
  return base(folder);
}

}  // namespace bengal::content
