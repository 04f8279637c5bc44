#include "bengal/output/output_folder.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "bengal/core/source_tree.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : out;
}

// How `out` overlaps `folder` ("is", "is inside", "contains"), or empty.
std::string_view overlap(const fs::path& out, const fs::path& folder) {
  if (out == folder) return "is";
  if (is_within_folder(out, folder)) return "is inside";
  if (is_within_folder(folder, out)) return "contains";
  return {};
}

}  // namespace

std::optional<Diagnostic> check_output_folder(const fs::path& site_dir,
                                              const config::SiteConfig& config,
                                              const std::optional<fs::path>& command_line) {
  fs::path site = resolved(site_dir);
  fs::path out = resolved(command_line ? *command_line : site_dir / config.output_dir);
  struct Source {
    std::string_view what;
    std::string rel;
  };
  std::vector<Source> sources = {{"the content folder", config.content_dir},
                                 {"the static folder", "static"},
                                 {"the templates folder", "templates"},
                                 {"the data folder", "data"},
                                 {"the themes folder", "themes"}};
  std::string problem;
  if (std::string_view how = overlap(out, site); how == "is" || how == "contains") {
    problem = fmt::format("{} the site folder", how);
  }
  for (const auto& s : sources) {
    if (!problem.empty()) break;
    if (std::string_view how = overlap(out, resolved(site_dir / s.rel)); !how.empty())
      problem = fmt::format("{} {} ({}/)", how, s.what, s.rel);
  }
  if (command_line) {
    if (problem.empty()) return std::nullopt;
    return make_error("", 0, 0,
                      fmt::format("the output folder {} {} of the site {}: building would "
                                  "write into the site's sources; pass a folder of its own to -o",
                                  command_line->string(), problem, site_dir.string()));
  }
  config::SourcePlace at = config.document.value_place_of("build.output_dir");
  if (!problem.empty()) {
    return make_error(at.file, at.line, at.column,
                      fmt::format("[build] output_dir \"{}\" {}: building would write into the "
                                  "site's sources; choose a folder of its own, such as \"public\"",
                                  config.output_dir, problem));
  }
  // The value has no ".." (config.cpp), but a symlink in the site can still lead away.
  if (!is_within_folder(out, site)) {
    return make_error(
        at.file, at.line, at.column,
        fmt::format("[build] output_dir \"{}\" leads to {}, outside the site folder; remove the "
                    "symlink, or pass a trusted output folder with -o",
                    config.output_dir, out.string()));
  }
  return std::nullopt;
}

}  // namespace bengal::output
