// What a shard of a sharded build (shard_plan.hpp) leaves for `bengal merge`, in
// OUT/.bengal-shard/shard.bin: how the site was loaded (so the merge loads the same index), a
// digest of that index (so shards of different sources are refused), and the parts of the
// site-wide outputs that need every page's rendered text: the search index entries and the
// search terms of the pages this shard rendered, and whether one of them has math (the
// KaTeX files are copied only then). The merge writes index.json, search/ and the math files
// from the parts of all shards; every other file is written by exactly one shard.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/output/writer.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/pipeline/sharded_search.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

inline constexpr std::string_view kShardFolder = ".bengal-shard";
inline constexpr std::string_view kShardFile = ".bengal-shard/shard.bin";

struct ShardHeader {
  std::string version;  // bengal's
  uint32_t index = 0, count = 0;
  uint64_t site_digest = 0;
  bool math = false;
  // How the site was loaded.
  std::string environment;
  std::optional<std::string> baseurl;
  std::optional<bool> drafts;
  bool future = false, expired = false;
  int64_t now_epoch_seconds = 0;
};

// What every shard of one build computes alike from the index: the rendered pages' source
// paths and URLs, and the generated pages' URLs.
uint64_t shard_site_digest(const site::Site& site,
                           const std::vector<templates::VirtualPage>& generated);

// Writes the shard's file: the header, then an entry for each page of `pages` that `spill`
// holds, then every posting of `terms` (which is spent).
void write_shard_file(output::OutputWriter& writer, const ShardHeader& header,
                      const std::vector<PageId>& pages, const SearchSpill* spill,
                      ShardedSearch* terms);

// Reads a shard's file: the header, then calls `entry(id, json)` and `posting(number, term,
// weight)` for the parts. False with `error` (what is wrong with the file) when it is not a
// whole shard file of this bengal; the callbacks may have been called before that.
struct ShardFileReader {
  std::function<void(PageId, std::string_view)> entry;
  std::function<void(uint32_t, std::string_view, uint16_t)> posting;
};
bool read_shard_file(std::string_view bytes, ShardHeader& header, const ShardFileReader& parts,
                     std::string& error);
// The header alone.
bool read_shard_header(std::string_view bytes, ShardHeader& header, std::string& error);

}  // namespace bengal::pipeline
