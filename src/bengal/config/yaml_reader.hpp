// Internal to the config library: the two YAML readers behind parse_document. Most front
// matter is flat `key: value` lines, for which yaml-cpp's scanner costs ~65 us a page; the
// simple reader handles that subset directly and yields exactly what yaml-cpp would, and
// declines anything else so that yaml-cpp reads it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "bengal/config/document.hpp"

namespace bengal::config {

// Limits of the full reader. Aliases share nodes, so a few lines can expand to billions of
// values ("billion laughs") or, with an alias inside its own anchor, to an endless nesting; a
// config, front matter or data file needs neither. Beyond a limit the document is an error.
constexpr size_t kMaxYamlDepth = 100;  // nested lists and maps, aliases expanded
constexpr size_t kMaxYamlValues = 1'000'000;
constexpr size_t kMinYamlBudgetBytes = size_t{64} << 20;
// Bytes of strings (scalars, keys, key paths) a document of `text_bytes` may expand to.
size_t max_yaml_bytes(size_t text_bytes);

// The full reader (yaml-cpp); `json` only changes the wording of errors.
Document parse_yaml(std::string_view text, std::string_view file, uint32_t first_line, bool json);

// The subset: top-level `key: value` lines (keys of [A-Za-z0-9_.-]) whose value is a plain
// scalar, a quoted string without escapes, a flow list of such scalars, or nothing followed
// by `- scalar` items; comments and blank lines. nullopt for anything else.
std::optional<Document> parse_simple_yaml(std::string_view text, uint32_t first_line);

// A plain (unquoted) scalar typed by the YAML 1.2 core schema: null, bool, int, float or
// string.
Value plain_scalar(std::string_view text);

}  // namespace bengal::config
