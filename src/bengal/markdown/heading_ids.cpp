#include "bengal/markdown/heading_ids.hpp"

#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

std::string heading_slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c >= 0x80) {
      append_lower_char(out, text, i);
      continue;
    }
    if (c == ' ') out += '-';
    ++i;
  }
  return out.empty() ? "section" : out;
}

std::string_view trim_blanks(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

CustomId split_custom_id(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end < 4 || text[end - 1] != '}') return {text.size(), {}};
  size_t open = text.rfind("{#", end - 1);
  if (open == std::string_view::npos) return {text.size(), {}};
  std::string_view id = text.substr(open + 2, end - 1 - open - 2);
  if (id.empty()) return {text.size(), {}};
  for (char c : id) {
    if (c == ' ' || c == '\t' || c == '{' || c == '}' || c == '"' || c == '<' || c == '>')
      return {text.size(), {}};
  }
  size_t len = open;
  while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t')) --len;
  return {len, id};
}

std::string HeadingIds::assign(std::string_view text, std::string_view custom_id) {
  std::string base = custom_id.empty() ? heading_slug(text) : std::string(custom_id);
  auto [it, inserted] = used_.try_emplace(base, 0);
  if (inserted) return base;
  // The counter of `base` remembers the last suffix tried, so a page with many equal headings
  // stays linear. "a-1" may itself be a heading's own id; such candidates are skipped.
  int& counter = it->second;
  for (;;) {
    std::string candidate = base + "-" + std::to_string(++counter);
    if (used_.try_emplace(candidate, 0).second) return candidate;
  }
}

}  // namespace bengal::markdown
