// Site-wide outputs an incremental build may keep (DESIGN.md "Incremental builds"): a group of
// files (the shards of one search bucket, ...) made only from inputs that one digest sums up.
// When the last build made the group from inputs of the same digest and its files are as it
// left them, the files are kept and nothing is made; otherwise the group is made as in a cold
// build and recorded for the next one. Incremental (incremental.hpp) implements it; without a
// cache there is none and every group is made.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bengal/core/ids.hpp"

namespace bengal::pipeline {

class KeptOutputs {
 public:
  virtual ~KeptOutputs() = default;
  // The files (output-relative) of group `key` when the last build made them from inputs of
  // digest `inputs` and they are intact; they are then kept for this build. Thread-safe.
  virtual std::optional<std::vector<std::string>> keep_group(const std::string& key,
                                                             uint64_t inputs) = 0;
  // The files this build wrote for group `key` from inputs of digest `inputs`. Thread-safe.
  virtual void record_group(const std::string& key, uint64_t inputs,
                            const std::vector<std::string>& rels) = 0;
  // The digest of all that page `id` gives the lists that show it (its front matter, summary
  // and body), for a group's `inputs`.
  virtual uint64_t page_digest(PageId id) const = 0;
};

}  // namespace bengal::pipeline
