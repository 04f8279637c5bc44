#include "bengal/config/config.hpp"

#include "bengal/config/config_dir.hpp"
#include "bengal/config/config_values.hpp"
#include "bengal/config/languages.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bengal/core/file_io.hpp"
#include "bengal/core/utf8.hpp"

namespace fs = std::filesystem;

namespace bengal::config {
namespace {

// kAny: accepted without a check because bengal does not use the key (Bengal does); such a key
// must not warn, or a Bengal site would build with a warning per key.
enum class Kind { kString, kBool, kInt, kBoolOrAuto, kAny };

struct KeySpec {
  std::string_view name;
  Kind kind;
  int64_t min = 0;  // for kInt
};

// A top-level key: a section (a table) or, for `scalar`, a single value.
struct SectionSpec {
  std::string_view name;
  std::vector<KeySpec> keys;  // checked keys; unused when !checked
  bool checked = true;        // false: any keys, kept in `raw` for a later stage to read
  bool scalar = false;        // a top-level value such as `template_engine: kida`
  bool listed = true;         // false: Bengal's, accepted but not offered in messages
};

const std::vector<SectionSpec>& sections() {
  static const std::vector<SectionSpec> kSections = {
      {"site",
       {{"title", Kind::kString},
        {"baseurl", Kind::kString},
        {"description", Kind::kString},
        {"language", Kind::kString},
        // A multilingual site's (languages.hpp), with Hugo's names for them.
        {"default_language", Kind::kString},
        {"default_language_in_subdir", Kind::kBool},
        {"defaultContentLanguage", Kind::kAny},  // checked by languages.cpp, not offered
        {"defaultContentLanguageInSubdir", Kind::kAny},
        {"logo_text", Kind::kString},
        // Read by the default theme through site.config.site (head and page footer).
        {"favicon", Kind::kString},
        {"og_image", Kind::kString},
        {"github_edit_base", Kind::kString},
        {"default_content_type", Kind::kAny}}},
      {"build",
       {{"content_dir", Kind::kString},
        {"output_dir", Kind::kString},
        {"theme", Kind::kString},
        {"follow_external_symlinks", Kind::kBool},
        {"drafts", Kind::kBool},
        {"memory_optimized", Kind::kBoolOrAuto},
        {"streaming_threshold", Kind::kInt, 0},
        {"batch_size", Kind::kInt, 1},
        {"memory_limit", Kind::kString},
        {"threads", Kind::kInt, 0},
        {"hot_percent", Kind::kInt, 0},
        {"cache_size_mb", Kind::kInt, 0},
        {"unchecked_paths", Kind::kAny},
        {"parallel", Kind::kAny},
        {"incremental", Kind::kAny},
        {"max_workers", Kind::kAny},
        {"strict_mode", Kind::kAny}}},
      {"markdown",
       {{"unsafe", Kind::kBool},
        {"highlight", Kind::kBool},
        {"highlight_code", Kind::kBool},  // Zola's name for highlight
        {"highlight_style", Kind::kString},
        {"heading_ids", Kind::kString},
        {"smart_punctuation", Kind::kBool},
        {"hard_wraps", Kind::kBool},
        {"alerts", Kind::kBool},
        {"github_alerts", Kind::kBool},  // Zola's name for alerts
        {"definition_lists", Kind::kBool},
        {"block_attributes", Kind::kBool},
        {"lazy_async_image", Kind::kBool},
        {"bottom_footnotes", Kind::kBool},  // Zola's: bengal's footnotes are at the bottom
        {"external_links_target_blank", Kind::kBool},
        {"external_links_no_follow", Kind::kBool},
        {"external_links_no_referrer", Kind::kBool},
        {"parser", Kind::kAny}}},
      {"params", {}, false},
      {"languages", {}, false},  // languages.cpp checks it
      {"taxonomies", {}, false},
      {"menu", {}, false},
      // Zola's t() strings of the (default) language; render_context.cpp reads them.
      {"translations", {}, false},
      {"pagination", {}, false},
      {"permalinks", {}, false},
      {"features", {}, false},
      {"search", {}, false},
      {"feeds", {{"full_content", Kind::kBool}, {"limit", Kind::kInt, 0}}},
      {"related", {}, false},
      {"outputs", {}, false},
      // Read by the link resolver: external_refs.templates.<project>.
      {"external_refs", {}, false},
      // What Bengal's own sites configure for features bengal does not have (or has under
      // another name): accepted, so that such a site builds without a warning per section.
      {"assets", {}, false, false, false},
      {"autodoc", {}, false, false, false},
      {"build_badge", {}, false, false, false},
      {"capabilities", {}, false, false, false},
      {"content", {}, false, false, false},
      {"dev_server", {}, false, false, false},
      {"fonts", {}, false, false, false},
      {"header", {}, false, false, false},
      {"health_check", {}, false, false, false},
      {"html_output", {}, false, false, false},
      {"i18n", {}, false, false, false},
      {"link_previews", {}, false, false, false},
      {"output_formats", {}, false, false, false},
      {"social_cards", {}, false, false, false},
      {"theme", {}, false, false, false},
      {"versioning", {}, false, false, false},
      {"template_engine", {}, false, true, false},
  };
  return kSections;
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kString:
      return "a string";
    case Kind::kBool:
      return "true or false";
    case Kind::kInt:
      return "an integer";
    case Kind::kBoolOrAuto:
      return "true, false or \"auto\"";
    case Kind::kAny:
      return "any value";
  }
  return "";
}

bool matches(Kind k, const Value& v) {
  switch (k) {
    case Kind::kString:
      return v.is_string();
    case Kind::kBool:
      return v.is_bool();
    case Kind::kInt:
      return v.is_int();
    case Kind::kBoolOrAuto:
      return v.is_bool() || (v.is_string() && v.as_string() == "auto");
    case Kind::kAny:
      return true;
  }
  return false;
}

// Levenshtein distance, for "did you mean" on misspelt names.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The closest of `names` to `name` when it is a plausible typo (at most two edits, and
// fewer than half the name); empty otherwise.
template <typename Names, typename Get>
std::string_view closest(std::string_view name, const Names& names, Get get) {
  std::string_view best;
  size_t best_distance = 3;
  for (const auto& n : names) {
    size_t d = edit_distance(name, get(n));
    if (d < best_distance && 2 * d < name.size()) {
      best = get(n);
      best_distance = d;
    }
  }
  return best;
}

template <typename Names, typename Get>
std::string join(const Names& names, Get get) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += get(n);
  }
  return out;
}

