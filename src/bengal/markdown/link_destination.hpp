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

// What a wiki link's opening tag leaves to its caller: write `text` (escaped) next, and
// hide the link's own text when hide_text; close with </code> when code, else </a>.
struct WikiLinkOpen {
  std::string text;
  bool hide_text = false;
  bool code = false;
};

// Appends the opening of a [[wiki]] link to `target` (decoded; may be replaced), as
// Options::resolve_link rewrites it: `<a href="URL">`, `<a href="URL" class="broken-link">`,
// `<a href="URL" class="extref">` or `<code class="...">`. `has_text`: the link has "|text".
WikiLinkOpen append_wiki_link_open(std::string& out, std::string& target, bool has_text,
                                   const Options& options);

// "ext:project:target" split; false for any other wiki target.
struct ExternalRef {
  std::string_view project, target;
};
bool parse_external_ref(std::string_view wiki_target, ExternalRef& out);

// How much of a wiki target without "|text" its link does not show: "!" of "[[!x]]" and
// "ext:project:" of "[[ext:project:x]]" (the link shows x), "id:" of "[[id:x]]" (the link
// shows the page's title, which a page's own scan cannot know: its summary shows x).
size_t wiki_target_hidden_prefix(std::string_view wiki_target);

}  // namespace bengal::markdown
