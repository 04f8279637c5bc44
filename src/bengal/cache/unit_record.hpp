// What the cache keeps of one render (a page with its list pages, a taxonomy or term page, the
// 404 page) and of one page body: enough to decide, next build, whether it must render again,
// and if not, to keep its files and raise its diagnostics again.
#pragma once

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

}  // namespace bengal::cache
