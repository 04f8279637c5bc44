// `bengal merge OUT SHARD_DIRS...`: joins the output folders of the N jobs of a sharded build
// (`bengal build --shard K/N`, shard_plan.hpp) into the site one build would have written,
// byte for byte. Each shard's files are hard-linked (copied across file systems) as they are
// (no file may be in two shards);
// the search indexes (index.json, search/) and the math renderer's files, which need every
// page's rendered text, are made from the parts the shards left (shard_parts.hpp). The merge
// loads the site's index itself, as the shards did, from the same sources.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"

namespace bengal::pipeline {

struct MergeOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path output_dir;  // must not exist, or be empty
  std::vector<std::filesystem::path> shard_dirs;
};

struct MergeStats {
  size_t shards = 0;
  size_t files_copied = 0;
  size_t search_pages = 0;  // pages in index.json
  bool math = false;
};

// A merge that cannot be done: a folder that is not a shard's, shards of different builds
// or sources, a missing or repeated shard, a file in two shards, an output folder in use.
// The message names the folder or file and says what to do.
struct MergeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws MergeError, or output::WriteError when OUT cannot be written. Diagnostics of loading
// the site (its warnings) go to `diagnostics`.
MergeStats merge_shards(const MergeOptions& options, Diagnostics& diagnostics);

}  // namespace bengal::pipeline
