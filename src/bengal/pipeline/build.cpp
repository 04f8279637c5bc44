#include "bengal/pipeline/build.hpp"

#include <malloc.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>

#include "bengal/content/page_url.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/core/plural.hpp"
#include "bengal/graph/graph_report.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/output/output_folder.hpp"
#include "bengal/output/static_files.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/content_store.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "bengal/pipeline/memory_plan.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/pipeline/page_renderer.hpp"
#include "bengal/pipeline/plan.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/pipeline/site_outputs.hpp"
#include "bengal/site/link_check.hpp"
#include "bengal/site/site.hpp"
#include "bengal/templates/builtin_theme.hpp"
#include "bengal/templates/layout_lookup.hpp"
#include "bengal/templates/site_context.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

// The folder a page's output lives in, relative to the output dir: "/a/b/" -> "a/b".
std::string output_folder(std::string_view url) {
  std::string rel = content::output_path_for_url(url);
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

// "categories" -> "Categories": the title of a taxonomy overview page.
std::string title_from_name(std::string name) {
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

// Template lookup: the site's templates/, then the theme folder, then the built-in theme.
// Templates symlinked out of the site are not read (unless follow_external_symlinks); the
// folders are listed once only to warn about them, as for every source folder.
std::shared_ptr<const templates::Loader> template_loader(const fs::path& site_dir,
                                                         const std::string& theme,
                                                         const SourceTreeOptions& sources,
                                                         Diagnostics& diagnostics) {
  std::vector<fs::path> dirs = {site_dir / "templates"};
  std::vector<std::string> shown = {"templates"};
  if (!theme.empty() && theme != "default") {
    dirs.push_back(site_dir / "themes" / theme / "templates");
    shown.push_back("themes/" + theme + "/templates");
  }
  for (size_t i = 0; i < dirs.size(); ++i)
    list_source_files(dirs[i], shown[i], sources, diagnostics);
  return std::make_shared<templates::ChainLoader>(
      dirs, shown, templates::builtin_template_loader(),
      sources.follow_external_symlinks ? fs::path() : site_dir);
}

// Static layers, each file claimed in the output registry before it is copied: the site's
// static/ first, then a theme folder's static/, then the built-in theme's files, so a higher
// layer replaces a lower one (on purpose: no error) and none replaces a page or site file.
size_t copy_static_layers(site::Site& site, const fs::path& site_dir,
                          const SourceTreeOptions& sources, output::OutputWriter& writer,
                          Diagnostics& diagnostics) {
  auto keep = [&](uint8_t layer, std::string_view display) {
    return [&site, &diagnostics, layer, display](std::string_view rel) {
      return claim_static_file(site, layer, display, rel, diagnostics);
    };
  };
  size_t copied = output::copy_tree(site_dir / "static", "static", sources, writer, diagnostics,
                                    keep(0, "static"));
  const std::string& theme = site.config.theme;
  if (!theme.empty() && theme != "default") {
    std::string display = "themes/" + theme + "/static";
    output::copy_tree(site_dir / "themes" / theme / "static", display, sources, writer, diagnostics,
                      keep(1, display));
  }
  constexpr std::string_view kPrefix = "static/";
  for (size_t i = 0; i < templates::kBuiltinThemeFiles; ++i) {
    std::string_view path = templates::kBuiltinTheme[i].path;
    if (!path.starts_with(kPrefix)) continue;
    std::string_view rel = path.substr(kPrefix.size());
    if (claim_static_file(site, 2, "(built-in theme)", rel, diagnostics))
      writer.write(rel, templates::kBuiltinTheme[i].bytes);
  }
  return copied;
}

void copy_resources(const site::Site& site, const fs::path& content_dir,
                    output::OutputWriter& writer, Diagnostics& diagnostics, BuildStats& stats) {
  for (const auto& rel : site.content_files) {
    if (!site.outputs.holds(rel, content_file_key(rel))) continue;  // lost a clash: reported
    try {
      writer.copy_file(content_dir / rel, rel);
      ++stats.static_files;
    } catch (const output::OutputStopped&) {
      throw;
    } catch (const std::exception& e) {
      diagnostics.add(make_error(site.config.content_dir + "/" + rel, 0, 0, e.what()));
    }
  }
  for (PageId id : site.rendered()) {
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
      if (!site.outputs.holds(dest, content_file_key(rel))) continue;
      try {
        writer.copy_file(content_dir / std::string(rel), dest);
        ++stats.static_files;
      } catch (const output::OutputStopped&) {
        throw;
      } catch (const std::exception& e) {
        diagnostics.add(
            make_error(site.config.content_dir + "/" + std::string(rel), 0, 0, e.what()));
      }
    }
  }
}

// Taxonomy overview pages and term pages, in taxonomy and term order.
std::vector<templates::VirtualPage> list_virtual_pages(const site::Site& site) {
  std::vector<templates::VirtualPage> pages;
  for (size_t t = 0; t < site.taxonomies.size(); ++t) {
    const auto& tax = site.taxonomies[t];
    pages.push_back({"taxonomy", title_from_name(tax.def.plural), site.taxonomy_url(t),
                     static_cast<int>(t), -1});
    for (size_t i = 0; i < tax.terms.size(); ++i) {
      pages.push_back({"term", tax.terms[i].name, site.term_url(t, i), static_cast<int>(t),
                       static_cast<int>(i)});
    }
  }
  return pages;
}

// What the build knows for build-report.json besides the monitor's records.
void fill_report(report::BuildReport& report, const site::Site& site, const ContentStore& store,
                 const BuildStats& stats, const std::vector<templates::VirtualPage>& virtuals) {
  report.output_dir = stats.output_dir.string();
  report.policy = stats.streaming ? "streaming" : "full";
  report.batch_size = stats.batch_size;
  report.batches = stats.batches;
  report.hubs = stats.hubs;
  report.elapsed_seconds = stats.elapsed_seconds;
  report.peak_rss_bytes = stats.peak_rss_bytes;
  report.index_bytes = stats.index_bytes;
  report.files_written = stats.files_written;
  report.files_unchanged = stats.files_unchanged;
  report.static_files = stats.static_files;
  size_t kinds[3] = {0, 0, 0};       // by PageKind
  size_t tier_pages[3] = {0, 0, 0};  // by Tier
  for (PageId id : site.rendered()) {
    ++kinds[static_cast<size_t>(site.page(id).kind)];
    ++tier_pages[static_cast<size_t>(store.tier(id))];
  }
  size_t taxonomies = 0;
  for (const auto& vp : virtuals) taxonomies += vp.term < 0 ? 1 : 0;
  report.pages = {{"regular", kinds[0]},
                  {"section", kinds[1]},
                  {"home", kinds[2]},
                  {"taxonomy", taxonomies},
                  {"term", virtuals.size() - taxonomies},
                  {"404", 1}};
  const char* names[3] = {"hot", "warm", "cold"};
  for (size_t t = 0; t < 3; ++t) {
    const TierStats& ts = stats.store.tiers[t];
    report.tiers.push_back({names[t], tier_pages[t], ts.hits, ts.misses, ts.resident_bytes});
  }
}

// Warm tier of the content store: the pages after the hubs in PageRank order, 60% of the site
// as in the design; the byte bound of the LRU is what limits its memory.
constexpr double kWarmPercent = 60;

size_t average_body_bytes(const site::Site& site) {
  // Discovery knows where each body starts; the file size is not kept, so estimate from the
  // word count (6 bytes a word, Markdown syntax included).
  if (site.rendered().empty()) return 0;
  size_t words = 0;
  for (PageId id : site.rendered()) words += site.page(id).word_count;
  return words * 6 / site.rendered().size();
}

// Returns freed heap pages to the operating system. glibc keeps memory freed by other threads'
// arenas and the top of the heap until asked.
void release_free_memory() {
  malloc_trim(0);
}

}  // namespace

