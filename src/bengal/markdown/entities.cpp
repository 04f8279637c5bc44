#include "bengal/markdown/entities.hpp"

#include <algorithm>

#include "bengal/core/hex.hpp"
#include "bengal/core/utf8.hpp"

namespace bengal::markdown {

void append_utf8(std::string& out, uint32_t cp) {
  bengal::append_utf8(out, cp == 0 ? 0xFFFD : cp);  // HTML reads a NUL as U+FFFD too
}

void append_entity(std::string& out, std::string_view e) {
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') {
    out.append(e);
    return;
  }
  std::string_view body = e.substr(1, e.size() - 2);
  if (body.front() == '#') {
    uint32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    for (char c : body.substr(hex ? 2 : 1)) {
      int digit = hex ? hex_digit(c) : c >= '0' && c <= '9' ? c - '0' : -1;
      if (digit < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, never overflows
    }
    append_utf8(out, cp);
    return;
  }
  const NamedEntity* end = kNamedEntities + kNamedEntityCount;
  const NamedEntity* it = std::lower_bound(
      kNamedEntities, end, body,
      [](const NamedEntity& a, std::string_view name) { return std::string_view(a.name) < name; });
  if (it != end && body == it->name) {
    out += it->utf8;
  } else {
    out.append(e);
  }
}

}  // namespace bengal::markdown
