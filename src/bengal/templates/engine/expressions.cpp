// The expression half of the interpreter: evaluates literals, names, operators, subscripts,
// filters, tests and calls with Jinja2's (that is, Python's) semantics. Statements are run by
// statements.cpp.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "bengal/templates/engine/parser.hpp"
#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {
namespace {

// Characters start, start + step, ... before stop of `s` (Python's s[start:stop:step] with the
// bounds already clamped).
std::string slice_text(std::string_view s, int64_t start, int64_t stop, int64_t step) {
  std::string out;
  if (step == 1) {  // the common s[a:b]: two walks, one copy
    if (start >= stop) return out;
    size_t from = Value::prefix_bytes(s, static_cast<size_t>(start));
    size_t to = from + Value::prefix_bytes(s.substr(from), static_cast<size_t>(stop - start));
    return std::string(s.substr(from, to - from));
  }
  std::vector<size_t> starts;  // of each character, and the end
  for (size_t pos = 0; pos < s.size(); pos += Value::char_bytes(s, pos)) starts.push_back(pos);
  starts.push_back(s.size());
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    auto c = static_cast<size_t>(i);
    out.append(s, starts[c], starts[c + 1] - starts[c]);
  }
  return out;
}

// base[start:stop:step] (parts, each may be missing) with Python's rules for missing and
// negative bounds. A string is sliced by walking its characters, never as a list of them.
// Returns false on a zero step.
bool slice(const Value& base, const Value (&parts)[3], Value& out) {
  std::string_view text = base.as_view();
  // A list or a sequence object is read in place, only at the indexes the slice takes: the
  // first 7 of a 100-entry menu cost 7 entries, not a copy of all 100.
  const Object* sequence = base.kind() == Value::Kind::kObject && base.as_object().is_sequence()
                               ? &base.as_object()
                               : nullptr;
  List copied;
  const List* items = &copied;
  if (base.kind() == Value::Kind::kList) {
    items = &base.as_list();
  } else if (!base.is_string() && sequence == nullptr) {
    copied = base.to_list();
  }
  auto n = static_cast<int64_t>(base.is_string() ? Value::char_count(text)
                                : sequence       ? sequence->length()
                                                 : items->size());
  int64_t step = parts[2].is_number() ? parts[2].as_int() : 1;
  if (step == 0) return false;
  auto clamp = [&](const Value& v, int64_t def) {
    if (!v.is_number()) return def;
    int64_t i = v.as_int();
    if (i < 0) i += n;
    return step > 0 ? std::clamp<int64_t>(i, 0, n) : std::clamp<int64_t>(i, -1, n - 1);
  };
  int64_t start = clamp(parts[0], step > 0 ? 0 : n - 1);
  int64_t stop = clamp(parts[1], step > 0 ? n : -1);
  // A step longer than the sequence takes the start alone; bounding it keeps i + step in range.
  step = std::clamp<int64_t>(step, -n - 1, n + 1);
  if (base.is_string()) {
    out = Value::string(slice_text(text, start, stop, step), base.is_safe());
    return true;
  }
  List sliced;
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    auto at = static_cast<size_t>(i);
    sliced.push_back(sequence ? sequence->at(at) : (*items)[at]);
  }
  out = Value::list(std::move(sliced));
  return true;
}

bool is_intlike(const Value& v) {
  return v.kind() == Value::Kind::kInt || v.kind() == Value::Kind::kBool;
}

bool is_numeric(const Value& v) {
  return v.is_number() || v.kind() == Value::Kind::kBool;
}

// --- arithmetic: + - * / // % ** ---
// As in Python, booleans count as integers; integers stay exact until they overflow 64 bits,
// then become floats (Python would grow them); / always gives a float; // and % round
// toward negative infinity, so a % b takes the sign of b.

// What an arithmetic operator made of its operands: a value, or why not.
enum class Arith : uint8_t { kOk, kTypeError, kDivisionByZero, kRepetitionTooLarge };

struct Operands {
  const Value& a;
  const Value& b;
  bool nums;  // both numbers or booleans
  bool ints;  // both integers or booleans
};

