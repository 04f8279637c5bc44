// The command line: parses arguments, runs a command, prints its result. The only place that
// reads argv or writes to the terminal.
#pragma once

namespace bengal::cli {

// Runs `bengal ARGS...`; returns the process exit code.
int run(int argc, char** argv);

}  // namespace bengal::cli