// A theme is a folder of themes/: one plain, visible name.
std::string theme_problem(std::string_view theme) {
  if (theme.empty()) return {};
  if (theme.find('/') != std::string_view::npos || theme.find('\\') != std::string_view::npos ||
      theme.starts_with('.'))
    return "is not the name of a folder in themes/; write a name";
  return {};
}

// Checks the merged document once, so that a key set in several files of a config directory
// is reported once, at the file that set it last.
struct ConfigReader {
  ConfigResult& result;
  const Document& doc;

  void error(const SourcePlace& at, std::string message) {
    result.diagnostics.push_back(make_error(at.file, at.line, at.column, std::move(message)));
    result.ok = false;
  }
  void warning(const SourcePlace& at, std::string message) {
    result.diagnostics.push_back(make_warning(at.file, at.line, at.column, std::move(message)));
  }

  void section(const SectionSpec& spec, const std::string& name, const Value& table) {
    for (const auto& [key, v] : table.as_table()) {
      std::string path = name + "." + key;
      auto it = std::find_if(spec.keys.begin(), spec.keys.end(),
                             [&key = key](const KeySpec& k) { return k.name == key; });
      if (it == spec.keys.end()) {
        // Keys bengal only accepts (Bengal's) are not offered.
        std::vector<std::string_view> offered;
        for (const auto& k : spec.keys)
          if (k.kind != Kind::kAny) offered.push_back(k.name);
        auto get = [](std::string_view n) { return n; };
        std::string_view guess = closest(key, offered, get);
        warning(doc.place_of(path),
                fmt::format("unknown key '{}' in [{}] is ignored; {}known keys: {}", key, name,
                            guess.empty() ? "" : fmt::format("did you mean '{}'? ", guess),
                            join(offered, get)));
        continue;
      }
      if (!matches(it->kind, v)) {
        error(doc.value_place_of(path), fmt::format("[{}] {} must be {}, not {}", name, key,
                                                    kind_name(it->kind), v.type_name()));
        continue;
      }
      if (it->kind == Kind::kInt && v.as_int() < it->min) {
        error(doc.value_place_of(path),
              fmt::format("[{}] {} must be {} or more, not {}", name, key, it->min, v.as_int()));
        continue;
      }
      apply(name, key, v, path);
    }
  }

