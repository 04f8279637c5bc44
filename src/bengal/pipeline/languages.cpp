#include "bengal/pipeline/languages.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "bengal/cache/build_cache.hpp"
#include "bengal/config/languages.hpp"
#include "bengal/content/markdown_files.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/output/site_files.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/digests.hpp"
#include "bengal/pipeline/incremental.hpp"
#include "bengal/pipeline/staged_build.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

// What pairs a page with its translations.
std::string translation_key(const site::Site& site, PageId id) {
  const content::PageMeta& m = site.table.pages[id];
  if (const bengal::Value* params = site.table.page_params(m)) {
    for (const char* name : {"translationKey", "translation_key"}) {
      const bengal::Value* key = params->find(name);
      if (key != nullptr && key->is_string() && !key->as_string().empty())
        return "key:" + key->as_string();
    }
  }
  return "path:" + std::string(content::page_stem(site.source_path(id)));
}

// "serve.db" -> "serve-fr.db": a language's own file beside the one its options name.
std::string language_cache_file(const std::string& file, const std::string& code) {
  std::string_view stem = file;
  if (stem.ends_with(".db")) stem.remove_suffix(3);
  return fmt::format("{}-{}.db", stem, code);
}

template <typename Named, typename Add>
void merge_by_name(std::vector<Named>& into, std::vector<Named>& from, Add add) {
  for (Named& item : from) {
    auto same = [&](const Named& n) { return n.name == item.name; };
    auto it = std::find_if(into.begin(), into.end(), same);
    if (it == into.end()) {
      into.push_back(std::move(item));
    } else {
      add(*it, item);
    }
  }
}

