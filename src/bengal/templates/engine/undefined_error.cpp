// --strict-templates: the error for a value that would have rendered as nothing. It names what
// is missing and where it was looked for, suggests the nearest name that exists (a typo is the
// usual cause) and says how to mark a value that may legitimately be missing.
#include <algorithm>

#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {
namespace {

// Edit distance counting a swap of two neighbours as one edit ("titel" is one from "title"),
// bounded: names longer than 64 bytes are not compared.
size_t distance(std::string_view a, std::string_view b) {
  constexpr size_t kMax = 64;
  if (a.size() > kMax || b.size() > kMax) return SIZE_MAX;
  size_t d[kMax + 1][kMax + 1];
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// "; did you mean 'title'?" for the closest of `names` within a third of the length, else
// "; it has: a, b, c" (the first few), else "".
std::string suggest(std::string_view wanted, const std::vector<std::string>& names,
                    bool list_them) {
  const std::string* best = nullptr;
  size_t best_d = std::max<size_t>(1, wanted.size() / 3) + 1;
  for (const auto& n : names) {
    size_t d = distance(wanted, n);
    if (d < best_d) best_d = d, best = &n;
  }
  if (best != nullptr) return "; did you mean '" + *best + "'?";
  if (!list_them || names.empty()) return "";
  constexpr size_t kShown = 12;
  std::string out = "; it has: ";
  for (size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kShown) out += ", ...";
  return out;
}

// How the template wrote the value that was looked in: `page`, `page.params`, else its type.
std::string describe(const Expr& e, const Value& v) {
  if (e.kind == ExprKind::kName) return e.name;
  if (e.kind == ExprKind::kAttr && e.args[0]->kind == ExprKind::kName)
    return e.args[0]->name + "." + e.name;
  return v.type_name();
}

std::vector<std::string> names_in(const Value& v) {
  std::vector<std::string> names;
  if (v.kind() == Value::Kind::kDict) {
    for (const auto& [k, x] : v.as_dict()) names.push_back(k);
  } else if (v.kind() == Value::Kind::kObject && !v.as_object().is_sequence()) {
    names = v.as_object().attr_names();
  }
  return names;
}

constexpr std::string_view kRemedy =
    " (--strict-templates: where a value may be missing, write `x ?? fallback`, `x?.y` or "
    "`x is defined`)";

}  // namespace

bool Renderer::fail_undefined(const Expr& e, const Value& base, const Value* key) {
  std::string message;
  if (e.kind == ExprKind::kName) {
    std::vector<std::string> names;
    for (const auto& scope : scopes_)
      for (const auto& [k, v] : scope) names.push_back(k);
    for (const auto& [k, v] : env_.globals()) names.push_back(k);
    message = "'" + e.name + "' is undefined" + suggest(e.name, names, false);
  } else if (e.kind == ExprKind::kAttr) {
    std::string what = describe(*e.args[0], base);
    if (base.is_undefined() || base.is_none()) {
      message = what + " is " + (base.is_none() ? "none" : "undefined") +
                ", so it has no attribute '" + e.name + "'";
    } else {
      message = what + " has no attribute '" + e.name + "'" + suggest(e.name, names_in(base), true);
    }
  } else {
    std::string shown;
    if (key != nullptr) key->append_repr(shown);
    std::string what = describe(*e.args[0], base);
    message =
        base.kind() == Value::Kind::kList
            ? what + " has no item " + shown + " (it has " + std::to_string(base.as_list().size()) +
                  ")"
            : what + " has no key " + shown + suggest(key ? key->str() : "", names_in(base), true);
  }
  message += kRemedy;
  return fail(e.line, e.column, std::move(message));
}

}  // namespace bengal::templates
