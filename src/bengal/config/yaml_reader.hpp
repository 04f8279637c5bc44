// Internal to the config library: the two YAML readers behind parse_document. Most front
// matter is flat `key: value` lines, for which yaml-cpp's scanner costs ~65 us a page; the
// simple reader handles that subset directly and yields exactly what yaml-cpp would, and
// declines anything else so that yaml-cpp reads it.
#pragma once

#include <optional>
#include <string_view>

#include "bengal/config/document.hpp"

namespace bengal::config {

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
