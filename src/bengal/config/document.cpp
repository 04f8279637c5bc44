#include "bengal/config/document.hpp"

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {

// Implemented in toml_reader.cpp, the only file that includes toml++.
Document parse_toml(std::string_view text, std::string_view file, uint32_t first_line);

namespace {

Document parse_any_yaml(std::string_view text, std::string_view file, uint32_t first_line) {
  if (auto simple = parse_simple_yaml(text, first_line)) return std::move(*simple);
  return parse_yaml(text, file, first_line, false);
}

}  // namespace

std::pair<uint32_t, uint32_t> Document::position_of(std::string_view path) const {
  for (const auto& p : positions)
    if (p.path == path) return {p.line, p.column};
  return {first_line, 1};
}

std::pair<uint32_t, uint32_t> Document::value_position_of(std::string_view path) const {
  for (const auto& p : positions)
    if (p.path == path) return {p.value_line, p.value_column};
  return {first_line, 1};
}

SourcePlace Document::place_of(std::string_view path) const {
  for (const auto& p : positions)
    if (p.path == path) return {p.file < files.size() ? files[p.file] : "", p.line, p.column};
  return {files.empty() ? "" : files[0], first_line, 1};
}

SourcePlace Document::value_place_of(std::string_view path) const {
  for (const auto& p : positions) {
    if (p.path == path)
      return {p.file < files.size() ? files[p.file] : "", p.value_line, p.value_column};
  }
  return {files.empty() ? "" : files[0], first_line, 1};
}

Document parse_document(std::string_view text, Format format, std::string_view file,
                        uint32_t first_line) {
  Document doc = format == Format::kToml   ? parse_toml(text, file, first_line)
                 : format == Format::kYaml ? parse_any_yaml(text, file, first_line)
                                           : parse_yaml(text, file, first_line, true);
  doc.first_line = first_line;
  doc.files.emplace_back(file);
  return doc;
}

}  // namespace bengal::config