  void apply(std::string_view section, std::string_view key, const Value& v,
             const std::string& path) {
    if (section == "site") apply_site(key, v, path);
    if (section == "build") apply_build(key, v, path);
    if (section == "markdown") apply_markdown(key, v, path);
  }

  void apply_site(std::string_view key, const Value& v, const std::string& path) {
    SiteConfig& c = result.config;
    if (key == "title") c.title = v.as_string();
    if (key == "logo_text") c.logo_text = v.as_string();
    if (key == "baseurl" && !set_baseurl(c, v.as_string())) {
      warning(doc.value_place_of(path),
              fmt::format("[site] baseurl \"{}\" is neither an absolute URL nor a path; write "
                          "it as https://{}",
                          v.as_string(), v.as_string()));
    }
    if (key == "description") c.description = v.as_string();
    if (key == "language") c.language = v.as_string();
  }

  void apply_build(std::string_view key, const Value& v, const std::string& path) {
    SiteConfig& c = result.config;
    if (key == "content_dir") set_folder(c.content_dir, key, v.as_string(), path);
    if (key == "output_dir") set_folder(c.output_dir, key, v.as_string(), path);
    if (key == "theme") set_folder(c.theme, key, v.as_string(), path);
    if (key == "follow_external_symlinks") c.follow_external_symlinks = v.as_bool();
    if (key == "drafts") c.drafts = v.as_bool();
    if (key == "memory_optimized") c.memory_policy = memory_policy(v);
    if (key == "streaming_threshold") c.streaming_threshold = v.as_int();
    if (key == "batch_size") c.batch_size = v.as_int();
    if (key == "memory_limit") set_memory_limit(v.as_string(), path);
    if (key == "threads") c.threads = v.as_int();
    if (key == "hot_percent") set_hot_percent(v.as_int(), path);
    if (key == "cache_size_mb") c.cache_size_mb = v.as_int();
    if (key == "unchecked_paths") set_unchecked_paths(v, path);
  }

  // A list of site paths ("/api/"); anything else is reported and leaves the list as it was.
  void set_unchecked_paths(const Value& v, const std::string& path) {
    std::vector<std::string> paths;
    bool good = v.is_array();
    for (size_t i = 0; good && i < v.as_array().size(); ++i) {
      const Value& item = v.as_array()[i];
      good = item.is_string() && item.as_string().starts_with('/');
      if (good) paths.push_back(item.as_string());
    }
    if (!good) {
      warning(doc.value_place_of(path),
              "[build] unchecked_paths must be a list of site paths, such as [\"/api/\"]; "
              "it is ignored");
      return;
    }
    result.config.unchecked_paths = std::move(paths);
  }

  static MemoryPolicy memory_policy(const Value& v) {
    if (!v.is_bool()) return MemoryPolicy::kAuto;
    return v.as_bool() ? MemoryPolicy::kStreaming : MemoryPolicy::kFull;
  }

