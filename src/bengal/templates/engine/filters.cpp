// The built-in filters, Jinja2's semantics. Each takes the value in place.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "bengal/core/date.hpp"
#include "bengal/core/html.hpp"
#include "bengal/core/json_text.hpp"
#include "bengal/core/slug.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/core/url_path.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/templates/engine/filter_args.hpp"
#include "bengal/templates/engine/parser.hpp"
#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {

using namespace filter;  // NOLINT: the helpers every filter uses

Value filter::get_path(const Value& v, std::string_view path) {
  Value cur = v;
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string_view part = path.substr(0, dot);
    bool digits = !part.empty() && std::all_of(part.begin(), part.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
    int64_t index = 0;
    if (digits) std::from_chars(part.data(), part.data() + part.size(), index);
    cur = digits ? cur.item(Value::integer(index)) : cur.attr(part);
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return cur;
}

namespace {

bool escape(Renderer&, Value& v, Args&, std::string&) {
  if (v.is_safe()) return true;
  v = Value::string(escaped(text(v)), true);
  return true;
}
bool safe(Renderer&, Value& v, Args&, std::string&) {
  v = v.is_string() ? v.with_safe(true) : Value::string(text(v), true);
  return true;
}
bool default_(Renderer&, Value& v, Args& a, std::string&) {
  const Value* def = a.get(0, "default_value");
  bool boolean = arg_bool(a, 1, "boolean", false);
  if (v.is_undefined() || (boolean && !v.truthy())) v = def ? *def : Value::string("");
  return true;
}
bool length(Renderer&, Value& v, Args&, std::string&) {
  v = Value::integer(static_cast<int64_t>(v.length()));
  return true;
}

// Python's str.upper()/str.lower() over the letters core/unicode_case knows.
std::string map_case(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();)
    upper ? append_upper_char(out, s, i) : append_lower_char(out, s, i);
  return out;
}
bool upper(Renderer&, Value& v, Args&, std::string&) {
  v = Value::string(map_case(text(v), true), v.is_safe());
  return true;
}
bool lower(Renderer&, Value& v, Args&, std::string&) {
  v = Value::string(map_case(text(v), false), v.is_safe());
  return true;
}
// Jinja2 starts a word after '-', whitespace, '(', '{', '[' or '<': "foo.bar" is "Foo.bar".
// Its result is plain text even from markup (do_title joins with a str).
bool title(Renderer&, Value& v, Args&, std::string&) {
  std::string s = text(v), out;
  out.reserve(s.size());
  bool start = true;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
        c == '(' || c == '{' || c == '[' || c == '<') {
      start = true;
      out += c;
      ++i;
      continue;
    }
    start ? append_upper_char(out, s, i) : append_lower_char(out, s, i);
    start = false;
  }
  v = Value::string(std::move(out));
  return true;
}
bool capitalize(Renderer&, Value& v, Args&, std::string&) {
  std::string s = text(v), out;
  size_t i = 0;
  if (!s.empty()) append_upper_char(out, s, i);
  out += map_case(std::string_view(s).substr(i), false);
  v = Value::string(std::move(out), v.is_safe());
  return true;
}
bool trim(Renderer&, Value& v, Args& a, std::string&) {
  std::string s = text(v);
  std::string chars = arg_str(a, 0, "chars", " \t\n\r\f\v");
  size_t b = s.find_first_not_of(chars), e = s.find_last_not_of(chars);
  v = Value::string(b == std::string::npos ? "" : s.substr(b, e - b + 1), v.is_safe());
  return true;
}
bool replace(Renderer& r, Value& v, Args& a, std::string& error) {
  if (a.positional.size() < 2) {
    error = "needs the old and the new text";
    return false;
  }
  // Markup among the old and new text makes the value markup, escaped first, as do_replace.
  if (r.autoescape() && !v.is_safe() && (a.positional[0].is_safe() || a.positional[1].is_safe()))
    v = Value::string(escaped(text(v)), true);
  std::string s = text(v), from = text(a.positional[0]);
  Value to_v = a.positional[1];
  // Replacing inside markup escapes the replacement, as Markup.replace does.
  std::string to =
      v.is_safe() && r.autoescape() && !to_v.is_safe() ? escaped(text(to_v)) : text(to_v);
  int64_t count = arg_int(a, 2, "count", -1);
  std::string out;
  size_t pos = 0;
  if (from.empty()) {  // Python inserts `to` around every character
    for (size_t i = 0; i < s.size() && count != 0; --count) {
      if (out.size() + to.size() > kMaxBuiltBytes) return too_large(error);
      out += to;
      size_t n = Value::char_bytes(s, i);
      out.append(s, i, n);
      i += n;
      pos = i;
    }
    if (count != 0) out += to;
    out.append(s, pos, std::string::npos);
  } else {
    for (size_t hit; count != 0 && (hit = s.find(from, pos)) != std::string::npos; --count) {
      out.append(s, pos, hit - pos);
      if (out.size() + to.size() > kMaxBuiltBytes) return too_large(error);
      out += to;
      pos = hit + from.size();
    }
    out.append(s, pos, std::string::npos);
  }
  v = Value::string(std::move(out), v.is_safe());
  return true;
}
// Jinja2's do_truncate: unchanged up to length + leeway characters; otherwise the first
// length - len(end) characters, cut back to the last space unless killwords, then `end`.
// Works on the bytes: a 10 MB word costs no more than its copy.
// Markup stays markup (its `end` escaped), as slicing a Markup does; a length shorter than
// `end` or a negative leeway is an error, as Jinja2's assertions make it.
bool truncate(Renderer& r, Value& v, Args& a, std::string& error) {
  Value str = v.is_string() ? v : Value::string(text(v));
  std::string_view s = str.as_view();
  int64_t length = arg_int(a, 0, "length", 255);
  bool killwords = arg_bool(a, 1, "killwords", false);
  std::string end = arg_str(a, 2, "end", "...");
  int64_t leeway = arg_int(a, 3, "leeway", 5);
  auto end_chars = static_cast<int64_t>(Value::view(end).length());
  if (length < end_chars || leeway < 0) {
    error = length < end_chars ? fmt::format("length {} is shorter than end '{}'", length, end)
                               : fmt::format("leeway must not be negative, got {}", leeway);
    return false;
  }
  if (v.is_safe() && r.autoescape()) end = escaped(end);
  // A text within length + leeway characters stays whole; a sum past int64 holds any text.
  int64_t fits = 0;
  if (__builtin_add_overflow(length, leeway, &fits) ||
      Value::prefix_bytes(s, static_cast<size_t>(fits)) == s.size())
    return true;
  std::string_view cut =
      s.substr(0, Value::prefix_bytes(s, static_cast<size_t>(length - end_chars)));
  if (!killwords) {
    size_t space = cut.rfind(' ');
    if (space != std::string_view::npos) cut = cut.substr(0, space);
  }
  std::string out(cut);
  out += end;
  v = Value::string(std::move(out), v.is_safe());
  return true;
}
bool wordcount(Renderer&, Value& v, Args&, std::string&) {
  std::string s = text(v);
  int64_t n = 0;
  bool in = false;
  for (char c : s) {
    bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                static_cast<unsigned char>(c) >= 0x80;
    if (word && !in) ++n;
    in = word;
  }
  v = Value::integer(n);
  return true;
}
// Markup.striptags: comments and tags (a '<' up to the next '>') removed, whitespace
// collapsed, entities unescaped. A '<' with no '>' after it is text.
bool striptags(Renderer&, Value& v, Args&, std::string&) {
  std::string s = text(v), out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t end = std::string::npos;
    if (s.compare(i, 4, "<!--") == 0 && (end = s.find("-->", i + 4)) != std::string::npos) {
      i = end + 2;
    } else if (s[i] == '<' && (end = s.find('>', i + 1)) != std::string::npos) {
      i = end;
    } else {
      out += s[i];
    }
  }
  // Collapse whitespace and unescape the common entities, as Markup.striptags does.
  std::string collapsed;
  bool space = false;
  for (char c : out) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  std::string result = markdown::decode_references(collapsed);
  v = Value::string(std::move(result));
  return true;
}
bool join(Renderer& r, Value& v, Args& a, std::string& error) {
  const Value* sep_v = a.get(0, "d");
  std::string sep = sep_v && !sep_v->is_undefined() ? sep_v->str() : "";
  const Value* attr = a.find("attribute");
  std::string out;
  bool first = true;
  bool esc = r.autoescape();
  bool any_safe = false;
  if (v.is_string() && attr == nullptr) {  // its characters, without a Value for each
    std::string_view s = v.as_view();
    for (size_t i = 0; i < s.size();) {
      size_t n = Value::char_bytes(s, i);
      if (out.size() + sep.size() + n > kMaxBuiltBytes) return too_large(error);
      if (i > 0) out += sep;
      out.append(s, i, n);
      i += n;
    }
    v = Value::string(std::move(out));
    return true;
  }
  List items = v.to_list();
  // As do_join: markup among the items, or a markup separator, makes the result markup, and
  // then the rest (the separator too) is escaped.
  bool sep_safe = sep_v && sep_v->is_safe();
  for (const Value& item : items) any_safe |= item.is_safe();
  any_safe |= sep_safe;
  if (esc && any_safe && !sep_safe) sep = escaped(sep);
  for (const Value& item0 : items) {
    Value item = attr ? get_path(item0, attr->str()) : item0;
    if (out.size() + sep.size() > kMaxBuiltBytes) return too_large(error);
    if (!first) out += sep;
    first = false;
    // Joining markup keeps it safe and escapes the rest, as Jinja's do_join does.
    if (esc && any_safe && !item.is_safe()) {
      append_markup_escaped(out, text(item));
    } else {
      item.append_str(out);
    }
  }
  if (out.size() > kMaxBuiltBytes) return too_large(error);
  v = Value::string(std::move(out), esc && any_safe);
  return true;
}
bool first(Renderer&, Value& v, Args&, std::string&) {
  if (v.is_string()) {
    v = v.as_view().empty() ? Value() : v.substring(0, Value::char_bytes(v.as_view(), 0));
    return true;
  }
  List items = v.to_list();
  v = items.empty() ? Value() : items.front();
  return true;
}
bool last(Renderer&, Value& v, Args&, std::string&) {
  if (v.is_string()) {
    std::string_view s = v.as_view();
    size_t start = 0, n = 0;
    for (size_t i = 0; i < s.size(); i += n) start = i, n = Value::char_bytes(s, i);
    v = s.empty() ? Value() : v.substring(start, n);
    return true;
  }
  List items = v.to_list();
  v = items.empty() ? Value() : items.back();
  return true;
}

