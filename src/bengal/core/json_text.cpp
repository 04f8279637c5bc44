#include "bengal/core/json_text.hpp"

#include <cstdint>

namespace bengal {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u(std::string& out, uint32_t c) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 15];
}

// Decodes the UTF-8 sequence at text[i] (advancing i); U+FFFD for an invalid one.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  uint32_t cp = n == 4 ? c & 0x07 : n == 3 ? c & 0x0F : n == 2 ? c & 0x1F : 0xFFFD;
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
      n = k, cp = 0xFFFD;
      break;
    }
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += n;
  return cp;
}

// Whether a byte is written other than as itself, by style: a table, so that the runs of
// plain text between such bytes (nearly all of a summary) are appended whole.
struct EscapedBytes {
  bool utf8[256] = {};
  bool python[256] = {};
  constexpr EscapedBytes() {
    for (int c = 0; c < 0x20; ++c) utf8[c] = python[c] = true;
    for (unsigned char c : {'"', '\\', '<', '>', '&'}) utf8[c] = python[c] = true;
    python[static_cast<unsigned char>('\'')] = true;
    for (int c = 0x80; c < 256; ++c) python[c] = true;
  }
};
constexpr EscapedBytes kEscaped;

}  // namespace

void append_json_string(std::string& out, std::string_view text, JsonStyle style) {
  bool python = style == JsonStyle::kPythonHtmlSafe;
  const bool* escaped = python ? kEscaped.python : kEscaped.utf8;
  out += '"';
  for (size_t i = 0; i < text.size();) {
    size_t plain = i;
    while (plain < text.size() && !escaped[static_cast<unsigned char>(text[plain])]) ++plain;
    out.append(text.data() + i, plain - i);
    if (plain == text.size()) break;
    i = plain;
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      if (!python) {
        out += text[i++];
        continue;
      }
      uint32_t cp = next_code_point(text, i);
      if (cp >= 0x10000) {
        cp -= 0x10000;
        append_u(out, 0xD800 + (cp >> 10));
        append_u(out, 0xDC00 + (cp & 0x3FF));
      } else {
        append_u(out, cp);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
      case '>':
      case '&':
        append_u(out, c);
        break;
      default:
        if (python && c == '\b') {
          out += "\\b";
        } else if (python && c == '\f') {
          out += "\\f";
        } else if (c < 0x20 || (python && c == '\'')) {
          append_u(out, c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace bengal
