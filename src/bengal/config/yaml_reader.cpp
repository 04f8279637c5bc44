// The only file that includes yaml-cpp. JSON is read through it too: JSON is YAML.
#include <string>

#include <yaml-cpp/yaml.h>

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {
namespace {

// Quoted scalars (tag "!") are always strings.
Value scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return Value(s);
  return plain_scalar(s);
}

// Aliases share nodes, so a few lines of YAML can expand to billions of values ("billion
// laughs"); a page's front matter or a config never needs more than this.
constexpr size_t kMaxValues = 1'000'000;

struct TooLarge {};

struct YamlReader {
  Document& doc;
  uint32_t line_offset;
  size_t values = 0;

  Value convert(const YAML::Node& node, const std::string& path) {
    if (++values > kMaxValues) throw TooLarge{};
    switch (node.Type()) {
      case YAML::NodeType::Map: {
        Value t = Value::table();
        for (const auto& kv : node) {
          std::string key = kv.first.as<std::string>("");
          std::string child = path.empty() ? key : path + "." + key;
          // A block collection's mark is its first entry and a null's is the next token, so
          // errors about those values point at the key.
          YAML::Mark m = kv.first.Mark();
          const YAML::Node& value = kv.second;
          bool at_value = value.IsScalar() || value.Style() == YAML::EmitterStyle::Flow;
          YAML::Mark vm = at_value ? value.Mark() : m;
          doc.positions.push_back({child, static_cast<uint32_t>(m.line + 1) + line_offset,
                                   static_cast<uint32_t>(m.column + 1),
                                   static_cast<uint32_t>(vm.line + 1) + line_offset,
                                   static_cast<uint32_t>(vm.column + 1)});
          t.set(key, convert(kv.second, child));
        }
        return t;
      }
      case YAML::NodeType::Sequence: {
        Value a = Value::array();
        for (const auto& item : node) a.as_array().push_back(convert(item, path));
        return a;
      }
      case YAML::NodeType::Scalar:
        return scalar(node);
      default:
        return Value();
    }
  }
};

}  // namespace

Document parse_yaml(std::string_view text, std::string_view file, uint32_t first_line, bool json) {
  Document doc;
  const char* what = json ? "invalid JSON: " : "invalid YAML: ";
  try {
    YAML::Node root = YAML::Load(std::string(text));
    YamlReader reader{doc, first_line - 1};
    if (root.IsNull()) {
      doc.root = Value::table();
    } else if (!root.IsMap()) {
      doc.root = Value::table();
      YAML::Mark m = root.Mark();
      doc.error = make_error(std::string(file), static_cast<uint32_t>(m.line + 1) + first_line - 1,
                             static_cast<uint32_t>(m.column + 1),
                             std::string(what) + "expected key: value pairs at the top level");
    } else {
      doc.root = reader.convert(root, "");
    }
  } catch (const TooLarge&) {
    doc.root = Value::table();
    doc.positions.clear();
    doc.error = make_error(std::string(file), first_line, 1,
                           std::string(what) + "more than " + std::to_string(kMaxValues) +
                               " values once aliases are expanded; simplify the document");
  } catch (const YAML::Exception& e) {
    doc.root = Value::table();
    doc.positions.clear();
    // Some errors carry no position (mark -1): point at the document's first line then.
    bool known = !e.mark.is_null();
    doc.error = make_error(
        std::string(file), known ? static_cast<uint32_t>(e.mark.line) + first_line : first_line,
        known ? static_cast<uint32_t>(e.mark.column + 1) : 0, std::string(what) + e.msg);
  }
  return doc;
}

}  // namespace bengal::config