Value one_sort_key(const Value& item, std::string_view path, bool case_sensitive) {
  Value k = path.empty() ? item : get_path(item, path);
  if (!case_sensitive && k.is_string()) return Value::string(map_case(k.as_view(), false));
  return k;
}
// The key an item sorts by; attribute="a,b" sorts by a, then b (a list of keys).
Value sort_key(const Value& item, const Value* attr, bool case_sensitive) {
  std::string path = attr ? attr->str() : "";
  if (path.find(',') == std::string::npos) return one_sort_key(item, path, case_sensitive);
  List keys;
  for (size_t i = 0; i <= path.size();) {
    size_t comma = std::min(path.find(',', i), path.size());
    keys.push_back(one_sort_key(item, std::string_view(path).substr(i, comma - i), case_sensitive));
    i = comma + 1;
  }
  return Value::list(std::move(keys));
}
// Python cannot order text against numbers: sorting a mix is an error, not an arbitrary order.
bool comparable_keys(const std::vector<std::pair<Value, Value>>& keyed, std::string& error) {
  bool text = false, number = false;
  for (const auto& [k, item] : keyed) {
    text |= k.is_string();
    number |= k.is_number() || k.kind() == Value::Kind::kBool;
  }
  if (text && number) {
    error = "cannot compare text with numbers: give attribute= or make the values one type";
    return false;
  }
  return true;
}
bool sort(Renderer&, Value& v, Args& a, std::string& error) {
  bool reverse = arg_bool(a, 0, "reverse", false);
  bool case_sensitive = arg_bool(a, 1, "case_sensitive", false);
  const Value* attr = a.get(2, "attribute");
  List items = v.to_list();
  std::vector<std::pair<Value, Value>> keyed;
  for (auto& item : items) keyed.emplace_back(sort_key(item, attr, case_sensitive), item);
  if (!comparable_keys(keyed, error)) return false;
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
    int c = compare(x.first, y.first);
    return reverse ? c > 0 : c < 0;
  });
  List out;
  for (auto& [k, item] : keyed) out.push_back(item);
  v = Value::list(std::move(out));
  return true;
}
bool reverse(Renderer&, Value& v, Args&, std::string&) {
  if (v.is_string()) {  // characters in reverse order, each kept whole
    std::string_view s = v.as_view();
    std::string out(s.size(), '\0');
    for (size_t i = 0; i < s.size();) {
      size_t n = Value::char_bytes(s, i);
      out.replace(s.size() - i - n, n, s.substr(i, n));
      i += n;
    }
    v = Value::string(std::move(out));
    return true;
  }
  List items = v.to_list();
  std::reverse(items.begin(), items.end());
  v = Value::list(std::move(items));
  return true;
}
bool unique(Renderer&, Value& v, Args& a, std::string&) {
  bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
  const Value* attr = a.get(1, "attribute");
  List out;
  // Keys seen so far, by a hash consistent with == for scalars (1, 1.0 and True are one key,
  // as in Python), so a long list stays linear; lists, dicts and objects are compared in turn.
  std::unordered_map<size_t, std::vector<Value>> scalars;
  std::vector<Value> others;
  for (const Value& item : v.to_list()) {
    Value k = sort_key(item, attr, case_sensitive);
    std::vector<Value>* seen = &others;
    if (k.is_string()) {
      seen = &scalars[std::hash<std::string_view>()(k.as_view())];
    } else if (k.is_number() || k.kind() == Value::Kind::kBool) {
      seen = &scalars[std::hash<double>()(k.as_float())];
    } else if (k.is_none() || k.is_undefined()) {
      seen = &scalars[0];
    }
    if (std::find(seen->begin(), seen->end(), k) != seen->end()) continue;
    seen->push_back(k);
    out.push_back(item);
  }
  v = Value::list(std::move(out));
  return true;
}
bool map(Renderer& r, Value& v, Args& a, std::string& error) {
  List out;
  const Value* attr = a.find("attribute");
  if (attr != nullptr) {
    const Value* def = a.find("default");
    for (const Value& item : v.to_list()) {
      Value x = get_path(item, attr->str());
      out.push_back(x.is_undefined() && def ? *def : x);
    }
  } else if (!a.positional.empty()) {
    std::string name = a.positional[0].str();
    const CustomFilter* custom = r.env().custom_filter(name);
    FilterFn f = custom ? nullptr : find_filter(name);
    if (f == nullptr && custom == nullptr) {
      error = "unknown filter '" + name + "'";
      return false;
    }
    Args rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const Value& item : v.to_list()) {
      Value x = item;
      if (!(custom ? (*custom)(x, rest, error) : f(r, x, rest, error))) return false;
      out.push_back(std::move(x));
    }
  } else {
    error = "needs a filter name or attribute=";
    return false;
  }
  v = Value::list(std::move(out));
  return true;
}

