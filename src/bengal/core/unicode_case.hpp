// Lowercasing for slugs and ids (and case filters of templates) without a Unicode library: ASCII
// plus the Latin-1, Latin Extended-A, Greek and Cyrillic capitals, which covers the titles of most
// European-language sites. Other scripts pass through unchanged (most have no case).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bengal {

// Appends the UTF-8 character that starts at text[i] to `out`, lowercased, and advances `i`
// past it. Invalid bytes are copied one at a time.
void append_lower_char(std::string& out, std::string_view text, size_t& i);
// The same for uppercase, over the same letters; 'ß' becomes "SS" as in Python's str.upper().
void append_upper_char(std::string& out, std::string_view text, size_t& i);

// ASCII letters lowercased, every other byte as it is: for names that are ASCII by definition
// (extensions, keywords, month names), where a Unicode lowering would be wrong or wasted.
inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string ascii_lowercase(std::string_view text);

// Whether `text` is `lower` (written in lowercase) but for the case of its ASCII letters: a
// keyword of Hugo's code-block attributes, an escape such as "%2F", the fragment "#Top".
bool equals_ascii_ignoring_case(std::string_view text, std::string_view lower);

}  // namespace bengal
