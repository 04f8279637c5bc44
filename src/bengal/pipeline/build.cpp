#include "bengal/pipeline/build.hpp"
#include "bengal/pipeline/languages.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_group.h>

#include "bengal/core/allocator.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/core/plural.hpp"
#include "bengal/graph/graph_report.hpp"
#include "bengal/output/output_folder.hpp"
#include "bengal/pipeline/build_context.hpp"
#include "bengal/pipeline/copy_files.hpp"
#include "bengal/pipeline/incremental.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/pipeline/plan.hpp"
#include "bengal/pipeline/render_context.hpp"
#include "bengal/pipeline/shard_parts.hpp"
#include "bengal/pipeline/site_outputs.hpp"
#include "bengal/pipeline/staged_build.hpp"
#include "bengal/site/link_check.hpp"
#include "bengal/site/pagination.hpp"
#include "bengal/templates/layout_lookup.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {

// Each render unit renders exactly once: in its batch, or before it when a request of
// `bengal serve --lazy` needs it. A page rendered early keeps its search parts until its batch
// adds them, so the search indexes list pages in batch order whoever rendered them.
struct RenderUnits {
  explicit RenderUnits(size_t count)
      : count(count),
        state(new std::atomic<uint8_t>[count]()),
        started(new std::atomic<bool>[count]()) {}
  // Runs `fn` unless `unit` rendered; waits while another thread renders it. When `fn` throws,
  // the unit is not rendered and a later call (or a waiting one) runs it again, as with
  // std::call_once. Not std::call_once itself: glibc's wakes waiters with a system call on
  // every call, waiters or not, which was 53,000 system calls in a warm 50K-page build.
  template <class Fn>
  void once(size_t unit, Fn&& fn) {
    for (;;) {
      uint8_t idle = kIdle;
      if (state[unit].compare_exchange_strong(idle, kRunning)) {
        started[unit].store(true);
        try {
          fn();
        } catch (...) {
          finish(unit, kIdle);
          throw;
        }
        finish(unit, kDone);
        return;
      }
      if (idle == kDone) return;
      std::unique_lock lock(wait_mutex);
      ++waiting;
      done.wait(lock, [&] { return state[unit].load() != kRunning; });
      --waiting;
      if (state[unit].load() == kDone) return;
    }
  }
  // Whether `unit` rendered or is rendering.
  bool begun(size_t unit) const { return started[unit].load(); }

  size_t count;
  static constexpr uint8_t kIdle = 0, kRunning = 1, kDone = 2;
  std::unique_ptr<std::atomic<uint8_t>[]> state;
  std::unique_ptr<std::atomic<bool>[]> started;
  // once()'s waiters. A render stores its unit's end and then reads `waiting`; a waiter counts
  // itself and then reads the state: in this (sequentially consistent) order, one of the two
  // sees the other, so no waiter sleeps past the end it waits for.
  std::mutex wait_mutex;
  std::condition_variable done;
  std::atomic<size_t> waiting{0};
  void finish(size_t unit, uint8_t to) {
    state[unit].store(to);
    if (waiting.load() == 0) return;
    std::lock_guard lock(wait_mutex);
    done.notify_all();
  }
  std::mutex mutex;
  std::unordered_map<PageId, SearchParts> early;  // guarded by `mutex`
  std::unordered_set<std::string> previewed;      // files render_file wrote; by `mutex`
  // keep() reads the records prefetch() replaces: a render outside the batches holds this
  // shared, the batches' prefetch exclusive.
  std::shared_mutex prefetch;
};

