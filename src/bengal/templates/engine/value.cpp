#include "bengal/templates/engine/value.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bengal::templates {

void append_markup_escaped(std::string& out, std::string_view text) {
  size_t run = 0;  // start of the pending run of characters that need no escaping
  for (size_t i = 0; i < text.size(); ++i) {
    const char* rep;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&#34;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

Value Object::attr(std::string_view) const {
  return {};
}
Value Object::at(size_t) const {
  return {};
}

const Value* CallArgs::find(std::string_view name) const {
  for (const auto& [k, v] : keyword)
    if (k == name) return &v;
  return nullptr;
}

const Value* CallArgs::get(size_t index, std::string_view name) const {
  if (index < positional.size()) return &positional[index];
  return find(name);
}

Value Value::string(std::string s, bool safe) {
  auto owned = std::make_shared<const std::string>(std::move(s));
  Value v;
  v.kind_ = Kind::kString;
  v.s_ = *owned;
  v.safe_ = safe;
  v.owner_ = std::move(owned);
  return v;
}

Value Value::list(List items) {
  return list(std::make_shared<const List>(std::move(items)));
}

Value Value::list(std::shared_ptr<const List> items) {
  Value v;
  v.kind_ = Kind::kList;
  v.owner_ = std::move(items);
  return v;
}

Value Value::dict(Dict items) {
  Value v;
  v.kind_ = Kind::kDict;
  v.owner_ = std::make_shared<const Dict>(std::move(items));
  return v;
}

Value Value::object(std::shared_ptr<const Object> o) {
  Value v;
  v.kind_ = Kind::kObject;
  v.owner_ = std::move(o);
  return v;
}

Value Value::function(Function f) {
  Value v;
  v.kind_ = Kind::kFunction;
  v.owner_ = std::make_shared<const Function>(std::move(f));
  return v;
}

Value Value::from(const bengal::Value& v) {
  switch (v.type()) {
    case bengal::Value::Type::kNull:
      return none();
    case bengal::Value::Type::kBool:
      return boolean(v.as_bool());
    case bengal::Value::Type::kInt:
      return integer(v.as_int());
    case bengal::Value::Type::kFloat:
      return number(v.as_float());
    case bengal::Value::Type::kString:
      return view(v.as_string());
    case bengal::Value::Type::kArray: {
      List items;
      items.reserve(v.size());
      for (const auto& item : v.as_array()) items.push_back(from(item));
      return list(std::move(items));
    }
    case bengal::Value::Type::kTable: {
      Dict items;
      items.reserve(v.size());
      for (const auto& [k, item] : v.as_table()) items.emplace_back(k, from(item));
      return dict(std::move(items));
    }
  }
  return {};
}

bool Value::is_iterable() const {
  return kind_ == Kind::kString || kind_ == Kind::kList || kind_ == Kind::kDict ||
         kind_ == Kind::kObject;
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::kUndefined:
    case Kind::kNone:
      return false;
    case Kind::kBool:
    case Kind::kInt:
      return i_ != 0;
    case Kind::kFloat:
      return f_ != 0.0;
    case Kind::kString:
      return !s_.empty();
    case Kind::kList:
      return !as_list().empty();
    case Kind::kDict:
      return !as_dict().empty();
    case Kind::kObject:
      return as_object().is_sequence() ? as_object().length() > 0 : as_object().truthy();
    case Kind::kFunction:
      return true;
  }
  return false;
}

Value Value::attr(std::string_view name) const {
  switch (kind_) {
    case Kind::kObject:
      return as_object().attr(name);
    case Kind::kDict:
      for (const auto& [k, v] : as_dict())
        if (k == name) return v;
      return {};
    default:
      return {};
  }
}

Value Value::item(const Value& key) const {
  switch (kind_) {
    case Kind::kDict:
    case Kind::kObject:
      if (key.is_string()) return attr(key.as_view());
      if (kind_ == Kind::kObject && key.kind_ == Kind::kInt && as_object().is_sequence()) {
        int64_t n = static_cast<int64_t>(as_object().length());
        int64_t i = key.i_ < 0 ? key.i_ + n : key.i_;
        return i >= 0 && i < n ? as_object().at(static_cast<size_t>(i)) : Value();
      }
      if (kind_ == Kind::kDict) {
        std::string k = key.str();
        return attr(k);
      }
      return {};
    case Kind::kList: {
      if (key.kind_ != Kind::kInt) return {};
      int64_t n = static_cast<int64_t>(as_list().size());
      int64_t i = key.i_ < 0 ? key.i_ + n : key.i_;
      return i >= 0 && i < n ? as_list()[static_cast<size_t>(i)] : Value();
    }
    case Kind::kString: {
      if (key.kind_ != Kind::kInt) return {};
      List chars = to_list();
      int64_t n = static_cast<int64_t>(chars.size());
      int64_t i = key.i_ < 0 ? key.i_ + n : key.i_;
      return i >= 0 && i < n ? chars[static_cast<size_t>(i)] : Value();
    }
    default:
      return {};
  }
}

size_t Value::length() const {
  switch (kind_) {
    case Kind::kString: {
      size_t n = 0;
      for (char c : s_) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      return n;
    }
    case Kind::kList:
      return as_list().size();
    case Kind::kDict:
      return as_dict().size();
    case Kind::kObject:
      return as_object().is_sequence() ? as_object().length() : as_object().keys().size();
    default:
      return 0;
  }
}

List Value::to_list() const {
  if (kind_ == Kind::kList) return as_list();
  List out;
  for_each([&](const Value& v) { out.push_back(v); });
  return out;
}

namespace {

void append_float(std::string& out, double f) {
  if (std::isnan(f)) {
    out += "nan";
  } else if (std::isinf(f)) {
    out += f < 0 ? "-inf" : "inf";
  } else {
    std::string s = fmt::format("{}", f);
    // Python prints 1.0, not 1.
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    out += s;
  }
}

void append_python_quoted(std::string& out, std::string_view s) {
  char quote = (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos)
                   ? '"'
                   : '\'';
  out += quote;
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c == quote) out += '\\';
        out += c;
    }
  }
  out += quote;
}

}  // namespace

