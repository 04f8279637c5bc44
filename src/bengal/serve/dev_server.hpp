// `bengal serve`: builds the site into a work folder of its own (never the site's public/),
// serves it over HTTP with the local address as baseurl, watches the sources, rebuilds after
// each burst of changes and tells the open tabs to reload. A failed rebuild keeps the last
// good site served and shows its errors, in the browser as an overlay and on the terminal.
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

namespace bengal::serve {

struct ServeOptions {
  std::filesystem::path site_dir = ".";
  std::string bind = "127.0.0.1";  // loopback: the preview is not published to the network
  int port = 1313;                 // 0: any free port
  std::optional<bool> drafts;
  std::string environment;
  // Where the builds go; empty: a new folder in the system's temp folder. Removed at the end.
  std::filesystem::path work_parent;
  std::chrono::milliseconds quiet{100};  // how long files stay unchanged before a rebuild
  int threads = 0;
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
  int port() const { return port_; }
  // The folder being served now (empty before the first build).
  std::filesystem::path output_dir() const;

 private:
  ServeBuildResult build_next(const std::set<std::filesystem::path>& changed,
                              std::shared_ptr<const BuiltSite>& built);

  ServeOptions options_;
  ServeLog log_;
  std::filesystem::path work_dir_;
  int port_ = -1;
  std::string origin_;
  unsigned generation_ = 0;
  ServedSite site_;
  ReloadChannel channel_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<FileWatcher> watcher_;
};

}  // namespace bengal::serve
