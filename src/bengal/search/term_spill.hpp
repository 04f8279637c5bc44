// The (term, page, weight) records of a whole site, kept on disk while pages render so the
// postings of 50,000 pages are never in memory at once. Records go to one of kBuckets buckets
// by their term's shard prefix, so every term of a prefix is in one bucket and each bucket is
// read back and turned into shards on its own. The file is a SpillFile in the output folder:
// nothing is left behind, even by a killed build.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/core/spill_file.hpp"

namespace bengal::search {

struct Posting {
  std::string term;
  uint32_t page = 0;    // the page's number in the index (its rank among rendered pages)
  uint16_t weight = 0;  // higher is better: title and heading hits weigh more than the body
  friend bool operator==(const Posting&, const Posting&) = default;
};

// One record as the spill (and an incremental build's cache, sharded_search.hpp) holds it: the
// page (4 bytes), the weight (2), the term's length (1) and the term, cut to 255 bytes.
void append_record(std::string& out, std::string_view term, uint32_t page, uint16_t weight);

// Calls `fn(term, page, weight)` for each record of `data`; false when `data` does not end at a
// record's end (bytes from a damaged cache), after the whole records before.
template <class Fn>
bool for_each_record(std::string_view data, Fn&& fn) {
  size_t i = 0;
  while (i + 7 <= data.size()) {
    uint32_t page;
    uint16_t weight;
    std::memcpy(&page, data.data() + i, 4);
    std::memcpy(&weight, data.data() + i + 4, 2);
    size_t len = static_cast<unsigned char>(data[i + 6]);
    if (i + 7 + len > data.size()) return false;
    fn(data.substr(i + 7, len), page, weight);
    i += 7 + len;
  }
  return i == data.size();
}

// A record's share of its bucket's digest. A bucket's digest is the sum of its records' (mod
// 2^64), so it does not depend on the order they came in, and an incremental build updates it
// by taking out a re-rendered page's old records and adding its new ones.
uint64_t record_digest(std::string_view term, uint32_t page, uint16_t weight);
// The digest of `records` (append_record's bytes, whole records): their digests' sum.
uint64_t records_digest(std::string_view records);

// Each term's `max_postings` best records (highest weight, then lowest page), from records
// given in any order: what holds grows with the distinct terms, not with the records.
class BestPostings {
 public:
  explicit BestPostings(size_t max_postings);
  void add(std::string_view term, uint32_t page, uint16_t weight);
  // The records kept, in no particular order.
  std::vector<Posting> take();

 private:
  struct Ranked {
    uint16_t weight;
    uint32_t page;
    bool operator<(const Ranked& o) const {
      return weight != o.weight ? weight > o.weight : page < o.page;
    }
  };
  size_t max_;
  std::unordered_map<std::string, std::vector<Ranked>> best_;  // max-heaps by rank
};

class TermSpill {
 public:
  static constexpr size_t kBuckets = 256;

  // `folder` is where the unlinked file is made (the output folder). Throws std::runtime_error
  // when it cannot be created.
  TermSpill(const std::filesystem::path& folder, size_t prefix_chars);
  TermSpill(const TermSpill&) = delete;
  TermSpill& operator=(const TermSpill&) = delete;

  // Called from one thread. `term` is at most 255 bytes.
  void add(std::string_view term, uint32_t page, uint16_t weight);
  // Every record of bucket `b`, in the order added.
  std::vector<Posting> read_bucket(size_t b);
  // The same, as the records' bytes (append_record).
  std::string bucket_records(size_t b);
  // Calls `fn(term, page, weight)` for each record of bucket `b`, one chunk in memory at a time.
  template <class Fn>
  void for_each_in_bucket(size_t b, Fn&& fn) {
    std::string chunk;
    for (auto [offset, size] : chunks_[b]) {
      chunk.clear();
      file_.read(offset, size, chunk);
      for_each_record(chunk, fn);
    }
    for_each_record(buffers_[b], fn);
  }
  // The records of bucket `b` that can appear in a shard: for each term its `max_postings`
  // best (highest weight, then lowest page), in no particular order. The bucket is read one
  // chunk at a time, so what this holds grows with the bucket's distinct terms times
  // `max_postings`, not with its records: a common prefix of a large site has millions.
  std::vector<Posting> best_postings(size_t b, size_t max_postings);
  size_t bucket_of(std::string_view term) const;
  // The digest of bucket `b`'s records (record_digest): equal digests, equal shards (an
  // incremental build keeps the last build's shards of a bucket whose digest is the same).
  uint64_t bucket_digest(size_t b) const { return digests_[b]; }
  uint64_t bytes() const { return file_.size(); }

 private:
  void flush(size_t b);

  SpillFile file_;
  size_t prefix_chars_;
  std::vector<std::string> buffers_;  // records not yet written, by bucket
  std::vector<uint64_t> digests_;     // of the records added, by bucket
  // Where each bucket's chunks are in the file: offset, length.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> chunks_;
};

}  // namespace bengal::search
