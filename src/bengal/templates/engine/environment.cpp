#include "bengal/templates/engine/environment.hpp"

#include "bengal/core/file_io.hpp"
#include "bengal/core/read_set.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/templates/engine/globals.hpp"
#include "bengal/templates/engine/parser.hpp"
#include "bengal/templates/engine/renderer.hpp"

namespace fs = std::filesystem;

namespace bengal::templates {
namespace {

bool autoescaped(std::string_view name) {
  return name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xml");
}

// A template name must stay inside the template folders.
bool safe_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    std::string_view seg = name.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace

void MemoryLoader::add(std::string name, std::string source, std::string display_path) {
  if (display_path.empty()) display_path = name;
  sources_[std::move(name)] = {std::move(source), std::move(display_path)};
}

std::optional<std::string> MemoryLoader::load(std::string_view name,
                                              std::string& display_path) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return std::nullopt;
  display_path = it->second.second;
  return it->second.first;
}

ChainLoader::ChainLoader(std::vector<fs::path> dirs, std::vector<std::string> display_dirs,
                         std::shared_ptr<const Loader> fallback, const fs::path& confine_to)
    : dirs_(std::move(dirs)),
      display_dirs_(std::move(display_dirs)),
      fallback_(std::move(fallback)) {
  std::error_code ec;
  if (!confine_to.empty()) confine_to_ = fs::weakly_canonical(confine_to, ec);
}

std::optional<std::string> ChainLoader::load(std::string_view name,
                                             std::string& display_path) const {
  if (!safe_name(name)) return std::nullopt;
  for (size_t i = 0; i < dirs_.size(); ++i) {
    std::string text, error;
    fs::path path = dirs_[i] / std::string(name);
    fs::path real;
    if (!confine_to_.empty() &&
        locate_site_file(path, confine_to_, real, error) != SiteFile::kInside)
      continue;
    if (read_file(path, text, error)) {
      display_path = (i < display_dirs_.size() ? display_dirs_[i] + "/" : "") + std::string(name);
      return text;
    }
  }
  return fallback_ ? fallback_->load(name, display_path) : std::nullopt;
}

Diagnostic template_error(const Template& t, uint32_t line, uint32_t column, std::string message) {
  // Show the offending line and a caret under the column.
  std::string_view src = t.source;
  size_t start = 0;
  for (uint32_t l = 1; l < line && start < src.size(); ++l) {
    size_t nl = src.find('\n', start);
    if (nl == std::string_view::npos) {
      start = src.size();
      break;
    }
    start = nl + 1;
  }
  size_t end = src.find('\n', start);
  std::string_view text =
      src.substr(start, (end == std::string_view::npos ? src.size() : end) - start);
  if (line > 0 && !text.empty()) {
    std::string caret(column > 0 ? column - 1 : 0, ' ');
    for (size_t i = 0; i < caret.size() && i < text.size(); ++i)
      if (text[i] == '\t') caret[i] = '\t';
    message += "\n    " + std::string(text) + "\n    " + caret + "^";
  }
  return make_error(t.name, line, column, std::move(message));
}

std::unique_ptr<Template> compile_template(std::string name, std::string source, Diagnostic& error,
                                           const Environment* env) {
  auto t = std::make_unique<Template>();
  t->autoescape = autoescaped(name);
  t->name = std::move(name);
  t->source = std::move(source);
  ParseError pe;
  if (!parse_template(*t, env, pe)) {
    error = template_error(*t, pe.line, pe.column, pe.message);
    return nullptr;
  }
  return t;
}

Environment::Environment(std::shared_ptr<const Loader> loader)
    : loader_(std::move(loader)), globals_(builtin_globals()) {}

void Environment::add_filter(std::string name, CustomFilter filter) {
  filters_[std::move(name)] = std::move(filter);
}

void Environment::add_test(std::string name, CustomTest test) {
  tests_[std::move(name)] = std::move(test);
}

const CustomFilter* Environment::custom_filter(std::string_view name) const {
  auto it = filters_.find(name);
  return it == filters_.end() ? nullptr : &it->second;
}

const CustomTest* Environment::custom_test(std::string_view name) const {
  auto it = tests_.find(name);
  return it == tests_.end() ? nullptr : &it->second;
}

std::vector<Diagnostic> Environment::compile_all(const std::vector<std::string>& names) const {
  std::vector<Diagnostic> errors;
  for (const auto& name : names) {
    Diagnostic error;
    if (get(name, error) == nullptr) errors.push_back(std::move(error));
  }
  return errors;
}

void Environment::set_global(std::string name, Value value) {
  for (auto& [k, v] : globals_) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  globals_.emplace_back(std::move(name), std::move(value));
}

void Environment::set_base_url(std::string baseurl, std::string base_path) {
  baseurl_ = std::move(baseurl);
  base_path_ = std::move(base_path);
}

bool Environment::exists(std::string_view name) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(name); it != cache_.end())
      return it->second.tpl != nullptr || it->second.error;
    if (missing_.contains(name)) return false;
  }
  std::string display;
  if (loader_->load(name, display)) return true;
  std::lock_guard lock(mutex_);
  missing_.emplace(name);
  return false;
}

std::optional<std::string> Environment::source(std::string_view name) const {
  std::string display;
  return loader_->load(name, display);
}

const Template* Environment::get(std::string_view name, Diagnostic& error) const {
  reads::template_read(name);
  std::lock_guard lock(mutex_);
  auto it = cache_.find(name);
  if (it == cache_.end()) {
    Entry entry;
    std::string display;
    std::optional<std::string> source = loader_->load(name, display);
    if (!source) {
      entry.error = make_error("", 0, 0, "template '" + std::string(name) + "' not found");
    } else {
      // Messages name the file as found ("templates/page.html"); lookups use the name.
      Diagnostic e;
      entry.tpl = compile_template(display, std::move(*source), e, this);
      if (entry.tpl) {
        entry.tpl->autoescape = autoescaped(name);
      } else {
        entry.error = std::move(e);
      }
    }
    it = cache_.emplace(std::string(name), std::move(entry)).first;
  }
  if (it->second.error) error = *it->second.error;
  return it->second.tpl.get();
}

bool Environment::render(std::string_view name, const Vars& vars, std::string& out,
                         Diagnostic& error) const {
  const Template* t = get(name, error);
  if (t == nullptr) return false;
  Renderer r(*this, out);
  if (r.render(*t, vars)) return true;
  error = r.error();
  return false;
}

bool Environment::render_source(std::string_view name, std::string source, const Vars& vars,
                                std::string& out, Diagnostic& error) const {
  std::unique_ptr<Template> t = compile_template(std::string(name), std::move(source), error, this);
  if (!t) return false;
  Renderer r(*this, out);
  if (r.render(*t, vars)) return true;
  error = r.error();
  return false;
}

}  // namespace bengal::templates
