// Term shards of the sharded search index: each file search/t/<hex of prefix>.json maps the
// terms that start with one prefix to their postings, {"term":[page,weight,page,weight,...]},
// terms in byte order and pages ascending, each page number after the first given as the
// difference from the one before. A shard over max_shard_bytes is split by one more character
// (the terms no longer than the prefix stay in it) up to max_prefix_chars, so the client reads
// the longest listed prefix of a word.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "bengal/search/term_spill.hpp"

namespace bengal::search {

struct ShardOptions {
  size_t prefix_chars = 2;      // the first split
  size_t max_prefix_chars = 4;  // no shard is split further, whatever its size
  size_t max_postings = 100;    // per term: the pages where it weighs most
  size_t max_shard_bytes = size_t{32} * 1024;
};

struct Shard {
  std::string prefix;  // the terms' common first characters (UTF-8)
  std::string json;
};

// The shards made of `postings` (the records of one bucket, any order, at most one per term and
// page), in prefix order. The result depends only on the set of records.
std::vector<Shard> build_shards(std::vector<Posting> postings, const ShardOptions& options);

}  // namespace bengal::search
