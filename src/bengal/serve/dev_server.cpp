#include "bengal/serve/dev_server.hpp"

#include <stdlib.h>

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "bengal/config/config.hpp"
#include "bengal/core/plural.hpp"
#include "bengal/serve/lazy_site.hpp"
#include "bengal/serve/version_folders.hpp"

namespace fs = std::filesystem;

namespace bengal::serve {
namespace {

// The address in links: the bound one, or localhost when bound to every interface.
std::string local_origin(const std::string& bind, int port) {
  std::string host = bind;
  if (host.empty() || host == "0.0.0.0" || host == "::") host = "localhost";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return fmt::format("http://{}:{}", host, port);
}

// A fresh private folder (mode 0700) for the builds.
fs::path make_work_dir(const fs::path& parent, std::string& error) {
  std::error_code ec;
  fs::path base = parent.empty() ? fs::temp_directory_path(ec) : parent;
  fs::create_directories(base, ec);
  std::string pattern = (base / "bengal-serve-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    error =
        fmt::format("cannot create a work folder in {}; check that it is writable", base.string());
    return {};
  }
  return fs::canonical(pattern, ec);
}

std::string describe_changes(const ChangeBatch& changes, const fs::path& site_dir) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(site_dir, ec);
  const fs::path& first = *changes.paths.begin();
  std::string name = first.lexically_relative(root).string();
  if (name.empty() || name.starts_with("..")) name = first.string();
  if (changes.paths.size() == 1) return name;
  size_t more = changes.paths.size() - 1;
  return fmt::format("{} and {} more file{}", name, more, more == 1 ? "" : "s");
}

// Each line of `text` as a line of the log.
void log_lines(const ServeLog& log, std::string_view text) {
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) log(std::string(text.substr(start, end - start)));
    start = end + 1;
  }
}

}  // namespace

DevServer::DevServer(ServeOptions options, ServeLog log)
    : options_(std::move(options)), log_(std::move(log)) {}

DevServer::~DevServer() {
  if (http_) http_->stop();
  site_.clear();
  if (folders_) folders_->stop();
  std::error_code ec;
  if (!work_dir_.empty()) fs::remove_all(work_dir_, ec);
}

std::string DevServer::address() const {
  ServedSnapshot now = site_.current();
  return origin_ + (now.site ? now.site->base_path : std::string()) + "/";
}

fs::path DevServer::output_dir() const {
  ServedSnapshot now = site_.current();
  return now.site ? now.site->root : fs::path();
}

bool DevServer::start() {
  std::string error;
  work_dir_ = make_work_dir(options_.work_parent, error);
  if (work_dir_.empty()) {
    log_("error: " + error);
    return false;
  }
  folders_ = std::make_shared<VersionFolders>(work_dir_);
  http_ = std::make_unique<HttpServer>(site_, channel_);
  port_ = http_->bind(options_.bind, options_.port, error);
  if (port_ < 0) {
    log_(fmt::format("error: cannot listen on {}:{}: {}; pass another --port or --bind",
                     options_.bind, options_.port, error));
    return false;
  }
  origin_ = local_origin(options_.bind, port_);
  // Watch before building, so an edit made during the first build is not missed. The site's
  // own output folder is not a source: a `bengal build` beside the server must not trigger it.
  config::LoadOptions config_options;
  config_options.environment = options_.environment;  // it may set the output folder
  config::ConfigResult config = config::load_config(options_.site_dir, config_options);
  try {
    watcher_ = std::make_unique<FileWatcher>(
        options_.site_dir, std::vector<fs::path>{config.config.output_dir, work_dir_});
  } catch (const std::system_error& e) {
    log_(
        fmt::format("warning: cannot watch the site's files ({}); edits need a restart", e.what()));
  }
  auto started = std::chrono::steady_clock::now();
  fs::path out;
  std::unique_ptr<ServeBuild> build = begin_build(out);
  ServeBuildResult result = build->prepare();
  if (result.usable) {
    lazy_ = build->can_serve_lazily() &&
            options_.lazy.value_or(build->page_count() > options_.lazy_threshold_pages);
  }
  if (result.usable && lazy_) {
    size_t pages = build->page_count();
    (void)serve_lazily(std::move(build), out, result.base_path, "");  // nothing served before
    http_->start();
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    log_(
        fmt::format("Serving {} at {} ({} indexed in {:.2f} s; each page is rendered when "
                    "first asked for, the rest in the background); press Ctrl-C to stop",
                    options_.site_dir.string(), address(), plural(pages, "page"), took.count()));
    return true;
  }
  if (result.usable) result = *build->finish();
  build.reset();
  std::shared_ptr<const BuiltSite> built = adopt(out, result);
  for (const Diagnostic& d : result.diagnostics) log_(d.format());
  if (!result.usable) {
    log_("error: " + result.failure);
    return false;
  }
  (void)site_.switch_to(built);  // nothing was served before
  folders_->copy_ahead(built->root);
  if (!result.succeeded()) site_.set_errors(result.error_text());
  http_->start();
  log_(fmt::format("Serving {} at {} ({} in {:.2f} s); press Ctrl-C to stop",
                   options_.site_dir.string(), address(), plural(result.pages, "page"),
                   result.elapsed_seconds));
  return true;
}

