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
