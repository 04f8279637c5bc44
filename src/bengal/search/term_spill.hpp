// The (term, page, weight) records of a whole site, kept on disk while pages render so the
// postings of 50,000 pages are never in memory at once. Records go to one of kBuckets buckets
// by their term's shard prefix, so every term of a prefix is in one bucket and each bucket is
// read back and turned into shards on its own. The file is a SpillFile in the output folder:
// nothing is left behind, even by a killed build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/spill_file.hpp"

namespace bengal::search {

struct Posting {
  std::string term;
  uint32_t page = 0;    // the page's number in the index (its rank among rendered pages)
  uint16_t weight = 0;  // higher is better: title and heading hits weigh more than the body
  friend bool operator==(const Posting&, const Posting&) = default;
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
  // The records of bucket `b` that can appear in a shard: for each term its `max_postings`
  // best (highest weight, then lowest page), in no particular order. The bucket is read one
  // chunk at a time, so what this holds grows with the bucket's distinct terms times
  // `max_postings`, not with its records: a common prefix of a large site has millions.
  std::vector<Posting> best_postings(size_t b, size_t max_postings);
  size_t bucket_of(std::string_view term) const;
  // A digest of bucket `b`'s records in the order added: equal digests, equal shards (an
  // incremental build keeps the last build's shards of a bucket whose digest is the same).
  uint64_t bucket_digest(size_t b) const;
  uint64_t bytes() const { return file_.size(); }

 private:
  void flush(size_t b);

  SpillFile file_;
  size_t prefix_chars_;
  std::vector<std::string> buffers_;  // records not yet written, by bucket
  std::vector<uint64_t> digests_;     // of the records written, by bucket (chained)
  // Where each bucket's chunks are in the file: offset, length.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> chunks_;
};

}  // namespace bengal::search
