#include "bengal/templates/engine/renderer.hpp"

#include <cctype>
#include <cmath>
#include <unordered_map>

#include "bengal/templates/engine/globals.hpp"

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
    // The functions hold a weak reference: one stored beyond its loop is harmless.
    std::weak_ptr<const LoopObject> self = weak_from_this();
    if (name == "cycle")
      return Value::function([self](Renderer&, CallArgs& args, Value& result, std::string& error) {
        auto loop = self.lock();
        if (args.positional.empty() || !loop) {
          error = "loop.cycle() needs at least one value";
          return false;
        }
        result = args.positional[loop->index % args.positional.size()];
        return true;
      });
    if (name == "changed")
      return Value::function([self](Renderer&, CallArgs& args, Value& result, std::string&) {
        auto loop = self.lock();
        Value now = Value::list(args.positional);
        bool changed = !loop || !loop->changed_called || !(loop->last_changed == now);
        if (loop) loop->last_changed = std::move(now), loop->changed_called = true;
        result = Value::boolean(changed);
        return true;
      });
    return {};
  }
  std::string str() const override {
    return "<LoopContext " + std::to_string(index + 1) + "/" + std::to_string(length) + ">";
  }
};

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

bool is_intlike(const Value& v) {
  return v.kind() == Value::Kind::kInt || v.kind() == Value::Kind::kBool;
}

}  // namespace

Renderer::Renderer(const Environment& env, std::string& out) : env_(env), out_(&out) {}

Renderer::~Renderer() {
  for (const auto& weak : namespaces_)
    if (auto ns = weak.lock()) ns->clear();
}

void Renderer::adopt(const std::shared_ptr<const Namespace>& ns) {
  // A loop making a namespace per item leaves expired entries: sweep them as the list doubles.
  if (namespaces_.size() >= 2 * namespaces_kept_ + 64) {
    std::erase_if(namespaces_, [](const auto& weak) { return weak.expired(); });
    namespaces_kept_ = namespaces_.size();
  }
  namespaces_.push_back(ns);
}

bool Renderer::fail(uint32_t line, uint32_t column, std::string message) {
  if (!failed_) {
    failed_ = true;
    error_ = current_ != nullptr ? template_error(*current_, line, column, std::move(message))
                                 : make_error("", line, column, std::move(message));
  }
  return false;
}

bool Renderer::enter() {
  if (++depth_ > kMaxRenderDepth) {
    --depth_;
    return false;
  }
  return true;
}

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