  // content_dir and output_dir are folders of the site, theme a folder of themes/; a bad one
  // keeps the default, which the error offers as an example.
  void set_folder(std::string& value, std::string_view key, const std::string& folder,
                  const std::string& path) {
    bool theme = key == "theme";
    std::string problem = theme ? theme_problem(folder) : site_folder_problem(folder);
    if (problem.empty()) {
      value = theme ? folder : normal_folder(folder);
      return;
    }
    error(doc.value_place_of(path),
          fmt::format("[build] {} \"{}\" {}, such as \"{}\"", key, folder, problem, value));
  }

  void set_memory_limit(const std::string& limit, const std::string& path) {
    auto bytes = parse_byte_size(limit);
    if (!bytes) {
      error(doc.value_place_of(path),
            fmt::format("[build] memory_limit must be a size such as \"512MB\" or \"2GB\", "
                        "not \"{}\"",
                        limit));
      return;
    }
    result.config.memory_limit = limit;
    result.config.memory_limit_bytes = *bytes;
  }

  void set_hot_percent(int64_t percent, const std::string& path) {
    if (percent > 100) {
      error(doc.value_place_of(path),
            fmt::format("[build] hot_percent must be 0 to 100, not {}", percent));
      return;
    }
    result.config.hot_percent = percent;
  }

  void apply_markdown(std::string_view key, const Value& v, const std::string& path) {
    SiteConfig& c = result.config;
    if (key == "unsafe") c.markdown_unsafe = v.as_bool();
    if (key == "highlight" || key == "highlight_code") c.markdown_highlight = v.as_bool();
    if (key == "smart_punctuation") c.markdown_smart_punctuation = v.as_bool();
    if (key == "hard_wraps") c.markdown_hard_wraps = v.as_bool();
    if (key == "alerts" || key == "github_alerts") c.markdown_alerts = v.as_bool();
    if (key == "definition_lists") c.markdown_definition_lists = v.as_bool();
    if (key == "block_attributes") c.markdown_block_attributes = v.as_bool();
    if (key == "lazy_async_image") c.markdown_lazy_images = v.as_bool();
    if (key == "bottom_footnotes" && !v.as_bool()) {
      warning(doc.value_place_of(path),
              "[markdown] bottom_footnotes = false is not followed: bengal writes footnotes at "
              "the bottom of the page, as GitHub does; remove the key");
    }
    if (key == "external_links_target_blank") c.external_links_target_blank = v.as_bool();
    if (key == "external_links_no_follow") c.external_links_no_follow = v.as_bool();
    if (key == "external_links_no_referrer") c.external_links_no_referrer = v.as_bool();
    if (key != "highlight_style") return;
    const std::string& style = v.as_string();
    if (style == "semantic" || style == "pygments") {
      c.markdown_highlight_style = style;
      return;
    }
    error(doc.value_place_of(path),
          fmt::format("[markdown] highlight_style must be \"semantic\" or \"pygments\", "
                      "not \"{}\"",
                      style));
  }

  void unknown_section(const std::string& name, const Value& v) {
    auto get = [](const SectionSpec& s) { return s.name; };
    std::vector<std::string_view> names;
    for (const auto& spec : sections())
      if (spec.listed) names.push_back(spec.name);
    std::string known = join(names, [](std::string_view n) { return n; });
    if (!v.is_table()) {
      // Hugo puts title and baseurl at the top level; say where they go here.
      for (const auto& s : sections()) {
        for (const auto& k : s.keys) {
          if (k.name == name) {
            warning(doc.place_of(name),
                    fmt::format("unknown top-level key '{}' is ignored; move it into the [{}] "
                                "section",
                                name, s.name));
            return;
          }
        }
      }
      warning(doc.place_of(name),
              fmt::format("unknown top-level key '{}' is ignored; keys belong in a section: {}",
                          name, known));
      return;
    }
    std::string_view guess = closest(name, sections(), get);
    warning(doc.value_place_of(name),
            fmt::format("unknown section [{}] is ignored; {}known sections: {}", name,
                        guess.empty() ? "" : fmt::format("did you mean [{}]? ", guess), known));
  }

