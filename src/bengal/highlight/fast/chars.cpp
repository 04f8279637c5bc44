#include "bengal/highlight/fast/chars.hpp"

namespace bengal::highlight::fast {

namespace {

bool is_digit_or_sep(char c) {
  return is_digit(c) || c == '_';
}

}  // namespace

size_t quoted_end(std::string_view s, size_t i, bool backslash_escapes) {
  char quote = s[i];
  size_t j = i + 1;
  while (j < s.size() && s[j] != quote && s[j] != '\n') {
    bool escape = backslash_escapes && s[j] == '\\' && j + 1 < s.size() && s[j + 1] != '\n';
    j += escape ? 2 : 1;
  }
  return j < s.size() && s[j] == quote ? j + 1 : j;
}

// number = ("0x" hex+ | "0b" bin+ | "0o" oct+ | digits ["." digits] [exponent]) suffix
// Digits may hold '_' (Python, Rust, Java, JS) and '\'' between digits (C++14); the suffix is
// any identifier bytes (1u32, 2.5f, 10L, 10n, 3j), so a malformed number is still one token.
size_t scan_number(std::string_view s, size_t i, bool& is_float, bool& is_base_n) {
  is_float = false;
  is_base_n = false;
  size_t n = s.size();
  if (s[i] == '0' && i + 2 < n) {
    char p = static_cast<char>(s[i + 1] | 0x20);
    if ((p == 'x' || p == 'b' || p == 'o') && (is_hex(s[i + 2]) || s[i + 2] == '_')) {
      is_base_n = true;
      i = skip_while(s, i + 2, [](char c) { return is_hex(c) || c == '_'; });
      return skip_while(s, i, is_ident);
    }
  }
  for (; i < n; ++i) {
    if (is_digit_or_sep(s[i])) continue;
    if (s[i] == '\'' && i + 1 < n && is_digit(s[i + 1]) && i > 0 && is_digit(s[i - 1])) continue;
    break;
  }
  if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
    is_float = true;
    i = skip_while(s, i + 1, is_digit_or_sep);
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < n && is_digit(s[j])) {
      is_float = true;
      i = skip_while(s, j, is_digit_or_sep);
    }
  }
  return skip_while(s, i, is_ident);
}

}  // namespace bengal::highlight::fast
