// One hexadecimal digit's value: for percent-escapes, character references and string escapes.
#pragma once

namespace bengal {

// The value of `c` as a hex digit (either case), or -1 when it is not one.
constexpr int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace bengal
