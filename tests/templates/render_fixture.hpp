// Test helper: an Environment over an in-memory loader, rendering to a string or to
// "ERROR: file:line:col: error: ..." so that tests compare one string either way.
#pragma once

#include <memory>
#include <string>

#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates::test {

struct Fixture {
  std::shared_ptr<MemoryLoader> loader = std::make_shared<MemoryLoader>();
  Environment env{loader};

  std::string render(const std::string& name, const Vars& vars = {}) {
    std::string out;
    Diagnostic error;
    if (!env.render(name, vars, out, error)) return "ERROR: " + error.format();
    return out;
  }
};

// Renders `source` as "t.txt" (no autoescape) or the given name.
inline std::string render(const std::string& source, const Vars& vars = {},
                          const std::string& name = "t.txt") {
  Fixture f;
  f.loader->add(name, source);
  return f.render(name, vars);
}

}  // namespace bengal::templates::test
