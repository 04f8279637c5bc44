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

}  // namespace

void append_record(std::string& out, std::string_view term, uint32_t page, uint16_t weight) {
  char head[7];
  std::memcpy(head, &page, 4);
  std::memcpy(head + 4, &weight, 2);
  term = term.substr(0, 255);
  head[6] = static_cast<char>(static_cast<uint8_t>(term.size()));
  out.append(head, sizeof head);
  out.append(term);
}

uint64_t record_digest(std::string_view term, uint32_t page, uint16_t weight) {
  uint64_t head = (uint64_t{page} << 16) | weight;
  term = term.substr(0, 255);
  return XXH3_64bits_withSeed(term.data(), term.size(), head);
}

uint64_t records_digest(std::string_view records) {
  uint64_t digest = 0;
  for_each_record(records, [&](std::string_view term, uint32_t page, uint16_t weight) {
    digest += record_digest(term, page, weight);
  });
  return digest;
}

BestPostings::BestPostings(size_t max_postings) : max_(std::max<size_t>(max_postings, 1)) {}

void BestPostings::add(std::string_view term, uint32_t page, uint16_t weight) {
  auto it = best_.find(std::string(term));
  if (it == best_.end()) it = best_.emplace(std::string(term), std::vector<Ranked>()).first;
  std::vector<Ranked>& heap = it->second;  // its top is the worst one kept
  Ranked r{weight, page};
  if (heap.size() < max_) {
    heap.push_back(r);
    std::push_heap(heap.begin(), heap.end());
  } else if (r < heap.front()) {
    std::pop_heap(heap.begin(), heap.end());
    heap.back() = r;
    std::push_heap(heap.begin(), heap.end());
  }
}

std::vector<Posting> BestPostings::take() {
  std::vector<Posting> out;
  for (const auto& [term, heap] : best_)
    for (const Ranked& r : heap) out.push_back({term, r.page, r.weight});
  best_.clear();
  return out;
}

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
  append_record(buf, term, page, weight);
  digests_[b] += record_digest(term, page, weight);
  if (buf.size() >= kFlushBytes) flush(b);
}

void TermSpill::flush(size_t b) {
  std::string& buf = buffers_[b];
  if (buf.empty()) return;
  chunks_[b].emplace_back(file_.append(buf), static_cast<uint32_t>(buf.size()));
  buf.clear();
  buf.shrink_to_fit();
}

std::string TermSpill::bucket_records(size_t b) {
  std::string data;
  for (auto [offset, size] : chunks_[b]) file_.read(offset, size, data);
  data += buffers_[b];
  return data;
}

std::vector<Posting> TermSpill::read_bucket(size_t b) {
  std::string data = bucket_records(b);
  std::vector<Posting> out;
  out.reserve(data.size() / 12);  // a record is 7 bytes and a term of about 5
  for_each_record(data, [&](std::string_view term, uint32_t page, uint16_t weight) {
    out.push_back({std::string(term), page, weight});
  });
  return out;
}

std::vector<Posting> TermSpill::best_postings(size_t b, size_t max_postings) {
  BestPostings best(max_postings);
  // One chunk at a time: a chunk ends at a record (flush() writes whole records).
  for_each_in_bucket(b, [&](std::string_view term, uint32_t page, uint16_t weight) {
    best.add(term, page, weight);
  });
  return best.take();
}

}  // namespace bengal::search
