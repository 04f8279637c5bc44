// One render of one template: scopes, loop state, block chains and the output buffer. Lives on
// the stack of the rendering thread; the compiled templates it walks are shared and read-only.
#pragma once

#include <string>
#include <vector>

#include "bengal/templates/engine/ast.hpp"
#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates {

class Namespace;

class Renderer {
 public:
  Renderer(const Environment& env, std::string& out);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Renders `t` (following its extends chain) with `vars` on top of the globals.
  bool render(const Template& t, const Vars& vars);
  const Diagnostic& error() const { return error_; }

  const Environment& env() const { return env_; }
  bool autoescape() const { return current_ != nullptr && current_->autoescape; }
  // Takes note of a namespace() made by this render, to clear when the render ends.
  void adopt(const std::shared_ptr<const Namespace>& ns);
  // Calls a function value (macro, global, loop.cycle).
  bool call(const Value& fn, CallArgs& args, Value& result, std::string& error);

  enum class Flow { kNormal, kBreak, kContinue, kError };

 private:
  using Scope = std::vector<std::pair<std::string, Value>>;
  struct ActiveBlock {  // a block being rendered, for super()
    const std::string* name;
    size_t level;  // 0 for the most derived definition, 1 for the one it overrides, ...
  };

  friend struct MacroCall;
  struct Frame;
  friend struct BlockCall;

  Flow exec_body(const Body& body);
  Flow exec(const Node& n);  // exec_node within the frame budget
  Flow exec_node(const Node& n);
  Flow exec_for(const Node& n);
  // A macro as a callable value; calling it binds its own name too, for recursion.
  static Value macro_value(const Node* macro, const Template* tpl);
  Flow run_loop(const Node& n, const Value& iterable, int depth);
  Flow exec_block(const std::string& name, size_t level);
  bool render_block_to(const std::string& name, size_t level, Value& result);
  bool render_inherited(const Template& t);  // body of t following its extends chain
  bool eval(const Expr& e, Value& out);      // eval_expr within the frame budget
  bool eval_expr(const Expr& e, Value& out);
  bool eval_binary(const Expr& e, const Value& a, const Value& b, Value& out);
  bool eval_call(const Expr& e, Value& out);
  bool eval_args(const Expr& e, size_t first, CallArgs& args);
  bool import_module(const Node& n, Value& module);
  const Template* load(const Expr& name_expr, const Node& at, bool ignore_missing, bool& missing);

  Value lookup(std::string_view name) const;
  void assign(const std::string& name, Value v);
  void output(const Value& v);
  bool fail(uint32_t line, uint32_t column, std::string message);
  bool enter();  // depth check
  void leave() { --depth_; }

  const Environment& env_;
  std::string* out_;
  const Template* current_ = nullptr;
  std::vector<Scope> scopes_;
  // The extends chain being rendered, most derived template first: blocks resolve along it.
  const std::vector<const Template*>* chain_ = nullptr;
  std::vector<ActiveBlock> active_blocks_;
  int depth_ = 0;
  int frames_ = 0;  // exec and eval calls on the stack
  // Namespaces made by this render. Only they are mutable, so every cycle of values passes
  // through one; clearing them at the end frees what a cycle would keep alive.
  std::vector<std::weak_ptr<const Namespace>> namespaces_;
  size_t namespaces_kept_ = 0;  // size after the last sweep of expired entries
  bool failed_ = false;
  Diagnostic error_;
};

}  // namespace bengal::templates
