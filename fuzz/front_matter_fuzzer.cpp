// Front matter as discovery reads it from every page: YAML between --- lines, TOML between +++
// lines. Any bytes must give a result (ok or diagnostics), never a crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "bengal/content/front_matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bengal::content::FrontMatterResult r = bengal::content::parse_front_matter(text, "page.md");
  // The body offset is used to slice the file again at render time.
  if (r.body_offset > text.size()) std::abort();
  return 0;
}
