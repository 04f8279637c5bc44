#include "bengal/markdown/entities.hpp"

#include <algorithm>

namespace bengal::markdown {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
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
      uint32_t digit;
      if (c >= '0' && c <= '9')
        digit = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f')
        digit = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F')
        digit = static_cast<uint32_t>(c - 'A' + 10);
      else
        break;
      cp = cp * (hex ? 16 : 10) + digit;
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
