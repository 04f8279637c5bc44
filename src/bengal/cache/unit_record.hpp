// What the cache keeps of one render (a page with its list pages, a taxonomy or term page, the
// 404 page) and of one page body: enough to decide, next build, whether it must render again,
// and if not, to keep its files and raise its diagnostics again. And where the last index.json
// holds each page's entry, which a warm build copies from there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/read_set.hpp"

namespace bengal::cache {

// An output file as the render left it: a file changed by hand since, or another file in its
// place (another inode), is rendered again.
struct OutputStamp {
  std::string rel;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
};

struct UnitRecord {
  std::vector<OutputStamp> outputs;
  reads::ReadSet reads;     // what it read, and the diagnostics it raised
  uint32_t html_files = 0;  // files it counted as rendered pages
  bool math = false;        // its body holds math (the KaTeX files are then copied)
};

std::string encode_unit(const UnitRecord& unit);
// False for bytes that are not a whole record (then it is rendered again).
bool decode_unit(std::string_view bytes, UnitRecord& unit);

// A page body's reads alone (no outputs or diagnostics).
std::string encode_reads(const reads::ReadSet& reads);
bool decode_reads(std::string_view bytes, reads::ReadSet& reads);

// What a record says was read, read in place: its strings view the record's bytes, which must
// outlive it. A warm build checks one for every render it keeps, and the copies of an owning
// ReadSet (a dozen template names a page) were most of that check's time.
struct ReadsView {
  std::vector<PageId> pages, heads, contents;
  std::vector<std::string_view> templates;
  // The template names as the record spells them: the same bytes are the same list, so a
  // build checks each list it meets once, not each render's names.
  std::string_view template_bytes;
  std::vector<std::pair<std::string_view, uint64_t>> files;
  bool pagerank = false;
  bool data = false;
  bool clock = false;
};

// A unit record read in place, as ReadsView. A view decoded again and again (one per thread)
// allocates nothing once its lists have grown.
struct UnitView {
  struct Output {
    std::string_view rel;
    uint64_t size = 0;
    int64_t mtime_ns = 0;
    uint64_t inode = 0;
  };
  std::vector<Output> outputs;
  ReadsView reads;
  std::string_view diagnostics;  // checked, still encoded: decode_diagnostics reads them
  uint32_t html_files = 0;
  bool math = false;
};

bool decode_unit(std::string_view bytes, UnitView& unit);
// The owning record of a view, its diagnostics decoded: what decode_unit(bytes, UnitRecord&)
// gives, for a view already decoded.
void copy_unit(const UnitView& view, UnitRecord& unit);
bool decode_reads(std::string_view bytes, ReadsView& reads);
// The diagnostics of a UnitView, appended to `out`.
void decode_diagnostics(std::string_view bytes, std::vector<Diagnostic>& out);

// Where a page's entry stands in an index.json: its JSON object (size 0: none there).
struct EntrySpan {
  uint64_t offset = 0;
  uint32_t size = 0;
  bool operator==(const EntrySpan&) const = default;
};

// Entry spans by page id as the cache keeps them: offsets delta-coded, a few bytes a page.
// decode_entry_spans is false for bytes that are not a whole list.
std::string encode_entry_spans(const std::vector<EntrySpan>& spans);
bool decode_entry_spans(std::string_view bytes, std::vector<EntrySpan>& spans);

}  // namespace bengal::cache
