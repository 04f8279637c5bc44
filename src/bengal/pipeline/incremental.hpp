// Incremental builds (DESIGN.md "Incremental builds"): which renders of the last build can be
// kept, and the record of this build's renders for the next one.
//
// Every render (a page with its list pages, a taxonomy or term page, the 404 page) records
// what it read (core/read_set.hpp). A render is kept when the build key, the page files and
// the site's structure are those of the last build, and nothing it read changed: no page it
// read has a new digest, no body it embedded was rendered from changed inputs, no template or
// included file it used changed, it did not read the clock, and its files are as it left them.
// Otherwise it renders again, through the same code as a cold build. When in doubt, render.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "bengal/cache/build_cache.hpp"
#include "bengal/cache/unit_record.hpp"
#include "bengal/graph/related.hpp"
#include "bengal/output/taken_stamps.hpp"
#include "bengal/pipeline/build_context.hpp"
#include "bengal/pipeline/kept_outputs.hpp"
#include "bengal/pipeline/page_renderer.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/pipeline/sharded_search.hpp"

namespace bengal::pipeline {

struct RenderContext;

// What a page's render gives the search indexes: its body's text (index.json with full text)
// and its terms (search/).
struct SearchParts {
  std::string text;
  PageTerms terms;
  // A kept page's terms as the cache holds them (for_each_kept_term reads them): tens of
  // thousands of kept pages a build need not each build a vector of strings.
  std::string kept_terms;
  // A kept page's index.json entry is the last build's (KeptEntries); `text` is then empty.
  bool entry_kept = false;
  // The page's render was kept.
  bool kept = false;
  // While the search index is patched (ShardedSearch::patch), a re-rendered page's terms in
  // the last build, encoded as kept_terms; none when the cache did not have them.
  std::optional<std::string> last_terms;
};

// A render's search parts as the cache keeps them: its text, its terms, or both.
std::string encode_search(const SearchParts& search, bool text, bool terms);
// The parts of a record of encode_search's into `out`; false when the bytes are not a whole
// record or lack what is asked for. The terms are checked and kept encoded
// (SearchParts::kept_terms).
bool decode_search(std::string_view bytes, bool text, bool terms, SearchParts& out);

// What a kept render gives back to the build.
struct KeptRender {
  uint32_t html_files = 0;
  SearchParts search;
};

class Incremental final : public KeptOutputs, public KeptPagers {
 public:
  // Before discovery: opens SITE/.bengal/ (null when the build runs without a cache, with the
  // reason in `note`).
  static std::unique_ptr<Incremental> open(const BuildOptions& options,
                                           const config::SiteConfig& config, std::string& note);
  // The cache describes one output folder's files: cache.db for the configured folder,
  // cache-<digest of its absolute path>.db for one given with -o, so builds into several
  // folders (CI matrices, tests) each stay warm and never wait for one another. `output` is
  // the output folder, absolute and with its links resolved.
  static std::string cache_file(const BuildOptions& options, const config::SiteConfig& config,
                                const std::filesystem::path& output);
  // The `cache:` line of a build that renders every page though its cache holds a finished
  // build: which of the keys that decide it changed.
  static std::string cold_reason(const cache::BuildKeys& last, const cache::BuildKeys& now);

  cache::BuildCache& cache() { return *cache_; }

  // After the plan, with the render machinery made: compares this build's digests with the
  // last build's and starts the cache's record of this build. A build whose config, pages or
  // structure changed runs cold without a word: that is what the cache is for.
  void start(BuildContext& b, RenderContext& r);
  bool warm() const { return warm_; }

  // The key of a page's render and of a generated page's.
  static std::string page_key(PageId id);
  static std::string virtual_key(std::string_view url);

