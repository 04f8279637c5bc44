// `bengal serve`: builds the site into a work folder of its own (never the site's public/),
// serves it over HTTP with the local address as baseurl, watches the sources, rebuilds after
// each burst of changes and tells the open tabs to reload. A failed rebuild keeps the last
// good site served and shows its errors, in the browser as an overlay and on the terminal.
// With --lazy (by default above 5,000 pages) a version is served once it is indexed and
// rendered on request while a thread fills in the rest (lazy_site.hpp); a change during the
// fill cancels it and starts the next version the same way.
// The CLI owns the terminal and the signals; this unit only reports lines through `ServeLog`.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "bengal/serve/file_watcher.hpp"
#include "bengal/serve/http_server.hpp"
#include "bengal/serve/reload_channel.hpp"
#include "bengal/serve/served_site.hpp"
#include "bengal/serve/site_rebuild.hpp"
#include "bengal/serve/version_folders.hpp"

namespace bengal::serve {

struct ServeOptions {
  std::filesystem::path site_dir = ".";
  std::string bind = "127.0.0.1";  // loopback: the preview is not published to the network
  int port = 1313;                 // 0: any free port
  std::optional<bool> drafts;
  pipeline::PublishOptions publish;  // --build-future, --build-expired
  std::string environment;
  // Where the builds go; empty: a new folder in the system's temp folder. Removed at the end.
  std::filesystem::path work_parent;
  std::chrono::milliseconds quiet{100};  // how long files stay unchanged before a rebuild
  int threads = 0;
  // --lazy / --no-lazy; unset: lazy when the site has more than `lazy_threshold_pages` pages.
  std::optional<bool> lazy;
  size_t lazy_threshold_pages = 5000;
  // Tests: runs on each lazy version's fill thread before it renders anything (lazy_site.hpp).
  std::function<void(const std::atomic<bool>& cancel)> before_fill;
};

// One line for the terminal (no trailing newline). Diagnostics come as "file:line:col: ...".
using ServeLog = std::function<void(const std::string& line)>;

class DevServer {
 public:
  DevServer(ServeOptions options, ServeLog log);
  ~DevServer();  // stops serving and removes the work folder
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  // Binds the port, starts watching, builds the site and starts serving it. False (logged)
  // when the port cannot be bound, the work folder cannot be made, or the first build made no
  // site at all (a broken config).
  bool start();
  // Rebuilds after each burst of changes until `stop` is set.
  void run(const std::atomic<bool>& stop);
  // Builds once for these changes and publishes the outcome; what run() does per burst.
  void rebuild(const ChangeBatch& changes);

  std::string origin() const { return origin_; }  // "http://127.0.0.1:1313"
  // Where the site served now is: the origin and the path of the site's baseurl, below which
  // it is served as it is published ("http://127.0.0.1:1313/docs/").
  std::string address() const;
  int port() const { return port_; }
  // The folder being served now (empty before the first build).
  std::filesystem::path output_dir() const;
  bool lazy() const { return lazy_; }

 private:
  // A build of the next version, in a folder of its own (version_folders.hpp).
  std::unique_ptr<ServeBuild> begin_build(std::filesystem::path& out);
  // A whole build of the next version (it finds the changed files itself: stat, then hash).
  ServeBuildResult build_next(std::shared_ptr<const BuiltSite>& built);
  // The folder of a finished build as a version to serve (null, and the folder removed, when
  // the build made nothing usable).
  std::shared_ptr<const BuiltSite> adopt(const std::filesystem::path& out,
                                         const ServeBuildResult& result);
  // Serves a prepared build now and fills it in behind; `what` names the change in the log
  // (empty: the first version). Returns the version served until now.
  [[nodiscard]] std::shared_ptr<const BuiltSite> serve_lazily(std::unique_ptr<ServeBuild> build,
                                                              const std::filesystem::path& out,
                                                              const std::string& base_path,
                                                              const std::string& what);

  ServeOptions options_;
  ServeLog log_;
  std::filesystem::path work_dir_;
  int port_ = -1;
  std::string origin_;
  std::shared_ptr<VersionFolders> folders_;
  bool lazy_ = false;
  ServedSite site_;
  ReloadChannel channel_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<FileWatcher> watcher_;
};

}  // namespace bengal::serve
