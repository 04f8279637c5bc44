// The md4c parser flags for bengal's dialect; internal to the Markdown stage so the renderer
// and the body scan parse identically.
#pragma once

#include <md4c.h>

namespace bengal::markdown {

inline unsigned md4c_flags(bool gfm, bool wiki_links) {
  unsigned flags = 0;
  if (gfm)
    flags |=
        MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
  if (wiki_links) flags |= MD_FLAG_WIKILINKS;
  return flags;
}

}  // namespace bengal::markdown