namespace {

using report::BuildOutcome;

// A request for one file of a list with more pager pages than this renders that file alone
// first (StagedBuild::render_file): all 5,000 pager pages of a 50,000-page home page take
// seconds, one takes milliseconds.
constexpr size_t kWholeUnitFiles = 8;

// Gives back what the build no longer holds: the allocators' free pages, and the pages of the
// index's cold text (summaries, links, heading ids) that a phase read through its mapping.
void give_back_memory(const site::Site& site) {
  release_free_memory();
  site.table.strings.release_cold();
}

// Phases 1 and 2, "discover" and "index": the config, the pages and the index; where the
// build reads and writes.
BuildOutcome load(BuildContext& b) {
  const BuildOptions& options = b.options;
  b.monitor.start_phase("discover");
  config::LoadOptions config_options;
  config_options.environment = options.environment;
  config_options.baseurl = options.baseurl;
  config_options.keep_base_path = options.keep_base_path;
  config_options.language = options.language;
  // The cache is opened once the config is read and says where the build writes: a build
  // refused for its config or output folder leaves the site folder as it was.
  // The index's cold text (summaries, descriptions) goes to a scratch file in the output
  // folder, the one folder the build may write.
  auto setup = [&](const config::SiteConfig& config, content::DiscoverOptions& discover) {
    if (output::check_output_folder(options.site_dir, config, options.output_dir)) return;
    discover.cold_text_folder = options.output_dir.value_or(options.site_dir / config.output_dir);
    b.owned_incremental = Incremental::open(options, config, b.stats().cache_note);
    b.incremental = b.owned_incremental.get();
    if (b.incremental) discover.source_cache = &b.incremental->cache();
  };
  b.loaded = load_site(
      options.site_dir, options.drafts, b.diagnostics,
      [&] {
        b.monitor.end_phase();
        b.monitor.start_phase("index");
      },
      config_options, options.publish, setup);
  if (!b.loaded) return BuildOutcome::kConfigError;
  const site::Site& site = b.site();
  warn_relative_baseurl(site, b.diagnostics);
  b.stats().drafts_skipped = b.loaded->drafts_skipped;
  b.stats().broken_pages = b.loaded->broken_pages;
  b.stats().sources_reused = b.loaded->sources_reused;
  b.output_dir = options.output_dir.value_or(options.site_dir / site.config.output_dir);
  b.stats().output_dir = b.output_dir.string();
  b.content_dir = options.site_dir / site.config.content_dir;
  b.sources = {options.site_dir, site.config.follow_external_symlinks};
  if (auto refused =
          output::check_output_folder(options.site_dir, site.config, options.output_dir)) {
    // A folder named on the command line is the caller's mistake, not the site's.
    if (options.output_dir) throw output::WriteError(refused->message);
    b.diagnostics.add(std::move(*refused));
    return BuildOutcome::kConfigError;
  }
  release_free_memory();  // discovery's bodies and the index's scratch
  b.monitor.end_phase({0, 0, site.table.memory_bytes()});
  return BuildOutcome::kBuilt;
}

// "graph": the index's analysis layer: link graph, PageRank, hubs, related pages.
void analyse(BuildContext& b) {
  b.monitor.start_phase("graph");
  const site::Site& site = b.site();
  graph::GraphConfig config = graph::read_graph_config(site, b.diagnostics);
  config.hot_percent = static_cast<double>(
      b.options.hot_percent.value_or(static_cast<int>(site.config.hot_percent)));
  if (b.incremental != nullptr) config.related_memo = &b.incremental->related_memo();
  b.graph = graph::analyze(site, config);
  site::locate_columns(site, b.content_dir, b.graph.broken_links);
  b.stats().hubs = b.graph.hubs.size();
  b.stats().index_bytes =
      site.table.memory_bytes() + b.graph.links.memory_bytes() + b.graph.related.memory_bytes();
  b.stats().index_cold_bytes = site.table.strings.cold_bytes();
  // The graph's scratch and the links it read, so the plan measures what stays.
  give_back_memory(site);
  b.monitor.end_phase({0, 0, b.stats().index_bytes});
}

// The memory request: [build] settings, overridden by the command line.
MemoryRequest memory_request(const BuildOptions& options, const config::SiteConfig& config) {
  MemoryRequest request;
  request.policy = config.memory_policy;
  if (options.memory_optimized) {
    request.policy =
        *options.memory_optimized ? config::MemoryPolicy::kStreaming : config::MemoryPolicy::kFull;
  }
  request.streaming_threshold = static_cast<size_t>(config.streaming_threshold);
  request.batch_size = options.batch_size_pages.value_or(static_cast<size_t>(config.batch_size));
  request.cache_bytes = options.cache_size_mb.value_or(static_cast<size_t>(config.cache_size_mb))
                        << 20;
  request.limit_bytes = options.memory_limit_bytes.value_or(config.memory_limit_bytes);
  return request;
}

// What the memory plan knows of the site once it is indexed and its outputs are claimed.
SiteSize site_size(BuildContext& b) {
  const site::Site& site = b.site();
  const std::vector<templates::VirtualPage>& generated = b.generated;
  SiteSize size;
  size.pages = site.rendered().size();
  // Allocators keep freed memory until asked, and the index's cold text stays mapped until
  // dropped: what stays is what the index holds.
  give_back_memory(site);
  size.resident_bytes = current_rss_bytes();
  // Discovery knows where each body starts; the file size is not kept, so estimate from the
  // word count (6 bytes a word, Markdown syntax included).
  size_t words = 0;
  for (PageId id : site.rendered()) {
    words += site.page(id).word_count;
    size.output_url_bytes += site.str(site.page(id).url).size();
  }
  for (const auto& vp : generated) size.output_url_bytes += vp.url.size();
  size.output_files = size.pages + generated.size() + 1;
  size.average_body_bytes = size.pages == 0 ? 0 : words * 6 / size.pages;
  size.threads = b.stats().threads;
  size.cache = b.incremental != nullptr;
  size.keeps_manifest = b.lists_written_files();
  return size;
}

// The generated pages (taxonomy overviews, term pages) and the output paths of every
// generated file: pagers, feeds, term pages, sitemap parts, content files. Reads the index,
// writes site.outputs, which the graph never reads: StagedBuild::prepare runs it while the
// graph is analysed.
void claim_generated(BuildContext& b) {
  site::Site& site = b.site();
  b.generated = list_generated_pages(site);
  claim_generated_outputs(site, b.generated, b.diagnostics);
}

// Phase 3, "plan": the memory policy from the index's size and the page count, the batches,
// the generated pages and their output paths (and, in StagedBuild::prepare, the copies of the
// files of content/ and static/). With --strict, any error so far stops the build
// here, before anything is written.
BuildOutcome plan(BuildContext& b) {
  b.monitor.start_phase("plan");
  site::Site& site = b.site();
  report::BuildStats& stats = b.stats();
  // The generated pages and every output path (claim_generated) first: the budget is measured
  // with them.
  std::string budget_error;
  std::optional<MemoryPlan> memory =
      plan_memory(memory_request(b.options, site.config), site_size(b), budget_error);
  if (!memory) {
    b.diagnostics.add(make_error(site.config.config_file, 0, 0, budget_error));
    return BuildOutcome::kOverBudget;
  }
  b.memory = *memory;
  stats.policy = memory->streaming ? "streaming" : "full";
  stats.batch_size = memory->batch_size;
  b.batches = plan_batches(site, b.graph.hubs, memory->batch_size);
  stats.batches = b.batches.size();
  // Broken internal links (found by the graph): warnings after the build, errors that stop it
  // with --strict.
  if (b.options.strict) {
    for (const auto& p : b.graph.broken_links) b.diagnostics.add(site::describe(site, p, true));
    if (b.diagnostics.error_count() > 0) return BuildOutcome::kStrictStop;
  }
  if (b.options.shard.sharded()) {
    b.shard = ShardPlan(site, b.generated, b.options.shard);
    for (auto& batch : b.batches)
      std::erase_if(batch, [&](PageId id) { return !b.shard.owns_page(id); });
    std::erase_if(b.batches, [](const std::vector<PageId>& batch) { return batch.empty(); });
    stats.batches = b.batches.size();
  }
  size_t to_render = b.shard.owns_site() ? 1 : 0;  // the 404 page
  for (size_t i = 0; i < b.generated.size(); ++i) to_render += b.shard.owns_generated(i) ? 1 : 0;
  for (const auto& batch : b.batches) to_render += batch.size();
  b.monitor.set_total(to_render);
  return BuildOutcome::kBuilt;  // the phase ends once the files are copied (StagedBuild)
}

// Renders one page or generated page (`render(text, headings)` returns the files it wrote,
// filling the body's text and headings where asked), unless the last build's render of `key`
// can be kept (incremental.hpp); records what it read for the next build. With `search`, its
// parts for the search indexes go there (a page: `page` is its id, else kNoPage; Scratch::markdown
// also tells whether the body has math).
template <class Describe, class Render>
void render_unit(RenderContext& r, Scratch& s, const std::string& key, PageId page,
                 Describe&& describe, Render&& render, SearchParts* search = nullptr,
                 std::string_view title = {}) {
  bool text = search != nullptr && r.search_spill;
  bool terms = search != nullptr && r.sharded_search;
  // A patched search index wants a kept page's terms left in the cache, and a re-rendered
  // page's old ones (ShardedSearch::replace).
  bool patching = terms && r.sharded_search->patching();
  std::optional<std::string> last_terms;
  Incremental* incremental = r.build.incremental;
  if (incremental != nullptr) {
    if (std::optional<KeptRender> kept = incremental->keep(key, text, terms && !patching, page,
                                                           patching ? &last_terms : nullptr)) {
      if (search != nullptr) *search = std::move(kept->search);
      r.files += kept->html_files;
      ++r.renders_kept;
      r.build.monitor.page_done();
      return;
    }
  }
  std::string body_text, headings;
  auto fresh = [&] {
    return render(text || terms ? &body_text : nullptr, terms ? &headings : nullptr);
  };
  reads::ReadSet set;
  size_t html = 0;
  {
    std::optional<reads::Recording> recording;
    if (incremental != nullptr) recording.emplace(set);
    r.render(s, describe, [&] { return html = fresh(); });
  }
  ++r.renders;
  if (search != nullptr) {
    if (terms) search->terms = page_terms(title, headings, body_text);
    search->last_terms = std::move(last_terms);
    if (text) search->text = std::move(body_text);
  }
  if (incremental != nullptr) {
    incremental->record(key, std::move(set), static_cast<uint32_t>(html),
                        page != kNoPage && html > 0 && s.markdown.has_math, search, text, terms);
  }
}

// One page with its list pages (the unit of `id`).
void render_page(RenderContext& r, const std::string& key, PageId id, SearchParts* search) {
  const site::Site& site = r.build.site();
  Scratch& s = r.scratch.local();
  auto describe = [&] {
    return std::pair{site.config.content_dir + "/" + std::string(site.source_path(id)),
                     std::string(site.str(site.page(id).url))};
  };
  render_unit(
      r, s, key, id, describe,
      [&](std::string* text, std::string* headings) {
        return r.pages.render_page(id, s, text, headings);
      },
      search, site.str(site.table.pages[id].title));
}

// The search entries of a batch's pages, in batch order, into the spills: those rendered
// before the batch (`early`) were set aside by their render.
void add_search_entries(RenderContext& r, RenderUnits& units, const std::vector<PageId>& batch,
                        const std::vector<uint8_t>& early, std::vector<SearchParts>& search) {
  const site::Site& site = r.build.site();
  {
    std::lock_guard lock(units.mutex);
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!early[i]) continue;
      auto it = units.early.find(batch[i]);
      if (it == units.early.end()) continue;
      search[i] = std::move(it->second);
      units.early.erase(it);
    }
  }
  if (r.sharded_search)
    for (size_t i = 0; i < batch.size(); ++i) {
      if (r.sharded_search->patching()) {
        if (!search[i].kept)
          r.sharded_search->replace(batch[i], search[i].last_terms, search[i].terms);
        continue;
      }
      if (search[i].kept_terms.empty()) {
        r.sharded_search->add(batch[i], search[i].terms);
        continue;
      }
      for_each_kept_term(search[i].kept_terms, [&](std::string_view term, uint16_t weight) {
        r.sharded_search->add_term(batch[i], term, weight);
      });
    }
  if (!r.search_spill) return;
  std::string json;
  ColdReader cold(site.table.strings);
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!site.in_search(batch[i])) continue;  // in_search_index = false
    json.clear();
    if (search[i].entry_kept) {
      r.search_spill->add_kept(batch[i]);
      continue;
    }
    append_search_entry(json, site, batch[i], &search[i].text, cold);
    r.search_spill->add(batch[i], json);
  }
}