bool select_by(Renderer& r, Value& v, Args& a, std::string& error, bool by_attr, bool keep) {
  size_t first_arg = by_attr ? 1 : 0;
  std::string attr = by_attr ? arg_str(a, 0, "attribute", "") : "";
  TestFn test = nullptr;
  const CustomTest* custom = nullptr;
  Args rest;
  if (a.positional.size() > first_arg) {
    std::string name = a.positional[first_arg].str();
    custom = r.env().custom_test(name);
    if (custom == nullptr) test = find_test(name);
    if (test == nullptr && custom == nullptr) {
      error = "unknown test '" + name + "'";
      return false;
    }
    rest.positional.assign(a.positional.begin() + static_cast<long>(first_arg) + 1,
                           a.positional.end());
  }
  List out;
  for (const Value& item : v.to_list()) {
    Value x = by_attr ? get_path(item, attr) : item;
    bool ok = custom ? (*custom)(x, rest) : test ? test(x, rest, error) : x.truthy();
    if (!error.empty()) return false;
    if (ok == keep) out.push_back(item);
  }
  v = Value::list(std::move(out));
  return true;
}
bool select(Renderer& r, Value& v, Args& a, std::string& e) {
  return select_by(r, v, a, e, false, true);
}
bool reject(Renderer& r, Value& v, Args& a, std::string& e) {
  return select_by(r, v, a, e, false, false);
}
bool selectattr(Renderer& r, Value& v, Args& a, std::string& e) {
  return select_by(r, v, a, e, true, true);
}
bool rejectattr(Renderer& r, Value& v, Args& a, std::string& e) {
  return select_by(r, v, a, e, true, false);
}

