// Safe mode's rule for link and image destinations: a URL that a browser would run as script
// or open as a document of its own (javascript:, vbscript:, file:, data: other than raster
// images) is not written, as cmark-gfm and goldmark do. Internal to the Markdown stage.
#pragma once

#include <string_view>

namespace bengal::markdown {

// True when `url` (entities and escapes already decoded) starts with javascript:, vbscript:,
// file: or data: (except data:image/png, gif, jpeg and webp), in any case. The scheme is read
// as a browser reads it: leading spaces and C0 control characters are skipped and tabs and
// newlines anywhere are ignored, so "\x01 java\tscript:" counts. Percent-encoding is not
// decoded: browsers do not decode a scheme, so "javascript%3A" is a relative path.
bool is_dangerous_url(std::string_view url);

}  // namespace bengal::markdown
