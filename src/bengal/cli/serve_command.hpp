// `bengal serve`: runs the preview server (serve/dev_server.hpp) until Ctrl-C or SIGTERM,
// printing what it does on stderr.
#pragma once

#include "bengal/serve/dev_server.hpp"

namespace bengal::cli {

// Exit code: 0 after a clean stop, 1 when the server could not start.
int run_serve(const serve::ServeOptions& options);

}  // namespace bengal::cli