// do_batch: a new batch starts when the current one holds `linecount` items, exactly as
// Jinja2's loop does it (so 0 starts with an empty batch and a size that is not a number
// never closes one); the last batch is padded with `fill_with`.
bool batch(Renderer&, Value& v, Args& a, std::string& error) {
  const Value* size = a.get(0, "linecount");
  if (size == nullptr) {
    error = "needs the batch size";
    return false;
  }
  bool numeric = size->is_number() || size->kind() == Value::Kind::kBool;
  int64_t n = numeric ? size->as_int() : -1;
  const Value* fill = a.get(1, "fill_with");
  // Filling a batch of a trillion would never end: sizes to fill are bounded as range() is.
  if (fill && !fill->is_none() && (!numeric || n > 1'000'000)) {
    error = "with fill_with, the size must be a number up to 1000000";
    return false;
  }
  List out, cur;
  for (const Value& item : v.to_list()) {
    if (static_cast<int64_t>(cur.size()) == n) out.push_back(Value::list(std::exchange(cur, {})));
    cur.push_back(item);
  }
  if (!cur.empty()) {
    while (fill && !fill->is_none() && static_cast<int64_t>(cur.size()) < n) cur.push_back(*fill);
    out.push_back(Value::list(std::move(cur)));
  }
  v = Value::list(std::move(out));
  return true;
}
bool slice(Renderer&, Value& v, Args& a, std::string& error) {
  int64_t n = arg_int(a, 0, "slices", 0);
  if (n <= 0 || n > 100000) {
    error = "needs a number of slices from 1 to 100000";
    return false;
  }
  const Value* fill = a.get(1, "fill_with");
  List items = v.to_list(), out;
  auto len = static_cast<int64_t>(items.size());
  int64_t per = len / n, extra = len % n, offset = 0;
  for (int64_t i = 0; i < n; ++i) {
    int64_t start = offset + i * per;
    if (i < extra) ++offset;
    int64_t end = offset + (i + 1) * per;
    List part(items.begin() + start, items.begin() + end);
    if (fill && i >= extra) part.push_back(*fill);
    out.push_back(Value::list(std::move(part)));
  }
  v = Value::list(std::move(out));
  return true;
}
bool sum(Renderer&, Value& v, Args& a, std::string& error) {
  const Value* attr = a.get(0, "attribute");
  const Value* start = a.get(1, "start");
  bool is_float = start && start->kind() == Value::Kind::kFloat;
  double f = start ? start->as_float() : 0;
  int64_t i = start ? start->as_int() : 0;
  for (const Value& item : v.to_list()) {
    Value x = attr ? get_path(item, attr->str()) : item;
    if (!x.is_number() && x.kind() != Value::Kind::kBool) {
      error = std::string("can only add numbers, not ") + x.type_name();
      return false;
    }
    if (x.kind() == Value::Kind::kFloat) is_float = true;
    f += x.as_float();
    if (__builtin_add_overflow(i, x.as_int(), &i)) is_float = true;
  }
  v = is_float ? Value::number(f) : Value::integer(i);
  return true;
}
bool minmax(Value& v, Args& a, bool want_max) {
  bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
  const Value* attr = a.get(1, "attribute");
  List items = v.to_list();
  if (items.empty()) {
    v = Value();
    return true;
  }
  size_t best = 0;
  for (size_t i = 1; i < items.size(); ++i) {
    int c = compare(sort_key(items[i], attr, case_sensitive),
                    sort_key(items[best], attr, case_sensitive));
    if (want_max ? c > 0 : c < 0) best = i;
  }
  v = items[best];
  return true;
}
bool min(Renderer&, Value& v, Args& a, std::string&) {
  return minmax(v, a, false);
}
bool max(Renderer&, Value& v, Args& a, std::string&) {
  return minmax(v, a, true);
}
bool abs_(Renderer&, Value& v, Args&, std::string& error) {
  if (v.kind() == Value::Kind::kBool) v = Value::integer(v.as_int());  // abs(True) is 1
  if (!v.is_number()) {
    error = std::string("needs a number, not ") + v.type_name();
    return false;
  }
  v = v.kind() == Value::Kind::kInt && v.as_int() != INT64_MIN
          ? Value::integer(std::llabs(v.as_int()))
          : Value::number(std::fabs(v.as_float()));
  return true;
}
bool round_(Renderer&, Value& v, Args& a, std::string& error) {
  int64_t precision = std::clamp<int64_t>(arg_int(a, 0, "precision", 0), -308, 308);
  std::string method = arg_str(a, 1, "method", "common");
  if (method != "common" && method != "ceil" && method != "floor") {
    error = "method must be common, ceil or floor";
    return false;
  }
  if (!v.is_number() && v.kind() != Value::Kind::kBool) {
    error = std::string("needs a number, not ") + v.type_name();
    return false;
  }
  double scale = std::pow(10.0, static_cast<double>(precision));
  if (method != "common") {  // math.ceil/floor(value * 10**precision) / 10**precision
    double x = v.as_float() * scale;
    v = Value::number((method == "ceil" ? std::ceil(x) : std::floor(x)) / scale);
    return true;
  }
  // Python's round(): half to even on the exact binary value, so round(2.675, 2) is 2.67;
  // fixed-point printing rounds the same way. round() of an integer stays an integer.
  bool is_int = v.kind() != Value::Kind::kFloat;
  if (is_int && precision >= 0) {
    v = Value::integer(v.as_int());
    return true;
  }
  double x = v.as_float();
  if (precision > 0 && std::isfinite(x)) {
    x = std::strtod(fmt::format("{:.{}f}", x, precision).c_str(), nullptr);
  } else if (std::isfinite(x)) {
    x = std::nearbyint(x * scale) / scale;
  }
  v = is_int ? Value::integer(Value::truncate(x)) : Value::number(x);
  return true;
}

