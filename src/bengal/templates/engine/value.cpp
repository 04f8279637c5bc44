#include "bengal/templates/engine/value.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

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

namespace {

// Owners waiting to be freed by the outermost release running on this thread, or null when
// none runs. Thread-local because destructors take no context; a plain pointer to that
// release's own queue, so that no thread-local needs destroying when a thread ends (values
// freed by static destructors come later).
thread_local std::vector<std::shared_ptr<const void>>* t_releases = nullptr;

// Deletes a List or Dict through Value::release_nested: freeing a deep value is a loop.
struct NestedDelete {
  void operator()(const List* p) const {
    auto* items = const_cast<List*>(p);  // being destroyed: no one else sees it
    Value::release_nested(*items);
    delete items;
  }
  void operator()(const Dict* p) const {
    auto* items = const_cast<Dict*>(p);
    Value::release_nested(*items);
    delete items;
  }
};

constexpr size_t kMaxCompareDepth = 100;

}  // namespace

bool Value::nests(const Value& v) {
  return v.kind_ == Kind::kList || v.kind_ == Kind::kDict || v.kind_ == Kind::kObject;
}

void Value::queue_release(Value& v, std::vector<std::shared_ptr<const void>>& queue) {
  queue.push_back(std::move(v.owner_));
}

std::vector<std::shared_ptr<const void>>* Value::release_queue() {
  return t_releases;
}

void Value::drain_releases(std::vector<std::shared_ptr<const void>>& queue) {
  t_releases = &queue;
  while (!queue.empty()) {
    std::shared_ptr<const void> owner = std::move(queue.back());
    queue.pop_back();
    owner.reset();  // may queue its own children
  }
  t_releases = nullptr;
}

Value Value::list(List items) {
  return list(std::shared_ptr<const List>(new List(std::move(items)), NestedDelete{}));
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
  v.owner_ = std::shared_ptr<const Dict>(new Dict(std::move(items)), NestedDelete{});
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
    case Kind::kString: {  // walks the text: no value per character
      if (key.kind_ != Kind::kInt) return {};
      int64_t i = key.i_;
      if (i < 0) i += static_cast<int64_t>(char_count(s_));
      if (i < 0) return {};
      size_t at = prefix_bytes(s_, static_cast<size_t>(i));
      return at < s_.size() ? substring(at, char_bytes(s_, at)) : Value();
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

namespace {

// Lists, dicts and namespaces being printed on this thread, innermost last. A namespace can hold
// itself (`{% set ns.me = ns %}`), so printing meets the same container again: it shows as
// Python's `[...]`/`{...}` then, and nesting past kMaxPrintDepth shows as `...`. Thread-local
// because printing crosses Object::str(), which hosts implement without a printing context; it
// is empty whenever no value is being printed.
// The outermost guard owns the list; the thread-local is a plain pointer to it, null when no
// value is being printed.
thread_local std::vector<const void*>* t_printing = nullptr;
constexpr size_t kMaxPrintDepth = 100;

// Enters a container for printing; entered() is false (and `out` holds the stand-in) when it is
// already open or too deep.
class PrintingGuard {
 public:
  PrintingGuard(const void* container, std::string& out, const char* again) {
    if (t_printing == nullptr) t_printing = &own_;
    if (t_printing->size() >= kMaxPrintDepth) {
      out += "...";
    } else if (std::find(t_printing->begin(), t_printing->end(), container) != t_printing->end()) {
      out += again;
    } else {
      t_printing->push_back(container);
      entered_ = true;
    }
  }
  ~PrintingGuard() {
    if (entered_) t_printing->pop_back();
    if (t_printing == &own_) t_printing = nullptr;
  }
  PrintingGuard(const PrintingGuard&) = delete;
  PrintingGuard& operator=(const PrintingGuard&) = delete;
  bool entered() const { return entered_; }

 private:
  std::vector<const void*> own_;  // used when this is the outermost guard
  bool entered_ = false;
};

}  // namespace

void append_dict_repr(std::string& out, const Dict& dict, const void* identity) {
  PrintingGuard guard(identity, out, "{...}");
  if (!guard.entered()) return;
  out += '{';
  bool first = true;
  for (const auto& [k, v] : dict) {
    if (!first) out += ", ";
    first = false;
    append_python_quoted(out, k);
    out += ": ";
    v.append_repr(out);
  }
  out += '}';
}

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
      if (safe_) out += "Markup(";  // as markupsafe's repr
      append_python_quoted(out, s_);
      if (safe_) out += ')';
      break;
    case Kind::kList: {
      PrintingGuard guard(owner_.get(), out, tuple_ ? "(...)" : "[...]");
      if (!guard.entered()) break;
      out += tuple_ ? '(' : '[';
      bool first = true;
      for (const Value& v : as_list()) {
        if (!first) out += ", ";
        first = false;
        v.append_repr(out);
      }
      if (tuple_ && as_list().size() == 1) out += ',';
      out += tuple_ ? ')' : ']';
      break;
    }
    case Kind::kDict:
      append_dict_repr(out, as_dict(), owner_.get());
      break;
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
  return Value::equal(a, b, 0);
}

bool Value::equal(const Value& a, const Value& b, size_t depth) {
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
    case Value::Kind::kList: {
      if (depth >= kMaxCompareDepth) return a.owner_ == b.owner_;
      const List &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!equal(x[i], y[i], depth + 1)) return false;
      return true;
    }
    case Value::Kind::kDict: {
      if (depth >= kMaxCompareDepth) return a.owner_ == b.owner_;
      const Dict &x = a.as_dict(), &y = b.as_dict();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (x[i].first != y[i].first || !equal(x[i].second, y[i].second, depth + 1)) return false;
      return true;
    }
    case Value::Kind::kObject:
      return a.as_object().identity() == b.as_object().identity();
    default:
      return a.owner_ == b.owner_;
  }
}

