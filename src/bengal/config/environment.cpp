#include "bengal/config/environment.hpp"

#include <cstdlib>

namespace bengal::config {

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

Environment choose_environment(std::string_view flag, const EnvLookup& lookup) {
  if (!flag.empty()) return {std::string(flag), "--environment", true};
  auto set = [&](std::string_view name) -> std::optional<std::string> {
    if (!lookup) return std::nullopt;
    auto v = lookup(name);
    if (!v || v->empty()) return std::nullopt;
    return v;
  };
  if (auto env = set("BENGAL_ENV")) return {*env, "BENGAL_ENV", true};
  // The variables the common CI and hosting services set on every build.
  for (const char* ci : {"CI", "GITHUB_ACTIONS", "NETLIFY", "VERCEL"})
    if (set(ci)) return {"production", ci, false};
  return {"local", "default", false};
}

std::string environment_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > 64) return "is longer than 64 characters";
  if (name.starts_with('.')) return "starts with '.'";
  for (char ch : name) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_' || ch == '.';
    if (!ok) return "may hold only letters, digits, '-', '_' and '.'";
  }
  return {};
}

}  // namespace bengal::config
