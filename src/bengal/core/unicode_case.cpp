#include "bengal/core/unicode_case.hpp"

#include "bengal/core/utf8.hpp"

namespace bengal {
namespace {

uint32_t lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;  // Latin-1
  if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) return cp + 1;  // Latin Ext-A
  if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) return cp + 1;
  if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) return cp + 1;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E && cp % 2 == 1) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                 // Cyrillic
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  return cp;
}

// The inverse of lower() over the same letters.
uint32_t upper(uint32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 32;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;  // Latin-1
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x101 && cp <= 0x137 && cp % 2 == 1) return cp - 1;  // Latin Ext-A
  if (cp >= 0x13A && cp <= 0x148 && cp % 2 == 0) return cp - 1;
  if (cp >= 0x14B && cp <= 0x177 && cp % 2 == 1) return cp - 1;
  if (cp >= 0x17A && cp <= 0x17E && cp % 2 == 0) return cp - 1;
  if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) return cp - 32;  // Greek
  if (cp == 0x3C2) return 0x3A3;                                  // final sigma
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;                 // Cyrillic
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

// Appends the character at text[i] mapped by `map` and advances `i`.
void append_mapped_char(std::string& out, std::string_view text, size_t& i,
                        uint32_t (*map)(uint32_t)) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    out += static_cast<char>(map(c));
    ++i;
    return;
  }
  // Only two-byte sequences (U+0080..U+07FF) hold the letters mapped above.
  if (c >= 0xC2 && c <= 0xDF && i + 1 < text.size() &&
      (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
    uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    if (cp == 0xDF && map == upper) {
      out += "SS";  // no capital in one character
    } else {
      append_utf8(out, map(cp));
    }
    i += 2;
    return;
  }
  out += text[i];
  ++i;
}

}  // namespace

void append_lower_char(std::string& out, std::string_view text, size_t& i) {
  append_mapped_char(out, text, i, lower);
}

void append_upper_char(std::string& out, std::string_view text, size_t& i) {
  append_mapped_char(out, text, i, upper);
}

std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool equals_ascii_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != lower[i]) return false;
  return true;
}

}  // namespace bengal
