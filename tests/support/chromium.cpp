#include "chromium.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
// With --enable-logging=stderr, Chromium writes each console message of the page - log, warn,
// error and uncaught exceptions alike, all at INFO level - as one stderr line:
//   [4939:4939:1130/102903.103469:INFO:CONSOLE:1] "Uncaught ReferenceError: f is not defined",
//   source: file:///tmp/x.html (1)
// (releases before ~2024 wrote "CONSOLE(1)"). Chromium also reports an SVG attribute it cannot
// parse there ("Error: <rect> attribute width: Expected length, "nan"."), so a chart with a
// NaN or a negative size fails too. The rest of stderr is the browser's own noise (D-Bus, GPU)
// in a container.
std::vector<std::string> console_lines(const std::string& err) {
  static const std::regex console(R"(:CONSOLE[:(]\d+)");
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, console)) lines.push_back(line);
  return lines;
}

bool chromium_installed() {
  return std::system("command -v chromium >/dev/null 2>&1") == 0;
}

BrowserRun open_in_chromium(const fs::path& page, int virtual_time_ms) {
  fs::path dir = page.parent_path();
  std::string budget =
      virtual_time_ms > 0 ? "--virtual-time-budget=" + std::to_string(virtual_time_ms) + " " : "";
  std::string cmd =
      "timeout 30 chromium --headless --no-sandbox --disable-gpu "
      "--enable-logging=stderr --v=0 " +
      budget + "--user-data-dir=" + shell_quote((dir / "profile").string()) + " --dump-dom " +
      shell_quote("file://" + page.string()) + " >" + shell_quote((dir / "dom").string()) + " 2>" +
      shell_quote((dir / "stderr").string());
  int status = std::system(cmd.c_str());
  BrowserRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.dom = read_file(dir / "dom");
  run.err = read_file(dir / "stderr");
  run.console = console_lines(run.err);
  return run;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace bengal::test
