// The site config from bytes, as bengal.toml and as bengal.yaml: every input is parsed both
// ways, so seeds need no format marker and a YAML seed also probes the TOML reader. The bytes
// are also a data file in JSON (data/*.json, read by the YAML reader in its JSON mode).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bengal/config/config.hpp"
#include "bengal/config/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bengal::config::parse_config(text, "bengal.toml");
  bengal::config::parse_config(text, "bengal.yaml");
  bengal::config::parse_byte_size(text);
  bengal::config::parse_document(text, bengal::config::Format::kJson, "data/team.json");
  return 0;
}
