// Values as templates see them: cheap to copy (strings are views into stable storage or a
// shared buffer; lists, dicts and host objects are shared), with Jinja2's undefined and "safe"
// markup semantics.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bengal/core/value.hpp"

namespace bengal::templates {

class Value;
class Renderer;
using List = std::vector<Value>;
using Dict = std::vector<std::pair<std::string, Value>>;  // insertion order, as Python 3.7+

// What a host (the site layer) implements to expose its data lazily: a page, the site, a list
// of thousands of pages. Attribute lookup must be cheap: it runs for every {{ page.x }}. Objects
// shared between renders (in globals or the render variables of several threads) are read by
// all render threads at once, so these methods must not mutate shared state. A sequence
// (is_sequence) iterates, indexes, slices and sorts by length()/at(); any other object is a
// mapping whose keys() drive `for k in obj`, `obj|items`, `|tojson` and `|length`.
class Object {
 public:
  virtual ~Object() = default;
  // Undefined when there is no such attribute.
  virtual Value attr(std::string_view name) const;
  // Sequences: length and items by index. Mappings: keys in order (items via attr).
  virtual bool is_sequence() const { return false; }
  virtual size_t length() const { return 0; }
  virtual Value at(size_t index) const;
  virtual std::vector<std::string> keys() const { return {}; }
  // Every attribute name, for strict-mode messages ("did you mean 'title'?"); keys() unless an
  // object has attributes that are not keys.
  virtual std::vector<std::string> attr_names() const { return keys(); }
  // How it prints with {{ }}.
  virtual std::string str() const { return "<object>"; }
  virtual bool truthy() const { return true; }
  // Identity for `is sameas` and equality of host objects.
  virtual const void* identity() const { return this; }
};

struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string_view, Value>> keyword;
  const Value* find(std::string_view name) const;
  // The argument at `index` or named `name`, or nullptr.
  const Value* get(size_t index, std::string_view name) const;
};

// A function templates can call: globals like url_for, macros, loop.cycle. Errors are
// reported by returning false and setting `error`.
using Function =
    std::function<bool(Renderer& renderer, CallArgs& args, Value& result, std::string& error)>;
// Filters and tests a host registers on the Environment (Environment::add_filter): a filter
// replaces `value` with its result; both report errors by returning false and setting `error`.
using CustomFilter = std::function<bool(Value& value, CallArgs& args, std::string& error)>;
using CustomTest = std::function<bool(const Value& value, const CallArgs& args)>;

// Appends `text` HTML-escaped as Jinja2's autoescaping (markupsafe) does: & < > " ' become
// &amp; &lt; &gt; &#34; &#39;, so output is safe in element content and in attributes quoted
// either way.
void append_markup_escaped(std::string& out, std::string_view text);

// Appends Python's repr() of a dict: {'key': value, ...}. `identity` names the container, so
// that one holding itself (through a namespace) prints as {...} where it repeats, as Python does.
void append_dict_repr(std::string& out, const Dict& dict, const void* identity);

class Value {
 public:
  enum class Kind : uint8_t {
    kUndefined,
    kNone,
    kBool,
    kInt,
    kFloat,
    kString,
    kList,
    kDict,
    kObject,
    kFunction
  };

