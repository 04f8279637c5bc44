// UTF-8 validation: pages must be UTF-8, and a bad byte is reported where it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bengal {

struct TextPosition {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes
  uint8_t byte = 0;     // the offending byte
};

// Position of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF included); nullopt when the text is valid.
std::optional<TextPosition> find_invalid_utf8(std::string_view text);

// Appends a code point as UTF-8; a surrogate or a value past U+10FFFF, which no UTF-8 text
// holds, as U+FFFD.
void append_utf8(std::string& out, uint32_t code_point);

// Shortens valid UTF-8 text to at most `max_bytes`, before the character the cap falls in.
void truncate_utf8(std::string& text, size_t max_bytes);

}  // namespace bengal
