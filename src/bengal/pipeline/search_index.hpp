// index.json, the client-side search index: one entry per page, in page id order whatever
// order pages rendered in. With [search] full_text each entry is made while its page renders
// and waits in a spill file, so the index is never held whole.
#pragma once

#include <string>
#include <vector>

#include "bengal/core/spill_file.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

// Appends one JSON object: url, title, description, summary, tags, section, date,
// word_count, kind, and `text` when full text is on. The cold text is read with `cold`.
void append_search_entry(std::string& json, const site::Site& site, PageId id,
                         const std::string* text, ColdReader& cold);

// Entries made while rendering, kept in an unlinked file inside the output folder (nothing is
// written elsewhere) until index.json is assembled. add() is called from one thread.
class SearchSpill {
 public:
  SearchSpill(const output::OutputWriter& writer, size_t pages);
  void add(PageId id, std::string_view entry);
  // False when `id` has no entry (its page failed to render).
  bool read(PageId id, std::string& out) const;

 private:
  SpillFile file_;
  std::vector<std::pair<uint64_t, uint32_t>> where_;  // offset, length by page id
};

// Writes index.json: the rendered pages in id order; entries from `spill` when given, else
// made from the index alone.
void write_search_index(const site::Site& site, output::OutputWriter& writer,
                        const SearchSpill* spill);

// The visible text of rendered HTML: tags removed, common entities decoded, whitespace folded.
std::string plain_text(std::string_view html);

}  // namespace bengal::pipeline