std::unique_ptr<ServeBuild> DevServer::begin_build(fs::path& out) {
  std::shared_ptr<const BuiltSite> served = site_.current().site;
  out = folders_->take(served ? served->root : fs::path());
  ServeBuildOptions build;
  build.site_dir = options_.site_dir;
  build.drafts = options_.drafts;
  build.publish = options_.publish;
  build.environment = options_.environment;
  build.baseurl = origin_;
  build.threads = options_.threads;
  return std::make_unique<ServeBuild>(build, out);
}

std::shared_ptr<const BuiltSite> DevServer::adopt(const fs::path& out,
                                                  const ServeBuildResult& result) {
  std::error_code ec;
  if (result.usable)
    return std::make_shared<const BuiltSite>(fs::canonical(out, ec), nullptr, folders_,
                                             result.base_path);
  folders_->give_back(out);
  return nullptr;
}

ServeBuildResult DevServer::build_next(std::shared_ptr<const BuiltSite>& built) {
  fs::path out;
  std::unique_ptr<ServeBuild> build = begin_build(out);
  ServeBuildResult result = build->prepare();
  if (result.usable) result = *build->finish();
  build.reset();
  built = adopt(out, result);
  return result;
}

std::shared_ptr<const BuiltSite> DevServer::serve_lazily(std::unique_ptr<ServeBuild> build,
                                                         const fs::path& out,
                                                         const std::string& base_path,
                                                         const std::string& what) {
  auto lazy = std::make_shared<LazySite>(std::move(build));
  std::error_code ec;
  auto built = std::make_shared<const BuiltSite>(fs::canonical(out, ec), lazy, folders_, base_path);
  std::shared_ptr<const BuiltSite> old = site_.switch_to(built);
  // The fill's thread ends before the next version is made (rebuild cancels it first), so
  // what it reports is about the version served.
  lazy->start_fill(
      options_.before_fill, [this, what, root = built->root](const ServeBuildResult& result) {
        // Only the first version: every later one leaves its predecessor's folder behind.
        if (what.empty()) folders_->copy_ahead(root);
        std::string errors = result.error_text();
        if (what.empty()) {
          for (const Diagnostic& d : result.diagnostics) log_(d.format());
        } else {
          log_lines(log_, errors);
        }
        std::string version = what.empty() ? std::string("the site") : "the change to " + what;
        if (result.succeeded()) {
          log_(fmt::format("Rendered {}: {} in {:.2f} s", version, plural(result.pages, "page"),
                           result.elapsed_seconds));
          return;
        }
        if (!result.failure.empty() && what.empty()) log_("error: " + result.failure);
        log_(fmt::format("Rendered {} with errors; they show in the browser", version));
        site_.set_errors(errors);
        channel_.publish("build-error", errors);
      });
  return old;
}

void DevServer::rebuild(const ChangeBatch& changes) {
  // A fill still running is stopped: it renders sources that changed, and holds the cache.
  if (std::shared_ptr<const BuiltSite> served = site_.current().site; served && served->lazy)
    served->lazy->cancel();
  std::string what =
      changes.paths.empty() ? std::string("rebuild") : describe_changes(changes, options_.site_dir);
  std::string event = changes.only_stylesheets() ? "css" : "reload";
  ServeBuildResult result;
  if (lazy_) {
    auto started = std::chrono::steady_clock::now();
    fs::path out;
    std::unique_ptr<ServeBuild> build = begin_build(out);
    result = build->prepare();
    if (result.succeeded()) {
      size_t pages = build->page_count();
      std::shared_ptr<const BuiltSite> old =
          serve_lazily(std::move(build), out, result.base_path, what);
      channel_.publish(event, what);
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
      log_(fmt::format("Changed {}: indexed {} in {:.2f} s; rendering on request", what,
                       plural(pages, "page"), took.count()));
      return;  // the old version goes now, while the tabs already load the new site
    }
    build.reset();
    folders_->give_back(out);
  } else {
    std::shared_ptr<const BuiltSite> built;
    result = build_next(built);
    if (result.succeeded()) {
      std::shared_ptr<const BuiltSite> old = site_.switch_to(std::move(built));
      channel_.publish(event, what);
      log_(fmt::format("Changed {}: rebuilt {} in {:.2f} s", what, plural(result.pages, "page"),
                       result.elapsed_seconds));
      return;  // the old version goes now, while the tabs already load the new site
    }
    // `built` (a site with errors) is dropped here with its folder: the last good one stays.
  }
  std::string errors = result.error_text();
  log_lines(log_, errors);
  log_(fmt::format("Changed {}: the build failed; still serving the last good version", what));
  site_.set_errors(errors);
  channel_.publish("build-error", errors);
}

void DevServer::run(const std::atomic<bool>& stop) {
  while (!stop.load()) {
    if (!watcher_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    ChangeBatch changes = watcher_->wait(options_.quiet, stop);
    if (changes.paths.empty()) continue;
    rebuild(changes);
  }
}

}  // namespace bengal::serve
