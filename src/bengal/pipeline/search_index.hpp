// index.json, the client-side search index: one entry per page, in page id order whatever
// order pages rendered in. With [search] full_text each entry is made while its page renders
// and waits in a spill file, so the index is never held whole. A warm build copies the entries
// of pages that did not change from the last build's index.json (KeptEntries).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bengal/cache/unit_record.hpp"
#include "bengal/core/spill_file.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

using cache::EntrySpan;

// Appends one JSON object: url, title, description, summary, tags, section, date,
// word_count, kind, and `text` when full text is on. The cold text is read with `cold`.
void append_search_entry(std::string& json, const site::Site& site, PageId id,
                         const std::string* text, ColdReader& cold);

// Each page's entry as the last build's index.json holds it. A warm build copies the entry of
// a page whose render and index fields did not change from there: it need not keep a second
// copy of every page's text in the cache (two thirds of its size with full text), nor make
// every entry again. Entries that follow one another in both files are copied as one run.
// Opened only when the file is as the last build left it; the descriptor keeps that file
// readable once this build replaces it.
class KeptEntries {
 public:
  // The file `rel` of `writer`'s folder, when its stamp is `stamp` and the spans of `spans`
  // (by page id) lie inside it one after another; else null.
  static std::unique_ptr<KeptEntries> open(const output::OutputWriter& writer, std::string_view rel,
                                           const output::FileStamp& stamp,
                                           std::vector<EntrySpan> spans);
  ~KeptEntries();
  KeptEntries(const KeptEntries&) = delete;
  KeptEntries& operator=(const KeptEntries&) = delete;
  bool has(PageId id) const { return id < spans_.size() && spans_[id].size > 0; }
  EntrySpan span(PageId id) const { return spans_.at(id); }
  // Appends bytes [start, end) of the file to `file`, copied by the kernel: entries that
  // followed one another there, with what lies between them. Throws std::runtime_error when
  // the file cannot be read or no longer holds entries there (it was changed during the
  // build).
  void copy(uint64_t start, uint64_t end, output::StreamingFile& file);

 private:
  // The byte at `offset`.
  char byte_at(uint64_t offset) const;
  KeptEntries(int fd, std::vector<EntrySpan> spans) : fd_(fd), spans_(std::move(spans)) {}
  int fd_;
  std::vector<EntrySpan> spans_;
};

// Entries made while rendering, kept in an unlinked file inside the output folder (nothing is
// written elsewhere) until index.json is assembled. add() is called from one thread.
class SearchSpill {
 public:
  SearchSpill(const output::OutputWriter& writer, size_t pages);
  void add(PageId id, std::string_view entry);
  // Page `id`'s entry is the last build's (KeptEntries).
  void add_kept(PageId id);
  bool is_kept(PageId id) const { return where_[id].second == kKept; }
  // False when `id` has no entry (its page failed to render). Not for a kept entry, which is
  // copied from the last index.json (write_search_index) without being read.
  bool read(PageId id, std::string& out) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX, kKept = UINT32_MAX - 1;
  SpillFile file_;
  std::vector<std::pair<uint64_t, uint32_t>> where_;  // offset, length (or kNone, kKept)
};

// Writes index.json: the searched pages (site.searched()) in id order; entries from `spill` when
// given (those it holds as kept copied from `kept`), else made from the index alone or copied from
// `kept` for the pages `reuse` says. Returns where each page's entry went, by page id.
std::vector<EntrySpan> write_search_index(const site::Site& site, output::OutputWriter& writer,
                                          const SearchSpill* spill, KeptEntries* kept = nullptr,
                                          const std::function<bool(PageId)>& reuse = {});

// The visible text of rendered HTML: tags, comments, scripts and styles removed, common
// entities decoded, whitespace folded.
std::string plain_text(std::string_view html);

}  // namespace bengal::pipeline