Arith add(const Operands& o, Value& out) {
  const Value& a = o.a;
  const Value& b = o.b;
  if (o.nums) {
    int64_t r;
    out = o.ints && !__builtin_add_overflow(a.as_int(), b.as_int(), &r)
              ? Value::integer(r)
              : Value::number(a.as_float() + b.as_float());
  } else if (a.is_string() && b.is_string() && (a.is_safe() || b.is_safe())) {
    // Markup + text escapes the text, as markupsafe's Markup.__add__ does.
    std::string s;
    for (const Value* part : {&a, &b}) {
      if (part->is_safe()) {
        s += part->as_view();
      } else {
        append_markup_escaped(s, part->as_view());
      }
    }
    out = Value::string(std::move(s), true);
  } else if (a.is_string() && b.is_string()) {
    out = Value::string(std::string(a.as_view()) + std::string(b.as_view()));
  } else if (a.kind() == Value::Kind::kList && b.kind() == Value::Kind::kList) {
    List l = a.as_list();
    l.insert(l.end(), b.as_list().begin(), b.as_list().end());
    out = Value::list(std::move(l));
  } else {
    return Arith::kTypeError;
  }
  return Arith::kOk;
}

Arith subtract(const Operands& o, Value& out) {
  if (!o.nums) return Arith::kTypeError;
  int64_t r;
  out = o.ints && !__builtin_sub_overflow(o.a.as_int(), o.b.as_int(), &r)
            ? Value::integer(r)
            : Value::number(o.a.as_float() - o.b.as_float());
  return Arith::kOk;
}

// 'ab' * 3 repeats the string, within kMaxBuiltBytes.
Arith repeat(std::string_view s, const Value& times, Value& out, bool markup) {
  // An empty string repeated any number of times is empty, at once.
  int64_t count = s.empty() ? 0 : std::max<int64_t>(0, times.as_int());
  if (count > 0 && s.size() > kMaxBuiltBytes / static_cast<uint64_t>(count))
    return Arith::kRepetitionTooLarge;
  std::string r;
  r.reserve(s.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) r += s;
  out = Value::string(std::move(r), markup);  // markup repeated stays markup
  return Arith::kOk;
}

Arith multiply(const Operands& o, Value& out) {
  if (o.a.is_string() && is_intlike(o.b)) return repeat(o.a.as_view(), o.b, out, o.a.is_safe());
  if (!o.nums) return Arith::kTypeError;
  int64_t r;
  out = o.ints && !__builtin_mul_overflow(o.a.as_int(), o.b.as_int(), &r)
            ? Value::integer(r)
            : Value::number(o.a.as_float() * o.b.as_float());
  return Arith::kOk;
}

Arith divide(const Operands& o, Value& out) {
  if (!o.nums) return Arith::kTypeError;
  if (o.b.as_float() == 0) return Arith::kDivisionByZero;
  out = Value::number(o.a.as_float() / o.b.as_float());
  return Arith::kOk;
}

Arith floor_divide(const Operands& o, Value& out) {
  if (!o.nums) return Arith::kTypeError;
  if (o.b.as_float() == 0) return Arith::kDivisionByZero;
  int64_t a = o.a.as_int(), b = o.b.as_int();
  if (o.ints && !(a == INT64_MIN && b == -1)) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    out = Value::integer(q);
  } else {
    out = Value::number(std::floor(o.a.as_float() / o.b.as_float()));
  }
  return Arith::kOk;
}

Arith modulo(const Operands& o, Value& out) {
  if (!o.nums) return Arith::kTypeError;
  if (o.b.as_float() == 0) return Arith::kDivisionByZero;
  out = python_modulo(o.a, o.b);
  return Arith::kOk;
}

// Exact by squaring while it fits in 64 bits; nullopt on overflow.
std::optional<int64_t> int_power(int64_t base, int64_t exponent) {
  int64_t r = 1;
  for (int64_t n = exponent; n > 0; n >>= 1) {
    if ((n & 1) && __builtin_mul_overflow(r, base, &r)) return std::nullopt;
    if (n > 1 && __builtin_mul_overflow(base, base, &base)) return std::nullopt;
  }
  return r;
}

Arith power(const Operands& o, Value& out) {
  if (!o.nums) return Arith::kTypeError;
  std::optional<int64_t> exact;
  if (o.ints && o.b.as_int() >= 0) exact = int_power(o.a.as_int(), o.b.as_int());
  out = exact ? Value::integer(*exact) : Value::number(std::pow(o.a.as_float(), o.b.as_float()));
  return Arith::kOk;
}

