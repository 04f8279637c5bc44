// The ServeOptions of the HTTP tests: any free port of 127.0.0.1, a fresh work folder, a short
// quiet period and two threads.
#pragma once

#include <chrono>
#include <filesystem>

#include "../support/run.hpp"
#include "bengal/serve/dev_server.hpp"

namespace bengal::serve {

inline ServeOptions test_serve_options(const std::filesystem::path& site) {
  ServeOptions options;
  options.site_dir = site;
  options.port = 0;
  options.work_parent = test::fresh_temp_dir("-work");
  options.quiet = std::chrono::milliseconds(50);
  options.threads = 2;
  return options;
}

}  // namespace bengal::serve
