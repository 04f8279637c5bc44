#include "bengal/cli/config_command.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bengal/core/json_text.hpp"

namespace bengal::cli {
namespace {

// One value the config sets, with where.
struct Leaf {
  std::string key;     // "site.title", "menu.extra[0].name"
  const Value* value;  // a scalar, an empty table, or an array of scalars
  config::SourcePlace at;
};

bool is_scalar_array(const Value& v) {
  const auto& items = v.as_array();
  return std::none_of(items.begin(), items.end(),
                      [](const Value& i) { return i.is_array() || i.is_table(); });
}

// Walks the merged config in key order. `path` is the dotted key whose position is shown:
// items of an array, and keys inside them, point at the array's key (the readers do not tell
// the items apart).
void collect(const config::Document& doc, const Value& v, const std::string& key,
             const std::string& path, bool in_array, std::vector<Leaf>& out) {
  if (v.is_table() && key.empty() && v.size() == 0) return;  // no config at all
  if (v.is_table() && v.size() > 0) {
    std::vector<const std::pair<std::string, Value>*> entries;
    for (const auto& entry : v.as_table()) entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (const auto* e : entries) {
      std::string below = in_array ? path : path.empty() ? e->first : path + "." + e->first;
      collect(doc, e->second, key.empty() ? e->first : key + "." + e->first, below, in_array, out);
    }
    return;
  }
  if (v.is_array() && !is_scalar_array(v)) {
    const auto& items = v.as_array();
    for (size_t i = 0; i < items.size(); ++i)
      collect(doc, items[i], fmt::format("{}[{}]", key, i), path, true, out);
    return;
  }
  out.push_back({key, &v, doc.place_of(path)});
}

// A value as JSON, which also reads as TOML and YAML for the scalars a config holds.
void append_value(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      out += "null";
      return;
    case Value::Type::kBool:
      out += v.as_bool() ? "true" : "false";
      return;
    case Value::Type::kInt:
      out += std::to_string(v.as_int());
      return;
    case Value::Type::kFloat:
      out += fmt::format("{}", v.as_float());
      return;
    case Value::Type::kString:
      append_json_string(out, v.as_string());
      return;
    case Value::Type::kArray: {
      out += '[';
      const auto& items = v.as_array();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        append_value(out, items[i]);
      }
      out += ']';
      return;
    }
    case Value::Type::kTable:
      out += "{}";  // only empty tables are leaves
      return;
  }
}

// Columns a line takes on a terminal: code points, which is right for all but wide scripts.
size_t display_width(std::string_view text) {
  size_t n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;
  return n;
}

std::string where(const config::SourcePlace& at) {
  return at.line > 0 ? fmt::format("{}:{}", at.file, at.line) : at.file;
}

// The files read, without the "config" placeholder of a config directory.
std::vector<std::string> files_read(const config::SiteConfig& c) {
  std::vector<std::string> files = c.document.files;
  if (c.config_file == "config" && !files.empty()) files.erase(files.begin());
  return files;
}

std::string format_text(const config::SiteConfig& c, const config::Environment& env,
                        const std::vector<Leaf>& leaves) {
  std::string out;
  if (c.config_file.empty()) return "# no config: every setting has its default\n";
  std::vector<std::string> files = files_read(c);
  if (c.config_file == "config") {
    out += fmt::format("# environment: {} (from {})\n", env.name, env.source);
    out += fmt::format(
        "# files, merged in this order: {}\n",
        files.empty() ? std::string("none") : fmt::format("{}", fmt::join(files, ", ")));
  } else {
    out += fmt::format("# file: {}\n", c.config_file);
  }
  // Comments line up for readability, up to a bound so one long value does not push the
  // rest far to the right.
  constexpr size_t kMaxAlign = 48;
  std::vector<std::string> lines;
  size_t width = 0;
  for (const auto& leaf : leaves) {
    std::string line = leaf.key + " = ";
    append_value(line, *leaf.value);
    width = std::max(width, std::min(display_width(line), kMaxAlign));
    lines.push_back(std::move(line));
  }
  for (size_t i = 0; i < leaves.size(); ++i) {
    out += lines[i];
    size_t used = display_width(lines[i]);
    out.append(used < width ? width - used : 0, ' ');
    out += "  # " + where(leaves[i].at) + "\n";
  }
  return out;
}

std::string format_json(const config::SiteConfig& c, const config::Environment& env,
                        const std::vector<Leaf>& leaves) {
  std::string out = "{\n  \"environment\": ";
  if (c.config_file == "config") {
    append_json_string(out, env.name);
    out += ",\n  \"environment_source\": ";
    append_json_string(out, env.source);
  } else {
    out += "null,\n  \"environment_source\": null";
  }
  out += ",\n  \"files\": [";
  std::vector<std::string> files =
      c.config_file.empty() ? std::vector<std::string>{} : files_read(c);
  for (size_t i = 0; i < files.size(); ++i) {
    if (i > 0) out += ", ";
    append_json_string(out, files[i]);
  }
  out += "],\n  \"values\": [";
  for (size_t i = 0; i < leaves.size(); ++i) {
    out += i > 0 ? ",\n    {\"key\": " : "\n    {\"key\": ";
    append_json_string(out, leaves[i].key);
    out += ", \"value\": ";
    append_value(out, *leaves[i].value);
    out += ", \"file\": ";
    append_json_string(out, leaves[i].at.file);
    out += fmt::format(", \"line\": {}}}", leaves[i].at.line);
  }
  out += leaves.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace

bool show_config(const ConfigShowOptions& options, std::string& out, Diagnostics& diagnostics) {
  config::ConfigResult loaded = config::load_config(options.site_dir, options.load);
  diagnostics.add_all(std::move(loaded.diagnostics));
  if (!loaded.ok) return false;
  const config::SiteConfig& c = loaded.config;
  config::Environment env =
      config::choose_environment(options.load.environment, options.load.lookup);
  std::vector<Leaf> leaves;
  collect(c.document, c.document.root, "", "", false, leaves);
  out = options.format == ConfigFormat::kJson ? format_json(c, env, leaves)
                                              : format_text(c, env, leaves);
  return true;
}

}  // namespace bengal::cli
