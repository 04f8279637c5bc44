// The site config from bytes, as bengal.toml and as bengal.yaml: every input is parsed both
// ways, so seeds need no format marker and a YAML seed also probes the TOML reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bengal/config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bengal::config::parse_config(text, "bengal.toml");
  bengal::config::parse_config(text, "bengal.yaml");
  bengal::config::parse_byte_size(text);
  return 0;
}
