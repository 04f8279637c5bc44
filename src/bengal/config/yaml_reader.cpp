// The only file that includes yaml-cpp. JSON is read through it too: JSON is YAML.
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <yaml-cpp/yaml.h>

#include "bengal/config/document.hpp"

namespace bengal::config {
namespace {

bool is_int(std::string_view s, int64_t& out) {
  if (s.empty()) return false;
  std::string str(s);
  int base = 10;
  size_t start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (start == s.size()) return false;
  if (s.substr(start).starts_with("0x")) base = 16;
  if (s.substr(start).starts_with("0o")) {
    base = 8;
    str.erase(start + 1, 1);  // strtoll wants "0755", not "0o755"
  }
  for (size_t i = start + (base == 16 ? 2 : 0); i < str.size(); ++i) {
    char c = str[i];
    bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(str.c_str(), &end, base);
  if (errno != 0 || *end != '\0') return false;
  out = v;
  return true;
}

bool is_float(std::string_view s, double& out) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf") {
    out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // YAML 1.2 core: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  if (i != s.size()) return false;
  out = std::strtod(std::string(s).c_str(), nullptr);
  return true;
}

// Plain scalars are typed by the YAML 1.2 core schema; quoted ones are always strings.
Value scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return Value(s);
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
  if (s == "true" || s == "True" || s == "TRUE") return Value(true);
  if (s == "false" || s == "False" || s == "FALSE") return Value(false);
  int64_t i;
  if (is_int(s, i)) return Value(i);
  double d;
  if (is_float(s, d)) return Value(d);
  return Value(s);
}

struct YamlReader {
  Document& doc;
  uint32_t line_offset;

  Value convert(const YAML::Node& node, const std::string& path) {
    switch (node.Type()) {
      case YAML::NodeType::Map: {
        Value t = Value::table();
        for (const auto& kv : node) {
          std::string key = kv.first.as<std::string>("");
          std::string child = path.empty() ? key : path + "." + key;
          YAML::Mark m = kv.first.Mark();
          doc.positions.push_back({child, static_cast<uint32_t>(m.line + 1) + line_offset,
                                   static_cast<uint32_t>(m.column + 1)});
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
  } catch (const YAML::Exception& e) {
    doc.root = Value::table();
    doc.positions.clear();
    doc.error =
        make_error(std::string(file), static_cast<uint32_t>(e.mark.line + 1) + first_line - 1,
                   static_cast<uint32_t>(e.mark.column + 1), std::string(what) + e.msg);
  }
  return doc;
}

}  // namespace bengal::config
