// The build cache's record of a ParsedPage, so that a warm discovery decodes the parse of an
// unchanged file instead of reading and parsing it (cached_parse.hpp). Compact and bounded:
// little-endian fixed-width hashes and dates, varint lengths, counts and line numbers, a
// header naming what the record is valid for and a checksum at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bengal/content/page_meta.hpp"
#include "bengal/content/parsed_page.hpp"

namespace bengal::content {

// Changes whenever the encoding or the meaning of a field changes: older records then miss.
inline constexpr uint32_t kParsedPageLayout = 7;

// What a record is valid for besides the file's bytes. A record decodes only for the key it
// was encoded with.
struct RecordKey {
  uint64_t fingerprint = 0;  // discover_fingerprint (discover.hpp): the options of the parse
  std::string_view rel;
  PageKind kind = PageKind::kPage;
};

std::string encode_parsed_page(const ParsedPage& page, const RecordKey& key);

// nullopt for anything but a whole, intact record of kParsedPageLayout for `key`: truncated,
// corrupt, foreign or random bytes are a miss, never a crash. Every length and count is
// checked against the bytes left, so what an input allocates is bounded by a small multiple
// of its size, and nesting by a depth limit.
std::optional<ParsedPage> decode_parsed_page(std::string_view record, const RecordKey& key);

}  // namespace bengal::content
