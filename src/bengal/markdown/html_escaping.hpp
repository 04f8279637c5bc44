// The escapes of the HTML renderer beyond core's text escape (bengal/core/html.hpp): link
// destinations percent-encoded as cmark does, and GFM's tag filter for raw HTML. Internal to
// the Markdown stage.
#pragma once

#include <string>
#include <string_view>

namespace bengal::markdown {

// Appends `url` for an href or src attribute: characters cmark leaves alone are copied, '&' and
// '\'' become entities, every other byte (spaces, quotes, non-ASCII) becomes %XX. An existing
// %XX is kept, so already-encoded URLs are not encoded twice.
void append_url_escaped(std::string& out, std::string_view url);

// Appends raw HTML with GFM's tag filter applied: the '<' that opens or closes one of title,
// textarea, style, xmp, iframe, noembed, noframes, script and plaintext becomes "&lt;".
void append_tag_filtered(std::string& out, std::string_view html);

}  // namespace bengal::markdown
