// Phase 4 for one page: body -> Markdown HTML (links resolved through the cross-reference
// index) -> template -> file. Shared by all render threads; each thread passes its own
// Scratch so buffers are reused from page to page.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "bengal/core/read_set.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/body_renderer.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/templates/engine/environment.hpp"
#include "bengal/templates/site_context.hpp"

namespace bengal::pipeline {

struct Scratch {
  std::string body;
  markdown::Rendered markdown;
  std::string toc;
  std::string page;
  std::string error;
  std::string template_name;  // the template the last page was rendered with
};

// A long list's pagers are rendered in groups (PageRenderer::write_pagers), and an incremental
// build keeps each group whose reads did not change: a one-page edit shown on the first page
// of a list of 5,000 pagers renders one group again, not the list. Incremental implements it.
class KeptPagers {
 public:
  virtual ~KeptPagers() = default;
  struct Kept {
    reads::ReadSet reads;  // what the group read and wrote, as recorded
    uint32_t files = 0;    // the files it wrote
  };
  // The last build's render of group `key`, when nothing it read changed and its files are
  // as it left them: its files are then kept for this build. Thread-safe.
  virtual std::optional<Kept> keep_pagers(const std::string& key) = 0;
  // This build's render of group `key`, which wrote `files` files. Thread-safe.
  virtual void record_pagers(const std::string& key, reads::ReadSet&& reads, uint32_t files) = 0;
};

class PageRenderer {
 public:
  PageRenderer(const site::Site& site, ContentStore& store, const BodyRenderer& body,
               const templates::Environment& env, const templates::SiteContext& ctx,
               output::OutputWriter& writer, Diagnostics& diagnostics);

  // Renders and writes a page (every pager page of a list). Returns the files written.
  // With `text`, also returns the visible text of the page's body (for full-text search);
  // with `headings`, the text of its headings, one a line (for the sharded search index).
  size_t render_page(PageId id, Scratch& s, std::string* text = nullptr,
                     std::string* headings = nullptr) const;
  // A taxonomy overview, term page or the 404 page; `list` is paginated when not empty.
  size_t render_virtual(const templates::VirtualPage& page, std::span<const PageId> list,
                        bool paginate, const std::vector<std::string>& candidates,
                        Scratch& s) const;
  // Previews for `bengal serve --lazy`: write `rel`, one file of what render_page
  // (render_virtual) writes, with the same bytes, and no other. They report nothing and
  // record nothing: the unit's own render later writes that file again and reports what there
  // is to report. So the first page of a list of 5,000 pager pages is served without
  // rendering the other 4,999 first. True when `rel` was written.
  bool preview_page(PageId id, std::string_view rel, Scratch& s) const;
  bool preview_virtual(const templates::VirtualPage& page, std::span<const PageId> list,
                       bool paginate, const std::vector<std::string>& candidates,
                       std::string_view rel, Scratch& s) const;
  // How many files page `id`'s render writes at most: its pager pages, or 1.
  size_t file_count(PageId id) const;
  // Whether any page rendered so far has math: the math renderer's files (KaTeX, about
  // 560 KB) are copied only then.
  bool any_math() const { return any_math_.load(std::memory_order_relaxed); }
  // A page kept from the last build has math.
  void note_math() const { any_math_.store(true, std::memory_order_relaxed); }
  // The pager groups of the last build, which renders keep and record; null: none.
  void use_kept_pagers(KeptPagers* kept) { kept_pagers_ = kept; }

 private:
  // Renders the first existing candidate into `out` and names it in `used`; with `report`,
  // reports a missing or broken template once.
  bool render_template(const std::vector<std::string>& candidates, const templates::Vars& vars,
                       std::string_view what, std::string& out, std::string& used,
                       bool report) const;
  // render_page and preview_page: every file, or only `only` (then quietly).
  size_t page_files(PageId id, Scratch& s, std::string* text, std::string* headings,
                    std::string_view only) const;
  size_t virtual_files(const templates::VirtualPage& page, std::span<const PageId> list,
                       bool paginate, const std::vector<std::string>& candidates,
                       std::string_view only, Scratch& s) const;
  // The list a section or the home page shows (empty for a regular page).
  std::span<const PageId> list_of(PageId id) const;
  void report_once(Diagnostic d) const;
  // Who writes a list's files, checked against the output registry: pages 2..N always, page
  // 1 with `check_first`; nothing is checked without a key.
  struct Claimant {
    const site::ClaimKey* key = nullptr;
    bool check_first = false;
  };
  // Renders and writes one file per pager (with `paginator` set when `paginated`), or only
  // the pager whose file is `only`, reporting nothing. A pager whose template fails is not
  // written (render_template reported it) and the others are. Returns the files written.
  // `page_value` makes the `page` of one pager's render. A list of more than kPagersPerGroup
  // pagers renders them in groups (on every thread when there are many), each recording what
  // it reads for the render around the call, and each kept or recorded as one (KeptPagers).
  size_t write_pagers(
      const std::vector<site::Pager>& pagers, bool paginated, templates::PageRender& render,
      const std::function<templates::Value(const templates::PageRender&)>& page_value,
      const templates::Value& site_value, const std::vector<std::string>& candidates,
      std::string_view what, std::string_view error_file, Claimant claimant, std::string_view only,
      Scratch& s) const;

  const site::Site& site_;
  ContentStore& store_;
  const BodyRenderer& body_;
  const templates::Environment& env_;
  const templates::SiteContext& ctx_;
  output::OutputWriter& writer_;
  Diagnostics& diagnostics_;
  mutable std::mutex reported_mutex_;
  mutable std::set<std::string> reported_;
  mutable std::atomic<bool> any_math_{false};
  KeptPagers* kept_pagers_ = nullptr;
};

}  // namespace bengal::pipeline