struct ArithOp {
  Op op;
  const char* symbol;
  Arith (*apply)(const Operands& o, Value& out);
};
// Indexed by Op, kAdd to kPow.
constexpr ArithOp kArith[] = {
    {Op::kAdd, "+", add},    {Op::kSub, "-", subtract},           {Op::kMul, "*", multiply},
    {Op::kDiv, "/", divide}, {Op::kFloorDiv, "//", floor_divide}, {Op::kMod, "%", modulo},
    {Op::kPow, "**", power},
};
static_assert([] {
  for (size_t i = 0; i < std::size(kArith); ++i)
    if (static_cast<size_t>(kArith[i].op) != i) return false;
  return true;
}());

// --- comparison ---

bool contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Value::Kind::kString:
      return container.as_view().find(item.str()) != std::string_view::npos;
    case Value::Kind::kList:
      return std::find(container.as_list().begin(), container.as_list().end(), item) !=
             container.as_list().end();
    case Value::Kind::kDict:
      return !container.attr(item.str()).is_undefined();
    case Value::Kind::kObject: {
      const Object& o = container.as_object();
      if (!o.is_sequence()) return !o.attr(item.str()).is_undefined();
      for (size_t i = 0; i < o.length(); ++i)
        if (o.at(i) == item) return true;
      return false;
    }
    default:
      return false;
  }
}

// Sets `holds` to whether `left op right` holds. Returns false when an ordering (< <= > >=)
// meets operands that have none: as in Python 3, a number and a string do not order, and
// neither does undefined.
bool compare_values(Op op, const Value& left, const Value& right, bool& holds) {
  switch (op) {
    case Op::kEq:
      holds = left == right;
      return true;
    case Op::kNe:
      holds = !(left == right);
      return true;
    case Op::kIn:
      holds = contains(right, left);
      return true;
    case Op::kNotIn:
      holds = !contains(right, left);
      return true;
    default:
      break;
  }
  if (is_numeric(left) != is_numeric(right) || left.is_undefined() || right.is_undefined())
    return false;
  int c = compare(left, right);
  holds = op == Op::kLt ? c < 0 : op == Op::kLe ? c <= 0 : op == Op::kGt ? c > 0 : c >= 0;
  return true;
}

// --- Python methods templates call on dicts and strings ---

// d.items(), d.keys(), d.values(), d.get(key[, default]) on dicts and mapping objects.
bool mapping_method(const Value& base, std::string_view name, const CallArgs& args, Value& out) {
  if (name == "get") {
    if (args.positional.empty()) return false;
    out = base.attr(args.positional[0].str());
    if (out.is_undefined()) out = args.positional.size() > 1 ? args.positional[1] : Value::none();
    return true;
  }
  if (name != "items" && name != "keys" && name != "values") return false;
  std::vector<std::string> keys;
  if (base.kind() == Value::Kind::kDict) {
    for (const auto& [k, v] : base.as_dict()) keys.push_back(k);
  } else {
    keys = base.as_object().keys();
  }
  List l;
  for (const auto& k : keys) {
    if (name == "keys") {
      l.push_back(Value::string(k));
    } else if (name == "values") {
      l.push_back(base.attr(k));
    } else {
      l.push_back(Value::tuple(List{Value::string(k), base.attr(k)}));
    }
  }
  out = Value::list(std::move(l));
  return true;
}

// s.split() splits on runs of whitespace and drops empty parts.
List split_words(std::string_view s) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  List parts;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !space(s[j])) ++j;
    if (j > i) parts.push_back(Value::string(std::string(s.substr(i, j - i))));
    i = j;
  }
  return parts;
}

// s.split(sep) keeps empty parts.
List split_on(std::string_view s, std::string_view sep) {
  List parts;
  size_t start = 0;
  for (size_t hit; (hit = s.find(sep, start)) != std::string_view::npos; start = hit + sep.size())
    parts.push_back(Value::string(std::string(s.substr(start, hit - start))));
  parts.push_back(Value::string(std::string(s.substr(start))));
  return parts;
}