// Python's text-to-number rules for int() and float(): surrounding whitespace, a sign, and
// single underscores between digits; `digits` gets the text without them.
bool python_number_text(std::string_view s, std::string& digits) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  digits.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '_') {
      digits += s[i];
      continue;
    }
    if (i == 0 || i + 1 == s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
        !std::isalnum(static_cast<unsigned char>(s[i - 1])))
      return false;
  }
  return !digits.empty();
}
// int(s, base): base 2..36, or 0 to take it from a 0x/0o/0b prefix; a prefix matching the
// base is allowed.
bool parse_python_int(std::string_view s, int base, int64_t& out) {
  std::string d;
  if (!python_number_text(s, d) || base == 1 || base < 0 || base > 36) return false;
  std::string_view t = d;
  bool negative = t.starts_with('-');
  if (t.starts_with('-') || t.starts_with('+')) t.remove_prefix(1);
  if (t.size() > 2 && t[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(t[1])));
    int prefixed = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefixed != 0 && (base == 0 || base == prefixed)) {
      base = prefixed;
      t.remove_prefix(2);
    }
  }
  if (base == 0) base = 10;
  if (t.empty() || t.front() == '-' || t.front() == '+') return false;
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), magnitude, base);
  if (end != t.data() + t.size()) return false;
  if (ec == std::errc::result_out_of_range || magnitude > uint64_t{INT64_MAX}) {
    out = negative ? INT64_MIN : INT64_MAX;  // saturates: Python's ints have no limit
  } else {
    out = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
  }
  return true;
}
bool parse_python_float(std::string_view s, double& out) {
  std::string d;
  if (!python_number_text(s, d)) return false;
  // strtod also reads hex floats and "nan(...)", which Python does not.
  if (d.find_first_of("xX(") != std::string::npos) return false;
  char* end = nullptr;
  out = std::strtod(d.c_str(), &end);
  return end == d.c_str() + d.size();
}
// do_int: int(value, base) for text, else int(value); failing that int(float(value)); failing
// that the default.
bool int_(Renderer&, Value& v, Args& a, std::string&) {
  const Value* def = a.get(0, "default");
  auto base = static_cast<int>(std::clamp<int64_t>(arg_int(a, 1, "base", 10), -1, 37));
  int64_t n = 0;
  double d = 0;
  if (v.is_number() || v.kind() == Value::Kind::kBool) {
    v = Value::integer(v.as_int());
  } else if (v.is_string() && parse_python_int(v.as_view(), base, n)) {
    v = Value::integer(n);
  } else if (v.is_string() && parse_python_float(v.as_view(), d) && std::isfinite(d)) {
    v = Value::integer(Value::truncate(d));
  } else {
    v = def ? *def : Value::integer(0);
  }
  return true;
}
bool float_(Renderer&, Value& v, Args& a, std::string&) {
  const Value* def = a.get(0, "default");
  double d = 0;
  if (v.is_number() || v.kind() == Value::Kind::kBool) {
    v = Value::number(v.as_float());
  } else if (v.is_string() && parse_python_float(v.as_view(), d)) {
    v = Value::number(d);
  } else {
    v = def ? *def : Value::number(0.0);
  }
  return true;
}
bool string(Renderer&, Value& v, Args&, std::string&) {
  if (!v.is_string()) v = Value::string(text(v));
  return true;
}
bool list(Renderer&, Value& v, Args&, std::string&) {
  v = Value::list(v.to_list());
  return true;
}
// A mapping's (key, value) pairs; undefined gives none, anything else is an error.
bool items(Renderer&, Value& v, Args&, std::string& error) {
  List out;
  if (v.kind() != Value::Kind::kDict && !v.is_undefined() &&
      (v.kind() != Value::Kind::kObject || v.as_object().is_sequence())) {
    error = std::string("needs a mapping, not ") + v.type_name();
    return false;
  }
  if (v.kind() == Value::Kind::kDict) {
    for (const auto& [k, x] : v.as_dict()) out.push_back(Value::tuple(List{Value::string(k), x}));
  } else if (v.kind() == Value::Kind::kObject) {
    for (const auto& k : v.as_object().keys())
      out.push_back(Value::tuple(List{Value::string(k), v.attr(k)}));
  }
  v = Value::list(std::move(out));
  return true;
}
bool dictsort(Renderer& r, Value& v, Args& a, std::string& e) {
  bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
  std::string by = arg_str(a, 1, "by", "key");
  if (by != "key" && by != "value") {
    e = fmt::format("by= takes \"key\" or \"value\", not \"{}\"", by);
    return false;
  }
  bool by_value = by == "value";
  bool reverse = arg_bool(a, 2, "reverse", false);
  if (!items(r, v, a, e)) return false;
  List pairs = v.as_list();
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Value& x, const Value& y) {
    int c = compare(sort_key(x.as_list()[by_value], nullptr, case_sensitive),
                    sort_key(y.as_list()[by_value], nullptr, case_sensitive));
    return reverse ? c > 0 : c < 0;
  });
  v = Value::list(std::move(pairs));
  return true;
}
// Jinja2's url_quote: urllib's quote() keeping '/' for a whole string; for the keys and values
// of a query (`for_query`), '/' is quoted too and a space becomes '+'.
void append_urlencoded(std::string& out, std::string_view s, bool for_query = false) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' ||
        (c == '/' && !for_query)) {
      out += ch;
    } else if (c == ' ' && for_query) {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}
