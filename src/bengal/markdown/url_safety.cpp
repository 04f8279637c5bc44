#include "bengal/markdown/url_safety.hpp"

#include <array>
#include <string>

namespace bengal::markdown {
namespace {

// The first bytes of `url` as the WHATWG URL parser sees them: leading C0 controls and spaces
// dropped, tab, LF and CR removed everywhere, ASCII lowercased. Only the first `limit`
// bytes matter to the scheme checks.
std::string scheme_view(std::string_view url, size_t limit) {
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string out;
  for (; i < url.size() && out.size() < limit; ++i) {
    char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

bool is_dangerous_url(std::string_view url) {
  constexpr std::array<std::string_view, 4> kSafeData = {"data:image/png", "data:image/gif",
                                                         "data:image/jpeg", "data:image/webp"};
  constexpr std::array<std::string_view, 4> kDangerous = {
      "javascript:", "vbscript:", "file:", "data:"};
  std::string head = scheme_view(url, 16);
  for (std::string_view safe : kSafeData)
    if (head.starts_with(safe)) return false;
  for (std::string_view bad : kDangerous)
    if (head.starts_with(bad)) return true;
  return false;
}

}  // namespace bengal::markdown
