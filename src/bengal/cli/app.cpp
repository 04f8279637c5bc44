// CLI11 is a heavy header; it is included here only.
#include "bengal/cli/app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "bengal/cli/check_command.hpp"
#include "bengal/cli/config_command.hpp"
#include "bengal/cli/graph_command.hpp"
#include "bengal/cli/new_page.hpp"
#include "bengal/cli/new_site.hpp"
#include "bengal/cli/progress_printer.hpp"
#include "bengal/cli/serve_command.hpp"
#include "bengal/config/config.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/core/plural.hpp"
#include "bengal/core/version.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/pipeline/build.hpp"
#include "bengal/pipeline/code_highlighting.hpp"
#include "bengal/pipeline/merge.hpp"

namespace bengal::cli {
namespace {

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.sorted()) std::cerr << d.format() << '\n';
}

// build, check, graph and config show need a site: a folder with a config file, a config
// folder or a content folder.
// Prints why and returns false when `dir` is not one. Without this, a mistyped folder would
// build a four-page site of defaults and exit 0.
bool is_site_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::cerr << fmt::format(
        "error: site folder {} does not exist; pass the folder that holds bengal.toml\n",
        dir.string());
    return false;
  }
  if (!config::find_config_file(dir).empty() || config::has_config_dir(dir) ||
      std::filesystem::is_directory(dir / "content", ec)) {
    return true;
  }
  std::cerr << fmt::format(
      "error: {} is not a bengal site: it has no bengal.toml, bengal.yaml, config/ or content/ "
      "folder; "
      "pass the folder that holds them, or create a site with `bengal new site NAME`\n",
      dir.string());
  return false;
}

// What `bengal build` prints besides the build itself: progress, the memory table, the report.
struct BuildExtras {
  bool strict = false;
  bool quiet = false;
  bool profile_memory = false;
  std::optional<std::filesystem::path> report_dir;  // --report: where the two files go
  std::string progress = "auto";                    // auto, plain or none
};

std::optional<ProgressMode> progress_mode(const BuildExtras& extras) {
  if (extras.quiet || extras.progress == "none") return std::nullopt;
  if (extras.progress == "plain") return ProgressMode::kEveryPhase;
  return isatty(STDERR_FILENO) ? ProgressMode::kLive : ProgressMode::kThrottled;
}