std::string change_case(std::string_view s, bool upper) {
  std::string t(s);
  for (char& c : t)
    c = upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
              : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

// s.format(...): {} {0} {name} fields and {{ }}; a format spec or conversion (:>8, !r) or
// a missing argument makes the call fail.
bool format_method(std::string_view s, const CallArgs& args, Value& out) {
  std::string r;
  size_t next = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if ((c == '{' || c == '}') && i + 1 < s.size() && s[i + 1] == c) {
      r += c;
      ++i;
      continue;
    }
    if (c != '{') {
      r += c;
      continue;
    }
    size_t close = s.find('}', i);
    if (close == std::string_view::npos) return false;
    std::string_view field = s.substr(i + 1, close - i - 1);
    if (field.find_first_of(":!{") != std::string_view::npos) return false;
    const Value* v = nullptr;
    if (field.empty()) {
      v = next < args.positional.size() ? &args.positional[next++] : nullptr;
    } else if (std::all_of(field.begin(), field.end(),
                           [](char d) { return d >= '0' && d <= '9'; })) {
      size_t index = field.size() > 6 ? SIZE_MAX : std::stoul(std::string(field));
      v = index < args.positional.size() ? &args.positional[index] : nullptr;
    } else {
      v = args.find(field);
    }
    if (v == nullptr) return false;
    v->append_str(r);
    if (r.size() > kMaxBuiltBytes) return false;
    i = close;
  }
  out = Value::string(std::move(r));
  return true;
}

// s.startswith(x), s.endswith(x), s.lower(), s.upper(), s.strip(), s.split([sep]),
// s.replace(old, new), s.format(...).
bool string_method(std::string_view s, std::string_view name, const CallArgs& args, Value& out) {
  const Value* a0 = args.positional.empty() ? nullptr : &args.positional[0];
  if (name == "startswith" && a0) {
    out = Value::boolean(s.starts_with(a0->str()));
  } else if (name == "endswith" && a0) {
    out = Value::boolean(s.ends_with(a0->str()));
  } else if (name == "lower" || name == "upper") {
    out = Value::string(change_case(s, name == "upper"));
  } else if (name == "strip") {
    size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
    out = Value::string(b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1)));
  } else if (name == "replace" && args.positional.size() >= 2 &&
             !args.positional[0].str().empty()) {
    std::string from = args.positional[0].str(), to = args.positional[1].str(), r;
    size_t pos = 0;
    for (size_t hit; (hit = s.find(from, pos)) != std::string_view::npos; pos = hit + from.size()) {
      r.append(s, pos, hit - pos);
      if (r.size() + to.size() > kMaxBuiltBytes) return false;
      r += to;
    }
    r.append(s, pos);
    out = Value::string(std::move(r));
  } else if (name == "format") {
    return format_method(s, args, out);
  } else if (name == "split") {
    std::string sep = a0 ? a0->str() : "";
    out = Value::list(sep.empty() ? split_words(s) : split_on(s, sep));
  } else {
    return false;
  }
  return true;
}

bool call_method(const Value& base, std::string_view name, const CallArgs& args, Value& out) {
  if (base.kind() == Value::Kind::kDict ||
      (base.kind() == Value::Kind::kObject && !base.as_object().is_sequence()))
    return mapping_method(base, name, args, out);
  return base.is_string() && string_method(base.as_view(), name, args, out);
}

}  // namespace

bool Renderer::eval(const Expr& e, Value& out) {
  Frame frame(*this);
  if (frame.over()) return fail_budget(e.line, e.column);
  return eval_expr(e, out);
}

