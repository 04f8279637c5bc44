#include "bengal/core/html.hpp"

namespace bengal {
namespace {

constexpr EscapeTable html_escapes() {
  EscapeTable table;
  table.set('&', "&amp;");
  table.set('<', "&lt;");
  table.set('>', "&gt;");
  table.set('"', "&quot;");
  return table;
}

}  // namespace

constinit const EscapeTable kHtmlEscapes = html_escapes();

void append_escaped(std::string& out, std::string_view text, const EscapeTable& table) {
  // Bytes that need no escape are copied in runs: most text has none at all.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (!table.escapes(byte)) continue;
    out.append(text.data() + run, i - run);
    out.append(table.replacement(byte));
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace bengal
