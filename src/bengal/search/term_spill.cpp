#include "bengal/search/term_spill.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <xxhash.h>

#include "bengal/search/tokenize.hpp"

namespace bengal::search {
namespace {

// A bucket's buffer is written out past this size: 256 buckets hold at most 4 MB, a small part
// of a streaming build's peak (tests/pipeline/streaming_test.cpp holds it under a third of a full
// build's).
constexpr size_t kFlushBytes = size_t{16} * 1024;

// Calls `fn(term, page, weight)` for each record of `data`.
template <class Fn>
void for_each_record(std::string_view data, Fn&& fn) {
  for (size_t i = 0; i + 7 <= data.size();) {
    uint32_t page;
    uint16_t weight;
    std::memcpy(&page, data.data() + i, 4);
    std::memcpy(&weight, data.data() + i + 4, 2);
    size_t len = static_cast<unsigned char>(data[i + 6]);
    fn(data.substr(i + 7, len), page, weight);
    i += 7 + len;
  }
}

// A posting's rank among its term's: higher weight first, then lower page (as shards.cpp).
struct Ranked {
  uint16_t weight;
  uint32_t page;
  bool operator<(const Ranked& o) const {
    return weight != o.weight ? weight > o.weight : page < o.page;
  }
};

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
  for_each_record(data, [&](std::string_view term, uint32_t page, uint16_t weight) {
    out.push_back({std::string(term), page, weight});
  });
  return out;
}

std::vector<Posting> TermSpill::best_postings(size_t b, size_t max_postings) {
  max_postings = std::max<size_t>(max_postings, 1);
  // Per term a max-heap by rank of at most max_postings: its top is the worst one kept.
  std::unordered_map<std::string, std::vector<Ranked>> best;
  auto add = [&](std::string_view term, uint32_t page, uint16_t weight) {
    auto it = best.find(std::string(term));
    if (it == best.end()) it = best.emplace(std::string(term), std::vector<Ranked>()).first;
    std::vector<Ranked>& heap = it->second;
    Ranked r{weight, page};
    if (heap.size() < max_postings) {
      heap.push_back(r);
      std::push_heap(heap.begin(), heap.end());
    } else if (r < heap.front()) {
      std::pop_heap(heap.begin(), heap.end());
      heap.back() = r;
      std::push_heap(heap.begin(), heap.end());
    }
  };
  // One chunk at a time: a chunk ends at a record (flush() writes whole records).
  std::string chunk;
  for (auto [offset, size] : chunks_[b]) {
    chunk.clear();
    file_.read(offset, size, chunk);
    for_each_record(chunk, add);
  }
  for_each_record(buffers_[b], add);
  std::vector<Posting> out;
  for (const auto& [term, heap] : best)
    for (const Ranked& r : heap) out.push_back({term, r.page, r.weight});
  return out;
}

}  // namespace bengal::search