bool Renderer::eval_expr(const Expr& e, Value& out) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      out = e.literal;
      return true;
    case ExprKind::kName:
      out = lookup(e.name);
      return !out.is_undefined() || !env_.strict_undefined() || fail_undefined(e, out);
    case ExprKind::kList:
      return eval_list(e, out);
    case ExprKind::kDict:
      return eval_dict(e, out);
    case ExprKind::kAttr: {
      Value base;
      if (!eval(*e.args[0], base)) return false;
      out = base.attr(e.name);
      return !out.is_undefined() || !env_.strict_undefined() || fail_undefined(e, base);
    }
    case ExprKind::kItem: {
      Value base, key;
      if (!eval(*e.args[0], base) || !eval(*e.args[1], key)) return false;
      out = base.item(key);
      return !out.is_undefined() || !env_.strict_undefined() || fail_undefined(e, base, &key);
    }
    case ExprKind::kSlice:
      return eval_slice(e, out);
    case ExprKind::kCall:
      return eval_call(e, out);
    case ExprKind::kFilter:
      return eval_filter(e, out);
    case ExprKind::kTest:
      return eval_test(e, out);
    case ExprKind::kNeg:
    case ExprKind::kPos:
      return eval_unary(e, out);
    case ExprKind::kNot: {
      Value v;
      if (!eval(*e.args[0], v)) return false;
      out = Value::boolean(!v.truthy());
      return true;
    }
    case ExprKind::kAnd:
    case ExprKind::kOr:
      return eval_logical(e, out);
    case ExprKind::kBinary:
      return eval_binary(e, out);
    case ExprKind::kCompare:
      return eval_compare(e, out);
    case ExprKind::kConcat:
      return eval_concat(e, out);
    case ExprKind::kCond:
      return eval_cond(e, out);
    case ExprKind::kCoalesce:
      return eval_coalesce(e, out);
    case ExprKind::kOptAttr:
    case ExprKind::kOptItem:
      return eval_optional(e, out);
  }
  return fail(e.line, e.column, "unknown expression");
}

// Names resolve through the scopes, innermost first, then the globals; an unknown name is
// undefined, not an error, as in Jinja2 (it renders as nothing and `is defined` tests it).
Value Renderer::lookup(std::string_view name) const {
  for (size_t i = scopes_.size(); i-- > 0;) {
    const Scope& s = scopes_[i];
    for (size_t k = s.size(); k-- > 0;)
      if (s[k].first == name) return s[k].second;
  }
  for (const auto& [k, v] : env_.globals())
    if (k == name) return v;
  return {};
}

// [a, b, c], and tuples (a, b)
bool Renderer::eval_list(const Expr& e, Value& out) {
  List items;
  items.reserve(e.args.size());
  for (const auto& a : e.args) {
    Value v;
    if (!eval(*a, v)) return false;
    items.push_back(std::move(v));
  }
  out = e.name == "tuple" ? Value::tuple(std::move(items)) : Value::list(std::move(items));
  return true;
}

// {k: v, ...}
bool Renderer::eval_dict(const Expr& e, Value& out) {
  Dict items;
  // A repeated key keeps its first place and takes the last value, as in Python; the index
  // keeps a literal of many keys linear.
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i + 1 < e.args.size(); i += 2) {
    Value k, v;
    if (!eval(*e.args[i], k) || !eval(*e.args[i + 1], v)) return false;
    std::string key = k.str();
    auto [at, added] = index.try_emplace(key, items.size());
    if (added) {
      items.emplace_back(std::move(key), std::move(v));
    } else {
      items[at->second].second = std::move(v);
    }
  }
  out = Value::dict(std::move(items));
  return true;
}

// x[start:stop:step]
bool Renderer::eval_slice(const Expr& e, Value& out) {
  Value base, parts[3];
  if (!eval(*e.args[0], base)) return false;
  for (int i = 0; i < 3; ++i)
    if (e.args[i + 1] && !eval(*e.args[i + 1], parts[i])) return false;
  if (!slice(base, parts, out)) return fail(e.line, e.column, "slice step cannot be zero");
  return true;
}

// x|filter(args); default (d) takes an undefined input without a strict-mode error.
bool Renderer::eval_filter(const Expr& e, Value& out) {
  Value v;
  bool lenient = env_.strict_undefined() && (e.name == "default" || e.name == "d");
  if (!(lenient ? eval_lenient(*e.args[0], v) : eval(*e.args[0], v))) return false;
  CallArgs args;
  if (!eval_args(e, 1, args)) return false;
  std::string error;
  if (!(e.filter ? e.filter(*this, v, args, error) : (*e.custom_filter)(v, args, error))) {
    if (failed_) return false;
    return fail(e.line, e.column, "filter '" + e.name + "': " + error);
  }
  out = std::move(v);
  return true;
}

// x is [not] test(args)
bool Renderer::eval_test(const Expr& e, Value& out) {
  Value v;
  // `x is defined` must not fail on an undefined x, even in strict mode.
  bool lenient =
      env_.strict_undefined() && (e.name == "defined" || e.name == "undefined" || e.name == "none");
  if (!(lenient ? eval_lenient(*e.args[0], v) : eval(*e.args[0], v))) return false;
  CallArgs args;
  if (!eval_args(e, 1, args)) return false;
  std::string error;
  bool holds = e.test ? e.test(v, args, error) : (*e.custom_test)(v, args);
  if (!error.empty()) return fail(e.line, e.column, fmt::format("test '{}': {}", e.name, error));
  out = Value::boolean(holds != e.negate);
  return true;
}

