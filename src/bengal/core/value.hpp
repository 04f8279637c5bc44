// A small dynamic value: what front matter params, config [params] and data files hold, and
// what templates read. Tables keep the order of their source so output never depends on
// hashing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bengal {

class Value {
 public:
  enum class Type : uint8_t { kNull, kBool, kInt, kFloat, kString, kArray, kTable };
  using Array = std::vector<Value>;
  using Table = std::vector<std::pair<std::string, Value>>;

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(int64_t{i}) {}
  Value(int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(Array a) : v_(Box<Array>(std::move(a))) {}
  Value(Table t) : v_(Box<Table>(std::move(t))) {}

  static Value array() { return Value(Array{}); }
  static Value table() { return Value(Table{}); }

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_float() const { return type() == Type::kFloat; }
  bool is_number() const { return is_int() || is_float(); }
  bool is_string() const { return type() == Type::kString; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_table() const { return type() == Type::kTable; }

  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_float() const { return is_int() ? double(as_int()) : std::get<double>(v_); }
  const std::string& as_string() const { return std::get<std::string>(v_); }
  const Array& as_array() const { return *std::get<Box<Array>>(v_).p; }
  Array& as_array() { return *std::get<Box<Array>>(v_).p; }
  const Table& as_table() const { return *std::get<Box<Table>>(v_).p; }
  Table& as_table() { return *std::get<Box<Table>>(v_).p; }

  // Table lookup; nullptr when this is not a table or has no such key.
  const Value* find(std::string_view key) const;
  // Inserts or replaces a key of a table (turns null into an empty table first).
  void set(std::string key, Value v);
  // Appends to an array (turns null into an empty array first).
  void push_back(Value v);
  // Elements of an array or entries of a table; 0 otherwise.
  size_t size() const;

  // Short type name for error messages: "string", "integer", "table", ...
  static const char* type_name(Type t);
  const char* type_name() const { return type_name(type()); }

  friend bool operator==(const Value& a, const Value& b);

 private:
  // A copyable owning pointer: keeps Value small while letting it nest.
  template <typename T>
  struct Box {
    std::unique_ptr<T> p;
    Box() : p(std::make_unique<T>()) {}
    explicit Box(T v) : p(std::make_unique<T>(std::move(v))) {}
    Box(const Box& o) : p(std::make_unique<T>(*o.p)) {}
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& o) {
      p = std::make_unique<T>(*o.p);
      return *this;
    }
    Box& operator=(Box&&) noexcept = default;
  };
  std::variant<std::monostate, bool, int64_t, double, std::string, Box<Array>, Box<Table>> v_;
};

}  // namespace bengal
