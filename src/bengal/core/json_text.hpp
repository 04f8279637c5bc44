// Writing JSON by hand, a value at a time: the search index and graph of a 50,000-page site
// are streamed out this way instead of being built as one in-memory JSON tree.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

// Appends `text` as a JSON string literal, quotes included. Control characters become \uXXXX;
// '<', '>' and '&' too, so the JSON is safe to inline in an HTML <script>.
void append_json_string(std::string& out, std::string_view text);

}  // namespace bengal