void Value::append_str(std::string& out) const {
  switch (kind_) {
    case Kind::kUndefined:
      break;
    case Kind::kNone:
      out += "None";
      break;
    case Kind::kBool:
      out += i_ ? "True" : "False";
      break;
    case Kind::kInt:
      out += std::to_string(i_);
      break;
    case Kind::kFloat:
      append_float(out, f_);
      break;
    case Kind::kString:
      out += s_;
      break;
    case Kind::kObject:
      out += as_object().str();
      break;
    case Kind::kFunction:
      out += "<function>";
      break;
    default:
      append_repr(out);
  }
}

void Value::append_repr(std::string& out) const {
  switch (kind_) {
    case Kind::kString:
      append_python_quoted(out, s_);
      break;
    case Kind::kList: {
      out += '[';
      bool first = true;
      for (const Value& v : as_list()) {
        if (!first) out += ", ";
        first = false;
        v.append_repr(out);
      }
      out += ']';
      break;
    }
    case Kind::kDict: {
      out += '{';
      bool first = true;
      for (const auto& [k, v] : as_dict()) {
        if (!first) out += ", ";
        first = false;
        append_python_quoted(out, k);
        out += ": ";
        v.append_repr(out);
      }
      out += '}';
      break;
    }
    case Kind::kUndefined:
      out += "Undefined";
      break;
    default:
      append_str(out);
  }
}

const char* Value::type_name() const {
  switch (kind_) {
    case Kind::kUndefined:
      return "undefined";
    case Kind::kNone:
      return "none";
    case Kind::kBool:
      return "boolean";
    case Kind::kInt:
      return "integer";
    case Kind::kFloat:
      return "float";
    case Kind::kString:
      return "string";
    case Kind::kList:
      return "list";
    case Kind::kDict:
      return "dict";
    case Kind::kObject:
      return "object";
    case Kind::kFunction:
      return "function";
  }
  return "?";
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.kind_ == Value::Kind::kInt && b.kind_ == Value::Kind::kInt) return a.i_ == b.i_;
    return a.as_float() == b.as_float();
  }
  if ((a.kind_ == Value::Kind::kBool) != (b.kind_ == Value::Kind::kBool)) {
    // Python: True == 1.
    if (a.is_number() || b.is_number()) return a.as_int() == b.as_int();
    return false;
  }
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::kUndefined:
    case Value::Kind::kNone:
      return true;
    case Value::Kind::kBool:
      return a.i_ == b.i_;
    case Value::Kind::kString:
      return a.s_ == b.s_;
    case Value::Kind::kList:
      return a.as_list() == b.as_list();
    case Value::Kind::kDict:
      return a.as_dict() == b.as_dict();
    case Value::Kind::kObject:
      return a.as_object().identity() == b.as_object().identity();
    default:
      return a.owner_ == b.owner_;
  }
}

int compare(const Value& a, const Value& b) {
  if ((a.is_number() || a.kind_ == Value::Kind::kBool) &&
      (b.is_number() || b.kind_ == Value::Kind::kBool)) {
    double x = a.as_float(), y = b.as_float();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) return a.s_ < b.s_ ? -1 : (a.s_ > b.s_ ? 1 : 0);
  if (a.kind_ == Value::Kind::kList && b.kind_ == Value::Kind::kList) {
    const List &x = a.as_list(), &y = b.as_list();
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (int c = compare(x[i], y[i]); c != 0) return c;
    return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
  }
  // Mixed types: order by kind, then by printed text, so sorting stays total.
  if (a.kind_ != b.kind_) return a.kind_ < b.kind_ ? -1 : 1;
  std::string x = a.str(), y = b.str();
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace bengal::templates
