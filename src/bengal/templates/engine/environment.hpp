// The template engine's entry point: where templates come from, what every template sees, and
// rendering. Templates compile once (on first use or by compile()) into an immutable tree that
// any number of threads render at the same time.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bengal/core/diagnostic.hpp"
#include "bengal/templates/engine/ast.hpp"
#include "bengal/templates/engine/fragment_cache.hpp"
#include "bengal/templates/engine/value.hpp"

namespace bengal::templates {

// Finds template sources by name ("page.html", "partials/nav.html").
class Loader {
 public:
  virtual ~Loader() = default;
  // The source, and in `display_path` the path shown in messages; nullopt when not found.
  virtual std::optional<std::string> load(std::string_view name,
                                          std::string& display_path) const = 0;
};

// Templates held in memory: tests and the built-in theme.
class MemoryLoader : public Loader {
 public:
  void add(std::string name, std::string source, std::string display_path = "");
  std::optional<std::string> load(std::string_view name, std::string& display_path) const override;

 private:
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> sources_;
};

// Folders searched in order, then an optional fallback loader: a site's templates/ overrides
// its theme's, which overrides the built-in theme.
class ChainLoader : public Loader {
 public:
  // With `confine_to` (a site folder), a file whose real path leaves it (through a symlink)
  // or is hidden there is not read, as if it did not exist (core/source_tree.hpp).
  ChainLoader(std::vector<std::filesystem::path> dirs, std::vector<std::string> display_dirs,
              std::shared_ptr<const Loader> fallback, const std::filesystem::path& confine_to = {});
  std::optional<std::string> load(std::string_view name, std::string& display_path) const override;

 private:
  std::vector<std::filesystem::path> dirs_;
  std::vector<std::string> display_dirs_;
  std::shared_ptr<const Loader> fallback_;
  std::filesystem::path confine_to_;  // canonical; empty: no confinement
};

using Vars = std::vector<std::pair<std::string, Value>>;

// Limit on nested include, extends, macro and block calls: deeper is an error, not a crash.
inline constexpr int kMaxRenderDepth = 64;
// Statements and expressions being evaluated at once in one render, across macros, includes,
// blocks and recursive loops: each costs a stack frame, so past this the render fails with an
// error instead of overflowing the stack.
inline constexpr int kMaxRenderFrames = 1000;
// Text that one operation builds from small inputs ('x' * n, replace, join, indent): beyond
// this it is an error, so a few bytes of template cannot ask for gigabytes.
inline constexpr size_t kMaxBuiltBytes = size_t{64} << 20;

// Work one render may do, so that a few lines of template cannot run for hours or fill the
// memory: loops inside loops multiply, and a macro calling itself twice a level doubles at
// each of its 64 levels. A real page's templates take thousands of steps and a list of every
// page of a million-page site some tens of millions.
struct RenderLimits {
  // Statements and expressions evaluated, across includes, macros and loops.
  uint64_t steps = 200'000'000;
  // Text written, into the page or into a block, macro or {% set %} being captured.
  size_t output_bytes = size_t{1} << 30;
};

// Holds everything templates share: the loader, globals, custom filters and tests, host hooks,
// and the compiled templates. Configure it first (set_global, add_filter, ...), then render from
// any number of threads: rendering only reads it, apart from the locked compile-once cache.
class Environment {
 public:
  explicit Environment(std::shared_ptr<const Loader> loader);

  // Values and functions every template sees (url_for, site, ...). Set before rendering. The
  // Jinja2 built-ins range, dict, namespace, cycler and joiner are there from the start.
  void set_global(std::string name, Value value);
  const Vars& globals() const { return globals_; }
  // Filters and tests of the host, resolved when templates compile (so register them before
  // the first render); they take precedence over built-ins of the same name.
  void add_filter(std::string name, CustomFilter filter);
  void add_test(std::string name, CustomTest test);
  const CustomFilter* custom_filter(std::string_view name) const;
  const CustomTest* custom_test(std::string_view name) const;
  // Host hooks for the filters that need the site: markdownify, absolute_url, relative_url.
  void set_markdown(std::function<std::string(std::string_view)> render) {
    markdown_ = std::move(render);
  }
  void set_base_url(std::string baseurl, std::string base_path);
  const std::function<std::string(std::string_view)>& markdown() const { return markdown_; }
  const std::string& baseurl() const { return baseurl_; }
  const std::string& base_path() const { return base_path_; }
  // --strict-templates: an undefined variable or a missing attribute or key is an error
  // (file:line:col) instead of rendering as nothing, except where a template asks whether it
  // exists (`is defined`, `??`, `?.`, `default`). Set before rendering.
  void set_strict_undefined(bool strict) { strict_undefined_ = strict; }
  bool strict_undefined() const { return strict_undefined_; }
  void set_render_limits(RenderLimits limits) { limits_ = limits; }
  const RenderLimits& render_limits() const { return limits_; }
  // The {% cache %} fragments of this Environment, that is of one build.
  FragmentCache& fragments() const { return fragments_; }

  // True when the loader has the template (it may still fail to compile).
  bool exists(std::string_view name) const;
  // The template's source as the loader finds it now (incremental builds compare its digest).
  std::optional<std::string> source(std::string_view name) const;
  // Compiles a template once; later calls return the same tree. nullptr with `error` set when
  // it is missing or has a syntax error. Thread-safe.
  const Template* get(std::string_view name, Diagnostic& error) const;
  // Compiles each of `names` now, so syntax errors surface before any page renders. Returns
  // the errors, one per template that is missing or does not compile.
  std::vector<Diagnostic> compile_all(const std::vector<std::string>& names) const;

  // Renders `name` with `vars`, appending to `out`. On error returns false and fills `error`
  // (file, line, column, and the offending line in the message); `out` may hold partial output.
  bool render(std::string_view name, const Vars& vars, std::string& out, Diagnostic& error) const;
  // The same for a template compiled from a string (tests, `markdownify`-style one-offs).
  bool render_source(std::string_view name, std::string source, const Vars& vars, std::string& out,
                     Diagnostic& error) const;

 private:
  struct Entry {
    std::unique_ptr<Template> tpl;
    std::optional<Diagnostic> error;
  };
  std::shared_ptr<const Loader> loader_;
  Vars globals_;
  std::function<std::string(std::string_view)> markdown_;
  std::string baseurl_, base_path_;
  bool strict_undefined_ = false;
  RenderLimits limits_;
  mutable FragmentCache fragments_;
  // std::map: the compiled trees point at these entries, so they must never move.
  std::map<std::string, CustomFilter, std::less<>> filters_;
  std::map<std::string, CustomTest, std::less<>> tests_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Entry, std::less<>> cache_;
  // Names exists() did not find: every page asks for its section's layout, which most sites
  // do not have, and each miss looked in every template folder. An Environment serves one
  // build, which sees the templates as they were when it asked first.
  mutable std::set<std::string, std::less<>> missing_;
};

// Compiles `source` as template `name`: tests and error checks without a loader. `env`, when
// given, supplies custom filters and tests.
std::unique_ptr<Template> compile_template(std::string name, std::string source, Diagnostic& error,
                                           const Environment* env = nullptr);

// "name:line:col: error: message" plus the source line and a caret under the column.
Diagnostic template_error(const Template& t, uint32_t line, uint32_t column, std::string message);

}  // namespace bengal::templates