// The keys of a batch's renders.
std::vector<std::string> batch_keys(const std::vector<PageId>& batch) {
  std::vector<std::string> keys(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) keys[i] = Incremental::page_key(batch[i]);
  return keys;
}

// Reads the last build's records of `keys` (Incremental::prefetch) for the renders to come.
void prefetch_records(RenderContext& r, RenderUnits& units, const std::vector<std::string>& keys) {
  if (r.build.incremental == nullptr) return;
  std::unique_lock lock(units.prefetch);
  r.build.incremental->prefetch(keys);
}

// One batch's pages in parallel, those not rendered yet, whose records `keys` are prefetched;
// their search entries, in batch order, into the spills. `next` runs meanwhile: the search
// entries are added by one thread, and so are the next batch's records read. False when
// `cancel` stopped it.
bool render_batch(RenderContext& r, RenderUnits& units, const std::vector<PageId>& batch,
                  const std::vector<std::string>& keys, const std::function<void()>& next,
                  const std::atomic<bool>* cancel) {
  bool want_search = r.search_spill || r.sharded_search;
  std::vector<SearchParts> search(want_search ? batch.size() : 0);
  std::vector<uint8_t> early(batch.size(), 1);  // rendered before this batch
  tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
    if (cancel != nullptr && cancel->load()) return;
    units.once(batch[i], [&] {
      early[i] = 0;
      render_page(r, keys[i], batch[i], want_search ? &search[i] : nullptr);
    });
  });
  if (cancel != nullptr && cancel->load()) return false;
  tbb::task_group reading;
  reading.run(next);
  if (want_search) add_search_entries(r, units, batch, early, search);
  reading.wait();
  return true;
}

