// An in-process build of a site folder into any output folder, with the messages the user
// would see: for tests that build one site several times, warm and cold, into several folders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bengal/pipeline/build.hpp"
#include "diagnostics.hpp"

namespace bengal::test {

struct BuildRun {
  report::BuildStats stats;
  std::vector<std::string> messages;  // sorted, as formatted for the user
};

inline BuildRun build_into(const std::filesystem::path& site, const std::filesystem::path& out,
                           pipeline::BuildOptions options = {}) {
  options.site_dir = site;
  options.output_dir = out;
  Diagnostics diagnostics;
  BuildRun run;
  run.stats = pipeline::build_site(options, diagnostics).stats;
  run.messages = formatted(diagnostics.sorted());
  return run;
}

}  // namespace bengal::test
