#include "bengal/config/config.hpp"

#include <fmt/format.h>

#include "bengal/core/file_io.hpp"

namespace fs = std::filesystem;

namespace bengal::config {
namespace {

enum class Kind { kString, kBool, kInt, kTable, kAny, kBoolOrString };

struct KeySpec {
  std::string_view name;
  Kind kind;
};

struct SectionSpec {
  std::string_view name;
  std::vector<KeySpec> keys;  // empty: any keys (free table or later stages' sections)
  bool checked = true;        // false: kept as written for a later stage to read
};

const std::vector<SectionSpec>& sections() {
  static const std::vector<SectionSpec> kSections = {
      {"site",
       {{"title", Kind::kString},
        {"baseurl", Kind::kString},
        {"description", Kind::kString},
        {"language", Kind::kString}}},
      {"build",
       {{"content_dir", Kind::kString},
        {"output_dir", Kind::kString},
        {"theme", Kind::kString},
        {"drafts", Kind::kBool},
        {"memory_optimized", Kind::kBoolOrString},
        {"streaming_threshold", Kind::kInt},
        {"batch_size", Kind::kInt},
        {"memory_limit", Kind::kString},
        {"threads", Kind::kInt}}},
      {"markdown", {{"unsafe", Kind::kBool}}},
      {"params", {}, false},
      {"taxonomies", {}, false},
      {"menu", {}, false},
      {"pagination", {}, false},
      {"features", {}, false},
      {"search", {}, false},
      {"related", {}, false},
      {"outputs", {}, false},
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
    case Kind::kTable:
      return "a table";
    case Kind::kBoolOrString:
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
    case Kind::kTable:
      return v.is_table();
    case Kind::kBoolOrString:
      return v.is_bool() || (v.is_string() && v.as_string() == "auto");
    case Kind::kAny:
      return true;
  }
  return false;
}

std::string known_names(const std::vector<KeySpec>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + std::string(k.name);
  return out;
}

// Splits a baseurl into its normalized form (no trailing slash) and its path part.
void set_baseurl(SiteConfig& c, std::string url) {
  while (url.ends_with('/')) url.pop_back();
  c.baseurl = url;
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  c.base_path = path == std::string::npos ? "" : url.substr(path);
  if (scheme == std::string::npos) c.base_path = url;  // a bare path such as "/docs"
}

void apply(SiteConfig& c, std::string_view section, std::string_view key, const Value& v) {
  auto str = [&]() { return v.as_string(); };
  if (section == "site") {
    if (key == "title") c.title = str();
    if (key == "baseurl") set_baseurl(c, str());
    if (key == "description") c.description = str();
    if (key == "language") c.language = str();
  } else if (section == "build") {
    if (key == "content_dir") c.content_dir = str();
    if (key == "output_dir") c.output_dir = str();
    if (key == "theme") c.theme = str();
    if (key == "drafts") c.drafts = v.as_bool();
    if (key == "memory_optimized")
      c.memory_optimized = v.is_bool() ? (v.as_bool() ? "true" : "false") : str();
    if (key == "streaming_threshold") c.streaming_threshold = v.as_int();
    if (key == "batch_size") c.batch_size = v.as_int();
    if (key == "memory_limit") c.memory_limit = str();
    if (key == "threads") c.threads = v.as_int();
  } else if (section == "markdown") {
    if (key == "unsafe") c.markdown_unsafe = v.as_bool();
  }
}

}  // namespace

ConfigResult parse_config(std::string_view text, std::string_view file_name) {
  ConfigResult result;
  SiteConfig& c = result.config;
  c.config_file = std::string(file_name);
  Format format = file_name.ends_with(".toml") ? Format::kToml : Format::kYaml;
  c.document = parse_document(text, format, file_name);
  if (c.document.error) {
    result.diagnostics.push_back(*c.document.error);
    result.ok = false;
    return result;
  }
  const Document& doc = c.document;
  std::string file(file_name);
  for (const auto& [name, value] : doc.root.as_table()) {
    const SectionSpec* spec = nullptr;
    for (const auto& s : sections())
      if (s.name == name) spec = &s;
    auto [line, col] = doc.position_of(name);
    if (spec == nullptr) {
      std::string known;
      for (const auto& s : sections()) known += (known.empty() ? "" : ", ") + std::string(s.name);
      result.diagnostics.push_back(make_warning(
          file, line, col,
          fmt::format("unknown section [{}] is ignored; known sections: {}", name, known)));
      continue;
    }
    if (!value.is_table()) {
      result.diagnostics.push_back(make_error(
          file, line, col, fmt::format("[{}] must be a table, not {}", name, value.type_name())));
      result.ok = false;
      continue;
    }
    if (!spec->checked) continue;
    for (const auto& [key, v] : value.as_table()) {
      auto [kline, kcol] = doc.position_of(name + "." + key);
      const KeySpec* ks = nullptr;
      for (const auto& k : spec->keys)
        if (k.name == key) ks = &k;
      if (ks == nullptr) {
        result.diagnostics.push_back(
            make_warning(file, kline, kcol,
                         fmt::format("unknown key '{}' in [{}] is ignored; known keys: {}", key,
                                     name, known_names(spec->keys))));
        continue;
      }
      if (!matches(ks->kind, v)) {
        result.diagnostics.push_back(make_error(file, kline, kcol,
                                                fmt::format("[{}] {} must be {}, not {}", name, key,
                                                            kind_name(ks->kind), v.type_name())));
        result.ok = false;
        continue;
      }
      apply(c, name, key, v);
    }
  }
  if (const Value* params = doc.root.find("params"); params && params->is_table())
    c.params = *params;
  c.raw = doc.root;
  return result;
}

ConfigResult load_config(const fs::path& site_dir) {
  std::vector<std::string> found;
  for (const char* name : {"bengal.toml", "bengal.yaml", "bengal.yml"}) {
    std::error_code ec;
    if (fs::is_regular_file(site_dir / name, ec)) found.emplace_back(name);
  }
  if (found.empty()) return {};  // defaults
  std::string text, error;
  if (!read_file(site_dir / found[0], text, error)) {
    ConfigResult r;
    r.ok = false;
    r.diagnostics.push_back(make_error(found[0], 0, 0, "cannot read config: " + error));
    return r;
  }
  ConfigResult r = parse_config(text, found[0]);
  for (size_t i = 1; i < found.size(); ++i) {
    r.diagnostics.push_back(
        make_warning(found[i], 0, 0, "ignored: " + found[0] + " is used; keep one config file"));
  }
  return r;
}

}  // namespace bengal::config
