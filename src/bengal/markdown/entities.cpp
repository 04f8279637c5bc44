#include "bengal/markdown/entities.hpp"

#include <algorithm>
#include <cctype>

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

namespace {

// The reference ("&amp;", "&#65;", "&#x41;", any HTML5 name) at the start of `s`, appended
// decoded; returns the bytes read, 0 when `s` does not start with a known one.
size_t append_reference(std::string& out, std::string_view s) {
  if (!s.starts_with('&')) return 0;
  size_t end = 1;
  while (end < s.size() && end < 40 && std::isalnum(static_cast<unsigned char>(s[end]))) ++end;
  if (s.starts_with("&#")) {
    end = 2 + (s.size() > 2 && (s[2] == 'x' || s[2] == 'X'));
    while (end < s.size() && end < 12 && std::isxdigit(static_cast<unsigned char>(s[end]))) ++end;
  }
  if (end >= s.size() || s[end] != ';' || end < 2) return 0;
  size_t before = out.size();
  append_entity(out, s.substr(0, end + 1));
  bool decoded = out.compare(before, std::string::npos, s.substr(0, end + 1)) != 0;
  if (!decoded) out.resize(before);  // an unknown name stays as written, by the caller
  return decoded ? end + 1 : 0;
}

}  // namespace

std::string decode_references(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = append_reference(out, text.substr(i));
    if (n == 0) out += text[i++];
    i += n;
  }
  return out;
}

}  // namespace bengal::markdown