// Phase 4, "render I/N": the pages of the index, one batch at a time. Streaming keeps no
// page's body or HTML past its batch; the freed memory goes back to the system each time.
bool render_batches(BuildContext& b, RenderContext& r, RenderUnits& units,
                    const std::atomic<bool>* cancel) {
  b.monitor.render_started();
  std::vector<std::string> keys, next_keys;
  if (!b.batches.empty()) {
    keys = batch_keys(b.batches[0]);
    prefetch_records(r, units, keys);
  }
  for (size_t i = 0; i < b.batches.size(); ++i) {
    b.monitor.start_phase(fmt::format("render {}/{}", i + 1, b.batches.size()));
    size_t renders_before = r.renders;
    auto read_next = [&] {
      if (i + 1 == b.batches.size()) return;
      next_keys = batch_keys(b.batches[i + 1]);
      prefetch_records(r, units, next_keys);
    };
    bool done = render_batch(r, units, b.batches[i], keys, read_next, cancel);
    keys.swap(next_keys);
    if (b.incremental != nullptr) b.incremental->flush();
    // Allocators keep freed memory (glibc in other threads' arenas and at the top of the heap,
    // jemalloc for its decay time) until asked to give it back; a batch whose renders were all
    // kept freed next to nothing.
    if (b.memory.streaming && r.renders != renders_before) give_back_memory(b.site());
    b.monitor.end_phase(r.resident());
    if (!done) return false;
  }
  return true;
}