bool Renderer::render(const Template& t, const Vars& vars) {
  scopes_.clear();
  scopes_.emplace_back(vars.begin(), vars.end());
  scopes_.emplace_back();
  return render_inherited(t) && !failed_;
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
      if (n->kind == NodeKind::kSet || n->kind == NodeKind::kImport ||
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

Renderer::Flow Renderer::exec_body(const Body& body) {
  for (const auto& n : body) {
    Flow f = exec(*n);
    if (f != Flow::kNormal) return f;
  }
  return Flow::kNormal;
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
  if (!enter()) {
    fail(node->line, node->column, "blocks nested deeper than 64 levels");
    return Flow::kError;
  }
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

// super() and self.name(): a block's output as markup.
bool Renderer::render_block_to(const std::string& name, size_t level, Value& result) {
  std::string buffer;
  std::string* saved_out = out_;
  out_ = &buffer;
  Flow f = exec_block(name, level);
  out_ = saved_out;
  result = Value::string(std::move(buffer), autoescape());
  return f != Flow::kError;
}

Value Renderer::macro_value(const Node* macro, const Template* tpl) {
  return Value::function([macro, tpl](Renderer& r, CallArgs& args, Value& result,
                                      std::string& error) {
    if (!r.enter()) {
      error = "macro calls nested deeper than 64 levels (does '" + macro->text + "' call itself?)";
      return false;
    }
    // A macro sees its arguments and the globals and render variables, not the caller's
    // local variables.
    // Scope 0 holds the render variables, scope 1 the template's top level (its macros,
    // so a macro can call itself and its siblings).
    std::vector<Scope> saved = std::move(r.scopes_);
    r.scopes_ = {saved.front()};
    if (saved.size() > 1) r.scopes_.push_back(saved[1]);
    r.scopes_.emplace_back();
    const Template* saved_tpl = r.current_;
    r.current_ = tpl;
    bool ok = true;
    for (size_t i = 0; i < macro->names.size() && ok; ++i) {
      const Value* given = args.get(i, macro->names[i]);
      if (given != nullptr) {
        r.scopes_.back().emplace_back(macro->names[i], *given);
      } else if (macro->exprs[i]) {
        Value def;
        ok = r.eval(*macro->exprs[i], def);
        r.scopes_.back().emplace_back(macro->names[i], std::move(def));
      } else {
        r.scopes_.back().emplace_back(macro->names[i], Value());
      }
    }
    // The macro's own name, so it can call itself wherever it was defined (an
    // include's or import's scope is gone by the time it runs).
    r.scopes_.back().emplace_back(macro->text, macro_value(macro, tpl));
    if (const Value* caller = args.find("caller")) r.scopes_.back().emplace_back("caller", *caller);
    std::string buffer;
    std::string* saved_out = r.out_;
    r.out_ = &buffer;
    if (ok) ok = r.exec_body(macro->bodies[0]) != Flow::kError;
    r.out_ = saved_out;
    result = Value::string(std::move(buffer), tpl->autoescape);
    r.scopes_ = std::move(saved);
    r.current_ = saved_tpl;
    r.leave();
    if (!ok && r.failed_) error.clear();
    return ok;
  });
}

// The frame budget: whatever nests (macros calling macros, includes, filters inside
// expressions inside loops), no more than kMaxRenderFrames exec and eval calls are on the stack.
struct Renderer::Frame {
  Renderer& r;
  explicit Frame(Renderer& renderer) : r(renderer) { ++r.frames_; }
  ~Frame() { --r.frames_; }
  bool over() const { return r.frames_ > kMaxRenderFrames; }
};

static std::string frames_error() {
  std::string message = "template nested more than ";
  message += std::to_string(kMaxRenderFrames);
  message +=
      " statements and expressions deep while rendering (macros, includes or recursive "
      "loops inside each other); make the recursion shallower";
  return message;
}

Renderer::Flow Renderer::exec(const Node& n) {
  Frame frame(*this);
  if (frame.over()) {
    fail(n.line, n.column, frames_error());
    return Flow::kError;
  }
  return exec_node(n);
}

bool Renderer::eval(const Expr& e, Value& out) {
  Frame frame(*this);
  if (frame.over()) return fail(e.line, e.column, frames_error());
  return eval_expr(e, out);
}

Renderer::Flow Renderer::exec_node(const Node& n) {
  switch (n.kind) {
    case NodeKind::kText:
      out_->append(n.text);
      return Flow::kNormal;
    case NodeKind::kOutput: {
      Value v;
      if (!eval(*n.exprs[0], v)) return Flow::kError;
      output(v);
      return Flow::kNormal;
    }
    case NodeKind::kIf:
      for (size_t i = 0; i < n.exprs.size(); ++i) {
        Value c;
        if (!eval(*n.exprs[i], c)) return Flow::kError;
        if (c.truthy()) return exec_body(n.bodies[i]);
      }
      if (n.bodies.size() > n.exprs.size()) return exec_body(n.bodies.back());
      return Flow::kNormal;
    case NodeKind::kFor:
      return exec_for(n);
    case NodeKind::kSet: {
      Value v;
      if (!eval(*n.exprs[0], v)) return Flow::kError;
      if (n.names.size() == 1) {
        assign(n.names[0], std::move(v));
        return Flow::kNormal;
      }
      List items = v.to_list();
      if (items.size() != n.names.size())
        return fail(n.line, n.column,
                    "cannot unpack " + std::to_string(items.size()) + " values into " +
                        std::to_string(n.names.size()) + " names")
                   ? Flow::kNormal
                   : Flow::kError;
      for (size_t i = 0; i < items.size(); ++i) assign(n.names[i], items[i]);
      return Flow::kNormal;
    }
    case NodeKind::kSetAttr: {
      Value target = lookup(n.names[0]);
      const auto* ns = target.kind() == Value::Kind::kObject
                           ? dynamic_cast<const Namespace*>(&target.as_object())
                           : nullptr;
      if (ns == nullptr) {
        fail(n.line, n.column,
             "cannot assign to an attribute of '" + n.names[0] + "': only namespace() objects " +
                 "take attributes");
        return Flow::kError;
      }
      Value v;
      if (!eval(*n.exprs[0], v)) return Flow::kError;
      ns->set(n.text, std::move(v));
      return Flow::kNormal;
    }
    case NodeKind::kSetBlock: {
      std::string buffer;
      std::string* saved = out_;
      out_ = &buffer;
      Flow f = exec_body(n.bodies[0]);
      out_ = saved;
      if (f == Flow::kError) return f;
      assign(n.names[0], Value::string(std::move(buffer), autoescape()));
      return Flow::kNormal;
    }
    case NodeKind::kBlock:
      return exec_block(n.text, 0);
    case NodeKind::kExtends:
      return Flow::kNormal;  // handled by render_inherited
    case NodeKind::kInclude: {
      bool missing = false;
      const Template* t = load(*n.exprs[0], n, n.ignore_missing, missing);
      if (t == nullptr) return missing && n.ignore_missing ? Flow::kNormal : Flow::kError;
      if (!enter())
        return fail(n.line, n.column,
                    "includes nested deeper than 64 levels (does a template include itself?)")
                   ? Flow::kNormal
                   : Flow::kError;
      std::vector<Scope> saved;
      if (n.without_context) {
        saved = std::move(scopes_);
        scopes_ = {Scope{}};
      }
      scopes_.emplace_back();
      bool ok = render_inherited(*t);
      scopes_.pop_back();
      if (n.without_context) scopes_ = std::move(saved);
      leave();
      return ok ? Flow::kNormal : Flow::kError;
    }
    case NodeKind::kImport: {
      Value module;
      if (!import_module(n, module)) return Flow::kError;
      assign(n.text, std::move(module));
      return Flow::kNormal;
    }
    case NodeKind::kFromImport: {
      Value module;
      if (!import_module(n, module)) return Flow::kError;
      for (size_t i = 0; i < n.names.size(); ++i) {
        Value v = module.attr(n.names[i]);
        if (v.is_undefined())
          return fail(n.line, n.column,
                      "'" + n.names[i] + "' is not defined in the imported template")
                     ? Flow::kNormal
                     : Flow::kError;
        assign(n.aliases[i], std::move(v));
      }
      return Flow::kNormal;
    }
    case NodeKind::kMacro:
      assign(n.text, macro_value(&n, current_));
      return Flow::kNormal;
    case NodeKind::kCallBlock: {
      const Node* node = &n;
      std::vector<Scope> snapshot = scopes_;
      const Template* tpl = current_;
      Value caller = Value::function(
          [node, snapshot, tpl](Renderer& r, CallArgs& args, Value& result, std::string&) {
            std::vector<Scope> saved = std::move(r.scopes_);
            r.scopes_ = snapshot;
            r.scopes_.emplace_back();
            for (size_t i = 0; i < node->names.size(); ++i) {
              const Value* given = args.get(i, node->names[i]);
              r.scopes_.back().emplace_back(node->names[i], given ? *given : Value());
            }
            std::string buffer;
            std::string* saved_out = r.out_;
            r.out_ = &buffer;
            bool ok = r.exec_body(node->bodies[0]) != Flow::kError;
            r.out_ = saved_out;
            r.scopes_ = std::move(saved);
            result = Value::string(std::move(buffer), tpl->autoescape);
            return ok;
          });
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
    case NodeKind::kWith: {
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
    case NodeKind::kFilterBlock: {
      std::string buffer;
      std::string* saved = out_;
      out_ = &buffer;
      Flow f = exec_body(n.bodies[0]);
      out_ = saved;
      if (f == Flow::kError) return f;
      // Apply the filter chain to the block's output.
      scopes_.emplace_back();
      scopes_.back().emplace_back(kFilterBlockOutput,
                                  Value::string(std::move(buffer), autoescape()));
      Value v;
      const Expr* chain = n.exprs[0].get();
      bool ok = eval(*chain, v);
      scopes_.pop_back();
      if (!ok) return Flow::kError;
      output(v);
      return Flow::kNormal;
    }
    case NodeKind::kBreak:
      return Flow::kBreak;
    case NodeKind::kContinue:
      return Flow::kContinue;
  }
  return Flow::kNormal;
}

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
  // Lists are walked in place; other iterables are materialized once.
  List storage;
  const List* items = &storage;
  if (iterable.kind() == Value::Kind::kList) {
    items = &iterable.as_list();
  } else if (iterable.kind() == Value::Kind::kDict && n.names.size() == 2) {
    for (const auto& [k, v] : iterable.as_dict())
      storage.push_back(Value::list(List{Value::view(k), v}));
  } else {
    storage = iterable.to_list();
  }
  scopes_.emplace_back();
  auto bind = [&](Scope& s, size_t first, const Value& item) {
    s.resize(first);
    if (n.names.size() == 1) {
      s.emplace_back(n.names[0], item);
      return;
    }
    List parts = item.to_list();
    for (size_t k = 0; k < n.names.size(); ++k)
      s.emplace_back(n.names[k], k < parts.size() ? parts[k] : Value());
  };
  // The inline filter ({% for x in xs if cond %}) runs before loop variables are counted.
  if (n.exprs[1]) {
    List kept;
    for (const Value& item : *items) {
      bind(scopes_.back(), 0, item);
      Value keep;
      if (!eval(*n.exprs[1], keep)) return Flow::kError;
      if (keep.truthy()) kept.push_back(item);
    }
    storage = std::move(kept);
    items = &storage;
    scopes_.back().clear();
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
  for (size_t i = 0; i < items->size(); ++i) {
    loop->index = i;
    Scope& s = scopes_.back();
    // Names set in the body last one iteration, as in Jinja2.
    if (s.empty()) s.emplace_back("loop", loop_value);
    bind(s, 1, (*items)[i]);
    Flow f = exec_body(n.bodies[0]);
    if (f == Flow::kError) {
      result = f;
      break;
    }
    if (f == Flow::kBreak) break;
  }
  scopes_.pop_back();
  return result;
}

bool Renderer::import_module(const Node& n, Value& module) {
  bool missing = false;
  const Template* t = load(*n.exprs[0], n, false, missing);
  if (t == nullptr) return false;
  if (!enter()) return fail(n.line, n.column, "imports nested deeper than 64 levels");
  // The module's top level runs in a scope of its own; its names become the module's attributes.
  std::string discard;
  std::string* saved_out = out_;
  out_ = &discard;
  std::vector<Scope> saved = std::move(scopes_);
  scopes_ = {n.without_context || saved.empty() ? Scope{} : saved.front(), Scope{}};
  const Template* saved_tpl = current_;
  current_ = t;
  Flow f = exec_body(t->body);
  Dict names(scopes_.back().begin(), scopes_.back().end());
  scopes_ = std::move(saved);
  current_ = saved_tpl;
  out_ = saved_out;
  leave();
  if (f == Flow::kError) return false;
  module = Value::dict(std::move(names));
  return true;
}

bool Renderer::call(const Value& fn, CallArgs& args, Value& result, std::string& error) {
  if (fn.kind() == Value::Kind::kObject) {
    const auto* loop = dynamic_cast<const LoopObject*>(&fn.as_object());
    if (loop != nullptr && loop->node->recursive && args.positional.size() == 1) {
      // loop(children) in a `recursive` loop: the body again, one level deeper.
      if (!enter()) {
        error = "recursive loop nested deeper than 64 levels";
        return false;
      }
      std::string buffer;
      std::string* saved_out = out_;
      out_ = &buffer;
      Flow f = run_loop(*loop->node, args.positional[0], loop->depth + 1);
      out_ = saved_out;
      leave();
      result = Value::string(std::move(buffer), autoescape());
      if (f == Flow::kError) error.clear();
      return f != Flow::kError;
    }
    error = loop != nullptr ? "loop() can only be called in a `recursive` loop, with one argument"
                            : "cannot call a " + std::string(fn.type_name());
    return false;
  }
  if (fn.kind() != Value::Kind::kFunction) {
    error = std::string("cannot call a ") + fn.type_name();
    return false;
  }
  return fn.as_function()(*this, args, result, error);
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

static bool call_method(const Value& base, std::string_view name, const CallArgs& args,
                        Value& out) {
  const Value* a0 = args.positional.empty() ? nullptr : &args.positional[0];
  if (base.kind() == Value::Kind::kDict ||
      (base.kind() == Value::Kind::kObject && !base.as_object().is_sequence())) {
    bool dict = base.kind() == Value::Kind::kDict;
    std::vector<std::string> keys;
    if (dict) {
      for (const auto& [k, v] : base.as_dict()) keys.push_back(k);
    } else {
      keys = base.as_object().keys();
    }
    if (name == "items" || name == "keys" || name == "values") {
      List l;
      for (const auto& k : keys) {
        Value v = base.attr(k);
        if (name == "items")
          l.push_back(Value::list(List{Value::string(k), v}));
        else
          l.push_back(name == "keys" ? Value::string(k) : v);
      }
      out = Value::list(std::move(l));
      return true;
    }
    if (name == "get" && a0 != nullptr) {
      out = base.attr(a0->str());
      if (out.is_undefined()) out = args.positional.size() > 1 ? args.positional[1] : Value::none();
      return true;
    }
    return false;
  }
  if (!base.is_string()) return false;
  std::string_view s = base.as_view();
  if (name == "startswith" && a0) return out = Value::boolean(s.starts_with(a0->str())), true;
  if (name == "endswith" && a0) return out = Value::boolean(s.ends_with(a0->str())), true;
  if (name == "lower" || name == "upper") {
    std::string t(s);
    for (char& c : t)
      c = name == "lower" ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                          : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out = Value::string(std::move(t)), true;
  }
  if (name == "strip") {
    size_t b = s.find_first_not_of(" \t\n\r"), e2 = s.find_last_not_of(" \t\n\r");
    return out = Value::string(b == std::string_view::npos ? ""
                                                           : std::string(s.substr(b, e2 - b + 1))),
           true;
  }
  if (name == "split") {
    List parts;
    std::string sep = a0 ? a0->str() : "";
    if (sep.empty()) {
      size_t i = 0;
      while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        size_t j = i;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i) parts.push_back(Value::string(std::string(s.substr(i, j - i))));
        i = j;
      }
    } else {
      size_t start = 0;
      for (size_t hit; (hit = s.find(sep, start)) != std::string_view::npos;
           start = hit + sep.size())
        parts.push_back(Value::string(std::string(s.substr(start, hit - start))));
      parts.push_back(Value::string(std::string(s.substr(start))));
    }
    return out = Value::list(std::move(parts)), true;
  }
  return false;
}

bool Renderer::eval_call(const Expr& e, Value& out) {
  Value fn;
  if (!eval(*e.args[0], fn)) return false;
  CallArgs args;
  if (!eval_args(e, 1, args)) return false;
  if (fn.is_undefined() && e.args[0]->kind == ExprKind::kAttr) {
    // Python methods templates use on dicts and strings: d.items(), s.startswith('x').
    Value base;
    if (!eval(*e.args[0]->args[0], base)) return false;
    if (call_method(base, e.args[0]->name, args, out)) return true;
  }
  if (fn.is_undefined() && e.args[0]->kind == ExprKind::kName && e.args[0]->name == "super" &&
      !active_blocks_.empty()) {
    ActiveBlock b = active_blocks_.back();
    return render_block_to(*b.name, b.level + 1, out);
  }
  if (fn.is_undefined() && e.args[0]->kind == ExprKind::kAttr &&
      e.args[0]->args[0]->kind == ExprKind::kName && e.args[0]->args[0]->name == "self" &&
      lookup("self").is_undefined())
    return render_block_to(e.args[0]->name, 0, out);
  if (fn.is_undefined()) {
    const std::string& name =
        e.args[0]->kind == ExprKind::kName || e.args[0]->kind == ExprKind::kAttr
            ? e.args[0]->name
            : std::string("value");
    return fail(e.line, e.column, "'" + name + "' is undefined and cannot be called");
  }
  std::string error;
  if (!call(fn, args, out, error)) {
    if (failed_) return false;
    return fail(e.line, e.column, error);
  }
  return true;
}

bool Renderer::eval_binary(const Expr& e, const Value& a, const Value& b, Value& out) {
  auto type_error = [&](const char* op) {
    return fail(e.line, e.column,
                std::string("unsupported operand types for ") + op + ": " + a.type_name() +
                    " and " + b.type_name());
  };
  bool nums = (a.is_number() || a.kind() == Value::Kind::kBool) &&
              (b.is_number() || b.kind() == Value::Kind::kBool);
  bool ints = is_intlike(a) && is_intlike(b);
  switch (e.op) {
    case Op::kAdd:
      if (nums) {
        int64_t r;
        out = ints && !__builtin_add_overflow(a.as_int(), b.as_int(), &r)
                  ? Value::integer(r)
                  : Value::number(a.as_float() + b.as_float());
      } else if (a.is_string() && b.is_string()) {
        out = Value::string(std::string(a.as_view()) + std::string(b.as_view()),
                            a.is_safe() && b.is_safe());
      } else if (a.kind() == Value::Kind::kList && b.kind() == Value::Kind::kList) {
        List l = a.as_list();
        l.insert(l.end(), b.as_list().begin(), b.as_list().end());
        out = Value::list(std::move(l));
      } else {
        return type_error("+");
      }
      return true;
    case Op::kSub:
      if (!nums) return type_error("-");
      int64_t r;
      out = ints && !__builtin_sub_overflow(a.as_int(), b.as_int(), &r)
                ? Value::integer(r)
                : Value::number(a.as_float() - b.as_float());
      return true;
    case Op::kMul:
      if (nums) {
        int64_t r;
        out = ints && !__builtin_mul_overflow(a.as_int(), b.as_int(), &r)
                  ? Value::integer(r)
                  : Value::number(a.as_float() * b.as_float());
      } else if (a.is_string() && is_intlike(b)) {
        // An empty string repeated any number of times is empty, at once.
        int64_t count = a.as_view().empty() ? 0 : std::max<int64_t>(0, b.as_int());
        if (count > 0 && a.as_view().size() > kMaxBuiltBytes / static_cast<uint64_t>(count))
          return fail(e.line, e.column, "string repetition larger than 64 MB");
        std::string s;
        s.reserve(a.as_view().size() * static_cast<size_t>(count));
        for (int64_t i = 0; i < count; ++i) s += a.as_view();
        out = Value::string(std::move(s));
      } else {
        return type_error("*");
      }
      return true;
    case Op::kDiv:
      if (!nums) return type_error("/");
      if (b.as_float() == 0) return fail(e.line, e.column, "division by zero");
      out = Value::number(a.as_float() / b.as_float());
      return true;
    case Op::kFloorDiv:
      if (!nums) return type_error("//");
      if (b.as_float() == 0) return fail(e.line, e.column, "division by zero");
      if (ints && !(a.as_int() == INT64_MIN && b.as_int() == -1)) {
        int64_t q = a.as_int() / b.as_int();
        if ((a.as_int() % b.as_int() != 0) && ((a.as_int() < 0) != (b.as_int() < 0))) --q;
        out = Value::integer(q);
      } else {
        out = Value::number(std::floor(a.as_float() / b.as_float()));
      }
      return true;
    case Op::kMod:
      if (!nums) return type_error("%");
      if (b.as_float() == 0) return fail(e.line, e.column, "division by zero");
      if (ints && !(a.as_int() == INT64_MIN && b.as_int() == -1)) {
        int64_t m = a.as_int() % b.as_int();
        if (m != 0 && ((m < 0) != (b.as_int() < 0))) m += b.as_int();
        out = Value::integer(m);
      } else {
        double m = std::fmod(a.as_float(), b.as_float());
        if (m != 0 && ((m < 0) != (b.as_float() < 0))) m += b.as_float();
        out = Value::number(m);
      }
      return true;
    case Op::kPow:
      if (!nums) return type_error("**");
      if (ints && b.as_int() >= 0) {
        // Exact while it fits in 64 bits, a float beyond (Python would grow the integer).
        int64_t r = 1, base = a.as_int();
        bool overflow = false;
        for (int64_t n = b.as_int(); n > 0 && !overflow; n >>= 1) {
          if (n & 1) overflow = __builtin_mul_overflow(r, base, &r);
          if (n > 1 && !overflow) overflow = __builtin_mul_overflow(base, base, &base);
        }
        out = overflow ? Value::number(std::pow(a.as_float(), b.as_float())) : Value::integer(r);
      } else {
        out = Value::number(std::pow(a.as_float(), b.as_float()));
      }
      return true;
    default:
      return fail(e.line, e.column, "bad operator");
  }
}

namespace {

bool contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Value::Kind::kString:
      return container.as_view().find(item.str()) != std::string_view::npos;
    case Value::Kind::kList:
      for (const Value& v : container.as_list())
        if (v == item) return true;
      return false;
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

}  // namespace

bool Renderer::eval_expr(const Expr& e, Value& out) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      out = e.literal;
      return true;
    case ExprKind::kName:
      out = lookup(e.name);
      return true;
    case ExprKind::kList: {
      List items;
      items.reserve(e.args.size());
      for (const auto& a : e.args) {
        Value v;
        if (!eval(*a, v)) return false;
        items.push_back(std::move(v));
      }
      out = Value::list(std::move(items));
      return true;
    }
    case ExprKind::kDict: {
      Dict items;
      // A repeated key keeps its first place and takes the last value, as in Python; the
      // index keeps a literal of many keys linear.
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
    case ExprKind::kAttr: {
      Value base;
      if (!eval(*e.args[0], base)) return false;
      out = base.attr(e.name);
      return true;
    }
    case ExprKind::kItem: {
      Value base, key;
      if (!eval(*e.args[0], base) || !eval(*e.args[1], key)) return false;
      out = base.item(key);
      return true;
    }
    case ExprKind::kSlice: {
      Value base, parts[3];
      if (!eval(*e.args[0], base)) return false;
      for (int i = 0; i < 3; ++i)
        if (e.args[i + 1] && !eval(*e.args[i + 1], parts[i])) return false;
      // A string is sliced by walking its characters, never as a list of them.
      std::string_view text = base.as_view();
      List items = base.is_string() ? List{} : base.to_list();
      auto n = static_cast<int64_t>(base.is_string() ? Value::char_count(text) : items.size());
      int64_t step = parts[2].is_number() ? parts[2].as_int() : 1;
      if (step == 0) return fail(e.line, e.column, "slice step cannot be zero");
      auto clamp = [&](const Value& v, int64_t def) {
        if (!v.is_number()) return def;
        int64_t i = v.as_int();
        if (i < 0) i += n;
        return step > 0 ? std::clamp<int64_t>(i, 0, n) : std::clamp<int64_t>(i, -1, n - 1);
      };
      int64_t start = clamp(parts[0], step > 0 ? 0 : n - 1);
      int64_t stop = clamp(parts[1], step > 0 ? n : -1);
      if (base.is_string()) {
        out = Value::string(slice_text(text, start, stop, step), base.is_safe());
        return true;
      }
      List sliced;
      for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        sliced.push_back(items[static_cast<size_t>(i)]);
      out = Value::list(std::move(sliced));
      return true;
    }
    case ExprKind::kCall:
      return eval_call(e, out);
    case ExprKind::kFilter: {
      Value v;
      if (!eval(*e.args[0], v)) return false;
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
    case ExprKind::kTest: {
      Value v;
      // `x is defined` must not fail on an undefined x.
      if (!eval(*e.args[0], v)) return false;
      CallArgs args;
      if (!eval_args(e, 1, args)) return false;
      out = Value::boolean((e.test ? e.test(v, args) : (*e.custom_test)(v, args)) != e.negate);
      return true;
    }
    case ExprKind::kNeg:
    case ExprKind::kPos: {
      Value v;
      if (!eval(*e.args[0], v)) return false;
      if (!v.is_number())
        return fail(e.line, e.column,
                    std::string("bad operand type for unary -: ") + v.type_name());
      out = e.kind == ExprKind::kPos ? v
            : v.kind() == Value::Kind::kInt && v.as_int() != INT64_MIN
                ? Value::integer(-v.as_int())
                : Value::number(-v.as_float());
      return true;
    }
    case ExprKind::kNot: {
      Value v;
      if (!eval(*e.args[0], v)) return false;
      out = Value::boolean(!v.truthy());
      return true;
    }
    case ExprKind::kAnd:
    case ExprKind::kOr: {
      Value a;
      if (!eval(*e.args[0], a)) return false;
      // Python semantics: the deciding operand is the result.
      if ((e.kind == ExprKind::kAnd) != a.truthy()) {
        out = std::move(a);
        return true;
      }
      return eval(*e.args[1], out);
    }
    case ExprKind::kBinary: {
      Value a, b;
      if (!eval(*e.args[0], a) || !eval(*e.args[1], b)) return false;
      return eval_binary(e, a, b, out);
    }
    case ExprKind::kCompare: {
      Value left;
      if (!eval(*e.args[0], left)) return false;
      for (size_t i = 0; i < e.ops.size(); ++i) {
        Value right;
        if (!eval(*e.args[i + 1], right)) return false;
        bool r = false;
        switch (e.ops[i]) {
          case Op::kEq:
            r = left == right;
            break;
          case Op::kNe:
            r = !(left == right);
            break;
          case Op::kIn:
            r = contains(right, left);
            break;
          case Op::kNotIn:
            r = !contains(right, left);
            break;
          default: {
            bool comparable = (left.is_number() || left.kind() == Value::Kind::kBool) ==
                              (right.is_number() || right.kind() == Value::Kind::kBool);
            if (!comparable || left.is_undefined() || right.is_undefined())
              return fail(
                  e.line, e.column,
                  std::string("cannot compare ") + left.type_name() + " with " + right.type_name());
            int c = compare(left, right);
            r = e.ops[i] == Op::kLt   ? c < 0
                : e.ops[i] == Op::kLe ? c <= 0
                : e.ops[i] == Op::kGt ? c > 0
                                      : c >= 0;
          }
        }
        if (!r) {
          out = Value::boolean(false);
          return true;
        }
        left = std::move(right);
      }
      out = Value::boolean(true);
      return true;
    }
    case ExprKind::kConcat: {
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
    case ExprKind::kCond: {
      Value c;
      if (!eval(*e.args[0], c)) return false;
      if (c.truthy()) return eval(*e.args[1], out);
      if (e.args[2]) return eval(*e.args[2], out);
      out = Value();
      return true;
    }
  }
  return fail(e.line, e.column, "unknown expression");
}

}  // namespace bengal::templates
