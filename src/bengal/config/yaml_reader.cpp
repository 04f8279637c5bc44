// The only file that includes yaml-cpp. JSON is read through it too: JSON is YAML.
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
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

std::string too_deep(const std::string& what) {
  return fmt::format("{} nests more than {} levels deep (aliases included); flatten the structure",
                     what, kMaxYamlDepth);
}

// A document that breaks a limit: where, and the message after "invalid YAML: ".
struct Refused {
  YAML::Mark mark;
  std::string message;
};

class YamlReader {
 public:
  YamlReader(Document& doc, uint32_t line_offset, size_t max_bytes)
      : doc(doc), line_offset(line_offset), max_bytes(max_bytes) {}

  Value convert(const YAML::Node& node, const std::string& path);

 private:
  Document& doc;
  uint32_t line_offset;
  size_t max_bytes;
  size_t values = 0;
  size_t bytes = 0;  // of strings: scalars, keys and the key paths of `positions`
  // The collections being converted, outermost first: an alias inside its own anchor makes
  // the node graph cyclic, and this tells that apart from mere depth.
  std::vector<YAML::Node> open;

  void count(size_t string_bytes, const YAML::Node& at) {
    bytes += string_bytes;
    if (++values > kMaxYamlValues)
      throw Refused{at.Mark(), fmt::format("more than {} values once aliases are expanded; "
                                           "use fewer aliases or split the document",
                                           kMaxYamlValues)};
    if (bytes > max_bytes)
      throw Refused{at.Mark(), fmt::format("more than {} MB of text once aliases are expanded; "
                                           "use fewer aliases or split the document",
                                           max_bytes >> 20)};
  }

  void enter(const YAML::Node& node, const std::string& path) {
    if (open.size() < kMaxYamlDepth) {
      open.push_back(node);
      return;
    }
    std::string where = path.empty() ? "the document" : fmt::format("'{}'", path);
    for (const YAML::Node& outer : open) {
      if (outer.is(node))
        throw Refused{node.Mark(),
                      fmt::format("{} contains itself: an alias (*name) is used inside the "
                                  "value of its own anchor (&name); remove that alias",
                                  where)};
    }
    throw Refused{node.Mark(), too_deep(where)};
  }
};

Value YamlReader::convert(const YAML::Node& node, const std::string& path) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      count(0, node);
      enter(node, path);
      Value t = Value::table();
      Value::Table& table = t.as_table();
      // A later duplicate key replaces the earlier one in place; the index keeps that
      // linear for maps with many keys.
      std::unordered_map<std::string, size_t> index;
      for (const auto& kv : node) {
        std::string key = kv.first.as<std::string>("");
        std::string child = path.empty() ? key : fmt::format("{}.{}", path, key);
        count(key.size() + child.size(), kv.first);
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
        Value v = convert(value, child);
        auto [it, added] = index.try_emplace(key, table.size());
        if (added) {
          table.emplace_back(std::move(key), std::move(v));
        } else {
          table[it->second].second = std::move(v);
        }
      }
      open.pop_back();
      return t;
    }
    case YAML::NodeType::Sequence: {
      count(0, node);
      enter(node, path);
      Value a = Value::array();
      for (const auto& item : node) a.as_array().push_back(convert(item, path));
      open.pop_back();
      return a;
    }
    case YAML::NodeType::Scalar:
      count(node.Scalar().size(), node);
      return scalar(node);
    default:
      count(0, node);
      return Value();
  }
}

}  // namespace

size_t max_yaml_bytes(size_t text_bytes) {
  return kMinYamlBudgetBytes + 4 * text_bytes;
}

Document parse_yaml(std::string_view text, std::string_view file, uint32_t first_line, bool json) {
  Document doc;
  const char* what = json ? "invalid JSON: " : "invalid YAML: ";
  auto fail = [&](const YAML::Mark& m, const std::string& message) {
    doc.root = Value::table();
    doc.positions.clear();
    // Some errors carry no position (mark -1): point at the document's first line then.
    bool known = !m.is_null();
    doc.error = make_error(std::string(file),
                           known ? static_cast<uint32_t>(m.line + 1) + first_line - 1 : first_line,
                           known ? static_cast<uint32_t>(m.column + 1) : 0, what + message);
  };
  try {
    YAML::Node root = YAML::Load(std::string(text));
    YamlReader reader{doc, first_line - 1, max_yaml_bytes(text.size())};
    if (root.IsNull()) {
      doc.root = Value::table();
    } else if (!root.IsMap()) {
      fail(root.Mark(), "expected key: value pairs at the top level");
    } else {
      doc.root = reader.convert(root, "");
    }
  } catch (const Refused& r) {
    fail(r.mark, r.message);
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own bound on its recursion, above ours: the document is too deep for both.
    fail(e.mark, too_deep("the document"));
  } catch (const YAML::Exception& e) {
    fail(e.mark, e.msg);
  }
  return doc;
}

}  // namespace bengal::config
