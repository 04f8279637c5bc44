// Structured text (TOML, YAML, JSON) read into a bengal::Value, with the source position of
// every key so config and front matter errors can point at the offending line and column.
// toml++ and yaml-cpp stay inside this unit's .cpp files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/value.hpp"

namespace bengal::config {

struct KeyPosition {
  std::string path;   // dotted: "site.title"; array items are not recorded
  uint32_t line = 0;  // the key
  uint32_t column = 0;
  // The value: a TOML [table] header, or the key for a YAML block collection or null.
  uint32_t value_line = 0;
  uint32_t value_column = 0;
  uint32_t file = 0;  // index into Document::files: the file that set the key
};

// Where a key or value was written: for messages, file:line:column.
struct SourcePlace {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Document {
  Value root;  // a table
  std::vector<KeyPosition> positions;
  std::optional<Diagnostic> error;  // a syntax error; root is empty then
  // The files the document was read from, as messages name them. A config merged from a
  // config directory has one per file; files[0] is the one named for keys without a position.
  std::vector<std::string> files;

  // Position of a dotted key path; the first line of the document when unknown.
  std::pair<uint32_t, uint32_t> position_of(std::string_view path) const;
  // Position of the value of a dotted key path, where a wrong-type error should point.
  std::pair<uint32_t, uint32_t> value_position_of(std::string_view path) const;
  // As above, with the file that set the key.
  SourcePlace place_of(std::string_view path) const;
  SourcePlace value_place_of(std::string_view path) const;
  uint32_t first_line = 1;
};

// Deep-merges `over` into `base`, as a config directory layers its files: tables merge key by
// key, anything else (scalars, arrays, a table meeting a scalar) is replaced by `over`'s
// value. Positions follow the values, so each key keeps the file that set it last.
void merge_document(Document& base, const Document& over);

enum class Format { kToml, kYaml, kJson };

// Parses `text`. Positions are reported as lines of the file `file`, where the text starts at
// line `first_line` (front matter starts after its opening delimiter). TOML dates and times
// become strings in RFC 3339 form; YAML plain scalars are typed by the YAML 1.2 core schema.
Document parse_document(std::string_view text, Format format, std::string_view file,
                        uint32_t first_line = 1);

}  // namespace bengal::config