// What generated page `i` renders: a taxonomy's overview, or a term's page listing the
// term's pages, paginated.
struct GeneratedRender {
  const templates::VirtualPage& page;
  std::span<const PageId> list;
  bool term = false;
  std::vector<std::string> candidates;
};

GeneratedRender generated_render(BuildContext& b, size_t i) {
  const site::Site& site = b.site();
  const templates::VirtualPage& vp = b.generated[i];
  const auto& tax = site.taxonomies[static_cast<size_t>(vp.taxonomy)];
  bool term = vp.term >= 0;
  std::span<const PageId> list;
  if (term) list = tax.terms[static_cast<size_t>(vp.term)].pages;
  return {vp, list, term, templates::taxonomy_candidates(tax.def.plural, term)};
}

// Generated unit `i` (b.generated[i]; the 404 page after the last).
void render_generated(BuildContext& b, RenderContext& r, size_t i) {
  Scratch& s = r.scratch.local();
  if (i == b.generated.size()) {
    templates::VirtualPage not_found{"404", "Page not found", "/404.html"};
    auto describe = [&] { return std::pair{not_found.url, not_found.url}; };
    render_unit(r, s, Incremental::virtual_key(not_found.url), kNoPage, describe,
                [&](std::string*, std::string*) {
                  return r.pages.render_virtual(not_found, {}, false, {"404.html"}, s);
                });
    return;
  }
  GeneratedRender g = generated_render(b, i);
  auto describe = [&] { return std::pair{g.page.url, g.page.url}; };  // no source file
  render_unit(r, s, Incremental::virtual_key(g.page.url), kNoPage, describe,
              [&](std::string*, std::string*) {
                return r.pages.render_virtual(g.page, g.list, g.term, g.candidates, s);
              });
}

// Taxonomy overviews and term pages in parallel, then the 404 page; those not rendered yet.
bool render_generated_pages(BuildContext& b, RenderContext& r, RenderUnits& units,
                            const std::atomic<bool>* cancel) {
  size_t first = units.count - b.generated.size() - 1;
  std::vector<std::string> keys(b.generated.size());
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = Incremental::virtual_key(b.generated[i].url);
  prefetch_records(r, units, keys);
  tbb::parallel_for(size_t{0}, b.generated.size() + 1, [&](size_t i) {
    if (cancel != nullptr && cancel->load()) return;
    // A shard renders the generated pages it owns, and the 404 page if it owns the site's files.
    if (i < b.generated.size() ? !b.shard.owns_generated(i) : !b.shard.owns_site()) return;
    units.once(first + i, [&] { render_generated(b, r, i); });
  });
  return cancel == nullptr || !cancel->load();
}

// A shard's part of the search indexes and the math flag, for `bengal merge`.
void write_shard_parts(BuildContext& b, RenderContext& r) {
  const site::Site& site = b.site();
  const BuildOptions& o = b.options;
  ShardHeader header;
  header.index = o.shard.index;
  header.count = o.shard.count;
  header.site_digest = shard_site_digest(site, b.generated);
  header.math = r.pages.any_math();
  header.environment = o.environment;
  header.baseurl = o.baseurl;
  header.drafts = o.drafts;
  header.future = o.publish.future;
  header.expired = o.publish.expired;
  header.now_epoch_seconds = site.now_epoch_seconds;
  std::vector<PageId> pages;
  for (const auto& batch : b.batches) pages.insert(pages.end(), batch.begin(), batch.end());
  std::sort(pages.begin(), pages.end());
  write_shard_file(r.writer, header, pages, r.search_spill ? &*r.search_spill : nullptr,
                   r.sharded_search ? &*r.sharded_search : nullptr);
}

