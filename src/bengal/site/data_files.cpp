#include <algorithm>

#include "bengal/config/document.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/site/site.hpp"

namespace fs = std::filesystem;

namespace bengal::site {

Value load_data(const fs::path& data_dir, Diagnostics& diagnostics,
                const SourceTreeOptions& sources) {
  Value data = Value::table();
  for (const auto& name : list_source_files(data_dir, "data", sources, diagnostics)) {
    fs::path path = data_dir / name;
    std::string ext = path.extension().string();
    config::Format format;
    if (ext == ".toml")
      format = config::Format::kToml;
    else if (ext == ".yaml" || ext == ".yml")
      format = config::Format::kYaml;
    else if (ext == ".json")
      format = config::Format::kJson;
    else
      continue;
    fs::path rel = path.lexically_relative(data_dir);
    std::string display = "data/" + rel.generic_string();
    std::string text, error;
    if (!read_file(path, text, error)) {
      diagnostics.add(make_error(display, 0, 0, "cannot read data file: " + error));
      continue;
    }
    config::Document doc = config::parse_document(text, format, display);
    if (doc.error) {
      diagnostics.add(*doc.error);
      continue;
    }
    // data/authors/team.yaml -> site.data.authors.team
    Value* node = &data;
    for (const auto& part : rel.parent_path()) {
      std::string key = part.string();
      if (node->find(key) == nullptr || !node->find(key)->is_table())
        node->set(key, Value::table());
      for (auto& [k, v] : node->as_table())
        if (k == key) node = &v;
    }
    node->set(rel.stem().string(), std::move(doc.root));
  }
  return data;
}

}  // namespace bengal::site
