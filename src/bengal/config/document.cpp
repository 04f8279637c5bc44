#include "bengal/config/document.hpp"

namespace bengal::config {

// Implemented in toml_reader.cpp and yaml_reader.cpp, one heavy library each.
Document parse_toml(std::string_view text, std::string_view file, uint32_t first_line);
Document parse_yaml(std::string_view text, std::string_view file, uint32_t first_line, bool json);

std::pair<uint32_t, uint32_t> Document::position_of(std::string_view path) const {
  for (const auto& p : positions)
    if (p.path == path) return {p.line, p.column};
  return {first_line, 1};
}

Document parse_document(std::string_view text, Format format, std::string_view file,
                        uint32_t first_line) {
  Document doc = format == Format::kToml
                     ? parse_toml(text, file, first_line)
                     : parse_yaml(text, file, first_line, format == Format::kJson);
  doc.first_line = first_line;
  return doc;
}

}  // namespace bengal::config
