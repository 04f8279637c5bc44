#include "bengal/markdown/md4c_support.hpp"

#include <string_view>

#include "bengal/markdown/entities.hpp"

namespace bengal::markdown {

void decode_attribute(const MD_ATTRIBUTE& a, std::string& out) {
  out.clear();
  if (a.size == 0 || a.substr_offsets == nullptr) {
    out.append(a.text, a.size);
    return;
  }
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    std::string_view part(a.text + a.substr_offsets[i],
                          a.substr_offsets[i + 1] - a.substr_offsets[i]);
    switch (a.substr_types[i]) {
      case MD_TEXT_ENTITY:
        append_entity(out, part);
        break;
      case MD_TEXT_NULLCHAR:
        append_utf8(out, 0xFFFD);
        break;
      default:
        out.append(part);
    }
  }
}

}  // namespace bengal::markdown
