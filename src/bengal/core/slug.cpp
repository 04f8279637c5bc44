#include "bengal/core/slug.hpp"

#include "bengal/core/unicode_case.hpp"

namespace bengal {

std::string slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c >= 0x80 || c == '_';
    if (!keep) {
      dash = true;
      ++i;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    dash = false;
    append_lower_char(out, text, i);
  }
  return out;
}

}  // namespace bengal
