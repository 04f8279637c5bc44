// What a link's destination becomes in an href: the one path of links, images, wiki links and
// the {doc} and {ref} roles. Internal to the Markdown stage.
#pragma once

#include <string>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

// Appends `dest` (decoded: escapes and entities resolved) as an href: rewritten by
// Options::resolve_link (wiki: as a [[wiki]] target), left out in safe mode when it would run
// script (url_safety.hpp), percent-encoded. `dest` may be replaced by the rewritten URL.
// Returns true when the resolver says the target does not exist (class="broken-link").
bool append_link_destination(std::string& out, std::string& dest, bool wiki,
                             const Options& options);

}  // namespace bengal::markdown
