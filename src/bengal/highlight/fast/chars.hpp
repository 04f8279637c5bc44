// Byte classes shared by the hand-written lexers. Bytes of multi-byte UTF-8 characters count
// as identifier bytes, so a lexer never cuts a character in two: it only stops at ASCII.
#pragma once

#include <cstddef>
#include <string_view>

namespace bengal::highlight::fast {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ident_start(char c) {
  return is_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_ident(char c) {
  return is_ident_start(c) || is_digit(c);
}
inline bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// The end of the run of bytes from `i` that satisfy `pred`.
template <typename Pred>
size_t skip_while(std::string_view s, size_t i, Pred pred) {
  while (i < s.size() && pred(s[i])) ++i;
  return i;
}

// The position of the next '\n' at or after i, or s.size().
inline size_t line_end(std::string_view s, size_t i) {
  size_t nl = s.find('\n', i);
  return nl == std::string_view::npos ? s.size() : nl;
}

// Skips one character (all bytes of a UTF-8 sequence), for the fallback "not a token" step.
inline size_t next_char(std::string_view s, size_t i) {
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// The end of the quoted string whose opening quote is s[i]: just past the closing quote, or
// the line's end when the line does not close it. With backslash_escapes, \" does not close.
size_t quoted_end(std::string_view s, size_t i, bool backslash_escapes);

// A number starting at i: 0x / 0b / 0o prefixes, digits with '_' (and `sep`) separators, a
// fraction, an exponent and a type suffix (u32, f, L, n). Sets `is_float`.
size_t scan_number(std::string_view s, size_t i, bool& is_float, bool& is_base_n);

}  // namespace bengal::highlight::fast
