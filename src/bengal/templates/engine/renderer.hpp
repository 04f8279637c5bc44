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

  // The budgets every exec and eval call is counted against: whatever nests (macros calling
  // macros, includes, filters inside expressions inside loops), no more than kMaxRenderFrames
  // calls are on the stack; and a render takes no more steps and writes no more text than
  // the environment's RenderLimits.
  struct Frame {
    Renderer& r;
    explicit Frame(Renderer& renderer) : r(renderer) {
      ++r.frames_;
      ++r.steps_;
    }
    ~Frame() { --r.frames_; }
    bool over() const {
      return r.frames_ > kMaxRenderFrames || r.steps_ > r.limits_.steps ||
             r.out_->size() > r.limits_.output_bytes;
    }
  };

  // renderer.cpp: state shared by statements and expressions.
  bool fail(uint32_t line, uint32_t column, std::string message);
  bool fail_budget(uint32_t line, uint32_t column);  // over a budget of Frame
  bool enter();                                      // depth check
  void leave() { --depth_; }

  // statements.cpp
  Flow exec(const Node& n);  // exec_node within the frame budget
  Flow exec_node(const Node& n);
  Flow exec_body(const Body& body);
  Flow exec_output(const Node& n);
  Flow exec_if(const Node& n);
  Flow exec_for(const Node& n);
  Flow exec_set(const Node& n);
  Flow exec_set_attr(const Node& n);
  Flow exec_set_block(const Node& n);
  Flow exec_include(const Node& n);
  Flow exec_import(const Node& n);
  Flow exec_from_import(const Node& n);
  Flow exec_call_block(const Node& n);
  Flow exec_with(const Node& n);
  Flow exec_filter_block(const Node& n);
  // kida_statements.cpp
  Flow exec_let(const Node& n);
  Flow exec_match(const Node& n);
  bool match_pattern(const Expr& pattern, const Value& subject, bool& matched);
  Flow exec_cache(const Node& n);
  Flow exec_spaceless(const Node& n);
  Flow exec_body_into(const Body& body, std::string& buffer);  // output to `buffer` instead
  bool unpack(const Node& n, const Value& v, List& items);     // {% set a, b = v %}
  Flow fail_node(const Node& n, std::string message);          // fail() at a statement
  // A macro as a callable value; calling it binds its own name too, for recursion.
  static Value macro_value(const Node* macro, const Template* tpl);
  bool call_macro(const Node& macro, const Template* tpl, CallArgs& args, Value& result,
                  std::string& error);
  bool bind_macro_args(const Node& macro, const Template* tpl, const CallArgs& args);
  Value caller_value(const Node& call_block);  // `caller` inside a {% call %} block
  Flow run_loop(const Node& n, const Value& iterable, int depth);
  bool filter_loop_items(const Node& n, const List& items, List& kept);
  bool call_loop(const Node& loop, int depth, const Value& items, Value& result,
                 std::string& error);
  Flow exec_block(const std::string& name, size_t level);
  bool render_block_to(const std::string& name, size_t level, Value& result);
  bool render_inherited(const Template& t);  // body of t following its extends chain
  bool import_module(const Node& n, Value& module);
  const Template* load(const Expr& name_expr, const Node& at, bool ignore_missing, bool& missing);
  void assign(const std::string& name, Value v);
  void output(const Value& v);
  // Runs `run` with the output going to `buffer` instead.
  template <typename Run>
  Flow capture(std::string& buffer, Run&& run);
  // The same with the output becoming `result`, a string that is markup when `markup`: how
  // macros, call blocks, {% set %} and {% filter %} blocks, super() and recursive loops turn
  // a body into a value.
  template <typename Run>
  Flow capture(bool markup, Value& result, Run&& run);

  // expressions.cpp
  bool eval(const Expr& e, Value& out);  // eval_expr within the frame budget
  bool eval_expr(const Expr& e, Value& out);
  bool eval_list(const Expr& e, Value& out);
  bool eval_dict(const Expr& e, Value& out);
  bool eval_slice(const Expr& e, Value& out);
  bool eval_filter(const Expr& e, Value& out);
  bool eval_test(const Expr& e, Value& out);
  bool eval_unary(const Expr& e, Value& out);
  bool eval_logical(const Expr& e, Value& out);  // and, or
  bool eval_binary(const Expr& e, Value& out);
  bool eval_compare(const Expr& e, Value& out);
  bool eval_concat(const Expr& e, Value& out);
  bool eval_cond(const Expr& e, Value& out);
  bool eval_call(const Expr& e, Value& out);
  bool eval_undefined_call(const Expr& e, const CallArgs& args, Value& out);
  // eval, where a chain of names, attributes and items (a.b[c]) may be undefined without a
  // --strict-templates error: the left of ??, the base of ?., the operand of `is defined`, the
  // input of `default`, a callee. Arguments and keys inside are evaluated as usual.
  bool eval_lenient(const Expr& e, Value& out);
  bool eval_coalesce(const Expr& e, Value& out);
  bool eval_optional(const Expr& e, Value& out);
  // Strict mode: what is missing (e is a name, attribute or item; base what it was read from).
  bool fail_undefined(const Expr& e, const Value& base, const Value* key = nullptr);
  bool eval_args(const Expr& e, size_t first, CallArgs& args);
  Value lookup(std::string_view name) const;

  const Environment& env_;
  std::string* out_;
  const Template* current_ = nullptr;
  std::vector<Scope> scopes_;
  // The scope {% let %} and {% export %} write: the top level of the template being run (or
  // of the macro being called), whatever blocks and loops are open inside it.
  size_t template_scope_ = 1;
  // The extends chain being rendered, most derived template first: blocks resolve along it.
  const std::vector<const Template*>* chain_ = nullptr;
  std::vector<ActiveBlock> active_blocks_;
  int depth_ = 0;
  int frames_ = 0;      // exec and eval calls on the stack
  uint64_t steps_ = 0;  // exec and eval calls made
  const RenderLimits& limits_;
  // Namespaces made by this render. Only they are mutable, so every cycle of values passes
  // through one; clearing them at the end frees what a cycle would keep alive.
  std::vector<std::weak_ptr<const Namespace>> namespaces_;
  size_t namespaces_kept_ = 0;  // size after the last sweep of expired entries
  bool failed_ = false;
  Diagnostic error_;
};

}  // namespace bengal::templates