// Adds one language's report to the site's: counts summed, phases and samples one after
// another, the peak the highest.
void add_report(report::BuildReport& total, report::BuildReport& part) {
  report::BuildStats& t = total.stats;
  const report::BuildStats& p = part.stats;
  for (auto [into, from] : {std::pair{&t.pages, p.pages},
                            {&t.files_written, p.files_written},
                            {&t.files_unchanged, p.files_unchanged},
                            {&t.static_files, p.static_files},
                            {&t.drafts_skipped, p.drafts_skipped},
                            {&t.broken_pages, p.broken_pages},
                            {&t.renders, p.renders},
                            {&t.renders_reused, p.renders_reused},
                            {&t.sources_reused, p.sources_reused},
                            {&t.stale_files_removed, p.stale_files_removed},
                            {&t.site_files_kept, p.site_files_kept},
                            {&t.batches, p.batches},
                            {&t.hubs, p.hubs},
                            {&t.index_bytes, p.index_bytes},
                            {&t.index_cold_bytes, p.index_cold_bytes}})
    *into += from;
  t.peak_rss_bytes = std::max(t.peak_rss_bytes, p.peak_rss_bytes);
  if (t.policy.empty()) {
    t.policy = p.policy;
    t.threads = p.threads;
    t.batch_size = p.batch_size;
  }
  if (t.cache_note.empty()) t.cache_note = p.cache_note;
  total.phases.insert(total.phases.end(), part.phases.begin(), part.phases.end());
  total.timeline.insert(total.timeline.end(), part.timeline.begin(), part.timeline.end());
  for (const report::PageCount& c : part.pages) {
    auto it = std::find_if(total.pages.begin(), total.pages.end(),
                           [&](const report::PageCount& x) { return x.kind == c.kind; });
    if (it == total.pages.end()) {
      total.pages.push_back(c);
    } else {
      it->count += c.count;
    }
  }
  merge_by_name(total.tiers, part.tiers, [](report::TierReport& a, const report::TierReport& b) {
    a.pages += b.pages;
    a.hits += b.hits;
    a.misses += b.misses;
    a.resident_bytes += b.resident_bytes;
  });
  merge_by_name(total.templates, part.templates,
                [](report::TemplateTiming& a, const report::TemplateTiming& b) {
                  a.pages += b.pages;
                  a.seconds += b.seconds;
                });
  std::stable_sort(total.templates.begin(), total.templates.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  total.slowest_pages.insert(total.slowest_pages.end(), part.slowest_pages.begin(),
                             part.slowest_pages.end());
  std::stable_sort(total.slowest_pages.begin(), total.slowest_pages.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  if (total.slowest_pages.size() > 20) total.slowest_pages.resize(20);
}

// With every language in a folder of its own, the root holds only what leads to them: a
// redirect to the default language's home page, and robots.txt naming each sitemap.
void write_root_files(const fs::path& root, const config::SiteConfig& config) {
  const std::vector<config::Language>& languages = config.languages;
  auto main = std::find_if(languages.begin(), languages.end(),
                           [](const config::Language& l) { return l.is_default; });
  if (main == languages.end()) return;
  output::OutputWriter writer(root);
  writer.write("index.html", output::build_alias_page(main->href, main->locale));
  const bengal::Value* features = config.document.root.find("features");
  const bengal::Value* robots = features != nullptr ? features->find("robots") : nullptr;
  if (robots == nullptr || !robots->is_bool() || robots->as_bool()) {
    writer.write("robots.txt", output::build_robots_txt(config::sitemap_urls(config)));
  }
  if (writer.failed() > 0) {
    throw output::WriteError(fmt::format(
        "the home page that leads to the default language could not be written in {}; fix the "
        "cause above and build again",
        root.string()));
  }
}

// The root language's pages whose address is inside another language's folder ("content/fr/x.md"
// of the default language at /fr/x/): both builds would write there, one over the other.
void report_folder_clashes(const site::Site& root, const std::vector<config::Language>& languages,
                           Diagnostics& diagnostics) {
  for (PageId id : root.rendered()) {
    // A section made for such a page's folder goes with the page.
    if (root.table.pages[id].generated) continue;
    std::string_view url = root.str(root.head(id).url);
    for (const config::Language& l : languages) {
      if (!l.in_subdir || !url.starts_with("/" + l.code + "/")) continue;
      diagnostics.add(make_error(
          root.config.content_dir + "/" + std::string(root.source_path(id)), 0, 0,
          fmt::format("this page of the default language would be written at {}, inside the "
                      "folder of language \"{}\", where that language's pages go; move it, or "
                      "give it another slug or url",
                      url, l.code)));
    }
  }
}

}  // namespace

size_t retire_languages(const fs::path& site_dir, const fs::path& root,
                        const std::vector<std::string>& current, bool root_too) {
  fs::path folder = site_dir / ".bengal";
  std::error_code ec;
  if (fs::is_symlink(folder, ec)) return 0;
  fs::path here = fs::weakly_canonical(fs::absolute(root, ec), ec);
  // The language folders the last build of this output made: only those can be retired, so
  // that another build's output folder inside this one is never taken for a language's.
  fs::path list = folder / fmt::format("languages-{:016x}.txt", digest_bytes(here.string()));
  std::vector<std::string> previous;
  if (std::string text, error; !fs::is_symlink(list, ec) && read_file(list, text, error)) {
    for (size_t start = 0; start < text.size();) {
      size_t end = std::min(text.find('\n', start), text.size());
      previous.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }
  std::vector<std::pair<std::string, fs::path>> retired;  // cache file, its output folder
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.ends_with(".db.lock") || !it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::string recorded;
    if (std::string error; !read_file(it->path(), recorded, error) || recorded.empty()) continue;
    fs::path out(recorded);
    std::string code = out.filename().string();
    auto in = [&](const std::vector<std::string>& codes) {
      return std::find(codes.begin(), codes.end(), code) != codes.end();
    };
    bool language = out.parent_path() == here && in(previous) && !in(current);
    if (!language && !(root_too && out == here)) continue;
    retired.emplace_back(name.substr(0, name.size() - 5), out);
  }
  std::sort(retired.begin(), retired.end());
  size_t removed = 0;
  for (const auto& [file, out] : retired) {
    std::vector<std::string> files;
    {
      std::string note;
      auto cache = cache::BuildCache::open(site_dir, file, note, 0, {});
      if (!cache) continue;  // held by a build, or unreadable: left for a later build
      cache->for_each_manifest_path([&](std::string_view rel) { files.emplace_back(rel); });
    }
    removed += remove_outputs(out, files);
    for (const char* suffix : {"", "-wal", "-shm", ".lock"})
      fs::remove(folder / (file + suffix), ec);
  }
  // This build's folders, for the next. The list goes first: never written through a link.
  fs::remove(list, ec);
  if (!current.empty()) {
    fs::create_directories(folder, ec);
    std::ofstream out(list, std::ios::binary);
    for (const std::string& code : current) out << code << '\n';
  }
  return removed;
}

std::optional<config::SiteConfig> site_config(const BuildOptions& options) {
  config::LoadOptions load;
  load.environment = options.environment;
  load.baseurl = options.baseurl;
  load.keep_base_path = options.keep_base_path;
  config::ConfigResult loaded = config::load_config(options.site_dir, load);
  if (!loaded.ok) return std::nullopt;
  return std::move(loaded.config);
}

BuildOptions language_options(const BuildOptions& options,
                              const std::vector<config::Language>& languages,
                              const config::Language& l) {
  BuildOptions o = options;
  o.language = l.code;
  if (l.in_subdir) {
    // The config puts the language's folder below its own output folder; one named on the
    // command line gets the same folder below it.
    if (options.output_dir) o.output_dir = *options.output_dir / l.code;
    // Else Incremental::cache_file names it by its folder.
    if (!options.cache_file.empty()) o.cache_file = language_cache_file(options.cache_file, l.code);
    if (!options.output_identity.empty())
      o.output_identity = options.output_identity + "/" + l.code;
  } else {
    for (const config::Language& other : languages)
      if (other.in_subdir) o.reserved_folders.push_back(other.code);
  }
  return o;
}

void link_translations(const std::vector<StagedBuild*>& builds) {
  // Every rendered page's key, by language, and every rendered page of every language by its
  // key, in language order.
  std::vector<std::vector<std::string>> keys(builds.size());
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, PageId>>> by_key;
  for (uint32_t lang = 0; lang < builds.size(); ++lang) {
    const site::Site& site = builds[lang]->loaded_site();
    for (PageId id : site.rendered()) {
      keys[lang].push_back(translation_key(site, id));
      by_key[keys[lang].back()].emplace_back(lang, id);
    }
  }
  for (uint32_t lang = 0; lang < builds.size(); ++lang) {
    site::Site& site = builds[lang]->loaded_site();
    std::vector<site::Site::Translation> all;
    std::span<const PageId> rendered = site.rendered();
    for (size_t i = 0; i < rendered.size(); ++i) {
      for (auto [other, page] : by_key[keys[lang][i]]) {
        if (other == lang) continue;
        const site::Site& there = builds[other]->loaded_site();
        all.push_back({rendered[i], other, std::string(there.str(there.head(page).title)),
                       there.rel_url(page), there.permalink(page)});
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.page != b.page ? a.page < b.page : a.language < b.language;
    });
    site.set_translations(std::move(all));
  }
}

report::BuildReport build_languages(const BuildOptions& options, const config::SiteConfig& config,
                                    Diagnostics& diagnostics) {
  const std::vector<config::Language>& languages = config.languages;
  auto start = std::chrono::steady_clock::now();
  report::BuildReport total;
  if (options.shard.sharded()) {
    diagnostics.add(make_error("", 0, 0,
                               "--shard does not build a site in several languages yet; build it "
                               "whole, or build each language as a site of its own"));
    total.stats.outcome = report::BuildOutcome::kConfigError;
    return total;
  }
  // The output folder of the site: the default language's, or the one its folder is in.
  const config::Language& main = *std::find_if(
      languages.begin(), languages.end(), [](const config::Language& l) { return l.is_default; });
  fs::path root = options.output_dir.value_or(options.site_dir / config.output_dir);
  if (main.in_subdir && !options.output_dir) root = root.parent_path();
  size_t retired = 0;
  if (options.cache == CacheMode::kUse) {
    std::vector<std::string> current;
    for (const config::Language& l : languages)
      if (l.in_subdir) current.push_back(l.code);
    retired = retire_languages(options.site_dir, root, current, main.in_subdir);
  }
  // Each build holds its options and diagnostics by reference: they stay where they are made.
  std::vector<std::unique_ptr<BuildOptions>> opts;
  std::vector<std::unique_ptr<Diagnostics>> found;
  std::vector<std::unique_ptr<StagedBuild>> builds;
  auto report_all = [&] {
    // The config's warnings come once from each language: each is reported once.
    for (const auto& d : found) diagnostics.add_distinct(*d);
  };
  for (const config::Language& l : languages) {
    opts.push_back(std::make_unique<BuildOptions>(language_options(options, languages, l)));
    found.push_back(std::make_unique<Diagnostics>());
    builds.push_back(std::make_unique<StagedBuild>(*opts.back(), *found.back()));
    report::BuildOutcome outcome = builds.back()->load();
    if (outcome != report::BuildOutcome::kBuilt) {
      report_all();
      total.stats.outcome = outcome;
      return total;
    }
  }
  std::vector<StagedBuild*> loaded(builds.size());
  std::transform(builds.begin(), builds.end(), loaded.begin(), [](auto& b) { return b.get(); });
  link_translations(loaded);
  for (size_t i = 0; i < builds.size(); ++i)
    if (!languages[i].in_subdir)
      report_folder_clashes(builds[i]->loaded_site(), languages, *found[i]);
  for (size_t i = 0; i < builds.size(); ++i) {
    StagedBuild& build = *builds[i];
    try {
      report::BuildOutcome outcome = build.prepare();
      if (outcome != report::BuildOutcome::kBuilt) {
        report_all();
        total.stats.outcome = outcome;
        return total;
      }
      build.render_rest();
      build.finalize();
    } catch (...) {
      report_all();
      throw;
    }
    add_report(total, build.report());
    builds[i].reset();  // its index and render machinery, before the next language renders
  }
  report_all();
  if (main.in_subdir) write_root_files(root, config);
  total.stats.output_dir = root.string();
  total.stats.stale_files_removed += retired;
  total.stats.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return total;
}

}  // namespace bengal::pipeline
