#include "bengal/build/build.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include "bengal/build/content_store.hpp"
#include "bengal/build/plan.hpp"
#include "bengal/config/config.hpp"
#include "bengal/content/discover.hpp"
#include "bengal/content/page_url.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/output/static_files.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/builtin_layout.hpp"

namespace fs = std::filesystem;

namespace bengal::build {
namespace {

// Buffers one render thread reuses from page to page, so steady-state rendering allocates
// only when a page is larger than any before it.
struct Scratch {
  std::string body;
  markdown::Rendered markdown;
  std::string page;
  std::string error;
};

std::string page_display(const site::Site& site, site::PageId id) {
  return site.config.content_dir + "/" + std::string(site.source_path(id));
}

// The folder a page's output lives in, relative to the output dir: "/a/b/" -> "a/b".
std::string output_folder(std::string_view url) {
  std::string rel = content::output_path_for_url(url);
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

void render_page(const site::Site& site, const ContentStore& store, site::PageId id,
                 output::OutputWriter& writer, Scratch& s, Diagnostics& diagnostics) {
  const auto& meta = site.page(id);
  if (!store.load_body(id, s.body, s.error)) {
    diagnostics.add(make_error(page_display(site, id), 0, 0,
                               "cannot read file: " + s.error + "; it changed during the build"));
    return;
  }
  markdown::Options md;
  md.unsafe_html = site.config.markdown_unsafe;
  s.markdown.html.clear();
  s.markdown.toc.clear();
  markdown::render_html(s.body, md, s.markdown);
  std::string toc = markdown::render_toc_html(s.markdown.toc);
  s.page.clear();
  templates::render_builtin_layout(site, id, {s.markdown.html, toc}, s.page);
  try {
    writer.write(content::output_path_for_url(site.str(meta.url)), s.page);
  } catch (const std::exception& e) {
    diagnostics.add(make_error(page_display(site, id), 0, 0, e.what()));
  }
}

void copy_resources(const site::Site& site, const fs::path& content_dir,
                    output::OutputWriter& writer, Diagnostics& diagnostics, BuildStats& stats) {
  for (const auto& rel : site.content_files) {
    try {
      writer.copy_file(content_dir / rel, rel);
      ++stats.static_files;
    } catch (const std::exception& e) {
      diagnostics.add(make_error(site.config.content_dir + "/" + rel, 0, 0, e.what()));
    }
  }
  for (site::PageId id : site.rendered()) {
    const auto& meta = site.page(id);
    if (!meta.is_bundle || meta.resources.count == 0) continue;
    // Resources sit next to the bundle's index.html, wherever its slug or url put it.
    std::string_view source = site.source_path(id);
    std::string_view bundle_dir = source.substr(0, source.rfind('/') + 1);
    std::string out_dir = output_folder(site.str(meta.url));
    for (StrId r : site.table.list(meta.resources)) {
      std::string_view rel = site.str(r);
      std::string dest = out_dir.empty()
                             ? std::string(rel.substr(bundle_dir.size()))
                             : out_dir + "/" + std::string(rel.substr(bundle_dir.size()));
      try {
        writer.copy_file(content_dir / std::string(rel), dest);
        ++stats.static_files;
      } catch (const std::exception& e) {
        diagnostics.add(
            make_error(site.config.content_dir + "/" + std::string(rel), 0, 0, e.what()));
      }
    }
  }
}

}  // namespace

BuildStats build_site(const BuildOptions& options, Diagnostics& diagnostics) {
  auto start = std::chrono::steady_clock::now();
  BuildStats stats;
  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));

  config::ConfigResult loaded = config::load_config(options.site_dir);
  diagnostics.add_all(std::move(loaded.diagnostics));
  if (!loaded.ok) {
    stats.config_ok = false;
    return stats;
  }
  config::SiteConfig cfg = std::move(loaded.config);
  stats.output_dir = options.output_dir ? *options.output_dir : options.site_dir / cfg.output_dir;
  fs::path content_dir = options.site_dir / cfg.content_dir;

  // Phase 1: discover.
  content::DiscoverOptions discover;
  discover.content_dir = content_dir;
  discover.display_prefix = cfg.content_dir;
  discover.include_drafts = options.drafts.value_or(cfg.drafts);
  discover.home_title = cfg.title;
  content::DiscoveredSite discovered = content::discover_pages(discover, diagnostics);
  stats.drafts_skipped = discovered.drafts_skipped;
  stats.broken_pages = discovered.broken_pages;

  // Phase 2: index. Phase 3: plan.
  site::Site site = site::build_index(std::move(cfg), std::move(discovered), diagnostics);
  std::vector<std::vector<site::PageId>> batches = plan_batches(site, options.batch_size_pages);
  if (options.strict && diagnostics.error_count() > 0) {
    stats.stopped = true;
    return stats;
  }

  // Phase 4: render, one batch at a time, pages of a batch in parallel.
  output::OutputWriter writer(stats.output_dir);
  ContentStore store(site, content_dir);
  tbb::enumerable_thread_specific<Scratch> scratch;
  for (const auto& batch : batches) {
    tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
      render_page(site, store, batch[i], writer, scratch.local(), diagnostics);
    });
    stats.pages += batch.size();
  }

  // Phase 5: finalize. Files are copied after the pages so a page is never overwritten by an
  // asset of the same name.
  stats.static_files +=
      output::copy_tree(options.site_dir / "static", "static", writer, diagnostics);
  copy_resources(site, content_dir, writer, diagnostics, stats);

  stats.files_written = writer.written();
  stats.files_unchanged = writer.unchanged();
  stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.peak_rss_bytes = peak_rss_bytes();
  return stats;
}

}  // namespace bengal::build
