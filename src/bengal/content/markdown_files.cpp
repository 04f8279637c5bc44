#include "bengal/content/markdown_files.hpp"

#include <array>

namespace bengal::content {
namespace {

constexpr std::array<std::string_view, 3> kMarkdown = {".md", ".markdown", ".mdown"};
constexpr std::array<std::string_view, 2> kHtml = {".html", ".htm"};

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

// The length of `path`'s extension if it is one of `extensions`, 0 for none.
template <size_t N>
size_t extension_size(std::string_view path, const std::array<std::string_view, N>& extensions) {
  for (std::string_view ext : extensions)
    if (ends_with_ignoring_case(path, ext)) return ext.size();
  return 0;
}

}  // namespace

bool is_markdown_file(std::string_view path) {
  return extension_size(path, kMarkdown) != 0;
}

bool is_html_file(std::string_view path) {
  return extension_size(path, kHtml) != 0;
}

std::string_view page_stem(std::string_view path) {
  size_t ext = extension_size(path, kMarkdown);
  if (ext == 0) ext = extension_size(path, kHtml);
  return path.substr(0, path.size() - ext);
}

bool is_section_index(std::string_view file_name) {
  std::string_view stem = page_stem(file_name);
  return stem.size() < file_name.size() && stem == "_index";
}

bool is_index_file(std::string_view file_name) {
  std::string_view stem = page_stem(file_name);
  return stem.size() < file_name.size() && stem == "index";
}

std::string_view page_name(std::string_view rel) {
  auto base = [](std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
  };
  std::string_view file = base(rel);
  if (!is_index_file(file) && !is_section_index(file)) return page_stem(file);
  std::string_view folder = rel.substr(0, rel.size() - file.size());
  if (!folder.empty()) folder.remove_suffix(1);  // its '/'
  return base(folder);
}

}  // namespace bengal::content
