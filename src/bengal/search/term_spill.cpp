#include "bengal/search/term_spill.hpp"

#include <cstring>

#include <xxhash.h>

#include "bengal/search/tokenize.hpp"

namespace bengal::search {
namespace {

// A bucket's buffer is written out past this size: 256 buckets hold at most 4 MB, a small part
// of a streaming build's peak (tests/pipeline/streaming_test.cpp holds it under a third of a full
// build's).
constexpr size_t kFlushBytes = size_t{16} * 1024;

}  // namespace

TermSpill::TermSpill(const std::filesystem::path& folder, size_t prefix_chars)
    : file_(folder, "bengal-search-terms"),
      prefix_chars_(prefix_chars),
      buffers_(kBuckets),
      digests_(kBuckets, 0),
      chunks_(kBuckets) {}

size_t TermSpill::bucket_of(std::string_view term) const {
  uint32_t h = 2166136261u;  // FNV-1a of the shard prefix: fixed, so buckets are deterministic
  for (char c : term_prefix(term, prefix_chars_)) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h % kBuckets;
}

void TermSpill::add(std::string_view term, uint32_t page, uint16_t weight) {
  size_t b = bucket_of(term);
  std::string& buf = buffers_[b];
  char head[7];
  std::memcpy(head, &page, 4);
  std::memcpy(head + 4, &weight, 2);
  head[6] = static_cast<char>(static_cast<uint8_t>(std::min<size_t>(term.size(), 255)));
  buf.append(head, sizeof head);
  buf.append(term.substr(0, 255));
  if (buf.size() >= kFlushBytes) flush(b);
}

void TermSpill::flush(size_t b) {
  std::string& buf = buffers_[b];
  if (buf.empty()) return;
  chunks_[b].emplace_back(file_.append(buf), static_cast<uint32_t>(buf.size()));
  digests_[b] = XXH3_64bits_withSeed(buf.data(), buf.size(), digests_[b]);
  buf.clear();
  buf.shrink_to_fit();
}

uint64_t TermSpill::bucket_digest(size_t b) const {
  // Chunks end where the buffer filled, which depends only on the records added.
  const std::string& rest = buffers_[b];
  return XXH3_64bits_withSeed(rest.data(), rest.size(), digests_[b]);
}

std::vector<Posting> TermSpill::read_bucket(size_t b) {
  std::string data;
  for (auto [offset, size] : chunks_[b]) file_.read(offset, size, data);
  data += buffers_[b];
  std::vector<Posting> out;
  out.reserve(data.size() / 12);  // a record is 7 bytes and a term of about 5
  for (size_t i = 0; i + 7 <= data.size();) {
    Posting p;
    std::memcpy(&p.page, data.data() + i, 4);
    std::memcpy(&p.weight, data.data() + i + 4, 2);
    size_t len = static_cast<unsigned char>(data[i + 6]);
    p.term.assign(data, i + 7, len);
    i += 7 + len;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace bengal::search
