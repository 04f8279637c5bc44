// Test helper: loads a page in headless Chromium (Debian's chromium package, installed by
// scripts/install-deps.sh) and returns the DOM after load and the page's console messages.
// Tests that need a browser: the build report's charts, the default theme's scripts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace bengal::test {

struct BrowserRun {
  int exit_code = -1;
  std::string dom;                   // the DOM after load, as --dump-dom prints it
  std::vector<std::string> console;  // the page's console messages
  std::string err;
};

bool chromium_installed();

constexpr const char* kChromiumInstallHint =
    "chromium is not installed; run scripts/install-deps.sh (CI installs it)";

// Loads `page` (a file) with a fresh profile; a browser still running after 30 s is stopped.
// Writes its profile, the DOM and stderr next to the page. The DOM is taken after the load
// event, or with virtual_time_ms > 0 once that much virtual time has passed (timers and
// promises of the page's scripts have run, without waiting in real time).
BrowserRun open_in_chromium(const std::filesystem::path& page, int virtual_time_ms = 0);

// The console lines of Chromium's stderr (see chromium.cpp for their format).
std::vector<std::string> console_lines(const std::string& err);

// The lines, each followed by "\n": for failure messages.
std::string joined(const std::vector<std::string>& lines);

}  // namespace bengal::test