int compare(const Value& a, const Value& b) {
  return Value::compare_at(a, b, 0);
}

int Value::compare_at(const Value& a, const Value& b, size_t depth) {
  if ((a.is_number() || a.kind_ == Value::Kind::kBool) &&
      (b.is_number() || b.kind_ == Value::Kind::kBool)) {
    double x = a.as_float(), y = b.as_float();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) return a.s_ < b.s_ ? -1 : (a.s_ > b.s_ ? 1 : 0);
  if (a.kind_ == Value::Kind::kList && b.kind_ == Value::Kind::kList) {
    const List &x = a.as_list(), &y = b.as_list();
    if (depth >= kMaxCompareDepth) return 0;  // alike as far as compared: order stays stable
    for (size_t i = 0; i < x.size() && i < y.size(); ++i)
      if (int c = compare_at(x[i], y[i], depth + 1); c != 0) return c;
    return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
  }
  // Mixed types: order by kind, then by printed text, so sorting stays total.
  if (a.kind_ != b.kind_) return a.kind_ < b.kind_ ? -1 : 1;
  std::string x = a.str(), y = b.str();
  return x < y ? -1 : (x > y ? 1 : 0);
}

Value python_modulo(const Value& a, const Value& b) {
  if (a.kind() != Value::Kind::kFloat && b.kind() != Value::Kind::kFloat) {
    int64_t x = a.as_int(), d = b.as_int();
    if (d == -1) return Value::integer(0);  // in C++, INT64_MIN % -1 overflows
    int64_t m = x % d;
    if (m != 0 && (m < 0) != (d < 0)) m += d;
    return Value::integer(m);
  }
  double d = b.as_float();
  double m = std::fmod(a.as_float(), d);
  if (m == 0) return Value::number(std::copysign(0.0, d));
  if ((m < 0) != (d < 0)) m += d;
  return Value::number(m);
}

}  // namespace bengal::templates