// -x, +x
bool Renderer::eval_unary(const Expr& e, Value& out) {
  Value v;
  if (!eval(*e.args[0], v)) return false;
  if (!v.is_number())
    return fail(e.line, e.column, std::string("bad operand type for unary -: ") + v.type_name());
  out = e.kind == ExprKind::kPos                                   ? v
        : v.kind() == Value::Kind::kInt && v.as_int() != INT64_MIN ? Value::integer(-v.as_int())
                                                                   : Value::number(-v.as_float());
  return true;
}

// a and b, a or b. Python semantics: the deciding operand is the result, not a boolean.
bool Renderer::eval_logical(const Expr& e, Value& out) {
  Value a;
  if (!eval(*e.args[0], a)) return false;
  if ((e.kind == ExprKind::kAnd) != a.truthy()) {
    out = std::move(a);
    return true;
  }
  return eval(*e.args[1], out);
}

// a + b, a - b, a * b, a / b, a // b, a % b, a ** b
bool Renderer::eval_binary(const Expr& e, Value& out) {
  Value a, b;
  if (!eval(*e.args[0], a) || !eval(*e.args[1], b)) return false;
  if (static_cast<size_t>(e.op) >= std::size(kArith)) return fail(e.line, e.column, "bad operator");
  if (e.op == Op::kMod && a.is_string()) {
    // "text %s" % x is printf-style formatting, the format filter's; a tuple gives each argument.
    CallArgs args;
    if (b.kind() == Value::Kind::kList && b.is_tuple()) {
      args.positional = b.as_list();
    } else {
      args.positional.push_back(b);
    }
    std::string error;
    out = a;
    return find_filter("format")(*this, out, args, error) || fail(e.line, e.column, error);
  }
  const ArithOp& op = kArith[static_cast<size_t>(e.op)];
  switch (op.apply({a, b, is_numeric(a) && is_numeric(b), is_intlike(a) && is_intlike(b)}, out)) {
    case Arith::kOk:
      return true;
    case Arith::kTypeError:
      return fail(e.line, e.column,
                  std::string("unsupported operand types for ") + op.symbol + ": " + a.type_name() +
                      " and " + b.type_name());
    case Arith::kDivisionByZero:
      return fail(e.line, e.column, "division by zero");
    case Arith::kRepetitionTooLarge:
      return fail(e.line, e.column, "string repetition larger than 64 MB");
  }
  return false;
}

// a == b, a < b <= c, a in b...: chained as in Python, each operand evaluated once, stopping
// at the first comparison that fails.
bool Renderer::eval_compare(const Expr& e, Value& out) {
  Value left;
  if (!eval(*e.args[0], left)) return false;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    Value right;
    if (!eval(*e.args[i + 1], right)) return false;
    bool holds = false;
    if (!compare_values(e.ops[i], left, right, holds))
      return fail(e.line, e.column,
                  std::string("cannot compare ") + left.type_name() + " with " + right.type_name());
    if (!holds) {
      out = Value::boolean(false);
      return true;
    }
    left = std::move(right);
  }
  out = Value::boolean(true);
  return true;
}

// a ~ b
bool Renderer::eval_concat(const Expr& e, Value& out) {
  Value a, b;
  if (!eval(*e.args[0], a) || !eval(*e.args[1], b)) return false;
  std::string s;
  // With autoescaping, ~ behaves like Markup: unsafe parts are escaped, the result is safe.
  bool esc = autoescape() && (a.is_safe() || b.is_safe());
  for (const Value* v : {&a, &b}) {
    if (esc && !v->is_safe()) {
      append_markup_escaped(s, v->str());
    } else {
      v->append_str(s);
    }
  }
  out = Value::string(std::move(s), esc);
  return true;
}

// a if cond [else b]; without else, undefined when cond is false
bool Renderer::eval_cond(const Expr& e, Value& out) {
  Value c;
  if (!eval(*e.args[0], c)) return false;
  if (c.truthy()) return eval(*e.args[1], out);
  if (e.args[2]) return eval(*e.args[2], out);
  out = Value();
  return true;
}

