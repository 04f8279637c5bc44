// HTML character references (&amp; &#123; &#x1F600;) decoded to UTF-8, as the CommonMark
// spec requires for entities in text, link destinations and titles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bengal::markdown {

struct NamedEntity {
  const char* name;  // without '&' and ';'
  const char* utf8;
};
extern const NamedEntity kNamedEntities[];  // sorted by name
extern const size_t kNamedEntityCount;

// Appends the UTF-8 text of `entity` ("&amp;", "&#35;", "&#X22;"); unknown names are
// appended as written, invalid code points as U+FFFD.
void append_entity(std::string& out, std::string_view entity);

// Every character reference of `text` decoded, as html.unescape and a browser reading an
// attribute do: "a?x=1&amp;y=2" is "a?x=1&y=2". A '&' that starts no known reference ended by
// ';' stays as written.
std::string decode_references(std::string_view text);

// Appends a code point as UTF-8 (U+FFFD for surrogates, zero and values past U+10FFFF).
void append_utf8(std::string& out, uint32_t code_point);

}  // namespace bengal::markdown