  // When the last build's render of `key` can be kept: keeps its files, raises its
  // diagnostics again and returns what the build counts. Thread-safe.
  // With `text` (`terms`), only when the last build kept its search text (terms): page
  // `page`'s entry is the last index.json's (entry_reusable), or a shard's text in the cache.
  // With `last_terms` (the search index is patched), a kept render must have its terms in the
  // cache, which stay there, and a render that is not kept gives its last terms there.
  std::optional<KeptRender> keep(const std::string& key, bool text, bool terms,
                                 PageId page = kNoPage,
                                 std::optional<std::string>* last_terms = nullptr);
  // Reads the last build's records of `keys` at once, before a batch renders in parallel:
  // keep() then finds them without waiting for the database, which one thread reads at a
  // time. Not thread-safe; the records go with the next prefetch.
  void prefetch(const std::vector<std::string>& keys);
  // This build's render of `key`: what it read and wrote. Thread-safe.
  // With `text` (`terms`), `search`'s text (terms) are kept for the next build.
  void record(const std::string& key, reads::ReadSet&& reads, uint32_t html_files, bool math,
              const SearchParts* search, bool text, bool terms);
  // KeptPagers: the groups of a long list's pagers, each kept or recorded as a render is.
  std::optional<Kept> keep_pagers(const std::string& key) override;
  void record_pagers(const std::string& key, reads::ReadSet&& reads, uint32_t files) override;
  // KeptOutputs: groups of site-wide files (the search shards of a bucket, ...).
  std::optional<std::vector<std::string>> keep_group(const std::string& key,
                                                     uint64_t inputs) override;
  void record_group(const std::string& key, uint64_t inputs,
                    const std::vector<std::string>& rels) override;
  uint64_t page_digest(PageId id) const override;
  uint64_t page_head_digest(PageId id) const override;
  uint64_t page_shown_digest(PageId id) const override;
  std::optional<std::pair<uint64_t, std::string>> stored(const std::string& key) override;
  void store(const std::string& key, uint64_t digest, std::string bytes) override;
  bool for_each_page_terms(std::span<const PageId> pages,
                           const std::function<void(PageId, std::string_view)>& fn) override;
  size_t group_files_kept() const { return group_files_kept_.load(); }
  // The related pages of the last build, kept in the cache as the group "graph:related".
  // Usable from discovery on, before start().
  graph::RelatedMemo& related_memo() { return *related_memo_; }
  // The last build's index.json entries, when the cache says where they are and the file is
  // as that build left it (else null).
  KeptEntries* kept_entries() const { return kept_entries_.get(); }
  // Whether page `id`'s entry can be copied from there: neither the page (all the index
  // knows of it) nor its section's head (its title) changed. With full text, its render must
  // be kept too.
  bool entry_reusable(PageId id) const;
  // Where index.json now holds each page's entry (write_search_index's spans), for the next
  // build's KeptEntries. Not in a shard's build, which writes no index.json.
  void record_index_entries(const std::vector<EntrySpan>& spans);
  // After each render batch: the records so far into the cache.
  void flush() { cache_->flush(); }
  // After the site-wide outputs: removes the last build's files this one did not write, then
  // stores this build's state. Returns the files removed.
  size_t finish(RenderContext& r);

 private:
  explicit Incremental(std::unique_ptr<cache::BuildCache> cache);
  bool body_changed(PageId id, int depth);
  bool reads_changed(const cache::ReadsView& reads, int depth);
  bool template_changed(std::string_view name) const;
  bool templates_changed(const cache::ReadsView& reads);
  bool file_changed(const std::string& key, uint64_t digest);
  uint64_t template_digest(const std::string& name) const;
  bool outputs_intact(const cache::UnitView& unit) const;
  std::unique_ptr<KeptEntries> open_kept_entries(const output::OutputWriter& writer);
  // Search texts go to the cache only in a shard's build, which writes no index.json to copy
  // them from. Once start() has run.
  bool texts_in_cache() const { return build_->options.shard.sharded(); }
  std::vector<cache::OutputStamp> stamps(const std::vector<std::string>& rels) const;

  std::unique_ptr<cache::BuildCache> cache_;
  std::unique_ptr<output::TakenStamps> taken_;  // of the last build's files; null when cold
  std::unique_ptr<graph::RelatedMemo> related_memo_;
  BuildContext* build_ = nullptr;
  RenderContext* render_ = nullptr;
  bool warm_ = false;
  bool prefetch_search_ = true;  // rows are read with their search records (start())
  std::unique_ptr<KeptEntries> kept_entries_;
  std::atomic<size_t> group_files_kept_{0};
  bool pagerank_changed_ = true;
  bool data_changed_ = true;
  cache::BuildKeys keys_;
  cache::PageDigests digests_;
  cache::PageDigests last_digests_;                 // the last build's, when warm
  std::vector<std::optional<std::string>> bodies_;  // the last build's body reads, by page id
  std::vector<uint8_t> changed_;       // by page id: its digest differs from the last build's
  std::vector<uint8_t> head_changed_;  // ... its head's digest
  std::map<std::string, uint64_t, std::less<>> old_templates_;
  std::mutex mutex_;  // guards the memos below
  // The templates the last build used, with their digests now (filled by start()), and those
  // this build used that it did not (guarded by mutex_).
  std::unordered_map<std::string, uint64_t> template_now_;
  std::set<std::string> new_templates_;
  std::unordered_map<std::string, uint64_t> file_now_;
  // Hashes std::string and std::string_view alike, for lookups by view.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // By thread: whether a list of templates (ReadsView::template_bytes) changed.
  tbb::enumerable_thread_specific<std::unordered_map<std::string, bool, TextHash, std::equal_to<>>>
      template_lists_;
  std::unique_ptr<std::atomic<int8_t>[]> body_memo_;  // by page id: -1 unknown, 0 no, 1 changed
  // The rows of the batch about to render, by key (prefetch()).
  std::unordered_map<std::string, std::optional<cache::BuildCache::UnitRow>> prefetched_;
};

// `--clean` and the removal of a build's stale files: removes `rel` files under `root` (never
// through a symlink, never outside it) and the folders they leave empty. Returns how many.
size_t remove_outputs(const std::filesystem::path& root, const std::vector<std::string>& rels);
// The files under `root` not in `keep` (sorted), skipping the writer's temporary folder.
std::vector<std::string> files_not_in(const std::filesystem::path& root,
                                      std::span<const std::string_view> keep);

}  // namespace bengal::pipeline
