// URL slugs for taxonomy terms and the `slugify` template filter.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

// Lowercases letters (see unicode_case.hpp), keeps letters, digits and non-ASCII bytes (so "日本語"
// stays readable), turns every other run of characters into one '-' and trims dashes at both ends:
// "C++ & Rust!" -> "c-rust", "Hello  World" -> "hello-world". Text of only punctuation gives
// "", and callers decide what to use instead.
std::string slugify(std::string_view text);

}  // namespace bengal