  void read() {
    for (const auto& [name, value] : doc.root.as_table()) {
      auto spec = std::find_if(sections().begin(), sections().end(),
                               [&name = name](const SectionSpec& s) { return s.name == name; });
      if (spec == sections().end()) {
        unknown_section(name, value);
        continue;
      }
      if (value.is_null() || spec->scalar) continue;  // YAML "site:" with nothing under it
      if (!value.is_table()) {
        error(doc.value_place_of(name),
              fmt::format("[{}] must be a table, not {}", name, value.type_name()));
        continue;
      }
      if (spec->checked) section(*spec, name, value);
      if (name == "theme") read_theme(value);
    }
  }

  // [theme] holds whatever a theme reads, so only the keys bengal uses are checked.
  void read_theme(const Value& table) {
    const Value* cap = table.find("nav_cap");
    if (cap == nullptr) return;
    if (!cap->is_int() || cap->as_int() < 1) {
      error(doc.value_place_of("theme.nav_cap"),
            fmt::format("[theme] nav_cap must be an integer, 1 or more, such as 30; not {}",
                        cap->is_int() ? std::to_string(cap->as_int()) : cap->type_name()));
      return;
    }
    result.config.nav_cap = cap->as_int();
  }
};

}  // namespace

std::optional<uint64_t> parse_byte_size(std::string_view s) {
  uint64_t n = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(s[i] - '0');
  }
  if (i == 0) return std::nullopt;
  if (i < s.size() && s[i] == ' ') ++i;
  std::string unit;
  for (; i < s.size(); ++i)
    unit += static_cast<char>(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
  static constexpr std::pair<std::string_view, int> kUnits[] = {
      {"", 0},    {"B", 0}, {"K", 1},  {"KB", 1},  {"KIB", 1}, {"M", 2},  {"MB", 2},
      {"MIB", 2}, {"G", 3}, {"GB", 3}, {"GIB", 3}, {"T", 4},   {"TB", 4}, {"TIB", 4}};
  for (const auto& [name, power] : kUnits) {
    if (unit != name) continue;
    for (int p = 0; p < power; ++p) {
      if (n > UINT64_MAX / 1024) return std::nullopt;
      n *= 1024;
    }
    return n;
  }
  return std::nullopt;
}

