#include "bengal/core/value.hpp"

namespace bengal {

const Value* Value::find(std::string_view key) const {
  if (!is_table()) return nullptr;
  for (const auto& [k, v] : as_table())
    if (k == key) return &v;
  return nullptr;
}

void Value::set(std::string key, Value v) {
  if (is_null()) *this = table();
  for (auto& [k, old] : as_table()) {
    if (k == key) {
      old = std::move(v);
      return;
    }
  }
  as_table().emplace_back(std::move(key), std::move(v));
}

void Value::push_back(Value v) {
  if (is_null()) *this = array();
  as_array().push_back(std::move(v));
}

size_t Value::size() const {
  if (is_array()) return as_array().size();
  if (is_table()) return as_table().size();
  return 0;
}

const char* Value::type_name(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "boolean";
    case Type::kInt:
      return "integer";
    case Type::kFloat:
      return "float";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kTable:
      return "table";
  }
  return "unknown";
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::kNull:
      return true;
    case Value::Type::kBool:
      return a.as_bool() == b.as_bool();
    case Value::Type::kInt:
      return a.as_int() == b.as_int();
    case Value::Type::kFloat:
      return a.as_float() == b.as_float();
    case Value::Type::kString:
      return a.as_string() == b.as_string();
    case Value::Type::kArray:
      return a.as_array() == b.as_array();
    case Value::Type::kTable:
      return a.as_table() == b.as_table();
  }
  return false;
}

}  // namespace bengal