// do_urlencode: text (and any non-iterable) quoted whole; a dict, or a sequence of pairs, as
// a query string.
bool urlencode(Renderer&, Value& v, Args&, std::string&) {
  std::string out;
  auto pair = [&out](const Value& k, const Value& x) {
    if (!out.empty()) out += '&';
    append_urlencoded(out, text(k), true);
    out += '=';
    append_urlencoded(out, text(x), true);
  };
  if (v.kind() == Value::Kind::kDict) {
    for (const auto& [k, x] : v.as_dict()) pair(Value::view(k), x);
  } else if (v.kind() == Value::Kind::kList ||
             (v.kind() == Value::Kind::kObject && v.as_object().is_sequence())) {
    for (const Value& item : v.to_list())
      pair(item.item(Value::integer(0)), item.item(Value::integer(1)));
  } else {
    append_urlencoded(out, text(v));
  }
  v = Value::string(std::move(out));
  return true;
}
// JSON of `v` into `out`. Namespaces are mutable and can hold themselves, and shared lists can
// nest a value 2^n times in n statements: a value met again inside itself, nesting past 64
// levels or text past 64 MB is an error (`error` says which) rather than endless output.
struct JsonWriter {
  std::string& out;
  std::string& error;
  std::vector<const void*> open;  // namespaces and other objects being written
  int indent = -1;                // json.dumps(indent=): -1 for one line
  int level = 0;                  // containers open, for the indentation

  static constexpr size_t kMaxIndent = 64;

  // Between items: ", " on one line, else "," and a new indented line.
  void separate(bool first) {
    if (indent < 0) {
      if (!first) out += ", ";
      return;
    }
    if (!first) out += ',';
    newline();
  }
  void newline() {
    out += '\n';
    out.append(static_cast<size_t>(indent) * static_cast<size_t>(level), ' ');
  }

  static constexpr size_t kMaxDepth = 64;

  bool write(const Value& v, size_t depth) {
    if (depth > kMaxDepth) {
      error = "value nested more than 64 levels deep";
      return false;
    }
    if (out.size() > kMaxBuiltBytes) {
      error = "JSON text larger than 64 MB";
      return false;
    }
    switch (v.kind()) {
      case Value::Kind::kUndefined:
      case Value::Kind::kFunction:
        error = std::string("a value of type ") + v.type_name() + " is not JSON serializable";
        return false;
      case Value::Kind::kNone:
        out += "null";
        return true;
      case Value::Kind::kBool:
        out += v.as_bool() ? "true" : "false";
        return true;
      case Value::Kind::kInt:
        v.append_str(out);
        return true;
      case Value::Kind::kFloat:
        if (std::isnan(v.as_float()))
          out += "NaN";
        else if (std::isinf(v.as_float()))
          out += v.as_float() < 0 ? "-Infinity" : "Infinity";
        else
          v.append_str(out);
        return true;
      case Value::Kind::kObject: {
        const void* id = &v.as_object();
        if (std::find(open.begin(), open.end(), id) != open.end()) {
          error = "the value contains itself (a namespace holding itself)";
          return false;
        }
        open.push_back(id);
        bool ok;
        if (!v.as_object().is_sequence()) {
          Dict d;
          for (const auto& k : v.as_object().keys()) d.emplace_back(k, v.attr(k));
          ok = write(Value::dict(std::move(d)), depth + 1);
        } else {
          ok = write_list(v, depth);
        }
        open.pop_back();
        return ok;
      }
      case Value::Kind::kList:
        return write_list(v, depth);
      case Value::Kind::kDict: {
        // Jinja's tojson sorts keys.
        Dict sorted = v.as_dict();
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        out += '{';
        ++level;
        bool first = true;
        for (const auto& [k, x] : sorted) {
          separate(first);
          first = false;
          append_json_string(out, k, JsonStyle::kPythonHtmlSafe);
          out += ": ";
          if (!write(x, depth + 1)) return false;
        }
        --level;
        if (!first && indent >= 0) newline();
        out += '}';
        return true;
      }
      default:
        append_json_string(out, v.str(), JsonStyle::kPythonHtmlSafe);
        return true;
    }
  }

  bool write_list(const Value& v, size_t depth) {
    out += '[';
    ++level;
    size_t i = 0;
    for (const Value& x : v.to_list()) {
      separate(i++ == 0);
      if (!write(x, depth + 1)) return false;
    }
    --level;
    if (i > 0 && indent >= 0) newline();
    out += ']';
    return true;
  }
};

