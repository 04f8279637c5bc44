#include "bengal/core/html.hpp"

namespace bengal {

void append_html_escaped(std::string& out, std::string_view text) {
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* rep = nullptr;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      default:
        continue;
    }
    out.append(text, start, i - start);
    out.append(rep);
    start = i + 1;
  }
  out.append(text, start, text.size() - start);
}

}  // namespace bengal
