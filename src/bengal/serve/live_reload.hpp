// What `bengal serve` adds to every HTML page it sends (never to the files on disk): a small
// script that listens on the reload channel (/__bengal/events) and reloads the tab, or swaps
// its stylesheets when only CSS changed; and, while the last build failed, an overlay with
// the errors.
#pragma once

#include <string>
#include <string_view>

namespace bengal::serve {

// The path of the Server-Sent Events stream the script connects to.
inline constexpr std::string_view kEventsPath = "/__bengal/events";

// `html` with the script (and, when `build_errors` is not empty, the overlay holding them,
// HTML-escaped) inserted before the last </body>, or appended when there is none.
std::string inject_live_reload(std::string_view html, std::string_view build_errors);

}  // namespace bengal::serve