// Writes build-report.json and build-report.html; false (reported) when it cannot.
bool write_report(report::BuildReport& report, const Diagnostics& diagnostics,
                  const std::filesystem::path& dir) {
  for (const auto& d : diagnostics.sorted()) {
    report.diagnostics.push_back({d.severity == Severity::kError ? "error" : "warning", d.file,
                                  static_cast<int>(d.line), static_cast<int>(d.column), d.message});
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (auto [name, text] : {std::pair{"build-report.json", report::report_json(report)},
                            std::pair{"build-report.html", report::report_html(report)}}) {
    std::ofstream out(dir / name, std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::cerr << (dir / name).string() << ": error: cannot write the build report; check "
                << "that the folder is writable or pass another --report-dir\n";
      return false;
    }
  }
  return true;
}

int run_build(pipeline::BuildOptions options, const BuildExtras& extras) {
  if (!is_site_folder(options.site_dir)) return 1;
  Diagnostics diagnostics;
  report::BuildReport report;
  std::optional<ProgressPrinter> printer;
  if (auto mode = progress_mode(extras)) printer.emplace(*mode, stderr);
  report::MonitorOptions watch;
  watch.sample_rss = extras.profile_memory || extras.report_dir;
  watch.time_pages = extras.report_dir.has_value();
  if (printer) watch.progress = [&](const report::Progress& p) { printer->show(p); };
  report::BuildMonitor monitor(std::move(watch));
  options.monitor = &monitor;
  try {
    report = pipeline::build_site(options, diagnostics);
  } catch (const std::exception& e) {
    monitor.stop();
    if (printer) printer->finish();
    print_diagnostics(diagnostics);
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  }
  monitor.stop();
  if (printer) printer->finish();
  print_diagnostics(diagnostics);
  const report::BuildStats& stats = report.stats;
  switch (stats.outcome) {
    case report::BuildOutcome::kBuilt:
      break;
    case report::BuildOutcome::kConfigError:
      std::cerr << "error: the site was not built; fix the configuration above\n";
      return 1;
    case report::BuildOutcome::kOverBudget:
      std::cerr << "error: nothing was written: the memory limit is too small for this site\n";
      return 1;
    case report::BuildOutcome::kStrictStop:
      std::cerr << "error: --strict: nothing was written because of the errors above\n";
      return 1;
  }
  bool quiet = extras.quiet;
  size_t errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
  if (!quiet) {
    std::string problems;
    if (errors + warnings > 0) {
      problems = fmt::format(", {}, {}", plural(errors, "error"), plural(warnings, "warning"));
    }
    if (!stats.cache_note.empty()) std::cout << "cache: " << stats.cache_note << '\n';
    std::string kept;
    if (stats.renders_reused > 0) {
      kept = fmt::format(", {} of {} kept from the last build", stats.renders_reused,
                         plural(stats.renders + stats.renders_reused, "render"));
    }
    if (stats.stale_files_removed > 0)
      kept += fmt::format(", {} removed", plural(stats.stale_files_removed, "stale file"));
    std::cout << fmt::format("Built {} ({} copied{}{}) in {:.2f} s, peak memory {} -> {}\n",
                             plural(stats.pages, "page"), plural(stats.static_files, "file"), kept,
                             problems, stats.elapsed_seconds,
                             format_megabytes(stats.peak_rss_bytes), stats.output_dir);
  }
  if (extras.profile_memory) std::cout << report::format_memory_table(report);
  if (extras.report_dir) {
    report.bengal_version = kVersion;
    report.site_dir = options.site_dir.string();
    if (!write_report(report, diagnostics, *extras.report_dir)) return 1;
    if (!quiet) {
      std::cout << "Report: " << (*extras.report_dir / "build-report.html").string() << '\n';
    }
  }
  // An error means the output folder is not what the sources say (a page left out, a
  // directive or a template that rendered nothing), so the build fails, as Hugo's and Zola's
  // do, and CI never deploys it; every other page was still written, for a look at the rest.
  // --strict also fails on warnings, and stops before writing.
  if (errors > 0) {
    std::cerr << fmt::format(
        "error: the build failed with {} (above), and wrote every other page; fix {} and "
        "build again\n",
        plural(errors, "error"), errors == 1 ? "it" : "them");
    return 1;
  }
  return extras.strict && warnings > 0 ? 1 : 0;
}

int run_check(const std::string& site_dir, bool strict, const std::string& environment) {
  if (!is_site_folder(site_dir)) return 1;
  Diagnostics diagnostics;
  config::LoadOptions config_options;
  config_options.environment = environment;
  // A multilingual site: every language, as each is built; the config's own warnings once.
  std::vector<std::string> languages{""};
  if (config::ConfigResult c = config::load_config(site_dir, config_options); c.ok)
    for (const config::Language& l : c.config.languages) languages.push_back(l.code);
  if (languages.size() > 1) languages.erase(languages.begin());
  CheckStats stats;
  for (const std::string& code : languages) {
    config_options.language = code;
    Diagnostics one;
    CheckStats s = check_site(site_dir, one, config_options);
    stats.pages += s.pages;
    stats.broken_links += s.broken_links;
    stats.orphans += s.orphans;
    stats.missing_titles += s.missing_titles;
    stats.config_ok = stats.config_ok && s.config_ok;
    diagnostics.add_distinct(one);
  }
  print_diagnostics(diagnostics);
  if (!stats.config_ok) return 1;
  std::cout << fmt::format(
      "Checked {}: {}, {}, {}, {}, {}\n", plural(stats.pages, "page"),
      plural(stats.broken_links, "broken link"), plural(stats.orphans, "orphan page"),
      plural(stats.missing_titles, "missing title"), plural(diagnostics.error_count(), "error"),
      plural(diagnostics.warning_count(), "warning"));
  size_t problems = diagnostics.error_count() + (strict ? diagnostics.warning_count() : 0);
  return problems > 0 ? 1 : 0;
}

// bengal merge: the N output folders of a sharded build into one site.
int run_merge(const pipeline::MergeOptions& options) {
  if (!is_site_folder(options.site_dir.string())) return 1;
  Diagnostics diagnostics;
  try {
    pipeline::MergeStats stats = pipeline::merge_shards(options, diagnostics);
    print_diagnostics(diagnostics);
    std::cout << fmt::format(
        "Merged {} into {} ({} copied, {}{})\n", plural(stats.shards, "shard"),
        options.output_dir.string(), plural(stats.files_copied, "file"),
        stats.search_pages > 0
            ? fmt::format("search index of {}", plural(stats.search_pages, "page"))
            : std::string("no search index"),
        stats.math ? ", math renderer added" : "");
    return diagnostics.error_count() > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    print_diagnostics(diagnostics);
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  }
}

// graph and config show: the report `produce` writes goes to stdout after the diagnostics;
// when it fails (the config cannot be read) nothing is printed but `failure`, and exit 1.
template <typename Options, typename Produce>
int run_report(const Options& options, Produce produce, std::string_view failure) {
  if (!is_site_folder(options.site_dir)) return 1;
  Diagnostics diagnostics;
  std::string out;
  bool ok = produce(options, out, diagnostics);
  print_diagnostics(diagnostics);
  if (!ok) {
    std::cerr << failure;
    return 1;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// Broken pages are reported but do not fail the command: the graph of the rest is printed.
int run_graph(const GraphOptions& options) {
  return run_report(options, graph_site, "");
}

int run_config_show(const ConfigShowOptions& options) {
  return run_report(options, show_config,
                    "error: the config has errors; fix them and run `bengal config show` again\n");
}

// --environment, on every command that reads a site's config.
void add_environment_option(CLI::App* cmd, std::string& environment) {
  cmd->add_option("--environment", environment,
                  "Environment of a config/ folder: config/environments/NAME.yaml is merged on "
                  "top (default: BENGAL_ENV, else production on CI, else local)");
}

// --build-future and --build-expired, on the commands that build: what Hugo's -F and -E do.
void add_publishing_flags(CLI::App* cmd, pipeline::PublishOptions& publish) {
  cmd->add_flag("--build-future", publish.future,
                "Include pages dated in the future (left out by default)");
  cmd->add_flag("--build-expired", publish.expired,
                "Include pages whose expirydate has passed (left out by default)");
}

// `bengal new KIND NAME`.
struct NewArgs {
  std::string kind, name, section, site = ".";
};

int run_new(const NewArgs& a) {
  if (a.kind == "site") {
    if (!a.section.empty() || a.site != ".") {
      std::cerr << "error: --section and --site are for `bengal new page`; a new site is the "
                   "folder NAME\n";
      return 2;
    }
    std::string title = std::filesystem::path(a.name).filename().string();
    if (std::string err = create_site(a.name, title); !err.empty()) {
      std::cerr << "error: " << err << '\n';
      return 1;
    }
    std::cout << "Created site " << a.name << "; build it with: bengal build " << a.name << '\n';
    return 0;
  }
  if (!is_site_folder(a.site)) return 1;
  NewPageResult page = create_page({a.site, a.name, a.section, std::nullopt});
  if (page.error) {
    std::cerr << page.error->format() << '\n';
    return 1;
  }
  std::cout << "Created " << page.created
            << " (a draft unless its archetype says otherwise: `bengal serve --drafts` shows "
               "it)\n";
  return 0;
}

int run_md(const std::string& file, bool heading_ids, bool safe,
           const std::string& highlight_style) {
  std::string text;
  if (file.empty() || file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": error: cannot read file; check the path\n";
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  markdown::Options options;
  options.heading_ids = heading_ids;
  options.unsafe_html = !safe;
  markdown::CodeHighlighter highlight;  // off unless asked for: plain `bengal md` is CommonMark
  if (!highlight_style.empty()) {
    config::SiteConfig config;
    config.markdown_highlight = true;
    config.markdown_highlight_style = highlight_style;
    highlight = pipeline::make_code_highlighter(config);
    options.highlight_code = &highlight;
  }
  markdown::Rendered out;
  markdown::render_html(text, options, out);
  std::fwrite(out.html.data(), 1, out.html.size(), stdout);
  return 0;
}

const CLI::App* find_command(const CLI::App& app, std::string_view name) {
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// Usage error for a command that does not exist, listing the ones that do (sorted).
int unknown_command(const CLI::App& app, std::string_view name) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  std::sort(names.begin(), names.end());
  std::cerr << fmt::format("error: unknown command '{}'; commands: {}\n", name,
                           fmt::join(names, ", "));
  return 2;
}

// `bengal help [COMMAND]`: the same text as `bengal [COMMAND] --help`.
int print_help(const CLI::App& app, std::string_view command, bool extra_arguments) {
  if (extra_arguments) {
    std::cerr << "error: help takes at most one command; try `bengal help build`\n";
    return 2;
  }
  if (command.empty()) {
    std::cout << app.help();
    return 0;
  }
  if (const CLI::App* sub = find_command(app, command)) {
    std::cout << sub->help("bengal");
    return 0;
  }
  return unknown_command(app, command);
}

// The command line of `bengal build` as parsed, before it becomes the build's options.
struct BuildArgs {
  pipeline::BuildOptions options;
  BuildExtras extras;
  std::string site_dir = ".", output_dir, baseurl, memory_limit, shard, report_dir;
  bool drafts = false, strict = false, quiet = false, memory_optimized = false,
       no_memory_optimized = false, no_cache = false, report = false;
};

CLI::App* add_build_command(CLI::App& app, BuildArgs& a) {
  auto* build_cmd = app.add_subcommand("build", "Build the site in SITE_DIR (default: .)");
  build_cmd->add_option("SITE_DIR", a.site_dir, "Site folder holding bengal.toml and content/");
  build_cmd->add_option("-o,--output", a.output_dir, "Output folder (default: [build] output_dir)");
  build_cmd->add_flag("--drafts", a.drafts, "Include pages with draft: true");
  add_publishing_flags(build_cmd, a.options.publish);
  add_environment_option(build_cmd, a.options.environment);
  build_cmd->add_option("--baseurl", a.baseurl,
                        "Base URL of the published site, such as https://example.org/docs/ "
                        "(replaces [site] baseurl)");
  build_cmd->add_option("--threads", a.options.threads, "Render threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  build_cmd->add_option("--batch-size", a.options.batch_size_pages, "Pages rendered per batch")
      ->check(CLI::Range(1, 100000000));
  auto* streaming_flag = build_cmd->add_flag(
      "--memory-optimized", a.memory_optimized,
      "Stream: keep only the index, hub pages and a bounded cache (default from 5,000 pages)");
  build_cmd
      ->add_flag("--no-memory-optimized", a.no_memory_optimized,
                 "Keep every body and rendered page until the end (the baseline)")
      ->excludes(streaming_flag);
  build_cmd
      ->add_option("--hot-percent", a.options.hot_percent,
                   "Top pages by PageRank rendered first and kept resident (default 10)")
      ->check(CLI::Range(0, 100));
  build_cmd
      ->add_option("--cache-size-mb", a.options.cache_size_mb,
                   "Bound of the warm content cache in MB (default 64)")
      ->check(CLI::Range(0, 1 << 20));
  build_cmd->add_option("--memory-limit", a.memory_limit,
                        "Memory budget such as 256MB or 2GB: batch and cache sizes follow from it");
  build_cmd->add_flag("--no-cache", a.no_cache,
                      "Build cold: neither read nor update the incremental build cache in "
                      "SITE/.bengal/");
  build_cmd->add_flag("--clean", a.options.clean,
                      "Also remove every file of the output folder that this build did not write");
  build_cmd->add_option("--shard", a.shard,
                        "K/N: render only this job's part of the site, one of N jobs; join the "
                        "N output folders with `bengal merge`");
  build_cmd->add_flag("--strict", a.strict, "Fail (exit 1) on any error or warning");
  build_cmd->add_flag("--strict-templates", a.options.strict_templates,
                      "Make an undefined variable, attribute or key in a template an error "
                      "instead of empty output (`??`, `?.`, `is defined` and default() still "
                      "allow one)");
  build_cmd->add_flag("-q,--quiet", a.quiet, "Print only errors and warnings");
  build_cmd->add_flag("--profile-memory", a.extras.profile_memory,
                      "Print memory at each phase (discover, index, graph, plan, every render "
                      "batch, finalize) and the peak");
  build_cmd->add_flag("--report", a.report,
                      "Write build-report.json and build-report.html (phases, memory over "
                      "time, cache hit rates, slowest pages) into the site folder");
  build_cmd->add_option("--report-dir", a.report_dir,
                        "Write the build report into this folder instead (implies --report)");
  build_cmd
      ->add_option("--progress", a.extras.progress,
                   "auto (a live line on a terminal, a few lines in logs), plain (a line per "
                   "phase) or none")
      ->check(CLI::IsMember({"auto", "plain", "none"}));
  return build_cmd;
}

// `bengal build`: the options from the command line, then the build.
int run_build_command(BuildArgs& a) {
  a.options.site_dir = a.site_dir;
  if (!a.output_dir.empty()) a.options.output_dir = a.output_dir;
  if (a.drafts) a.options.drafts = true;
  a.options.strict = a.strict;
  if (!a.baseurl.empty()) a.options.baseurl = a.baseurl;
  if (a.memory_optimized) a.options.memory_optimized = true;
  if (a.no_memory_optimized) a.options.memory_optimized = false;
  if (!a.memory_limit.empty()) {
    auto bytes = config::parse_byte_size(a.memory_limit);
    if (!bytes) {
      std::cerr << "error: --memory-limit must be a size such as 512MB or 2GB, not \""
                << a.memory_limit << "\"\n";
      return 2;
    }
    a.options.memory_limit_bytes = *bytes;
  }
  a.extras.strict = a.strict;
  a.extras.quiet = a.quiet;
  if (a.no_cache) a.options.cache = pipeline::CacheMode::kOff;
  if (!a.shard.empty()) {
    std::string error;
    std::optional<pipeline::ShardSpec> spec = pipeline::parse_shard(a.shard, error);
    if (!spec) {
      std::cerr << "error: " << error << " (not \"" << a.shard << "\")\n";
      return 2;
    }
    a.options.shard = *spec;
  }
  if (!a.report_dir.empty()) {
    a.extras.report_dir = a.report_dir;
  } else if (a.report) {
    a.extras.report_dir = a.site_dir;
  }
  return run_build(a.options, a.extras);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"bengal: a static site generator that builds large sites in bounded memory",
               "bengal"};
  app.set_version_flag("--version", std::string("bengal ") + kVersion);
  app.require_subcommand(1);

  BuildArgs build_args;
  CLI::App* build_cmd = add_build_command(app, build_args);

  std::string md_file;
  bool heading_ids = false, safe = false;
  auto* md_cmd = app.add_subcommand("md", "Render one Markdown file (or stdin) to HTML on stdout");
  md_cmd->add_option("FILE", md_file, "Markdown file; stdin when omitted or -");
  md_cmd->add_flag("--heading-ids", heading_ids, "Give headings id attributes as in site builds");
  md_cmd->add_flag("--safe", safe, "Leave out raw HTML");
  std::string md_highlight;
  md_cmd
      ->add_option("--highlight", md_highlight,
                   "Highlight fenced code with this class scheme: semantic or pygments")
      ->check(CLI::IsMember({"semantic", "pygments"}));

  std::string check_dir = ".";
  bool check_strict = false;
  auto* check_cmd = app.add_subcommand(
      "check",
      "Report broken links, duplicate URLs, orphan pages and missing titles; writes nothing");
  check_cmd->add_option("SITE_DIR", check_dir, "Site folder holding bengal.toml and content/");
  check_cmd->add_flag("--strict", check_strict, "Fail (exit 1) on warnings too");
  std::string check_environment;
  add_environment_option(check_cmd, check_environment);

  GraphOptions graph_options;
  std::string graph_dir = ".", graph_format = "text";
  auto* graph_cmd = app.add_subcommand(
      "graph",
      "Print the link graph: pages, links, broken links, orphans, top pages by PageRank, hubs "
      "and connected parts; renders nothing");
  graph_cmd->add_option("SITE_DIR", graph_dir, "Site folder holding bengal.toml and content/");
  graph_cmd->add_option("--format", graph_format, "text, json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  graph_cmd->add_option("--top", graph_options.top, "Pages listed by PageRank (default 10)")
      ->check(CLI::Range(0, 100000000));
  graph_cmd
      ->add_option("--components", graph_options.components,
                   "Largest connected parts listed (default 5)")
      ->check(CLI::Range(0, 100000000));
  add_environment_option(graph_cmd, graph_options.environment);

  auto* config_cmd = app.add_subcommand("config", "Inspect the site's configuration");
  config_cmd->require_subcommand(1);
  ConfigShowOptions config_options;
  std::string config_dir = ".", config_format = "text";
  auto* config_show_cmd = config_cmd->add_subcommand(
      "show",
      "Print the merged config, each value with the file and line that set it; reads "
      "config/_default/ and config/environments/ as a build does");
  config_show_cmd->add_option("SITE_DIR", config_dir, "Site folder holding config/ or bengal.toml");
  add_environment_option(config_show_cmd, config_options.load.environment);
  config_show_cmd->add_option("--format", config_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));

  serve::ServeOptions serve_options;
  std::string serve_dir = ".";
  bool serve_drafts = false;
  auto* serve_cmd = app.add_subcommand(
      "serve",
      "Build the site, serve it on a local address, rebuild on every change and reload the "
      "open browser tabs");
  serve_cmd->add_option("SITE_DIR", serve_dir, "Site folder holding bengal.toml and content/");
  serve_cmd
      ->add_option("-p,--port", serve_options.port,
                   "Port to listen on (default 1313; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--bind", serve_options.bind,
                        "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 "
                        "shows the preview to the network)");
  serve_cmd->add_flag("--drafts", serve_drafts, "Include pages with draft: true");
  add_publishing_flags(serve_cmd, serve_options.publish);
  add_environment_option(serve_cmd, serve_options.environment);
  bool serve_lazy = false, serve_no_lazy = false;
  auto* lazy_flag = serve_cmd->add_flag(
      "--lazy", serve_lazy,
      "Serve once the site is indexed: render each page when first asked for, the rest in the "
      "background (default above 5,000 pages)");
  serve_cmd->add_flag("--no-lazy", serve_no_lazy, "Build the whole site before serving it")
      ->excludes(lazy_flag);

  // Parsed by print_help before CLI11 runs; declared so that --help lists it.
  app.add_subcommand("help", "Show the help of a command: `bengal help build`")
      ->add_option("COMMAND", "Command to explain");

  NewArgs new_args;
  auto* new_cmd = app.add_subcommand(
      "new", "Create something new: `bengal new site NAME`, `bengal new page NAME`");
  new_cmd->add_option("KIND", new_args.kind, "What to create: site, or page")
      ->required()
      ->check(CLI::IsMember({"site", "page"}));
  new_cmd
      ->add_option("NAME", new_args.name,
                   "site: its folder; page: a title (\"My first post\") or a path in content/ "
                   "(blog/my-first-post.md)")
      ->required();
  new_cmd->add_option("--section", new_args.section,
                      "page: the folder of content/ it goes in, such as blog");
  new_cmd->add_option("--site", new_args.site, "page: the site folder (default: .)");

  pipeline::MergeOptions merge_options;
  std::string merge_site = ".", merge_output;
  std::vector<std::string> merge_shard_dirs;
  auto* merge_cmd = app.add_subcommand(
      "merge", "Join the output folders of `bengal build --shard K/N` jobs into OUT");
  merge_cmd->add_option("OUT", merge_output, "The merged site's folder (new or empty)")->required();
  merge_cmd->add_option("SHARD_DIRS", merge_shard_dirs, "The N shard jobs' output folders")
      ->required();
  merge_cmd->add_option("--site", merge_site,
                        "Site folder the shards built (default: .), read for the search index");

  // CLI11 would only say "A subcommand is required" for a mistyped command.
  std::string_view first = argc > 1 ? argv[1] : "-";
  if (first == "help") return print_help(app, argc > 2 ? argv[2] : "", argc > 3);
  if (!first.starts_with('-') && find_command(app, first) == nullptr)
    return unknown_command(app, first);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end parsing with exit code 0. Every usage error is exit code 2,
    // the code the documentation promises (CLI11's own codes are 105 to 115).
    if (e.get_exit_code() == 0) return app.exit(e);
    std::string see = find_command(app, first) != nullptr ? fmt::format(" {}", first) : "";
    std::cerr << "error: " << e.what() << "; see `bengal help" << see << "`\n";
    return 2;
  }

  if (*build_cmd) return run_build_command(build_args);
  if (*serve_cmd) {
    if (!is_site_folder(serve_dir)) return 1;
    serve_options.site_dir = serve_dir;
    if (serve_drafts) serve_options.drafts = true;
    if (serve_lazy) serve_options.lazy = true;
    if (serve_no_lazy) serve_options.lazy = false;
    return run_serve(serve_options);
  }
  if (*merge_cmd) {
    merge_options.site_dir = merge_site;
    merge_options.output_dir = merge_output;
    merge_options.shard_dirs.assign(merge_shard_dirs.begin(), merge_shard_dirs.end());
    return run_merge(merge_options);
  }
  if (*check_cmd) return run_check(check_dir, check_strict, check_environment);
  if (*config_show_cmd) {
    config_options.site_dir = config_dir;
    config_options.format = config_format == "json" ? ConfigFormat::kJson : ConfigFormat::kText;
    return run_config_show(config_options);
  }
  if (*graph_cmd) {
    graph_options.site_dir = graph_dir;
    graph_options.format = graph_format == "json"  ? GraphFormat::kJson
                           : graph_format == "dot" ? GraphFormat::kDot
                                                   : GraphFormat::kText;
    return run_graph(graph_options);
  }
  if (*md_cmd) return run_md(md_file, heading_ids, safe, md_highlight);
  if (*new_cmd) return run_new(new_args);
  return 0;
}

}  // namespace bengal::cli