BuildStats build_site(const BuildOptions& options, Diagnostics& diagnostics) {
  auto start = std::chrono::steady_clock::now();
  BuildStats stats;
  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  report::BuildMonitor quiet_monitor{report::MonitorOptions{}};
  report::BuildMonitor& monitor = options.monitor != nullptr ? *options.monitor : quiet_monitor;

  // Phases 1 and 2: discover, index.
  monitor.start_phase("discover");
  std::unique_ptr<LoadedSite> loaded =
      load_site(options.site_dir, options.drafts, diagnostics, [&] {
        monitor.end_phase();
        monitor.start_phase("index");
      });
  if (!loaded) {
    stats.config_ok = false;
    return stats;
  }
  site::Site& site = loaded->site;
  warn_relative_baseurl(site, diagnostics);
  stats.drafts_skipped = loaded->drafts_skipped;
  stats.broken_pages = loaded->broken_pages;
  stats.output_dir =
      options.output_dir ? *options.output_dir : options.site_dir / site.config.output_dir;
  fs::path content_dir = options.site_dir / site.config.content_dir;
  if (auto refused =
          output::check_output_folder(options.site_dir, site.config, options.output_dir)) {
    if (options.output_dir) throw output::WriteError(refused->message);
    diagnostics.add(std::move(*refused));
    stats.config_ok = false;
    return stats;
  }
  monitor.end_phase({0, 0, site.table.memory_bytes()});

  // The index's analysis layer: link graph, PageRank, hubs, related pages.
  monitor.start_phase("graph");
  graph::GraphConfig graph_config = graph::read_graph_config(site, diagnostics);
  graph_config.hot_percent =
      static_cast<double>(options.hot_percent.value_or(static_cast<int>(site.config.hot_percent)));
  graph::SiteGraph graph = graph::analyze(site, graph_config);
  stats.index_bytes =
      site.table.memory_bytes() + graph.links.memory_bytes() + graph.related.memory_bytes();
  monitor.end_phase({0, 0, stats.index_bytes});
  monitor.start_phase("plan");

  // Phase 3: plan. The memory policy follows from the index's size and the page count.
  const auto& bc = site.config;
  MemoryRequest request;
  request.policy = options.memory_optimized
                       ? (*options.memory_optimized ? config::MemoryPolicy::kStreaming
                                                    : config::MemoryPolicy::kFull)
                       : bc.memory_policy;
  request.streaming_threshold = static_cast<size_t>(bc.streaming_threshold);
  request.batch_size = options.batch_size_pages.value_or(static_cast<size_t>(bc.batch_size));
  request.cache_bytes = options.cache_size_mb.value_or(static_cast<size_t>(bc.cache_size_mb)) << 20;
  request.limit_bytes = options.memory_limit_bytes.value_or(bc.memory_limit_bytes);
  SiteSize size;
  size.pages = site.rendered().size();
  size.resident_bytes = current_rss_bytes();
  size.average_body_bytes = average_body_bytes(site);
  size.threads = static_cast<size_t>(threads);
  std::string budget_error;
  std::optional<MemoryPlan> memory = plan_memory(request, size, budget_error);
  if (!memory) {
    diagnostics.add(make_error(bc.config_file, 0, 0, budget_error));
    stats.over_budget = true;
    return stats;
  }
  stats.streaming = memory->streaming;
  stats.batch_size = memory->batch_size;
  stats.hubs = graph.hubs.size();
  std::vector<std::vector<PageId>> batches = plan_batches(site, graph.hubs, memory->batch_size);
  stats.batches = batches.size();
  // Broken internal links: warnings after the build, errors that stop it with --strict.
  std::vector<site::LinkProblem> broken_links = site::find_broken_links(site);
  if (options.strict) {
    for (const auto& p : broken_links) diagnostics.add(site::describe(site, p, true));
  }
  if (options.strict && diagnostics.error_count() > 0) {
    stats.stopped = true;
    return stats;
  }

  // Phase 4: render, one batch at a time, pages of a batch in parallel.
  output::OutputWriter writer(stats.output_dir);
  StoreOptions store_options;
  store_options.keep_all = !memory->streaming;
  store_options.warm_bytes = memory->cache_bytes;
  store_options.tiers = assign_tiers(site, graph, kWarmPercent);
  ContentStore store(site, content_dir, std::move(store_options));
  SourceTreeOptions sources{options.site_dir, site.config.follow_external_symlinks};
  templates::Environment env(
      template_loader(options.site_dir, site.config.theme, sources, diagnostics));
  const PageRenderer* renderer_ptr = nullptr;
  templates::SiteContext ctx(site, [&](PageId id) {
    return store.content_html(id, [&] { return renderer_ptr->content_html(id); });
  });
  env.set_base_url(site.config.baseurl, site.config.base_path);
  env.set_markdown([&](std::string_view text) {
    markdown::Rendered r;
    markdown::Options md;
    md.unsafe_html = site.config.markdown_unsafe;
    markdown::render_html(text, md, r);
    return std::move(r.html);
  });
  ctx.set_graph(&graph);
  for (auto& [name, fn] : ctx.functions()) env.set_global(name, fn);
  PageRenderer renderer(site, store, env, ctx, writer, diagnostics);
  renderer_ptr = &renderer;
  auto resident = [&] {
    return report::Resident{store.resident_pages(), store.resident_bytes(), stats.index_bytes};
  };
  std::vector<templates::VirtualPage> virtual_pages = list_virtual_pages(site);
  claim_generated_outputs(site, virtual_pages, diagnostics);
  size_t to_render = virtual_pages.size() + 1;  // and the 404 page
  for (const auto& batch : batches) to_render += batch.size();
  monitor.set_total(to_render);
  monitor.end_phase(resident());
  monitor.render_started();
  // Times a page for the build report when asked; renders it either way. `describe` gives
  // the page's source and URL, made only when timing: this runs for every page.
  auto timed = [&](Scratch& s, auto&& describe, auto&& render) {
    if (!monitor.times_pages()) return render();
    auto t0 = std::chrono::steady_clock::now();
    size_t written = render();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto [source, url] = describe();
    monitor.add_timing({std::move(source), std::move(url), s.template_name, seconds});
    return written;
  };
  tbb::enumerable_thread_specific<Scratch> scratch;
  std::atomic<size_t> files{0};
  // index.json lists pages in id order whatever the render order; entries made while
  // rendering (with their full text) wait in a spill file inside the output folder.
  bool full_text = site.features.search && site.features.search_full_text;
  std::optional<SearchSpill> spill;
  if (full_text) spill.emplace(writer, site.table.pages.size());
  std::vector<std::string> texts;
  std::string json;
  for (size_t b = 0; b < batches.size(); ++b) {
    const auto& batch = batches[b];
    monitor.start_phase(fmt::format("render {}/{}", b + 1, batches.size()));
    texts.assign(full_text ? batch.size() : 0, std::string());
    tbb::parallel_for(size_t{0}, batch.size(), [&](size_t i) {
      PageId id = batch[i];
      Scratch& s = scratch.local();
      auto describe = [&] {
        return std::pair{site.config.content_dir + "/" + std::string(site.source_path(id)),
                         std::string(site.str(site.page(id).url))};
      };
      files += timed(s, describe,
                     [&] { return renderer.render_page(id, s, full_text ? &texts[i] : nullptr); });
      monitor.page_done();
    });
    if (spill) {
      for (size_t i = 0; i < batch.size(); ++i) {
        json.clear();
        append_search_entry(json, site, batch[i], &texts[i]);
        spill->add(batch[i], json);
      }
    }
    // Streaming: the batch's bodies and HTML are gone; hand the freed memory back.
    if (memory->streaming) release_free_memory();
    monitor.end_phase(resident());
  }
  monitor.start_phase("finalize");
  if (site.features.search) write_search_index(site, writer, spill ? &*spill : nullptr);
  spill.reset();

  // Taxonomy overviews and term pages, then the 404 page.
  tbb::parallel_for(size_t{0}, virtual_pages.size(), [&](size_t i) {
    const auto& vp = virtual_pages[i];
    const auto& tax = site.taxonomies[static_cast<size_t>(vp.taxonomy)];
    bool term = vp.term >= 0;
    std::span<const PageId> list;
    if (term) list = tax.terms[static_cast<size_t>(vp.term)].pages;
    Scratch& s = scratch.local();
    auto describe = [&] { return std::pair{vp.url, vp.url}; };  // generated: no source file
    files += timed(s, describe, [&] {
      return renderer.render_virtual(vp, list, term,
                                     templates::taxonomy_candidates(tax.def.plural, term), s);
    });
    monitor.page_done();
  });
  templates::VirtualPage not_found{"404", "Page not found", "/404.html"};
  Scratch& s404 = scratch.local();
  auto describe_404 = [&] { return std::pair{not_found.url, not_found.url}; };
  files += timed(s404, describe_404,
                 [&] { return renderer.render_virtual(not_found, {}, false, {"404.html"}, s404); });
  monitor.page_done();
  stats.pages = files;
  write_site_outputs(
      site, virtual_pages,
      [&](PageId id) { return store.content_html(id, [&] { return renderer.content_html(id); }); },
      writer, diagnostics);
  if (site.features.graph) {
    output::StreamingFile file(writer, "graph.json");
    graph::write_graph_json(site, graph, [&](std::string_view piece) { file.append(piece); });
    file.commit();
  }
  for (const auto& p : broken_links) diagnostics.add(site::describe(site, p, false));

  // Phase 5: finalize. Every output path was claimed in site.outputs (output_plan.hpp): files
  // of content/, then static files, then aliases, each written only where it holds its path.
  copy_resources(site, content_dir, writer, diagnostics, stats);
  stats.static_files += copy_static_layers(site, options.site_dir, sources, writer, diagnostics);
  write_aliases(site, writer, diagnostics);

  for (PageId id : store.changed_pages()) {
    diagnostics.add(make_warning(
        site.config.content_dir + "/" + std::string(site.source_path(id)), 0, 0,
        "changed while the site was built: its new body was rendered with the title, date and "
        "other front matter read before the change; build again"));
  }
  // Every file the build could not write was reported above; the folder must not be deployed.
  if (writer.failed() > 0) {
    throw output::WriteError(fmt::format(
        "{} could not be written (see above); the output folder {} is incomplete: fix the "
        "causes and build again",
        plural(writer.failed(), "output file"), stats.output_dir.string()));
  }
  stats.store = store.stats();
  stats.files_written = writer.written();
  stats.files_unchanged = writer.unchanged();
  stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.peak_rss_bytes = peak_rss_bytes();
  monitor.end_phase(resident());
  if (options.report != nullptr) {
    fill_report(*options.report, site, store, stats, virtual_pages);
    options.report->threads = static_cast<size_t>(threads);
    monitor.finish(*options.report);
  }
  return stats;
}

}  // namespace bengal::pipeline
