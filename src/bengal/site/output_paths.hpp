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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/string_pool.hpp"

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
  // by.key's id in the pool given to set_key_pool(), when it is there: a page's source path,
  // which the registry then does not store again.
  StrId key_id = kNoStr;
  std::string remedy;  // as a loser: "remove the alias"; "" says to change the winner
  std::string hint;    // as a winner: "turn off [features] robots"
  // Page N > 1 of a list: `what` and `who` name the list, and the messages say "page N of"
  // it. A list of a million pages has 100,000 such pages; their names are made only for a
  // message.
  uint32_t page = 0;
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
  // Who holds `path`; nothing when nobody claimed it. `bengal serve --lazy` maps a request to
  // the render that writes its file with this.
  std::optional<ClaimKey> holder(std::string_view path) const;
  size_t size() const { return held_.size(); }
  void set_content_root(std::filesystem::path root) { content_root_ = std::move(root); }
  // The pool of claims' key_id (the site's): it must outlive the registry, and not change
  // while another thread calls holds() or holder().
  void set_key_pool(const StringPool* pool) { key_pool_ = pool; }
  // Bytes the registry holds: a site claims one or more paths a page.
  size_t memory_bytes() const;

 private:
  // A won claim, its strings interned in strings_: a million-page site holds more than a
  // million of these, so each is 28 bytes, and the texts most claims have are not stored
  // twice: a page's who and file are its display folder ("content/") and its key (the source
  // path), and a page's path is its folder and "index.html".
  struct Held {
    OutputRank rank = OutputRank::kPage;
    uint8_t tier = 0;
    bool who_ends_in_key = false;  // who (= file) is str(who) followed by str(key)
    bool index_of_path = false;    // the path is str(path) + "/index.html"
    bool key_in_key_pool = false;  // key is an id of key_pool_, not of strings_
    StrId key = kEmptyStr, path = kEmptyStr, who = kEmptyStr, file = kEmptyStr, hint = kEmptyStr;
    uint32_t page = 0;  // OutputClaim::page
  };
  // Who holds a claim, in a message: "content/a.md", "page 3 of the list of content/b.md".
  std::string who(const Held& held) const;
  std::string file_of(const Held& held) const;
  std::string_view key_of(const Held& held) const {
    return held.key_in_key_pool ? key_pool_->get(held.key) : str(held.key);
  }
  std::string path_of(const Held& held) const;
  // holders_ values: the index in held_ + 1 of a file's claim, with kFolder set for a folder
  // that holds it; 0 for a string that is neither.
  static constexpr uint32_t kFolder = uint32_t{1} << 31;

  uint32_t holder_of(std::string_view path) const;
  // Sets the holder of `path`, a file, or a folder when `holder` has kFolder, unless it has
  // one already.
  void mark(std::string_view path, uint32_t holder);
  bool same_claimant(const Held& held, const ClaimKey& by) const;
  void report(const OutputClaim& loser, const Held& winner, std::string_view why,
              Diagnostics& diagnostics) const;
  std::string_view str(StrId id) const { return strings_.get(id); }

  std::filesystem::path content_root_;
  const StringPool* key_pool_ = nullptr;
  StringPool strings_;
  std::vector<Held> held_;
  std::vector<uint32_t> holders_;  // by id in strings_
  // The holder of the file index.html in the folder of each id in strings_: a page's
  // output path is not stored beside its folder's.
  std::vector<uint32_t> index_holders_;
};

}  // namespace bengal::site
