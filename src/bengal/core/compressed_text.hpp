// Lossless compression of text held in memory: the content store's warm tier keeps rendered
// body HTML this way so more pages fit in its byte bound (bench/RESULTS.md, "The seed's
// techniques, measured"). zstd at a fast level: HTML shrinks about 3 to 4 times for a few
// microseconds a page. Thread-safe: each thread has its own zstd contexts.
#pragma once

#include <string>
#include <string_view>

namespace bengal {

// The zstd frame of `raw`.
std::string compress_text(std::string_view raw);
// The bytes compress_text was given, from its frame into `out`; false (and `out` cleared) when
// `packed` is not such a frame of exactly `raw_size` bytes.
bool decompress_text(std::string_view packed, size_t raw_size, std::string& out);

}  // namespace bengal
