// The statement half of the interpreter: runs a template's nodes (output, if, for, set,
// blocks and inheritance, include, import, macros, call and filter blocks). Expressions are
// evaluated by expressions.cpp.
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "bengal/templates/engine/globals.hpp"
#include "bengal/templates/engine/renderer.hpp"

namespace bengal::templates {
namespace {

// `loop` inside {% for %}: reads the live state of the loop it belongs to. Calling it, in a
// `recursive` loop, renders the loop body again for other items.
class LoopObject : public Object, public std::enable_shared_from_this<LoopObject> {
 public:
  const Node* node = nullptr;
  const List* items = nullptr;
  size_t index = 0;
  size_t length = 0;
  int depth = 0;
  mutable Value last_changed;  // loop.changed() state
  mutable bool changed_called = false;

  Value attr(std::string_view name) const override {
    if (name == "index") return Value::integer(static_cast<int64_t>(index + 1));
    if (name == "index0") return Value::integer(static_cast<int64_t>(index));
    if (name == "revindex") return Value::integer(static_cast<int64_t>(length - index));
    if (name == "revindex0") return Value::integer(static_cast<int64_t>(length - index - 1));
    if (name == "first") return Value::boolean(index == 0);
    if (name == "last") return Value::boolean(index + 1 == length);
    if (name == "length") return Value::integer(static_cast<int64_t>(length));
    if (name == "previtem") return index > 0 ? (*items)[index - 1] : Value();
    if (name == "nextitem") return index + 1 < length ? (*items)[index + 1] : Value();
    if (name == "depth") return Value::integer(depth + 1);
    if (name == "depth0") return Value::integer(depth);
    if (name == "cycle") return cycle();
    if (name == "changed") return changed();
    return {};
  }
  std::string str() const override {
    return "<LoopContext " + std::to_string(index + 1) + "/" + std::to_string(length) + ">";
  }

