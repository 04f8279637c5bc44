// Writing JSON by hand, a value at a time: the search index and graph of a 50,000-page site
// are streamed out this way instead of being built as one in-memory JSON tree.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

enum class JsonStyle {
  // UTF-8 kept as is; control characters and < > & as \u00XX, so the JSON is safe to inline
  // in an HTML <script>. For bengal's own files (index.json).
  kUtf8,
  // As Python's json.dumps (ASCII only: non-ASCII as \uXXXX, surrogate pairs past U+FFFF,
  // \b \f short forms) plus what Jinja2's htmlsafe_json_dumps escapes: < > & '. For |tojson.
  kPythonHtmlSafe,
};

// Appends `text` as a JSON string literal, quotes included. Invalid UTF-8 becomes U+FFFD in
// the Python style and passes through unchanged in the UTF-8 style.
void append_json_string(std::string& out, std::string_view text,
                        JsonStyle style = JsonStyle::kUtf8);

}  // namespace bengal