bool tojson(Renderer&, Value& v, Args& a, std::string& error) {
  std::string out;
  const Value* indent = a.get(0, "indent");
  JsonWriter writer{out, error, {}};
  if (indent && indent->is_number())
    writer.indent =
        static_cast<int>(std::clamp<int64_t>(indent->as_int(), 0, JsonWriter::kMaxIndent));
  if (!writer.write(v, 0)) return false;
  v = Value::string(std::move(out), true);
  return true;
}
bool indent(Renderer&, Value& v, Args& a, std::string& error) {
  const Value* w = a.get(0, "width");
  std::string pad =
      w && w->is_string()
          ? std::string(w->as_view())
          : std::string(static_cast<size_t>(w ? std::clamp<int64_t>(w->as_int(), 0, 256) : 4), ' ');
  bool first = arg_bool(a, 1, "first", false);
  bool blank = arg_bool(a, 2, "blank", false);
  // Jinja2 appends a newline and then splits lines, so a trailing newline survives and the
  // first line is indented only with first=True, even when it is blank.
  std::string s = text(v) + "\n", out;
  std::vector<std::string_view> lines = split_lines(s);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (out.size() + pad.size() + lines[i].size() > kMaxBuiltBytes) return too_large(error);
    if (i > 0) out += '\n';
    if (i > 0 && (blank || !lines[i].empty())) out += pad;
    out += lines[i];
  }
  if (first) out.insert(0, pad);
  v = Value::string(std::move(out), v.is_safe());
  return true;
}
// Text padded or cut as printf's %-W.Ps would, counting characters: `spec` is "%-W.P".
std::string pad_chars(std::string_view spec, std::string s) {
  bool left = spec.find('-') != std::string_view::npos;
  size_t dot = spec.find('.');
  auto number = [](std::string_view digits) {
    size_t n = 0;
    for (char c : digits)
      if (c >= '0' && c <= '9') n = n * 10 + static_cast<size_t>(c - '0');
    return n;
  };
  size_t width = number(spec.substr(0, dot));
  if (dot != std::string_view::npos) s.resize(Value::prefix_bytes(s, number(spec.substr(dot + 1))));
  size_t chars = Value::char_count(s);
  if (chars < width) s.insert(left ? s.size() : 0, width - chars, ' ');
  return s;
}
bool format(Renderer& r, Value& v, Args& a, std::string& error) {
  // printf-style: %s %d %i %f %.Nf %x %% with the positional arguments. Formatting markup
  // escapes the text put into it, as Markup's % does.
  bool markup = v.is_safe() && r.autoescape();
  std::string f = text(v), out;
  size_t next = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    size_t j = i + 1;
    // %(name)s takes the keyword argument `name`, as Python's `text % mapping`.
    std::string_view key;
    if (j < f.size() && f[j] == '(') {
      size_t close = f.find(')', j);
      if (close == std::string::npos) {
        error = "incomplete format key";
        return false;
      }
      key = std::string_view(f).substr(j + 1, close - j - 1);
      j = close + 1;
    }
    size_t spec_start = j;
    // Not strchr: it finds a NUL byte of the text in the set's terminator.
    while (j < f.size() && std::string_view("-+ #0123456789.").find(f[j]) != std::string::npos) ++j;
    if (j >= f.size()) {
      error = "incomplete format";
      return false;
    }
    char conv = f[j];
    if (conv == '%') {
      out += '%';
      i = j;
      continue;
    }
    const Value* found = key.data() != nullptr        ? a.find(key)
                         : next < a.positional.size() ? &a.positional[next++]
                                                      : nullptr;
    if (found == nullptr) {
      error = key.data() != nullptr ? fmt::format("no argument named '{}' for format", key)
                                    : "not enough arguments for format string";
      return false;
    }
    const Value& arg = *found;
    std::string spec = fmt::format("%{}", f.substr(spec_start, j - spec_start));
    // A width or precision is padding the template asks for: bounded, so that %999999999d is
    // an error rather than a gigabyte of spaces.
    for (size_t k = 0; k < spec.size();) {
      size_t digits = std::min(spec.find_first_not_of("0123456789", k), spec.size()) - k;
      if (digits > 4 || (digits == 4 && spec.compare(k, 4, "1000") > 0)) {
        error = "format width or precision larger than 1000";
        return false;
      }
      k += std::max<size_t>(digits, 1);
    }
    std::string buf;
    // snprintf into `buf`, sized first: %s of any length stays whole.
    auto print = [&buf, &spec](auto arg) {
      int n = std::snprintf(nullptr, 0, spec.c_str(), arg);
      buf.assign(static_cast<size_t>(std::max(n, 0)) + 1, '\0');
      std::snprintf(buf.data(), buf.size(), spec.c_str(), arg);
      buf.pop_back();
    };
    switch (conv) {
      case 's':
      case 'r':
        // Widths and precisions count characters, not bytes, as Python does.
        buf = pad_chars(spec, markup && !arg.is_safe() ? escaped(text(arg)) : text(arg));
        break;
      case 'd':
      case 'i':
        spec += "lld";
        print(static_cast<long long>(arg.as_int()));
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'g':
        spec += conv;
        print(arg.as_float());
        break;
      case 'x':
      case 'X':
      case 'o':
        spec += "ll";
        spec += conv;
        print(static_cast<long long>(arg.as_int()));
        break;
      default:
        // As Python names it: a byte that does not print is shown as its code.
        auto byte = static_cast<unsigned char>(conv);
        error = byte >= 0x20 && byte < 0x7f
                    ? fmt::format("unsupported format character '{}'", conv)
                    : fmt::format("unsupported format character '\\x{:02x}'", byte);
        return false;
    }
    out += buf;
    i = j;
  }
  v = Value::string(std::move(out), markup);
  return true;
}
bool slugify_(Renderer&, Value& v, Args&, std::string&) {
  v = Value::string(slugify(text(v)));
  return true;
}
bool date(Renderer&, Value& v, Args& a, std::string& error) {
  std::string fmt = arg_str(a, 0, "format", "%Y-%m-%d");
  if (v.is_undefined() || v.is_none()) {
    v = Value::string("");
    return true;
  }
  std::optional<Date> d = parse_date(text(v));
  if (!d) {
    error = "'" + text(v) + "' is not a date";
    return false;
  }
  v = Value::string(d->format(fmt));
  return true;
}
// The HTML of Markdown text, without its paragraph when `inline` and it is one paragraph:
// "Hello *x*" in a title or a badge, not a block.
bool render_markdown(Renderer& r, Value& v, bool inline_text, std::string& error) {
  if (!r.env().markdown()) {
    error = "no Markdown renderer is set";
    return false;
  }
  std::string html = r.env().markdown()(text(v));
  if (inline_text) html = std::string(without_single_paragraph(html));
  v = Value::string(std::move(html), true);
  return true;
}
// Hugo's markdownify: one paragraph loses its <p>, as Hugo trims short HTML.
bool markdownify(Renderer& r, Value& v, Args&, std::string& error) {
  return render_markdown(r, v, true, error);
}
// Zola's markdown(inline=false): the paragraph stays unless inline=true.
bool markdown_filter(Renderer& r, Value& v, Args& a, std::string& error) {
  return render_markdown(r, v, arg_bool(a, 0, "inline", false), error);
}
bool relative_url(Renderer& r, Value& v, Args&, std::string&) {
  std::string s = text(v);
  if (s.find("://") != std::string::npos || s.starts_with("//")) return true;
  if (!s.starts_with('/')) s = "/" + s;
  v = Value::string(r.env().base_path() + s);
  return true;
}
// relative_to(base): the link from the page at `base` to this site path (core/url_path.hpp).
bool relative_to(Renderer&, Value& v, Args& a, std::string&) {
  v = Value::string(relative_url_path(arg_str(a, 0, "base", ""), text(v)));
  return true;
}
bool absolute_url(Renderer& r, Value& v, Args&, std::string&) {
  std::string s = text(v);
  if (s.find("://") != std::string::npos) return true;
  if (!s.starts_with('/')) s = "/" + s;
  // A path already carrying the base path is not prefixed twice.
  const std::string& base = r.env().base_path();
  if (!base.empty() && (s == base || s.starts_with(base + "/"))) s = s.substr(base.size());
  v = Value::string(r.env().baseurl() + s);
  return true;
}