 private:
  // The functions hold a weak reference: one stored beyond its loop is harmless.
  Value cycle() const {
    std::weak_ptr<const LoopObject> self = weak_from_this();
    return Value::function([self](Renderer&, CallArgs& args, Value& result, std::string& error) {
      auto loop = self.lock();
      if (args.positional.empty() || !loop) {
        error = "loop.cycle() needs at least one value";
        return false;
      }
      result = args.positional[loop->index % args.positional.size()];
      return true;
    });
  }
  Value changed() const {
    std::weak_ptr<const LoopObject> self = weak_from_this();
    return Value::function([self](Renderer&, CallArgs& args, Value& result, std::string&) {
      auto loop = self.lock();
      Value now = Value::list(args.positional);
      bool changed = !loop || !loop->changed_called || !(loop->last_changed == now);
      if (loop) loop->last_changed = std::move(now), loop->changed_called = true;
      result = Value::boolean(changed);
      return true;
    });
  }
};

using Variables = std::vector<std::pair<std::string, Value>>;  // a Renderer scope

// The items a loop walks: a list in place, other iterables materialized once into `storage`;
// a dict unpacked into two names gives its (key, value) pairs.
const List* loop_items(const Node& loop, const Value& iterable, List& storage) {
  if (iterable.kind() == Value::Kind::kList) return &iterable.as_list();
  if (iterable.kind() == Value::Kind::kDict && loop.names.size() == 2) {
    for (const auto& [k, v] : iterable.as_dict())
      storage.push_back(Value::tuple(List{iterable.dict_key(k), v}));
  } else {
    storage = iterable.to_list();
  }
  return &storage;
}

// Binds a loop's variables to `item` in `scope`, after its first `keep` entries: one name
// takes the item, several unpack it (missing parts are undefined).
void bind_loop_variables(const Node& loop, Variables& scope, size_t keep, const Value& item) {
  scope.resize(keep);
  if (loop.names.size() == 1) {
    scope.emplace_back(loop.names[0], item);
    return;
  }
  List parts = item.to_list();
  for (size_t k = 0; k < loop.names.size(); ++k)
    scope.emplace_back(loop.names[k], k < parts.size() ? parts[k] : Value());
}

}  // namespace

template <typename Run>
Renderer::Flow Renderer::capture(std::string& buffer, Run&& run) {
  std::string* saved = out_;
  out_ = &buffer;
  Flow f = run();
  out_ = saved;
  return f;
}

template <typename Run>
Renderer::Flow Renderer::capture(bool markup, Value& result, Run&& run) {
  std::string buffer;
  Flow f = capture(buffer, std::forward<Run>(run));
  result = Value::string(std::move(buffer), markup);
  return f;
}

Renderer::Flow Renderer::exec(const Node& n) {
  Frame frame(*this);
  if (frame.over()) {
    fail_budget(n.line, n.column);
    return Flow::kError;
  }
  return exec_node(n);
}

Renderer::Flow Renderer::exec_node(const Node& n) {
  switch (n.kind) {
    case NodeKind::kText:
      out_->append(n.text);
      return Flow::kNormal;
    case NodeKind::kOutput:
      return exec_output(n);
    case NodeKind::kIf:
      return exec_if(n);
    case NodeKind::kFor:
      return exec_for(n);
    case NodeKind::kSet:
      return exec_set(n);
    case NodeKind::kSetAttr:
      return exec_set_attr(n);
    case NodeKind::kSetBlock:
      return exec_set_block(n);
    case NodeKind::kBlock:
      return exec_block(n.text, 0);
    case NodeKind::kExtends:
      return Flow::kNormal;  // handled by render_inherited
    case NodeKind::kInclude:
      return exec_include(n);
    case NodeKind::kImport:
      return exec_import(n);
    case NodeKind::kFromImport:
      return exec_from_import(n);
    case NodeKind::kMacro:
      assign(n.text, macro_value(&n, current_));
      return Flow::kNormal;
    case NodeKind::kCallBlock:
      return exec_call_block(n);
    case NodeKind::kWith:
      return exec_with(n);
    case NodeKind::kFilterBlock:
      return exec_filter_block(n);
    case NodeKind::kBreak:
      return Flow::kBreak;
    case NodeKind::kContinue:
      return Flow::kContinue;
    case NodeKind::kLet:
      return exec_let(n);
    case NodeKind::kMatch:
      return exec_match(n);
    case NodeKind::kCache:
      return exec_cache(n);
    case NodeKind::kSpaceless:
      return exec_spaceless(n);
  }
  return Flow::kNormal;
}

Renderer::Flow Renderer::exec_body(const Body& body) {
  for (const auto& n : body) {
    Flow f = exec(*n);
    if (f != Flow::kNormal) return f;
  }
  return Flow::kNormal;
}

Renderer::Flow Renderer::fail_node(const Node& n, std::string message) {
  fail(n.line, n.column, std::move(message));
  return Flow::kError;
}

void Renderer::assign(const std::string& name, Value v) {
  Scope& s = scopes_.back();
  for (auto& [k, old] : s) {
    if (k == name) {
      old = std::move(v);
      return;
    }
  }
  s.emplace_back(name, std::move(v));
}

void Renderer::output(const Value& v) {
  if (v.is_undefined()) return;
  if (autoescape() && !v.is_safe() && !v.is_number() && v.kind() != Value::Kind::kBool &&
      !v.is_none()) {
    if (v.is_string()) {
      append_markup_escaped(*out_, v.as_view());
    } else {
      append_markup_escaped(*out_, v.str());
    }
    return;
  }
  v.append_str(*out_);
}

// {{ expr }}
Renderer::Flow Renderer::exec_output(const Node& n) {
  Value v;
  if (!eval(*n.exprs[0], v)) return Flow::kError;
  output(v);
  return Flow::kNormal;
}

// {% if %}: the body of the first condition that holds, else the trailing else body if any.
Renderer::Flow Renderer::exec_if(const Node& n) {
  for (size_t i = 0; i < n.exprs.size(); ++i) {
    Value c;
    if (!eval(*n.exprs[i], c)) return Flow::kError;
    if (c.truthy()) return exec_body(n.bodies[i]);
  }
  if (n.bodies.size() > n.exprs.size()) return exec_body(n.bodies.back());
  return Flow::kNormal;
}

// {% set a = x %}, {% set a, b = pair %}
Renderer::Flow Renderer::exec_set(const Node& n) {
  if (n.nullish) {  // Kida's {% set x ??= y %}
    Value now = lookup(n.names[0]);
    if (!now.is_undefined() && !now.is_none()) return Flow::kNormal;
  }
  Value v;
  if (!eval(*n.exprs[0], v)) return Flow::kError;
  if (n.names.size() == 1) {
    assign(n.names[0], std::move(v));
    return Flow::kNormal;
  }
  List items;
  if (!unpack(n, v, items)) return Flow::kError;
  for (size_t i = 0; i < items.size(); ++i) assign(n.names[i], items[i]);
  return Flow::kNormal;
}

// {% set ns.attr = x %}: only namespace() objects are mutable.
Renderer::Flow Renderer::exec_set_attr(const Node& n) {
  Value target = lookup(n.names[0]);
  const auto* ns = target.kind() == Value::Kind::kObject
                       ? dynamic_cast<const Namespace*>(&target.as_object())
                       : nullptr;
  if (ns == nullptr)
    return fail_node(n, "cannot assign to an attribute of '" + n.names[0] +
                            "': only namespace() objects take attributes");
  Value v;
  if (!eval(*n.exprs[0], v)) return Flow::kError;
  ns->set(n.text, std::move(v));
  return Flow::kNormal;
}

// {% set name %}...{% endset %}: the body's output, markup when autoescaping. A {% break %}
// or {% continue %} inside ends the body, not the loop around the block.
Renderer::Flow Renderer::exec_set_block(const Node& n) {
  Value v;
  if (capture(autoescape(), v, [&] { return exec_body(n.bodies[0]); }) == Flow::kError)
    return Flow::kError;
  assign(n.names[0], std::move(v));
  return Flow::kNormal;
}

// {% include name [ignore missing] [without context] %}: renders in a scope of its own, on
// top of the includer's variables unless without context.
Renderer::Flow Renderer::exec_include(const Node& n) {
  bool missing = false;
  const Template* t = load(*n.exprs[0], n, n.ignore_missing, missing);
  if (t == nullptr) return missing && n.ignore_missing ? Flow::kNormal : Flow::kError;
  if (!enter())
    return fail_node(n, "includes nested deeper than 64 levels (does a template include itself?)");
  std::vector<Scope> saved;
  if (n.without_context) {
    saved = std::move(scopes_);
    scopes_ = {Scope{}};
  }
  scopes_.emplace_back();
  size_t saved_template_scope = std::exchange(template_scope_, scopes_.size() - 1);
  bool ok = render_inherited(*t);
  template_scope_ = saved_template_scope;
  scopes_.pop_back();
  if (n.without_context) scopes_ = std::move(saved);
  leave();
  return ok ? Flow::kNormal : Flow::kError;
}

// {% import name as module %}
Renderer::Flow Renderer::exec_import(const Node& n) {
  Value module;
  if (!import_module(n, module)) return Flow::kError;
  assign(n.text, std::move(module));
  return Flow::kNormal;
}

// {% from name import a, b as c %}
Renderer::Flow Renderer::exec_from_import(const Node& n) {
  Value module;
  if (!import_module(n, module)) return Flow::kError;
  for (size_t i = 0; i < n.names.size(); ++i) {
    Value v = module.attr(n.names[i]);
    if (v.is_undefined())
      return fail_node(n, "'" + n.names[i] + "' is not defined in the imported template");
    assign(n.aliases[i], std::move(v));
  }
  return Flow::kNormal;
}

// The module of an import: the imported template's top level runs in a scope of its own, its
// output dropped; the names it binds become the module's attributes. Unlike Jinja2, where an
// import is without context unless it says otherwise, the module sees the render variables
// unless the import says `without context`.
bool Renderer::import_module(const Node& n, Value& module) {
  bool missing = false;
  const Template* t = load(*n.exprs[0], n, false, missing);
  if (t == nullptr) return false;
  if (!enter()) return fail(n.line, n.column, "imports nested deeper than 64 levels");
  std::vector<Scope> saved = std::move(scopes_);
  scopes_ = {n.without_context || saved.empty() ? Scope{} : saved.front(), Scope{}};
  const Template* saved_tpl = current_;
  current_ = t;
  size_t saved_template_scope = std::exchange(template_scope_, 1);
  std::string discard;
  Flow f = capture(discard, [&] { return exec_body(t->body); });
  template_scope_ = saved_template_scope;
  Dict names(scopes_.back().begin(), scopes_.back().end());
  scopes_ = std::move(saved);
  current_ = saved_tpl;
  leave();
  if (f == Flow::kError) return false;
  module = Value::dict(std::move(names));
  return true;
}

// {% call(params) macro(args) %}body{% endcall %}: calls the macro with `caller`, which
// renders the body.
Renderer::Flow Renderer::exec_call_block(const Node& n) {
  Value caller = caller_value(n);
  const Expr& call = *n.exprs[0];
  Value fn;
  if (!eval(*call.args[0], fn)) return Flow::kError;
  CallArgs args;
  if (!eval_args(call, 1, args)) return Flow::kError;
  args.keyword.emplace_back("caller", caller);
  Value result;
  std::string error;
  if (!this->call(fn, args, result, error)) {
    if (!failed_) fail(n.line, n.column, error);
    return Flow::kError;
  }
  output(result);
  return Flow::kNormal;
}

// The body of a call block as a function: it runs with the variables of the call site as they
// were when the block started, plus its own parameters.
Value Renderer::caller_value(const Node& call_block) {
  const Node* node = &call_block;
  const Template* tpl = current_;
  return Value::function([node, snapshot = scopes_, tpl, template_scope = template_scope_](
                             Renderer& r, CallArgs& args, Value& result, std::string&) {
    std::vector<Scope> saved = std::move(r.scopes_);
    size_t saved_template_scope = std::exchange(r.template_scope_, template_scope);
    r.scopes_ = snapshot;
    r.scopes_.emplace_back();
    for (size_t i = 0; i < node->names.size(); ++i) {
      const Value* given = args.get(i, node->names[i]);
      r.scopes_.back().emplace_back(node->names[i], given ? *given : Value());
    }
    Flow f = r.capture(tpl->autoescape, result, [&] { return r.exec_body(node->bodies[0]); });
    r.scopes_ = std::move(saved);
    r.template_scope_ = saved_template_scope;
    return f != Flow::kError;
  });
}

// {% with a = x %}...{% endwith %}
Renderer::Flow Renderer::exec_with(const Node& n) {
  scopes_.emplace_back();
  for (size_t i = 0; i < n.names.size(); ++i) {
    Value v;
    if (!eval(*n.exprs[i], v)) return Flow::kError;
    scopes_.back().emplace_back(n.names[i], std::move(v));
  }
  Flow f = exec_body(n.bodies[0]);
  scopes_.pop_back();
  return f;
}

// {% filter f|g %}...{% endfilter %}: the filter chain applied to the block's output, which
// it reads from the name kFilterBlockOutput.
Renderer::Flow Renderer::exec_filter_block(const Node& n) {
  Value body;
  if (capture(autoescape(), body, [&] { return exec_body(n.bodies[0]); }) == Flow::kError)
    return Flow::kError;
  scopes_.emplace_back();
  scopes_.back().emplace_back(kFilterBlockOutput, std::move(body));
  Value v;
  bool ok = eval(*n.exprs[0], v);
  scopes_.pop_back();
  if (!ok) return Flow::kError;
  output(v);
  return Flow::kNormal;
}

Value Renderer::macro_value(const Node* macro, const Template* tpl) {
  return Value::function(
      [macro, tpl](Renderer& r, CallArgs& args, Value& result, std::string& error) {
        return r.call_macro(*macro, tpl, args, result, error);
      });
}

bool Renderer::call_macro(const Node& macro, const Template* tpl, CallArgs& args, Value& result,
                          std::string& error) {
  if (args.positional.size() > macro.names.size()) {  // an error in Jinja2 too, not ignored
    error = fmt::format("macro '{}' takes not more than {} argument(s), given {}", macro.text,
                        macro.names.size(), args.positional.size());
    return false;
  }
  if (!enter()) {
    error = "macro calls nested deeper than 64 levels (does '" + macro.text + "' call itself?)";
    return false;
  }
  // A macro sees its arguments and the globals and render variables, not the caller's local
  // variables. Scope 0 holds the render variables, scope 1 the template's top level (its
  // macros, so a macro can call itself and its siblings).
  std::vector<Scope> saved = std::move(scopes_);
  scopes_ = {saved.front()};
  if (saved.size() > 1) scopes_.push_back(saved[1]);
  scopes_.emplace_back();
  const Template* saved_tpl = current_;
  current_ = tpl;
  size_t saved_template_scope = std::exchange(template_scope_, scopes_.size() - 1);
  bool ok = bind_macro_args(macro, tpl, args) && capture(tpl->autoescape, result, [&] {
                                                   return exec_body(macro.bodies[0]);
                                                 }) != Flow::kError;
  scopes_ = std::move(saved);
  current_ = saved_tpl;
  template_scope_ = saved_template_scope;
  leave();
  if (!ok && failed_) error.clear();
  return ok;
}

// A macro's parameters from the call's arguments or their defaults (undefined without one).
bool Renderer::bind_macro_args(const Node& macro, const Template* tpl, const CallArgs& args) {
  bool ok = true;
  for (size_t i = 0; i < macro.names.size() && ok; ++i) {
    const Value* given = args.get(i, macro.names[i]);
    if (given != nullptr) {
      scopes_.back().emplace_back(macro.names[i], *given);
    } else if (macro.exprs[i]) {
      Value def;
      ok = eval(*macro.exprs[i], def);
      scopes_.back().emplace_back(macro.names[i], std::move(def));
    } else {
      scopes_.back().emplace_back(macro.names[i], Value());
    }
  }
  // The macro's own name, so it can call itself wherever it was defined (an include's or
  // import's scope is gone by the time it runs).
  scopes_.back().emplace_back(macro.text, macro_value(&macro, tpl));
  if (const Value* caller = args.find("caller")) scopes_.back().emplace_back("caller", *caller);
  return ok;
}

// {% for %}
Renderer::Flow Renderer::exec_for(const Node& n) {
  Value iterable;
  if (!eval(*n.exprs[0], iterable)) return Flow::kError;
  return run_loop(n, iterable, 0);
}

Renderer::Flow Renderer::run_loop(const Node& n, const Value& iterable, int depth) {
  if (!iterable.is_undefined() && !iterable.is_none() && !iterable.is_iterable()) {
    fail(n.exprs[0]->line, n.exprs[0]->column,
         std::string("cannot loop over a ") + iterable.type_name());
    return Flow::kError;
  }
  List storage;
  const List* items = loop_items(n, iterable, storage);
  scopes_.emplace_back();
  // The inline filter ({% for x in xs if cond %}) runs before loop variables are counted.
  if (n.exprs[1]) {
    List kept;
    if (!filter_loop_items(n, *items, kept)) return Flow::kError;
    storage = std::move(kept);
    items = &storage;
  }
  if (items->empty()) {
    scopes_.pop_back();
    return n.bodies.size() > 1 ? exec_body(n.bodies[1]) : Flow::kNormal;
  }
  auto loop = std::make_shared<LoopObject>();
  loop->node = &n;
  loop->items = items;
  loop->length = items->size();
  loop->depth = depth;
  Value loop_value = Value::object(loop);
  Flow result = Flow::kNormal;
  // Jinja2 runs the else branch unless the body ran to its end at least once: a loop whose
  // every pass ends in break or continue takes it too.
  bool completed = false;
  for (size_t i = 0; i < items->size() && result == Flow::kNormal; ++i) {
    // A pass counts as a step even when its body is empty: empty loops nest as deep.
    if (++steps_ > limits_.steps) {
      fail_budget(n.line, n.column);
      result = Flow::kError;
      break;
    }
    loop->index = i;
    Scope& s = scopes_.back();
    // Names set in the body last one iteration, as in Jinja2.
    if (s.empty()) s.emplace_back("loop", loop_value);
    bind_loop_variables(n, s, 1, (*items)[i]);
    Flow f = exec_body(n.bodies[0]);
    if (f == Flow::kError || f == Flow::kBreak) result = f;
    completed |= f == Flow::kNormal;
  }
  scopes_.pop_back();
  if (result == Flow::kError) return Flow::kError;
  return completed || n.bodies.size() < 2 ? Flow::kNormal : exec_body(n.bodies[1]);
}

// The items of {% for x in xs if cond %} for which cond holds, evaluated with the loop
// variables bound in the loop's scope (left empty).
bool Renderer::filter_loop_items(const Node& n, const List& items, List& kept) {
  for (const Value& item : items) {
    bind_loop_variables(n, scopes_.back(), 0, item);
    Value keep;
    if (!eval(*n.exprs[1], keep)) return false;
    if (keep.truthy()) kept.push_back(item);
  }
  scopes_.back().clear();
  return true;
}

// loop(children) in a `recursive` loop: the body again, one level deeper, as a value.
bool Renderer::call_loop(const Node& loop, int depth, const Value& items, Value& result,
                         std::string& error) {
  if (!enter()) {
    error = "recursive loop nested deeper than 64 levels";
    return false;
  }
  Flow f = capture(autoescape(), result, [&] { return run_loop(loop, items, depth + 1); });
  leave();
  if (f == Flow::kError) error.clear();
  return f != Flow::kError;
}

bool Renderer::call(const Value& fn, CallArgs& args, Value& result, std::string& error) {
  if (fn.kind() == Value::Kind::kFunction) return fn.as_function()(*this, args, result, error);
  if (fn.kind() != Value::Kind::kObject) {
    error = std::string("cannot call a ") + fn.type_name();
    return false;
  }
  const auto* loop = dynamic_cast<const LoopObject*>(&fn.as_object());
  if (loop != nullptr && loop->node->recursive && args.positional.size() == 1)
    return call_loop(*loop->node, loop->depth, args.positional[0], result, error);
  error = loop != nullptr ? "loop() can only be called in a `recursive` loop, with one argument"
                          : "cannot call a " + std::string(fn.type_name());
  return false;
}

const Template* Renderer::load(const Expr& name_expr, const Node& at, bool ignore_missing,
                               bool& missing) {
  missing = false;
  Value name;
  if (!eval(name_expr, name)) return nullptr;
  // A list of names means the first that exists.
  List candidates = name.kind() == Value::Kind::kList ? name.as_list() : List{name};
  for (const Value& c : candidates) {
    std::string n = c.str();
    if (!env_.exists(n)) continue;
    Diagnostic err;
    const Template* t = env_.get(n, err);
    if (t == nullptr) {
      // A syntax error in the other template: report it as it is.
      failed_ = true;
      error_ = err;
    }
    return t;
  }
  missing = true;
  if (!ignore_missing) fail(at.line, at.column, "template '" + name.str() + "' not found");
  return nullptr;
}

bool Renderer::render_inherited(const Template& t) {
  // Collect the extends chain: child first. Blocks resolve to the most derived definition.
  std::vector<const Template*> chain{&t};
  const Template* saved = current_;
  for (const Template* tpl = &t; tpl->extends != nullptr;) {
    current_ = tpl;
    // Statements before blocks in a child (set, import, macro) still bind names.
    for (const auto& n : tpl->body) {
      if (n->kind == NodeKind::kSet || n->kind == NodeKind::kLet || n->kind == NodeKind::kImport ||
          n->kind == NodeKind::kFromImport || n->kind == NodeKind::kMacro) {
        if (exec(*n) == Flow::kError) return false;
      }
    }
    bool missing = false;
    const Template* parent = load(*tpl->extends->exprs[0], *tpl->extends, false, missing);
    if (parent == nullptr) return false;
    for (const Template* seen : chain) {
      if (seen == parent)
        return fail(tpl->extends->line, tpl->extends->column,
                    "extends cycle: '" + parent->name + "' extends itself");
    }
    if (chain.size() > kMaxRenderDepth)
      return fail(tpl->extends->line, tpl->extends->column,
                  "extends chain deeper than 64 templates");
    chain.push_back(parent);
    tpl = parent;
  }
  const std::vector<const Template*>* saved_chain = chain_;
  chain_ = &chain;
  current_ = chain.back();
  Flow f = exec_body(chain.back()->body);
  chain_ = saved_chain;
  current_ = saved;
  return f != Flow::kError;
}

Renderer::Flow Renderer::exec_block(const std::string& name, size_t level) {
  // The level-th definition of the block along the extends chain, most derived first.
  const Node* node = nullptr;
  const Template* tpl = nullptr;
  size_t seen = 0;
  for (size_t i = 0; chain_ != nullptr && i < chain_->size() && node == nullptr; ++i) {
    auto it = (*chain_)[i]->blocks.find(name);
    if (it != (*chain_)[i]->blocks.end() && seen++ == level) {
      node = it->second;
      tpl = (*chain_)[i];
    }
  }
  if (node == nullptr) return Flow::kNormal;
  if (!enter()) return fail_node(*node, "blocks nested deeper than 64 levels");
  const Template* saved = current_;
  current_ = tpl;
  active_blocks_.push_back({&name, level});
  scopes_.emplace_back();
  Flow f = exec_body(node->bodies[0]);
  scopes_.pop_back();
  active_blocks_.pop_back();
  current_ = saved;
  leave();
  return f == Flow::kError ? Flow::kError : Flow::kNormal;
}

// super() and self.name(): a block's output as markup when autoescaping.
bool Renderer::render_block_to(const std::string& name, size_t level, Value& result) {
  return capture(autoescape(), result, [&] { return exec_block(name, level); }) != Flow::kError;
}

}  // namespace bengal::templates
