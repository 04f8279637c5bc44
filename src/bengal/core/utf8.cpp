#include "bengal/core/utf8.hpp"

namespace bengal {

std::optional<TextPosition> find_invalid_utf8(std::string_view text) {
  uint32_t line = 1;
  size_t line_start = 0;
  size_t i = 0;
  const size_t n = text.size();
  auto bad = [&](size_t at) {
    return TextPosition{line, static_cast<uint32_t>(at - line_start + 1),
                        static_cast<uint8_t>(text[at])};
  };
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    } else {
      return bad(i);
    }
    if (i + len > n) return bad(i);
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return bad(i);
    for (size_t k = 2; k < len; ++k) {
      auto b = static_cast<unsigned char>(text[i + k]);
      if (b < 0x80 || b > 0xBF) return bad(i);
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace bengal
