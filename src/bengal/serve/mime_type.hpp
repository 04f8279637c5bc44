// The Content-Type `bengal serve` sends for a file of the built site, from its extension.
#pragma once

#include <string_view>

namespace bengal::serve {

// "text/html; charset=utf-8" for "a/index.html"; "application/octet-stream" for an unknown or
// missing extension. Case-insensitive on the extension.
std::string_view mime_type(std::string_view path);

}  // namespace bengal::serve
