// The only way to read a page's Markdown body during rendering. Bodies are not kept after
// discovery; the store reads them back from disk on demand. The streaming build's tiers
// (hot, warm, cold) are decided here, so callers never hold bodies themselves.
#pragma once

#include <filesystem>
#include <string>

#include "bengal/site/site.hpp"

namespace bengal::build {

class ContentStore {
 public:
  ContentStore(const site::Site& site, std::filesystem::path content_dir);

  // Replaces `out` with the Markdown body of `id` (the text after its front matter). Returns
  // false and sets `error` when the file can no longer be read.
  bool load_body(site::PageId id, std::string& out, std::string& error) const;

 private:
  const site::Site& site_;
  std::filesystem::path content_dir_;
};

}  // namespace bengal::build
