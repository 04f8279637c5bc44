// HTML text escaping shared by every stage that writes markup.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

// Appends `text` with & < > " escaped (the set CommonMark renderers escape), so it is safe in
// element content and in double-quoted attributes.
void append_html_escaped(std::string& out, std::string_view text);
inline std::string html_escape(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

}  // namespace bengal
