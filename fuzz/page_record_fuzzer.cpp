// The build cache's page records (content/parsed_page_codec.hpp), read back from a cache file
// that may be corrupt or foreign. Two properties on every input:
//   - the input as a page: parse, encode, decode, encode again gives the same bytes, so every
//     field that discovery parses survives the cache;
//   - the input as a record's fields (behind a valid header, before a valid checksum, so the
//     field decoder sees it): decoding never crashes, and what it accepts encodes back to
//     exactly those bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <xxhash.h>

#include "bengal/content/parsed_page_codec.hpp"

namespace {

const bengal::content::RecordKey kKey{42, "docs/page.md", bengal::content::PageKind::kPage};

std::string with_checksum(std::string record) {
  uint64_t sum = XXH3_64bits(record.data(), record.size());
  for (int i = 0; i < 8; ++i) record.push_back(static_cast<char>(sum >> (8 * i)));
  return record;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bengal::content;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  ParsedPage page = parse_page({kKey.rel, kKey.kind, "content/docs/page.md"}, text);
  std::string record = encode_parsed_page(page, kKey);
  auto back = decode_parsed_page(record, kKey);
  if (!back || encode_parsed_page(*back, kKey) != record) std::abort();

  // A record's header is its first 4 + 8 + 1 + rel + 1 bytes (parsed_page_codec.cpp).
  std::string fields = record.substr(0, 14 + kKey.rel.size());
  fields.append(text);
  std::string forged = with_checksum(std::move(fields));
  if (auto decoded = decode_parsed_page(forged, kKey)) {
    if (encode_parsed_page(*decoded, kKey) != forged) std::abort();
  }
  return 0;
}
