#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < 4 && (line[n] == ' ' || line[n] == '\t')) {
    if (line[n] == '\t') return 4;
    ++n;
  }
  return n;
}

size_t run_of(std::string_view s, size_t at, char c) {
  size_t end = at;
  while (end < s.size() && s[end] == c) ++end;
  return end - at;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string_view name_at(std::string_view s, size_t i) {
  size_t end = i;
  while (end < s.size() && is_name_char(s[end])) ++end;
  return s.substr(i, end - i);
}

size_t skip_blanks(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

bool opens_fence(std::string_view line, Fence& fence) {
  size_t at = indent_of(line);
  if (at > 3 || at >= line.size() || (line[at] != '`' && line[at] != '~')) return false;
  size_t n = run_of(line, at, line[at]);
  if (n < 3) return false;
  if (line[at] == '`' && line.find('`', at + n) != std::string_view::npos) return false;
  fence = {line[at], n};
  return true;
}

bool closes_fence(std::string_view line, const Fence& fence) {
  size_t at = indent_of(line);
  if (at > 3) return false;
  size_t n = run_of(line, at, fence.ch);
  return n >= fence.length && is_blank(line.substr(at + n));
}

}  // namespace bengal::markdown