std::optional<Document> read_config_text(std::string_view text, std::string_view file,
                                         Format format, std::vector<Diagnostic>& diagnostics) {
  if (auto bad = find_invalid_utf8(text)) {
    diagnostics.push_back(
        make_error(std::string(file), bad->line, bad->column,
                   fmt::format("invalid UTF-8 byte 0x{:02x}; save the file as UTF-8", bad->byte)));
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte order mark
  Document doc = parse_document(text, format, file);
  if (doc.error) {
    diagnostics.push_back(*doc.error);
    return std::nullopt;
  }
  return doc;
}

Format config_format(std::string_view file_name) {
  return file_name.ends_with(".toml") ? Format::kToml : Format::kYaml;
}

ConfigResult read_config(Document document, std::string config_file) {
  ConfigResult result;
  SiteConfig& c = result.config;
  c.config_file = std::move(config_file);
  c.document = std::move(document);
  ConfigReader{result, c.document}.read();
  if (const Value* params = c.document.root.find("params"); params && params->is_table())
    c.params = *params;
  c.raw = c.document.root;
  read_languages(c, result.diagnostics, result.ok);
  return result;
}

ConfigResult parse_config(std::string_view text, std::string_view file_name, Format format) {
  std::vector<Diagnostic> diagnostics;
  std::optional<Document> doc = read_config_text(text, file_name, format, diagnostics);
  if (!doc) {
    ConfigResult result;
    result.config.config_file = std::string(file_name);
    result.diagnostics = std::move(diagnostics);
    result.ok = false;
    return result;
  }
  return read_config(std::move(*doc), std::string(file_name));
}

ConfigResult parse_config(std::string_view text, std::string_view file_name) {
  return parse_config(text, file_name, config_format(file_name));
}

namespace {

// The config files present in `site_dir`, in the order of preference.
std::vector<std::string> config_files(const fs::path& site_dir) {
  std::vector<std::string> found;
  for (const char* name : {"bengal.toml", "bengal.yaml", "bengal.yml"}) {
    std::error_code ec;
    if (fs::is_regular_file(site_dir / name, ec)) found.emplace_back(name);
  }
  return found;
}

ConfigResult load_config_file(const fs::path& site_dir, const std::vector<std::string>& found) {
  std::string text, error;
  if (!read_file(site_dir / found[0], text, error)) {
    ConfigResult r;
    r.ok = false;
    r.config.config_file = found[0];
    r.diagnostics.push_back(make_error(
        found[0], 0, 0, "cannot read config: " + error + "; check that the file is readable"));
    return r;
  }
  ConfigResult r = parse_config(text, found[0]);
  for (size_t i = 1; i < found.size(); ++i) {
    r.diagnostics.push_back(make_warning(
        found[i], 0, 0, "ignored: " + found[0] + " is used; keep only one config file"));
  }
  return r;
}

ConfigResult load_config_directory(const fs::path& site_dir, const LoadOptions& options,
                                   const std::vector<std::string>& beside) {
  Environment env = choose_environment(options.environment, options.lookup);
  ConfigDirResult dir = read_config_dir(site_dir, env);
  ConfigResult r;
  if (dir.ok) {
    r = read_config(std::move(dir.document), "config");
  } else {
    r.ok = false;
    r.config.config_file = "config";
  }
  r.config.environment = env.name;
  r.diagnostics.insert(r.diagnostics.begin(), dir.diagnostics.begin(), dir.diagnostics.end());
  for (const auto& file : beside) {
    r.diagnostics.push_back(make_warning(
        file, 0, 0,
        "ignored: the config/ folder holds the site's config; move these settings into a file "
        "of config/_default/ and delete " +
            file));
  }
  return r;
}

}  // namespace

std::string find_config_file(const fs::path& site_dir) {
  std::vector<std::string> found = config_files(site_dir);
  return found.empty() ? std::string() : found[0];
}

namespace {

// --baseurl wins over the config's value; a value that is no URL makes the config unusable,
// as the command line asked for something the build cannot do.
void override_baseurl(ConfigResult& r, const LoadOptions& options) {
  const std::optional<std::string>& baseurl = options.baseurl;
  if (!baseurl || !r.ok) return;
  std::string url = *baseurl;
  if (options.keep_base_path) {
    while (url.ends_with('/')) url.pop_back();
    url += r.config.base_path;
  }
  if (set_baseurl(r.config, url)) return;
  r.ok = false;
  r.diagnostics.push_back(
      make_error("", 0, 0,
                 fmt::format("--baseurl \"{}\" is neither an absolute URL nor a path; write it as "
                             "https://{}",
                             *baseurl, *baseurl)));
}

ConfigResult load_without_overrides(const fs::path& site_dir, const LoadOptions& options) {
  std::vector<std::string> found = config_files(site_dir);
  if (has_config_dir(site_dir)) return load_config_directory(site_dir, options, found);
  if (found.empty()) return {};  // defaults
  return load_config_file(site_dir, found);
}

}  // namespace

ConfigResult load_config(const fs::path& site_dir, const LoadOptions& options) {
  ConfigResult r = load_without_overrides(site_dir, options);
  override_baseurl(r, options);
  if (r.ok && !apply_language(r.config, options.language)) {
    r.ok = false;
    r.diagnostics.push_back(
        make_error(r.config.config_file, 0, 0,
                   fmt::format("the site has no language \"{}\"; name one of its [languages]",
                               options.language)));
  }
  return r;
}

}  // namespace bengal::config
