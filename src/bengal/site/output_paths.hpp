// The output registry: every file the build writes is claimed here before it is written, so
// no two sources can write one path, nor one write a file where another needs a folder. A clash
// is resolved by a total order, never by which thread finishes last: the winner keeps the
// path, the loser is not written and is reported as an error naming both.
//
// The order (docs/content/reference/security.md): by rank (OutputRank below), then tier
// within the rank, then key (a source path), then claim order. Claims are made in rank order
// (site files and pages in build_index, list pages and content files before rendering,
// static files while they are copied, aliases last), so resolving each group as it comes gives
// the same result as resolving all claims at once.
//
// Thread-safety: claim() is single-threaded; holds() may be called from render threads while
// no claim() runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/core/diagnostic.hpp"

namespace bengal::site {

enum class OutputRank : uint8_t {
  kSiteFile,     // 404.html, sitemap.xml, index.json, llms.txt, robots.txt, graph.json, feeds
  kPage,         // a content page's own URL (page 1 of a list)
  kListPage,     // pagination pages, taxonomy and term pages, section and term feeds
  kContentFile,  // bundle resources and other non-Markdown files of content/
  kStatic,       // static/, then the theme's static/, then the built-in theme's files
  kAlias,        // redirect pages
};

// Who claims a path; also its place in the order. Two claims with equal keys are the same
// claimant.
struct ClaimKey {
  OutputRank rank = OutputRank::kPage;
  uint8_t tier = 0;  // pages: 0 when the source path gives the URL, 1 from url or slug
  std::string key;   // the source path, or a name for generated files
  friend bool operator==(const ClaimKey&, const ClaimKey&) = default;
  friend auto operator<=>(const ClaimKey&, const ClaimKey&) = default;
};

struct OutputClaim {
  std::string path;  // relative to the output dir: "a/index.html"
  ClaimKey by;
  std::string what;  // as a loser: "page /a/", "alias /x/"
  std::string who;   // as a winner: "content/a.md", "the sitemap"
  // Where a loser's error points ("" when it has no file: then at the winner's): the file,
  // and the first of `keys` its front matter has (looked up only on a clash), read from
  // `source` under the content root.
  std::string file;
  std::string source;
  std::vector<std::string_view> keys;
  std::string remedy;  // as a loser: "remove the alias"; "" says to change the winner
  std::string hint;    // as a winner: "turn off [features] robots"
};

class OutputPaths {
 public:
  // Resolves `claims`, which all come after every claim made before, in the order above.
  // Returns, in the given order, whether each claim holds its path. Each loser is reported
  // in `diagnostics`, except a static file replaced by a higher layer (the intended override)
  // and a claimant repeating its own path.
  std::vector<bool> claim(std::vector<OutputClaim> claims, Diagnostics& diagnostics);
  // True when `path` is held by `by`.
  bool holds(std::string_view path, const ClaimKey& by) const;
  // Who holds `path`; null when nobody claimed it. `bengal serve --lazy` maps a request to
  // the render that writes its file with this.
  const ClaimKey* holder(std::string_view path) const;
  size_t size() const { return files_.size(); }
  void set_content_root(std::filesystem::path root) { content_root_ = std::move(root); }

 private:
  struct Held {
    ClaimKey by;
    std::string path, who, file, hint;
  };
  void report(const OutputClaim& loser, const Held& winner, std::string_view why,
              Diagnostics& diagnostics) const;

  std::filesystem::path content_root_;
  std::vector<Held> held_;
  std::unordered_map<std::string, uint32_t> files_;  // path -> index in held_
  std::unordered_map<std::string, uint32_t> dirs_;   // folder -> a file held below it
};

}  // namespace bengal::site
