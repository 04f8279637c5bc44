#include "bengal/core/compressed_text.hpp"

#include <memory>
#include <new>

#include <zstd.h>

namespace bengal {
namespace {

// Level 1: the warm tier compresses every page it admits while pages render, so speed comes
// first; higher levels gained little on rendered HTML.
constexpr int kLevel = 1;

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// A context per thread: making one for each call costs more than compressing a page.
ZSTD_CCtx* compressor() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
  return ctx.get();
}

ZSTD_DCtx* decompressor() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
  return ctx.get();
}

}  // namespace

std::string compress_text(std::string_view raw) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t n =
      ZSTD_compressCCtx(compressor(), out.data(), out.size(), raw.data(), raw.size(), kLevel);
  // With a buffer of ZSTD_compressBound bytes compression cannot fail but for lack of memory.
  if (ZSTD_isError(n)) throw std::bad_alloc();
  out.resize(n);
  out.shrink_to_fit();
  return out;
}

bool decompress_text(std::string_view packed, size_t raw_size, std::string& out) {
  out.resize(raw_size);
  size_t n =
      ZSTD_decompressDCtx(decompressor(), out.data(), out.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != raw_size) {
    out.clear();
    return false;
  }
  return true;
}

}  // namespace bengal
