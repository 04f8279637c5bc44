// Which environment a config directory is built for (config/environments/<env>.yaml): the
// --environment option, else BENGAL_ENV, else "production" on a CI service, else "local".
// The process environment is read through a function so that tests do not depend on the
// machine they run on (CI services set CI=true).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace bengal::config {

// Looks up an environment variable; nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The real process environment (std::getenv).
EnvLookup process_environment();

struct Environment {
  std::string name;
  // What chose it, for messages and `bengal config show`: "--environment", "BENGAL_ENV",
  // "CI" (or the variable that gave it away, such as "GITHUB_ACTIONS") or "default".
  std::string source;
  // Asked for by name (--environment or BENGAL_ENV): a missing file for it is worth a warning,
  // while the CI and local defaults need no file.
  bool explicit_choice = false;
};

// `flag` is the --environment value, empty when not given. A variable set to the empty
// string counts as unset.
Environment choose_environment(std::string_view flag, const EnvLookup& lookup);

// Why `name` cannot name an environment file (it must be a plain file name: letters, digits,
// '-', '_' and '.', not starting with '.'), or empty when it can.
std::string environment_name_problem(std::string_view name);

}  // namespace bengal::config