// index.json, sitemap, feeds, robots.txt, llms.txt, graph.json; then the broken-link warnings.
// A shard writes its parts of the search indexes instead, and the rest if it owns the site's
// files.
//
// Without a --memory-limit the files are made on every thread at once: each is one thread's
// work, and in a warm build they are most of finalize. Under a limit they are made one after
// another, each one's scratch given back before the next makes its own, so that their peaks do
// not stack up; so do the summaries they read.
void write_site_wide_outputs(BuildContext& b, RenderContext& r) {
  site::Site& site = b.site();
  bool parallel = b.memory.limit_bytes == 0;
  auto search = [&] {
    if (b.options.shard.sharded()) {
      write_shard_parts(b, r);
    } else {
      if (site.features.search) {
        Incremental* incremental = b.incremental;
        std::vector<EntrySpan> spans =
            write_search_index(site, r.writer, r.search_spill ? &*r.search_spill : nullptr,
                               incremental != nullptr ? incremental->kept_entries() : nullptr,
                               [&](PageId id) { return incremental->entry_reusable(id); });
        if (incremental != nullptr) incremental->record_index_entries(spans);
      }
      if (r.sharded_search) r.sharded_search->write(r.writer, b.incremental);
    }
    r.search_spill.reset();
    r.sharded_search.reset();
  };
  auto site_files = [&] {
    if (!b.shard.owns_site()) return;
    write_site_outputs(
        site, b.generated, [&](PageId id) { return r.body.content_html(id); }, r.writer,
        b.diagnostics, parallel, b.incremental);
    if (!parallel) give_back_memory(site);  // what the feeds and llms.txt read
    if (site.features.graph) {
      output::StreamingFile file(r.writer, "graph.json");
      graph::write_graph_json(site, b.graph, [&](std::string_view piece) { file.append(piece); });
      file.commit();
    }
  };
  if (parallel) {
    tbb::parallel_invoke(search, site_files);
  } else {
    search();
    give_back_memory(site);
    site_files();
  }
  give_back_memory(site);
  if (!b.shard.owns_site()) return;
  for (const auto& p : b.graph.broken_links) b.diagnostics.add(site::describe(site, p, false));
}

// Files of content/ and the static layers, before the first page: each written only where it
// holds its path in site.outputs (output_plan.hpp). A shard copies them if it owns the site's
// files.
void copy_source_files(BuildContext& b, RenderContext& r) {
  if (!b.shard.owns_site()) return;
  site::Site& site = b.site();
  b.stats().static_files += copy_content_files(site, b.content_dir, r.writer, b.diagnostics);
  b.stats().static_files += copy_static_layers(site, b.sources, r.writer, b.diagnostics);
}

// Links to a site path that names no page, checked once every output is claimed (the
// aliases last): what names nothing the build writes is reported as a broken link is.
void warn_unpublished_paths(BuildContext& b) {
  const site::Site& site = b.site();
  std::vector<site::LinkProblem> unpublished =
      site::find_unpublished_paths(site, b.graph.site_path_links);
  b.graph.site_path_links = {};
  site::locate_columns(site, b.content_dir, unpublished);
  for (const auto& p : unpublished) b.diagnostics.add(site::describe(site, p, false));
}

// A page whose file changed while it was built was rendered with a new body and old front
// matter; the user must know the output may be inconsistent.
void warn_changed_sources(BuildContext& b, const RenderContext& r) {
  const site::Site& site = b.site();
  for (PageId id : r.store.changed_pages()) {
    b.diagnostics.add(make_warning(
        site.config.content_dir + "/" + std::string(site.source_path(id)), 0, 0,
        "changed while the site was built: its new body was rendered with the title, date and "
        "other front matter read before the change; build again"));
  }
}

