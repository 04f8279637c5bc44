#include "bengal/config/config_dir.hpp"

#include <fmt/format.h>

#include "bengal/config/config.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/core/source_tree.hpp"

namespace fs = std::filesystem;

namespace bengal::config {
namespace {

bool is_config_file_name(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".toml");
}

struct DirReader {
  const fs::path& site_dir;
  fs::path root;  // site_dir, absolute and canonical, for the symlink checks
  ConfigDirResult& result;

  void error(std::string file, std::string message) {
    result.diagnostics.push_back(make_error(std::move(file), 0, 0, std::move(message)));
    result.ok = false;
  }

  // Reads `path` (shown as `display`) and merges it on top of what was read so far.
  void merge_file(const fs::path& path, const std::string& display) {
    std::string text, why;
    if (!read_file(path, text, why)) {
      error(display, "cannot read config: " + why + "; check that the file is readable");
      return;
    }
    std::optional<Document> doc =
        read_config_text(text, display, config_format(display), result.diagnostics);
    if (!doc) {
      result.ok = false;
      return;
    }
    merge_document(result.document, *doc);
  }

  void read_defaults() {
    Diagnostics listing;
    std::vector<std::string> files =
        list_source_files(site_dir / "config/_default", "config/_default", {root, false}, listing);
    for (auto& d : listing.sorted()) result.diagnostics.push_back(std::move(d));
    size_t read = 0;
    for (const auto& rel : files) {
      // Only the folder's own files, as Bengal reads it; sorted by name already.
      if (rel.find('/') != std::string::npos || !is_config_file_name(rel)) continue;
      std::string display = "config/_default/" + rel;
      if (++read > kMaxConfigDirFiles) {
        result.diagnostics.push_back(make_warning(
            display, 0, 0,
            fmt::format("ignored: config/_default/ holds more than {} config files; merge some "
                        "of them",
                        kMaxConfigDirFiles)));
        continue;
      }
      merge_file(site_dir / "config/_default" / rel, display);
    }
  }

  void read_environment(const Environment& env) {
    if (std::string problem = environment_name_problem(env.name); !problem.empty()) {
      error("", fmt::format("environment \"{}\" (from {}) {}; name a file of "
                            "config/environments/ without its extension, such as production",
                            env.name, env.source, problem));
      return;
    }
    for (const char* ext : {".yaml", ".yml", ".toml"}) {
      std::string display = "config/environments/" + env.name + ext;
      fs::path path = site_dir / display, real;
      std::string why;
      switch (locate_site_file(path, root, real, why)) {
        case SiteFile::kMissing:
          continue;
        case SiteFile::kInside:
          merge_file(path, display);
          return;
        case SiteFile::kOutside:
        case SiteFile::kHidden:
          error(display, fmt::format("leads to {}, outside the site or hidden; make it a file "
                                     "of the site",
                                     real.string()));
          return;
        case SiteFile::kUnreadable:
          error(display, "cannot read config: " + why + "; check that the file is readable");
          return;
      }
    }
    // The CI and local defaults need no file; a name asked for probably should have one.
    if (!env.explicit_choice) return;
    result.diagnostics.push_back(make_warning(
        "config/environments/" + env.name + ".yaml", 0, 0,
        fmt::format("no such file: environment \"{}\" (from {}) has no settings of its own; "
                    "create the file or choose another environment",
                    env.name, env.source)));
  }
};

}  // namespace

ConfigDirResult read_config_dir(const fs::path& site_dir, const Environment& env) {
  ConfigDirResult result;
  result.document.root = Value::table();
  result.document.files = {"config"};
  result.document.first_line = 0;  // keys no file set are named by the folder alone
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(site_dir, ec), ec);
  DirReader reader{site_dir, root, result};
  fs::path real;
  std::string why;
  SiteFile config = locate_site_file(site_dir / "config", root, real, why);
  if (config == SiteFile::kOutside || config == SiteFile::kHidden) {
    reader.error("config", fmt::format("leads to {}, outside the site or hidden; make it a "
                                       "folder of the site",
                                       real.string()));
    return result;
  }
  reader.read_defaults();
  reader.read_environment(env);
  return result;
}

bool has_config_dir(const fs::path& site_dir) {
  std::error_code ec;
  return fs::is_directory(site_dir / "config", ec);
}

}  // namespace bengal::config
