#include "bengal/content/markdown_files.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <list>
#include <mutex>

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

// The site's language codes (set_page_languages); null for a site in one language.
std::atomic<const std::vector<std::string>*> g_languages{nullptr};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The site's language code that ends `stem` (a path without its extension) after a '.', and
// that '.''s position; null when there is none.
const std::string* language_code(std::string_view stem, size_t& dot) {
  const std::vector<std::string>* codes = g_languages.load(std::memory_order_acquire);
  if (codes == nullptr) return nullptr;
  dot = stem.rfind('.');
  size_t slash = stem.rfind('/');
  size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
  // ".fr.md" has no name before its code: it is no translation.
  if (dot == std::string_view::npos || dot <= name_start) return nullptr;
  std::string_view code = stem.substr(dot + 1);
  for (const std::string& c : *codes)
    if (equal_ignoring_case(code, c)) return &c;
  return nullptr;
}

std::string_view without_extension(std::string_view path) {
  size_t ext = extension_size(path, kMarkdown);
  if (ext == 0) ext = extension_size(path, kHtml);
  return path.substr(0, path.size() - ext);
}

}  // namespace

void set_page_languages(const std::vector<std::string>& codes) {
  static std::mutex mutex;
  static std::list<std::vector<std::string>> sets;  // every set made; never freed
  if (codes.empty()) {
    g_languages.store(nullptr, std::memory_order_release);
    return;
  }
  std::lock_guard lock(mutex);
  auto it = std::find(sets.begin(), sets.end(), codes);
  if (it == sets.end()) it = sets.insert(sets.end(), codes);
  g_languages.store(&*it, std::memory_order_release);
}

std::string_view page_language(std::string_view path) {
  std::string_view stem = without_extension(path);
  if (stem.size() == path.size()) return {};
  size_t dot = 0;
  const std::string* code = language_code(stem, dot);
  return code != nullptr ? std::string_view(*code) : std::string_view();
}

bool is_markdown_file(std::string_view path) {
  return extension_size(path, kMarkdown) != 0;
}

bool is_html_file(std::string_view path) {
  return extension_size(path, kHtml) != 0;
}

std::string_view page_stem(std::string_view path) {
  std::string_view stem = without_extension(path);
  if (stem.size() == path.size()) return stem;
  size_t dot = 0;
  return language_code(stem, dot) != nullptr ? stem.substr(0, dot) : stem;
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