// Pages by kind and the content store's tiers, for build-report.json.
void count_pages(BuildContext& b, const RenderContext& r) {
  const site::Site& site = b.site();
  size_t kinds[3] = {0, 0, 0};       // by PageKind
  size_t tier_pages[3] = {0, 0, 0};  // by Tier
  for (PageId id : site.rendered()) {
    ++kinds[static_cast<size_t>(site.page(id).kind)];
    ++tier_pages[static_cast<size_t>(r.store.tier(id))];
  }
  size_t taxonomies = site.taxonomies.size();
  b.report.pages = {{"regular", kinds[0]},
                    {"section", kinds[1]},
                    {"home", kinds[2]},
                    {"taxonomy", taxonomies},
                    {"term", b.generated.size() - taxonomies},
                    {"404", 1}};
  StoreStats store = r.store.stats();
  const char* names[3] = {"hot", "warm", "cold"};
  for (size_t t = 0; t < 3; ++t) {
    const TierStats& ts = store.tiers[t];
    b.report.tiers.push_back({names[t], tier_pages[t], ts.hits, ts.misses, ts.resident_bytes});
  }
}

// Phase 5, "finalize": what follows the last render, in this order (build-report.md documents
// the phase so). Every file the build could not write was reported; if there is one, the
// build fails so the folder is not deployed.
void finalize_build(BuildContext& b, RenderContext& r) {
  give_back_memory(b.site());  // the generated pages' renders and the summaries they listed
  write_site_wide_outputs(b, r);
  // A shard does not copy the math renderer: whether a page has math is known only once all
  // are rendered, so `bengal merge` copies it.
  if (b.shard.owns_site()) {
    if (!b.options.shard.sharded() && r.pages.any_math())
      copy_math_renderer(b.site(), r.writer, b.diagnostics);
    write_aliases(b.site(), r.writer, b.diagnostics);
    warn_unpublished_paths(b);
  }
  warn_changed_sources(b, r);
  if (r.writer.failed() > 0) {
    throw output::WriteError(fmt::format(
        "{} could not be written (see above); the output folder {} is incomplete: fix the "
        "causes and build again",
        plural(r.writer.failed(), "output file"), b.stats().output_dir));
  }
  report::BuildStats& stats = b.stats();
  if (b.incremental != nullptr) {
    stats.stale_files_removed += b.incremental->finish(r);
    stats.site_files_kept = b.incremental->group_files_kept();
  }
  if (b.options.clean) {
    std::vector<std::string> stray = files_not_in(r.writer.root(), r.writer.manifest());
    // The other languages' folders are their builds' to clean.
    std::erase_if(stray, [&](const std::string& rel) {
      std::string_view top = std::string_view(rel).substr(0, rel.find('/'));
      return top.size() < rel.size() &&
             std::find(b.options.reserved_folders.begin(), b.options.reserved_folders.end(), top) !=
                 b.options.reserved_folders.end();
    });
    stats.stale_files_removed += remove_outputs(r.writer.root(), stray);
  }
  stats.renders = r.renders;
  stats.renders_reused = r.renders_kept;
  stats.pages = r.files;
  stats.files_written = r.writer.written();
  stats.files_unchanged = r.writer.unchanged();
  stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - b.start).count();
  stats.peak_rss_bytes = peak_rss_bytes();
  count_pages(b, r);
  b.monitor.end_phase(r.resident());
}

}  // namespace

struct StagedBuild::State {
  State(const BuildOptions& options, Diagnostics& diagnostics)
      : quiet(report::MonitorOptions{}),
        b(options, diagnostics, options.monitor ? *options.monitor : quiet, report) {}

  report::BuildReport report;
  report::BuildMonitor quiet;
  BuildContext b;
  std::optional<tbb::global_control> parallelism;
  std::unique_ptr<RenderContext> r;
  std::unique_ptr<RenderUnits> units;
  std::optional<BuildOutcome> loaded;  // once load() ran
};

StagedBuild::StagedBuild(const BuildOptions& options, Diagnostics& diagnostics)
    : state_(std::make_unique<State>(options, diagnostics)) {}

StagedBuild::~StagedBuild() = default;

report::BuildOutcome StagedBuild::load() {
  BuildContext& b = state_->b;
  b.stats().threads = static_cast<size_t>(b.options.threads > 0 ? b.options.threads
                                                                : tbb::info::default_concurrency());
  state_->parallelism.emplace(tbb::global_control::max_allowed_parallelism, b.stats().threads);
  state_->loaded = pipeline::load(b);
  b.stats().outcome = *state_->loaded;
  return *state_->loaded;
}

site::Site& StagedBuild::loaded_site() {
  return state_->b.loaded->site;
}

report::BuildOutcome StagedBuild::prepare() {
  BuildContext& b = state_->b;
  BuildOutcome outcome = state_->loaded ? *state_->loaded : load();
  if (outcome == BuildOutcome::kBuilt) {
    tbb::parallel_invoke([&] { analyse(b); }, [&] { claim_generated(b); });
    outcome = plan(b);
  }
  b.stats().outcome = outcome;
  if (outcome != BuildOutcome::kBuilt) return outcome;
  state_->r = std::make_unique<RenderContext>(b);
  state_->units = std::make_unique<RenderUnits>(unit_count());
  if (b.incremental != nullptr) b.incremental->start(b, *state_->r);
  copy_source_files(b, *state_->r);
  b.monitor.end_phase({0, 0, b.stats().index_bytes});
  return outcome;
}

