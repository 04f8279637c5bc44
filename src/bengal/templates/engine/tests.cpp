// The built-in tests: `value is name(args)`.

#include "bengal/templates/engine/parser.hpp"

namespace bengal::templates {
namespace {

const Value* arg(const CallArgs& a) {
  return a.positional.empty() ? nullptr : &a.positional[0];
}

bool defined(const Value& v, const CallArgs&, std::string&) {
  return !v.is_undefined();
}
bool undefined(const Value& v, const CallArgs&, std::string&) {
  return v.is_undefined();
}
bool none(const Value& v, const CallArgs&, std::string&) {
  return v.is_none();
}
bool string(const Value& v, const CallArgs&, std::string&) {
  return v.is_string();
}
// A boolean is a number, as in Python.
bool number(const Value& v, const CallArgs&, std::string&) {
  return v.is_number() || v.kind() == Value::Kind::kBool;
}
bool integer(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kInt;
}
bool float_(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kFloat;
}
bool boolean(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kBool;
}
bool true_(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kBool && v.as_bool();
}
bool false_(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kBool && !v.as_bool();
}
bool iterable(const Value& v, const CallArgs&, std::string&) {
  return v.is_iterable();
}
bool sequence(const Value& v, const CallArgs&, std::string&) {
  return v.is_string() || v.kind() == Value::Kind::kList || v.kind() == Value::Kind::kDict ||
         (v.kind() == Value::Kind::kObject && v.as_object().is_sequence());
}
bool mapping(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kDict ||
         (v.kind() == Value::Kind::kObject && !v.as_object().is_sequence());
}
bool callable(const Value& v, const CallArgs&, std::string&) {
  return v.kind() == Value::Kind::kFunction;
}
// Python's value % 2: an error for text and other values that are not numbers.
bool number_or_error(const Value& v, std::string& error) {
  if (v.is_number() || v.kind() == Value::Kind::kBool) return true;
  error = std::string("needs a number, not ") + v.type_name();
  return false;
}
// Jinja2's tests are value % 2 == 0, value % 2 == 1 and value % num == 0, with Python's `%`:
// 2.5 % 2 is 0.5, so 2.5 is neither even nor odd.
double remainder_of(const Value& a, const Value& b) {
  return python_modulo(a, b).as_float();
}
bool even(const Value& v, const CallArgs&, std::string& error) {
  return number_or_error(v, error) && remainder_of(v, Value::integer(2)) == 0;
}
bool odd(const Value& v, const CallArgs&, std::string& error) {
  return number_or_error(v, error) && remainder_of(v, Value::integer(2)) == 1;
}
bool divisibleby(const Value& v, const CallArgs& a, std::string& error) {
  const Value* n = arg(a);
  if (n == nullptr || !number_or_error(*n, error) || !number_or_error(v, error)) {
    if (n == nullptr) error = "needs the number to divide by";
    return false;
  }
  if (n->as_float() == 0) {
    error = "division by zero";
    return false;
  }
  return remainder_of(v, *n) == 0;
}
bool eq(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && v == *arg(a);
}
bool ne(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && !(v == *arg(a));
}
bool lt(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && compare(v, *arg(a)) < 0;
}
bool le(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && compare(v, *arg(a)) <= 0;
}
bool gt(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && compare(v, *arg(a)) > 0;
}
bool ge(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && compare(v, *arg(a)) >= 0;
}
bool in(const Value& v, const CallArgs& a, std::string&) {
  const Value* c = arg(a);
  if (c == nullptr) return false;
  bool found = false;
  if (c->is_string()) return c->as_view().find(v.str()) != std::string_view::npos;
  c->for_each([&](const Value& x) { found = found || x == v; });
  return found;
}
bool sameas(const Value& v, const CallArgs& a, std::string&) {
  return arg(a) && v == *arg(a) && v.kind() == arg(a)->kind();
}
// str.islower()/isupper(): no letter of the other case, and at least one cased letter.
bool lower(const Value& v, const CallArgs&, std::string&) {
  if (!v.is_string()) return false;
  bool cased = false;
  for (char c : v.as_view()) {
    if (c >= 'A' && c <= 'Z') return false;
    cased |= c >= 'a' && c <= 'z';
  }
  return cased;
}
bool upper(const Value& v, const CallArgs&, std::string&) {
  if (!v.is_string()) return false;
  bool cased = false;
  for (char c : v.as_view()) {
    if (c >= 'a' && c <= 'z') return false;
    cased |= c >= 'A' && c <= 'Z';
  }
  return cased;
}
// Markup (already escaped or marked safe).
bool escaped(const Value& v, const CallArgs&, std::string&) {
  return v.is_safe();
}
// Whether a built-in filter or test of that name exists (`"upper" is filter`).
bool filter(const Value& v, const CallArgs&, std::string&) {
  return v.is_string() && find_filter(v.as_view()) != nullptr;
}
bool test(const Value& v, const CallArgs&, std::string&) {
  return v.is_string() && find_test(v.as_view()) != nullptr;
}

struct NamedTest {
  std::string_view name;
  TestFn fn;
};
constexpr NamedTest kTests[] = {
    {"!=", ne},
    {"<", lt},
    {"<=", le},
    {">", gt},
    {">=", ge},
    {"boolean", boolean},
    {"callable", callable},
    {"defined", defined},
    {"divisibleby", divisibleby},
    {"eq", eq},
    {"equalto", eq},
    {"==", eq},
    {"escaped", escaped},
    {"even", even},
    {"false", false_},
    {"filter", filter},
    {"float", float_},
    {"ge", ge},
    {"gt", gt},
    {"greaterthan", gt},
    {"in", in},
    {"integer", integer},
    {"iterable", iterable},
    {"le", le},
    {"lower", lower},
    {"lt", lt},
    {"lessthan", lt},
    {"mapping", mapping},
    {"ne", ne},
    {"none", none},
    {"number", number},
    {"odd", odd},
    {"sameas", sameas},
    {"sequence", sequence},
    {"string", string},
    {"test", test},
    {"true", true_},
    {"undefined", undefined},
    {"upper", upper},
};

}  // namespace

TestFn find_test(std::string_view name) {
  for (const auto& t : kTests)
    if (t.name == name) return t.fn;
  return nullptr;
}

}  // namespace bengal::templates
