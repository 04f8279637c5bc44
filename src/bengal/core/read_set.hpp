// What one render read and wrote, for incremental builds (DESIGN.md "Incremental builds"): the
// pages of the index it looked at, the page bodies it embedded, the templates and site files it
// used, the files it wrote and the diagnostics it raised. A build records a ReadSet around
// every page it renders; the next build re-renders a page only when something in its set
// changed.
//
// Recording is per thread and costs nothing when off: the hooks (Site::page, the template
// loader, the include reader, the output writer, Diagnostics::add) test one thread-local
// pointer. Sets nest: a page body rendered inside another page's render records into its own
// set and into every enclosing one, so an embedding page depends on what the body read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/ids.hpp"

namespace bengal::reads {

struct ReadSet {
  std::vector<PageId> pages;     // index entries read (PageMeta and what the index derives)
  std::vector<PageId> heads;     // ... of which only the head: title, URL, dates, params, terms
  std::vector<PageId> contents;  // page bodies used (their HTML)
  std::vector<std::string> templates;
  std::vector<std::pair<std::string, uint64_t>> files;  // lookup key, digest of what was found
  std::vector<std::string> outputs;                     // files written, output-relative
  std::vector<Diagnostic> diagnostics;                  // raised by this render itself
  bool pagerank = false;  // read a PageRank score, which every link of the site moves
  bool data = false;      // read site.data (data/*.yaml, ...)
  bool clock = false;     // read the clock (now()): never reused
  ReadSet* parent = nullptr;

  // Sorts and removes duplicates, once the render is done.
  void finish();
  // Adds everything `other` read (not its outputs or diagnostics): a cached fragment's reads.
  void merge_reads(const ReadSet& other);
};

// The innermost set recording on this thread, or null.
inline thread_local ReadSet* t_current = nullptr;

// Records into `set` (and the sets around it) for its lifetime.
class Recording {
 public:
  explicit Recording(ReadSet& set) : previous_(t_current) {
    set.parent = previous_;
    t_current = &set;
  }
  ~Recording() { t_current = previous_; }
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;

 private:
  ReadSet* previous_;
};

// Stops recording for its lifetime: work done for the build as a whole (a shared cache that
// any page may fill first) must not be charged to the page that happens to trigger it.
class Pause {
 public:
  Pause() : previous_(t_current) { t_current = nullptr; }
  ~Pause() { t_current = previous_; }
  Pause(const Pause&) = delete;
  Pause& operator=(const Pause&) = delete;

 private:
  ReadSet* previous_;
};

inline void page_read(PageId id) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent)
    if (r->pages.empty() || r->pages.back() != id) r->pages.push_back(id);
}

// Only the fields other pages show of a page (Site::head): not its body's summary, word count,
// headings or links, which a body edit changes.
inline void head_read(PageId id) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent)
    if (r->heads.empty() || r->heads.back() != id) r->heads.push_back(id);
}

inline void content_read(PageId id) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->contents.push_back(id);
}

// What was read to make something now reused (a cached template fragment) counts as read here.
void reused(const ReadSet& reads);
void template_read(std::string_view name);
// A site file looked up and read (or not found): `key` says how to look it up again, `digest`
// what was found (the pipeline computes both; see pipeline/file_reads.hpp).
void file_read(std::string_view key, uint64_t digest);
void pagerank_read();
void data_read();
void clock_read();
void output_written(std::string_view rel);
// What another thread recorded for this thread's render, as if recorded here: its reads into
// every set around, its outputs and diagnostics into the render's own.
void adopt(const ReadSet& other);
// Keeps a copy in the outermost recording set (the render's): a page that is not rendered
// again raises it again from the cache.
void diagnostic_raised(const Diagnostic& d);

}  // namespace bengal::reads