  Value() = default;
  static Value none() {
    Value v;
    v.kind_ = Kind::kNone;
    return v;
  }
  static Value boolean(bool b) {
    Value v;
    v.kind_ = Kind::kBool;
    v.i_ = b;
    return v;
  }
  static Value integer(int64_t i) {
    Value v;
    v.kind_ = Kind::kInt;
    v.i_ = i;
    return v;
  }
  static Value number(double d) {
    Value v;
    v.kind_ = Kind::kFloat;
    v.f_ = d;
    return v;
  }
  // A view into storage that outlives the render (the site's string pool, template literals).
  static Value view(std::string_view s, bool safe = false) {
    Value v;
    v.kind_ = Kind::kString;
    v.s_ = s;
    v.safe_ = safe;
    return v;
  }
  static Value string(std::string s, bool safe = false);
  static Value list(List items);
  static Value list(std::shared_ptr<const List> items);
  // A Python tuple: a list that prints as ('a', 1) and ('a',); it compares, indexes and
  // iterates as a list does. dict.items(), dictsort, groupby and (a, b) literals make them.
  static Value tuple(List items) {
    Value v = list(std::move(items));
    v.tuple_ = true;
    return v;
  }
  static Value dict(Dict items);
  static Value object(std::shared_ptr<const Object> o);
  static Value function(Function f);
  // From config, front matter and data files. Strings are viewed, not copied: `v` must outlive
  // every render that uses the result (the site's data does).
  static Value from(const bengal::Value& v);

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::kUndefined; }
  bool is_none() const { return kind_ == Kind::kNone; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat; }
  bool is_safe() const { return safe_; }
  bool is_tuple() const { return tuple_; }
  bool is_iterable() const;  // strings, lists, dicts, sequence objects

  bool as_bool() const { return i_ != 0; }
  int64_t as_int() const { return kind_ == Kind::kFloat ? truncate(f_) : i_; }
  // A float truncated toward zero, saturating (NaN gives 0) instead of overflowing.
  static int64_t truncate(double d) {
    if (!(d == d)) return 0;
    if (d >= 9.2e18) return INT64_MAX;
    if (d <= -9.2e18) return INT64_MIN;
    return static_cast<int64_t>(d);
  }
  double as_float() const { return kind_ == Kind::kFloat ? f_ : static_cast<double>(i_); }
  std::string_view as_view() const { return s_; }
  const List& as_list() const { return *static_cast<const List*>(owner_.get()); }
  const Dict& as_dict() const { return *static_cast<const Dict*>(owner_.get()); }
  const Object& as_object() const { return *static_cast<const Object*>(owner_.get()); }
  const Function& as_function() const { return *static_cast<const Function*>(owner_.get()); }

  Value with_safe(bool safe) const {
    Value v = *this;
    v.safe_ = safe;
    return v;
  }

  bool truthy() const;
  // Attribute or item lookup as Jinja2 does it (a.b tries the attribute, then the item).
  Value attr(std::string_view name) const;
  Value item(const Value& key) const;
  // Number of items (strings: UTF-8 characters); 0 when not sized.
  size_t length() const;
  // Calls `fn` for each item (dicts give their keys, as Python iterates them).
  template <typename Fn>
  void for_each(Fn fn) const;
  // Materializes an iterable. A string's characters share its storage: no copy each.
  List to_list() const;
  // Bytes [pos, pos + n) of a string, sharing its storage; not safe markup.
  // A key of this dict as a string that keeps the dict alive: the text lives there, and the
  // key may outlive this value (`d|sort` replaces the dict by its sorted keys).
  Value dict_key(std::string_view key) const {
    Value v = view(key);
    v.owner_ = owner_;
    return v;
  }
  Value substring(size_t pos, size_t n) const {
    Value v = *this;
    v.s_ = s_.substr(pos, n);
    v.safe_ = false;
    return v;
  }
  // Bytes in the UTF-8 character led by `lead`, as strings iterate (a stray continuation byte
  // is a character of its own); never past the end of `s` from `pos`.
  static size_t char_bytes(std::string_view s, size_t pos) {
    size_t n = 1;
    auto c = static_cast<unsigned char>(s[pos]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    return std::min(n, s.size() - pos);
  }
  // Characters in `s`, and bytes in its first `chars` characters (all of it when shorter), as
  // strings iterate.
  static size_t char_count(std::string_view s) {
    size_t n = 0;
    for (size_t pos = 0; pos < s.size(); ++n) pos += char_bytes(s, pos);
    return n;
  }
  static size_t prefix_bytes(std::string_view s, size_t chars) {
    size_t pos = 0;
    for (size_t i = 0; i < chars && pos < s.size(); ++i) pos += char_bytes(s, pos);
    return pos;
  }

  // How {{ }} prints it: Python's str().
  void append_str(std::string& out) const;
  std::string str() const {
    std::string s;
    append_str(s);
    return s;
  }
  // Python's repr(), used inside printed lists and dicts.
  void append_repr(std::string& out) const;
  const char* type_name() const;

  // Past 100 levels of nested lists and dicts, equality and ordering compare identity: a value
  // nested a million deep (built in a loop through a namespace) must not recurse that deep.
  friend bool operator==(const Value& a, const Value& b);
  // Python ordering for numbers and strings; others compare by type name, then string.
  friend int compare(const Value& a, const Value& b);

  // Frees the values of a container that is being destroyed without recursing into what they
  // hold: their lists, dicts and objects are queued and freed one by one by the outermost
  // release on this thread. Lists and dicts made here use it; so does any host Object holding
  // Values that templates can nest (Namespace).
  template <typename Items>
  static void release_nested(Items& items) {
    std::vector<std::shared_ptr<const void>>* outer = release_queue();
    std::vector<std::shared_ptr<const void>> own;
    for (auto& item : items)
      if (nests(item_value(item))) queue_release(item_value(item), outer ? *outer : own);
    if (outer == nullptr) drain_releases(own);  // else the outer release frees them
  }

 private:
  static Value& item_value(Value& v) { return v; }
  static Value& item_value(std::pair<std::string, Value>& kv) { return kv.second; }
  static bool nests(const Value& v);
  static void queue_release(Value& v, std::vector<std::shared_ptr<const void>>& queue);
  static std::vector<std::shared_ptr<const void>>* release_queue();
  static void drain_releases(std::vector<std::shared_ptr<const void>>& queue);
  static bool equal(const Value& a, const Value& b, size_t depth);
  static int compare_at(const Value& a, const Value& b, size_t depth);
  Kind kind_ = Kind::kUndefined;
  bool safe_ = false;
  bool tuple_ = false;  // a kList printed as a tuple
  union {
    int64_t i_ = 0;
    double f_;
  };
  std::string_view s_;
  std::shared_ptr<const void> owner_;
};

// Python's `a % b` of two numbers (booleans count as integers) and a divisor that is not zero:
// the remainder takes the divisor's sign, a zero one too. Integers give an integer, exact even
// for INT64_MIN % -1; a float on either side gives a float.
Value python_modulo(const Value& a, const Value& b);

template <typename Fn>
void Value::for_each(Fn fn) const {
  switch (kind_) {
    case Kind::kList:
      for (const Value& v : as_list()) fn(v);
      break;
    case Kind::kDict:
      for (const auto& [k, v] : as_dict()) fn(dict_key(k));
      break;
    case Kind::kString: {
      for (size_t i = 0; i < s_.size();) {
        size_t n = char_bytes(s_, i);
        fn(substring(i, n));
        i += n;
      }
      break;
    }
    case Kind::kObject: {
      const Object& o = as_object();
      if (o.is_sequence()) {
        size_t n = o.length();
        for (size_t i = 0; i < n; ++i) fn(o.at(i));
      } else {
        for (const auto& k : o.keys()) fn(Value::string(k));
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace bengal::templates