// do_attr: Python's getattr, never an item: a host object's attribute, else undefined (the
// keys of a dict are items, not attributes).
bool attr(Renderer&, Value& v, Args& a, std::string&) {
  std::string name = arg_str(a, 0, "name", "");
  v = v.kind() == Value::Kind::kObject ? v.as_object().attr(name) : Value();
  return true;
}
// do_random, made reproducible: the item is picked by a hash (FNV-1a) of the sequence's printed
// form, so the same input gives the same pick in every build.
bool random(Renderer&, Value& v, Args&, std::string& error) {
  if (v.kind() == Value::Kind::kDict ||
      (v.kind() == Value::Kind::kObject && !v.as_object().is_sequence())) {
    error = "needs a sequence, not a mapping";
    return false;
  }
  List items = v.to_list();
  if (items.empty()) {  // Jinja2 gives undefined for an empty sequence
    v = Value();
    return true;
  }
  uint64_t hash = 14695981039346656037ull;
  for (char c : v.str()) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  v = items[hash % items.size()];
  return true;
}

// Filters that walk their value: as in Python, a number, boolean, none or function is not
// iterable and is an error (undefined stays an empty sequence).
template <FilterFn F>
bool over_items(Renderer& r, Value& v, Args& a, std::string& error) {
  if (!v.is_iterable() && !v.is_undefined()) {
    error = std::string("needs a sequence or mapping, not ") + v.type_name();
    return false;
  }
  return F(r, v, a, error);
}

struct Named {
  std::string_view name;
  FilterFn fn;
};
constexpr Named kFilters[] = {
    {"abs", abs_},
    {"absolute_url", absolute_url},
    {"attr", attr},
    {"batch", over_items<batch>},
    {"capitalize", capitalize},
    {"center", center},
    {"count", over_items<length>},
    {"d", default_},
    {"date", date},
    {"default", default_},
    {"dictsort", over_items<dictsort>},
    {"e", escape},
    {"escape", escape},
    {"filesizeformat", filesizeformat},
    {"first", over_items<first>},
    {"float", float_},
    {"forceescape", forceescape},
    {"format", format},
    {"groupby", over_items<groupby>},
    {"indent", indent},
    {"int", int_},
    {"items", items},
    {"join", over_items<join>},
    {"last", over_items<last>},
    {"length", over_items<length>},
    {"list", over_items<list>},
    {"lower", lower},
    {"map", over_items<map>},
    {"markdown", markdown_filter},  // Zola's
    {"markdownify", markdownify},
    {"max", over_items<max>},
    {"min", over_items<min>},
    {"pprint", pprint},
    {"random", over_items<random>},
    {"reject", over_items<reject>},
    {"rejectattr", over_items<rejectattr>},
    {"relative_to", relative_to},
    {"relative_url", relative_url},
    {"replace", replace},
    {"reverse", over_items<reverse>},
    {"round", round_},
    {"safe", safe},
    {"select", over_items<select>},
    {"selectattr", over_items<selectattr>},
    {"slice", over_items<slice>},
    {"slugify", slugify_},
    {"sort", over_items<sort>},
    {"string", string},
    {"striptags", striptags},
    {"sum", over_items<sum>},
    {"title", title},
    {"tojson", tojson},
    {"trim", trim},
    {"truncate", truncate},
    {"unique", over_items<unique>},
    {"upper", upper},
    {"urlencode", urlencode},
    {"urlize", urlize},
    {"wordcount", wordcount},
    {"wordwrap", wordwrap},
    {"xmlattr", xmlattr},
};

}  // namespace

FilterFn find_filter(std::string_view name) {
  for (const auto& f : kFilters)
    if (f.name == name) return f.fn;
  return nullptr;
}

}  // namespace bengal::templates
