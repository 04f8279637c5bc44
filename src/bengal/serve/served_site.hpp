// The version of the site that `bengal serve` is serving right now, and the errors of the
// last build when it failed. The rebuild loop switches versions; request threads take a
// snapshot, so a switch never pulls a folder from under a request in flight.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace bengal::serve {

class LazySite;
class VersionFolders;

// One built site in a folder of its own, given back to `folders` (or, without, deleted) with
// the last snapshot that holds it.
struct BuiltSite {
  explicit BuiltSite(std::filesystem::path root, std::shared_ptr<LazySite> lazy = nullptr,
                     std::shared_ptr<VersionFolders> folders = nullptr, std::string base_path = {})
      : root(std::move(root)),
        lazy(std::move(lazy)),
        folders(std::move(folders)),
        base_path(std::move(base_path)) {}
  ~BuiltSite();  // stops the lazy site's fill before the folder goes
  BuiltSite(const BuiltSite&) = delete;
  BuiltSite& operator=(const BuiltSite&) = delete;

  std::filesystem::path root;  // canonical
  // `--lazy`: renders what a request needs before its file is read; null once built whole.
  std::shared_ptr<LazySite> lazy;
  std::shared_ptr<VersionFolders> folders;
  // The path of the site's baseurl ("/docs", or "" for none): the site is served below it, as
  // it is published, so that "/docs/guide/" is the folder's guide/index.html.
  std::string base_path;
};

struct ServedSnapshot {
  std::shared_ptr<const BuiltSite> site;  // null before the first build
  std::string build_errors;               // empty when the last build succeeded
};

class ServedSite {
 public:
  ServedSnapshot current() const;
  // After a successful build: serve `site`, clear the errors. Returns the site served until
  // now, so the caller chooses when its folder goes (after telling the tabs).
  [[nodiscard]] std::shared_ptr<const BuiltSite> switch_to(std::shared_ptr<const BuiltSite> site);
  // After a failed build: keep the site, show these errors.
  void set_errors(std::string errors);
  // When the server stops: drop the site (its folder goes with the last request).
  void clear();

 private:
  mutable std::mutex mutex_;
  ServedSnapshot now_;
};

}  // namespace bengal::serve
