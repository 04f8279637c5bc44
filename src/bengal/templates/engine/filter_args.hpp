// Internal to the template engine: how the built-in filters (filters*.cpp) read their
// arguments and text, and the filters that live outside filters.cpp, for its table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates::filter {

using Args = CallArgs;

inline std::string text(const Value& v) {
  return v.str();
}
inline std::string escaped(std::string_view s) {
  std::string out;
  append_markup_escaped(out, s);
  return out;
}
// For a filter whose result would pass kMaxBuiltBytes.
inline bool too_large(std::string& error) {
  error = "result larger than 64 MB";
  return false;
}
inline bool arg_bool(const Args& a, size_t i, std::string_view name, bool def) {
  const Value* v = a.get(i, name);
  return v ? v->truthy() : def;
}
inline int64_t arg_int(const Args& a, size_t i, std::string_view name, int64_t def) {
  const Value* v = a.get(i, name);
  return v && v->is_number() ? v->as_int() : def;
}
inline std::string arg_str(const Args& a, size_t i, std::string_view name, std::string def) {
  const Value* v = a.get(i, name);
  return v && !v->is_undefined() ? v->str() : std::move(def);
}

// Python's str.splitlines(): lines split at \n, \r\n, \r, \v, \f and \x1c-\x1e, without
// their ends; no last empty line for text that ends with a line break.
inline std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\n' && c != '\r' && c != '\v' && c != '\f' && (c < '\x1c' || c > '\x1e')) continue;
    lines.push_back(s.substr(start, i - start));
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

// "a.b.0": nested attribute or index lookup, as Jinja's attribute= arguments allow
// (filters.cpp).
Value get_path(const Value& v, std::string_view path);

// filters_groupby.cpp: groupby, whose groups are (grouper, list) tuples.
bool groupby(Renderer& r, Value& v, Args& a, std::string& error);

// filters_text.cpp: Jinja2's text layout and markup filters.
bool center(Renderer& r, Value& v, Args& a, std::string& error);
bool filesizeformat(Renderer& r, Value& v, Args& a, std::string& error);
bool forceescape(Renderer& r, Value& v, Args& a, std::string& error);
bool pprint(Renderer& r, Value& v, Args& a, std::string& error);
bool urlize(Renderer& r, Value& v, Args& a, std::string& error);
bool wordwrap(Renderer& r, Value& v, Args& a, std::string& error);
bool xmlattr(Renderer& r, Value& v, Args& a, std::string& error);

}  // namespace bengal::templates::filter
