// index.json, the client-side search index: one entry per page, written batch by batch as
// pages render (in plan order), so even with [search] full_text it is never held whole.
#pragma once

#include <string>

#include "bengal/site/site.hpp"

namespace bengal::build {

// Appends one JSON object: url, title, description, summary, tags, section, date,
// word_count, kind, and `text` when full text is on.
void append_search_entry(std::string& json, const site::Site& site, site::PageId id,
                         const std::string* text);

// The visible text of rendered HTML: tags removed, common entities decoded, whitespace folded.
std::string plain_text(std::string_view html);

}  // namespace bengal::build