const site::Site& StagedBuild::site() const {
  return state_->b.site();
}

const std::vector<templates::VirtualPage>& StagedBuild::generated() const {
  return state_->b.generated;
}

size_t StagedBuild::unit_count() const {
  return state_->b.site().table.pages.size() + state_->b.generated.size() + 1;
}

void StagedBuild::render(size_t unit) {
  BuildContext& b = state_->b;
  RenderContext& r = *state_->r;
  RenderUnits& units = *state_->units;
  size_t pages = b.site().table.pages.size();
  std::shared_lock lock(units.prefetch);
  units.once(unit, [&] {
    if (unit >= pages) return render_generated(b, r, unit - pages);
    bool want_search = r.search_spill || r.sharded_search;
    SearchParts search;
    auto id = static_cast<PageId>(unit);
    render_page(r, Incremental::page_key(id), id, want_search ? &search : nullptr);
    if (!want_search) return;
    std::lock_guard parts(units.mutex);
    units.early.emplace(id, std::move(search));
  });
}

void StagedBuild::render_file(size_t unit, std::string_view rel) {
  BuildContext& b = state_->b;
  RenderContext& r = *state_->r;
  RenderUnits& units = *state_->units;
  size_t pages = b.site().table.pages.size();
  if (units.begun(unit) || unit >= pages + b.generated.size()) return render(unit);
  {
    std::lock_guard lock(units.mutex);
    if (units.previewed.contains(std::string(rel))) return;
  }
  bool written = false;
  try {
    Scratch& s = r.scratch.local();
    if (unit < pages) {
      auto id = static_cast<PageId>(unit);
      if (r.pages.file_count(id) <= kWholeUnitFiles) return render(unit);
      written = r.pages.preview_page(id, rel, s);
    } else {
      GeneratedRender g = generated_render(b, unit - pages);
      size_t files =
          g.term ? site::paginate(g.list.size(), b.site().per_page, g.page.url).size() : 1;
      if (files <= kWholeUnitFiles) return render(unit);
      written = r.pages.preview_virtual(g.page, g.list, g.term, g.candidates, rel, s);
    }
  } catch (const output::OutputStopped&) {
    throw;
  } catch (const std::exception&) {
    // The unit's render reports what went wrong.
  }
  // A preview that wrote nothing (a template error, an unreadable body): the unit's render
  // writes what it can and reports the rest.
  if (!written) return render(unit);
  std::lock_guard lock(units.mutex);
  units.previewed.emplace(rel);
}

bool StagedBuild::render_rest(const std::atomic<bool>* cancel) {
  BuildContext& b = state_->b;
  if (!render_batches(b, *state_->r, *state_->units, cancel)) return false;
  b.monitor.start_phase("finalize");  // which the generated pages have always been part of
  return render_generated_pages(b, *state_->r, *state_->units, cancel);
}

void StagedBuild::finalize() {
  finalize_build(state_->b, *state_->r);
  state_->b.monitor.finish(state_->report);
}

void StagedBuild::detach_cache() {
  BuildContext& b = state_->b;
  if (b.incremental == nullptr) return;
  std::unique_lock lock(state_->units->prefetch);  // no render outside the batches runs
  state_->r->body.set_body_reads({});
  b.incremental = nullptr;
  b.owned_incremental.reset();
}

report::BuildReport& StagedBuild::report() {
  return state_->report;
}

report::BuildReport build_site(const BuildOptions& options, Diagnostics& diagnostics) {
  size_t retired = 0;
  if (options.language.empty()) {
    std::optional<config::SiteConfig> config = site_config(options);
    if (config && !config->languages.empty()) return build_languages(options, *config, diagnostics);
    // A site that was in several languages: their folders go.
    if (config && options.cache == CacheMode::kUse && !options.shard.sharded()) {
      retired = retire_languages(options.site_dir,
                                 options.output_dir.value_or(options.site_dir / config->output_dir),
                                 {}, false);
    }
  }
  StagedBuild build(options, diagnostics);
  if (build.prepare() != BuildOutcome::kBuilt) return std::move(build.report());
  build.render_rest();
  build.finalize();
  build.report().stats.stale_files_removed += retired;
  return std::move(build.report());
}

}  // namespace bengal::pipeline