// f(args)
bool Renderer::eval_call(const Expr& e, Value& out) {
  Value fn;
  // Undefined callees have meanings of their own (methods, super()): see below.
  if (!eval_lenient(*e.args[0], fn)) return false;
  CallArgs args;
  if (!eval_args(e, 1, args)) return false;
  // a?.f(): nothing to call when a is missing, so undefined, as the chain reads.
  if (e.args[0]->kind == ExprKind::kOptAttr && fn.is_undefined()) {
    Value base;
    if (!eval_lenient(*e.args[0]->args[0], base)) return false;
    if (base.is_undefined() || base.is_none()) {
      out = Value();
      return true;
    }
  }
  if (fn.is_undefined()) return eval_undefined_call(e, args, out);
  std::string error;
  if (!call(fn, args, out, error)) {
    if (failed_) return false;
    return fail(e.line, e.column, error);
  }
  return true;
}

// A call of an undefined name: a Python method on a dict or string (d.items(),
// s.startswith('x')), super() inside a block, self.name() for a block; else an error.
bool Renderer::eval_undefined_call(const Expr& e, const CallArgs& args, Value& out) {
  const Expr& callee = *e.args[0];
  if (callee.kind == ExprKind::kAttr || callee.kind == ExprKind::kOptAttr) {
    Value base;
    if (!eval(*callee.args[0], base)) return false;
    if (call_method(base, callee.name, args, out)) return true;
  }
  if (callee.kind == ExprKind::kName && callee.name == "super" && !active_blocks_.empty()) {
    ActiveBlock b = active_blocks_.back();
    return render_block_to(*b.name, b.level + 1, out);
  }
  if (callee.kind == ExprKind::kAttr && callee.args[0]->kind == ExprKind::kName &&
      callee.args[0]->name == "self" && lookup("self").is_undefined())
    return render_block_to(callee.name, 0, out);
  const std::string& name = callee.kind == ExprKind::kName || callee.kind == ExprKind::kAttr
                                ? callee.name
                                : std::string("value");
  return fail(e.line, e.column, "'" + name + "' is undefined and cannot be called");
}

bool Renderer::eval_args(const Expr& e, size_t first, CallArgs& args) {
  for (size_t i = first; i < e.args.size(); ++i) {
    Value v;
    if (!eval(*e.args[i], v)) return false;
    args.positional.push_back(std::move(v));
  }
  for (const auto& [k, ex] : e.kwargs) {
    Value v;
    if (!eval(*ex, v)) return false;
    args.keyword.emplace_back(k, std::move(v));
  }
  return true;
}

}  // namespace bengal::templates

namespace bengal::templates {

bool Renderer::eval_lenient(const Expr& e, Value& out) {
  switch (e.kind) {
    case ExprKind::kName:
      out = lookup(e.name);
      return true;
    case ExprKind::kAttr: {
      Value base;
      if (!eval_lenient(*e.args[0], base)) return false;
      out = base.attr(e.name);
      return true;
    }
    case ExprKind::kItem: {
      Value base, key;
      if (!eval_lenient(*e.args[0], base) || !eval(*e.args[1], key)) return false;
      out = base.item(key);
      return true;
    }
    default:
      return eval(e, out);
  }
}

// a ?? b: b when a is undefined or none (not when it is false, 0 or empty).
bool Renderer::eval_coalesce(const Expr& e, Value& out) {
  if (!eval_lenient(*e.args[0], out)) return false;
  if (!out.is_undefined() && !out.is_none()) return true;
  return eval(*e.args[1], out);
}

// a?.b, a?[k]: undefined (it prints nothing, ?? replaces it) when a is undefined or none;
// else a.b or a[k], where a missing b is not a strict-mode error either.
bool Renderer::eval_optional(const Expr& e, Value& out) {
  Value base;
  if (!eval_lenient(*e.args[0], base)) return false;
  if (base.is_undefined() || base.is_none()) {
    out = Value();
    return true;
  }
  if (e.kind == ExprKind::kOptAttr) {
    out = base.attr(e.name);
    return true;
  }
  Value key;
  if (!eval(*e.args[1], key)) return false;
  out = base.item(key);
  return true;
}

}  // namespace bengal::templates
