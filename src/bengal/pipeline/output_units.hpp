// Which render writes a file of the output folder: the reverse of the plan's output paths
// (site.outputs, filled by the index and the plan), so that `bengal serve --lazy` renders the
// unit a request needs before answering it. Units are numbered as in StagedBuild.
// Read-only once made: any thread may call find().
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/site/site.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

struct OutputSource {
  enum class Kind {
    kNone,      // no render writes it: it is there or it is not (traversal, a stray path)
    kUnit,      // render `unit` first
    kFinalize,  // written after the last render: sitemap, feeds, search, aliases, KaTeX
    kCopied,    // a file of content/ or static/, copied before anything is served
  };
  Kind kind = Kind::kNone;
  size_t unit = 0;
};

class OutputUnits {
 public:
  // Both must outlive this.
  OutputUnits(const site::Site& site, const std::vector<templates::VirtualPage>& generated);
  // `rel` is relative to the output folder: "docs/guide/index.html".
  OutputSource find(std::string_view rel) const;

 private:
  const site::Site& site_;
  std::unordered_map<std::string_view, size_t> by_source_;  // a rendered page's source path
  std::unordered_map<std::string_view, size_t> by_url_;     // a generated page's URL
  size_t not_found_unit_;
};

}  // namespace bengal::pipeline
