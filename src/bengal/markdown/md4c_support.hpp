// What the renderer and the body scan share about md4c: the parser flags of bengal's dialect
// (so both parse identically) and attribute decoding. Internal to the Markdown stage.
#pragma once

#include <md4c.h>

#include <string>

namespace bengal::markdown {

inline unsigned md4c_flags(bool gfm, bool wiki_links, bool math = false) {
  unsigned flags = 0;
  if (gfm)
    flags |=
        MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
  if (wiki_links) flags |= MD_FLAG_WIKILINKS;
  if (math) flags |= MD_FLAG_LATEXMATHSPANS;
  return flags;
}

// Decodes an md4c attribute (link destination, title, info string) into `out`: entities
// resolved, NUL characters replaced by U+FFFD.
void decode_attribute(const MD_ATTRIBUTE& a, std::string& out);

}  // namespace bengal::markdown
