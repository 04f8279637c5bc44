// The fast reader for flat YAML (see yaml_reader.hpp). It accepts only what it is sure to read
// exactly as yaml-cpp does; tests/config/yaml_simple_test.cpp compares the two.
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {
namespace {

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// Characters that cannot start a plain scalar, or start one only in cases left to yaml-cpp.
bool is_indicator(char c) {
  return c != '\0' && std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// quoted = '"' chars '"' | "'" chars "'", with no escapes ("\n", "''") and, in a flow list,
// nothing the item split could have cut.
std::optional<Value> quoted_scalar(std::string_view s, bool flow) {
  char quote = s[0];
  if (s.size() < 2 || s.back() != quote) return std::nullopt;
  std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.find(quote) != std::string_view::npos) return std::nullopt;
  if (quote == '"' && inner.find('\\') != std::string_view::npos) return std::nullopt;
  if (flow && inner.find_first_of(",[]{}") != std::string_view::npos) return std::nullopt;
  for (char c : inner)
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
  return Value(inner);
}

// Whether a plain scalar may hold the character at `i`: no comment, control character or
// mapping colon, and in a flow list no flow indicator.
bool plain_char_ok(std::string_view s, size_t i, bool flow) {
  char c = s[i];
  if (c == '#' || static_cast<unsigned char>(c) < 0x20) return false;
  if (c == ':' && (flow || i + 1 == s.size() || s[i + 1] == ' ')) return false;
  return !(flow && std::strchr(",[]{}", c) != nullptr);
}

// One scalar filling `s` (trimmed, not empty). In a flow list, `flow` is true.
std::optional<Value> scalar(std::string_view s, bool flow) {
  char first = s[0];
  if (first == '"' || first == '\'') return quoted_scalar(s, flow);
  // "-1" and "-x" are plain scalars; "- x" is a list item.
  if (is_indicator(first) && !(first == '-' && s.size() > 1 && s[1] != ' ')) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i)
    if (!plain_char_ok(s, i, flow)) return std::nullopt;
  return plain_scalar(s);
}

// "[a, 'b', 3]" (trimmed) as an array.
std::optional<Value> flow_list(std::string_view s) {
  if (s.size() < 2 || s.back() != ']') return std::nullopt;
  std::string_view inner = s.substr(1, s.size() - 2);
  Value list = Value::array();
  if (trim(inner).empty()) return list;
  while (true) {
    size_t comma = inner.find(',');
    std::string_view item = trim(inner.substr(0, comma));
    if (item.empty()) return std::nullopt;  // "[a,,b]", or a trailing comma: yaml-cpp decides
    auto v = scalar(item, true);
    if (!v) return std::nullopt;
    list.as_array().push_back(std::move(*v));
    if (comma == std::string_view::npos) return list;
    inner.remove_prefix(comma + 1);
  }
}

// A flat mapping read a line at a time; any line it is not sure of makes it give up.
class FlatYamlReader {
 public:
  explicit FlatYamlReader(uint32_t first_line) : line_number_(first_line - 1) {
    doc_.root = Value::table();
  }

  // A physical line without its '\n'. False when the text must go to yaml-cpp.
  bool read_line(std::string_view line) {
    ++line_number_;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_of("\t\r") != std::string_view::npos) return false;
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || line[indent] == '#') return true;  // blank, comment
    std::string_view content = line.substr(indent);
    if (content[0] == '-' && (content.size() == 1 || content[1] == ' '))
      return list_item(indent, content);
    if (indent != 0) return false;  // nested maps and continued scalars: yaml-cpp
    return key_line(content);
  }

  Document take() { return std::move(doc_); }

 private:
  // item = "-" " "+ scalar, under a key whose value was left empty, all at one indent.
  bool list_item(size_t indent, std::string_view content) {
    if (open_value_ == nullptr) return false;
    if (list_indent_ == std::string_view::npos) list_indent_ = indent;
    if (indent != list_indent_) return false;
    std::string_view item = trim(content.substr(1));
    if (item.empty()) return false;
    auto v = scalar(item, false);
    if (!v) return false;
    open_value_->push_back(std::move(*v));
    return true;
  }

  // key_line = key ":" [" "+ (flow_list | scalar)]; a key neither starts with '-' nor '.'.
  bool key_line(std::string_view content) {
    open_value_ = nullptr;
    list_indent_ = std::string_view::npos;
    size_t k = 0;
    while (k < content.size() && is_key_char(content[k])) ++k;
    if (k == 0 || k == content.size() || content[k] != ':' || content[0] == '-' ||
        content[0] == '.')
      return false;
    std::string_view key = content.substr(0, k);
    std::string_view rest = content.substr(k + 1);
    if (!rest.empty() && rest[0] != ' ') return false;
    size_t value_start = rest.find_first_not_of(' ');
    KeyPosition position{std::string(key), line_number_, 1, line_number_, 1};
    Value value;
    bool open = value_start == std::string_view::npos;
    if (!open) {
      std::string_view v = rest.substr(value_start);
      position.value_column = static_cast<uint32_t>(k + 1 + value_start + 1);
      auto parsed = v[0] == '[' ? flow_list(v) : scalar(v, false);
      if (!parsed) return false;
      value = std::move(*parsed);
      if (value.is_null()) position.value_column = 1;  // yaml-cpp: a null points at its key
    }
    doc_.positions.push_back(std::move(position));
    Value& stored = store(key, std::move(value));
    if (open) open_value_ = &stored;
    return true;
  }

  // A duplicate key replaces the earlier value in place.
  Value& store(std::string_view key, Value value) {
    Value::Table& table = doc_.root.as_table();
    auto [it, added] = index_.try_emplace(key, table.size());
    if (added) {
      table.emplace_back(std::string(key), std::move(value));
    } else {
      table[it->second].second = std::move(value);
    }
    return table[it->second].second;
  }

  Document doc_;
  // Where each key is in the root table, so that thousands of keys stay linear.
  std::unordered_map<std::string_view, size_t> index_;
  // The entry whose value was left empty: `- item` lines that follow fill it.
  Value* open_value_ = nullptr;
  size_t list_indent_ = std::string_view::npos;
  uint32_t line_number_;
};

}  // namespace

std::optional<Document> parse_simple_yaml(std::string_view text, uint32_t first_line) {
  FlatYamlReader reader(first_line);
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.find('\n', pos), text.size());
    if (!reader.read_line(text.substr(pos, end - pos))) return std::nullopt;
    pos = end + 1;
  }
  return reader.take();
}

}  // namespace bengal::config
