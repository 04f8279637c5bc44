// The statements of Kida, the Jinja2 dialect of Python Bengal's themes: {% let %} and
// {% export %}, {% match %}, {% cache %} and {% spaceless %}. ({% def %} is a macro, parsed as
// one; the expressions ??, ?. and |> are in expressions.cpp and parser.cpp.)
#include <cctype>

#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {
namespace {

bool is_spaceless_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Django's spaceless: the text without leading and trailing whitespace, and without the
// whitespace between a '>' and the next '<'. Whitespace inside text is kept.
std::string spaceless(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_spaceless_ws(s[b])) ++b;
  while (e > b && is_spaceless_ws(s[e - 1])) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    out += s[i];
    if (s[i] != '>') continue;
    size_t j = i + 1;
    while (j < e && is_spaceless_ws(s[j])) ++j;
    if (j > i + 1 && j < e && s[j] == '<') i = j - 1;
  }
  return out;
}

}  // namespace

// {% let a = x %}, {% let a = 1, b = 2 %}, {% let a, b = pair %}, {% export a = x %},
// {% let a ??= x %}: the names go to the template's scope, so they outlive the if, for or
// with around them (Kida's template scope; Jinja2's {% set %} is unchanged). With ??= a name
// that is already defined and not none keeps its value.
Renderer::Flow Renderer::exec_let(const Node& n) {
  Scope& target = scopes_[std::min(template_scope_, scopes_.size() - 1)];
  auto bind = [&target](const std::string& name, Value v) {
    for (auto& [k, old] : target) {
      if (k == name) {
        old = std::move(v);
        return;
      }
    }
    target.emplace_back(name, std::move(v));
  };
  if (n.exprs.size() == 1 && n.names.size() > 1) {
    Value v;
    List items;
    if (!eval(*n.exprs[0], v) || !unpack(n, v, items)) return Flow::kError;
    for (size_t i = 0; i < items.size(); ++i) bind(n.names[i], items[i]);
    return Flow::kNormal;
  }
  for (size_t i = 0; i < n.names.size(); ++i) {
    if (n.nullish) {
      Value now = lookup(n.names[i]);
      if (!now.is_undefined() && !now.is_none()) continue;
    }
    Value v;
    if (!eval(*n.exprs[i], v)) return Flow::kError;
    bind(n.names[i], std::move(v));
  }
  return Flow::kNormal;
}

// {% match x %}{% case pattern [if guard] %}...{% end %}: the body of the first case whose
// pattern matches and whose guard holds; names a pattern binds are set as {% set %} would.
Renderer::Flow Renderer::exec_match(const Node& n) {
  Value subject;
  if (!eval(*n.exprs[0], subject)) return Flow::kError;
  for (size_t i = 0; i < n.bodies.size(); ++i) {
    bool matched = false;
    if (!match_pattern(*n.exprs[1 + 2 * i], subject, matched)) return Flow::kError;
    if (!matched) continue;
    if (const Expr* guard = n.exprs[2 + 2 * i].get()) {
      Value ok;
      if (!eval(*guard, ok)) return Flow::kError;
      if (!ok.truthy()) continue;
    }
    return exec_body(n.bodies[i]);
  }
  return Flow::kNormal;
}

// `_` matches anything; a plain name matches anything and binds it; a | b matches what either
// matches; a tuple or list pattern matches a list of as many items, item by item; any other
// expression matches a subject equal to its value (`none` an undefined subject too).
bool Renderer::match_pattern(const Expr& pattern, const Value& subject, bool& matched) {
  switch (pattern.kind) {
    case ExprKind::kName:
      matched = true;
      if (pattern.name != "_") assign(pattern.name, subject);
      return true;
    case ExprKind::kOr:
      for (const auto& alternative : pattern.args) {
        if (!match_pattern(*alternative, subject, matched)) return false;
        if (matched) return true;
      }
      return true;
    case ExprKind::kList: {
      matched = false;
      if (subject.kind() != Value::Kind::kList) return true;
      const List& items = subject.as_list();
      if (items.size() != pattern.args.size()) return true;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!match_pattern(*pattern.args[i], items[i], matched)) return false;
        if (!matched) return true;
      }
      matched = true;
      return true;
    }
    default: {
      Value v;
      if (!eval(pattern, v)) return false;
      // `none` also matches what is undefined (a missing key read with ?.), as ?? treats both.
      matched = v == subject || (v.is_none() && subject.is_undefined());
      return true;
    }
  }
}

// {% cache key %}...{% end %}: the body's output is rendered by the first page that reaches
// the tag with this key and reused, byte for byte, by every other page of the build. The body
// must therefore depend only on the key (and on what is the same for every page, like the
// site): what it would print differently for another page is not printed, and names it sets
// are not set when the output comes from the cache. Errors are not cached.
Renderer::Flow Renderer::exec_cache(const Node& n) {
  Value key_value;
  if (!eval(*n.exprs[0], key_value)) return Flow::kError;
  std::string key = key_value.str();
  FragmentCache& cache = env_.fragments();
  auto use = [&](const Fragment& fragment) {
    if (fragment.reads) reads::reused(*fragment.reads);
    out_->append(fragment.bytes);
  };
  if (std::optional<Fragment> hit = cache.find(&n, key)) {
    use(*hit);
    return Flow::kNormal;
  }
  Fragment made;
  auto set = std::make_shared<reads::ReadSet>();
  Flow f;
  {
    reads::Recording recording(*set);
    f = exec_body_into(n.bodies[0], made.bytes);
  }
  if (f == Flow::kError) return f;
  // A {% break %} inside cut the body short: that output is not the fragment.
  if (f != Flow::kNormal) {
    out_->append(made.bytes);
    return f;
  }
  set->finish();
  made.reads = std::move(set);
  use(cache.store(&n, key, std::move(made)));
  return f;
}

// {% spaceless %}...{% end %}
Renderer::Flow Renderer::exec_spaceless(const Node& n) {
  std::string bytes;
  Flow f = exec_body_into(n.bodies[0], bytes);
  if (f == Flow::kError) return f;
  out_->append(spaceless(bytes));
  return f;
}

Renderer::Flow Renderer::exec_body_into(const Body& body, std::string& buffer) {
  std::string* saved = out_;
  out_ = &buffer;
  Flow f = exec_body(body);
  out_ = saved;
  return f;
}

// The items of `v` for {% set a, b = v %} and {% let a, b = v %}: as many as names, or an error.
bool Renderer::unpack(const Node& n, const Value& v, List& items) {
  items = v.to_list();
  if (items.size() == n.names.size()) return true;
  fail_node(n, "cannot unpack " + std::to_string(items.size()) + " values into " +
                   std::to_string(n.names.size()) + " names");
  return false;
}

}  // namespace bengal::templates
