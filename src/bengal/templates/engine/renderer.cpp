// A render's lifetime and error state: setting up the scopes, the first error wins, the depth
// and frame budgets, and the namespaces to clear at the end. The interpreter itself is in
// statements.cpp and expressions.cpp.
#include "bengal/templates/engine/renderer.hpp"

#include <fmt/format.h>

#include "bengal/templates/engine/globals.hpp"

namespace bengal::templates {

Renderer::Renderer(const Environment& env, std::string& out)
    : env_(env), out_(&out), limits_(env.render_limits()) {}

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

bool Renderer::render(const Template& t, const Vars& vars) {
  scopes_.clear();
  scopes_.emplace_back(vars.begin(), vars.end());
  scopes_.emplace_back();
  template_scope_ = 1;
  return render_inherited(t) && !failed_;
}

bool Renderer::fail(uint32_t line, uint32_t column, std::string message) {
  if (!failed_) {
    failed_ = true;
    error_ = current_ != nullptr ? template_error(*current_, line, column, std::move(message))
                                 : make_error("", line, column, std::move(message));
  }
  return false;
}

bool Renderer::fail_budget(uint32_t line, uint32_t column) {
  if (frames_ > kMaxRenderFrames)
    return fail(line, column,
                fmt::format("template nested more than {} statements and expressions deep while "
                            "rendering (macros, includes or recursive loops inside each other); "
                            "make the recursion shallower",
                            kMaxRenderFrames));
  if (steps_ > limits_.steps)
    return fail(line, column,
                fmt::format("rendering took more than {} steps (statements and expressions): "
                            "loops nested in loops, or a macro calling itself more than once, "
                            "multiply; make the template do less for one page",
                            limits_.steps));
  return fail(line, column,
              fmt::format("rendering wrote more than {} MB of text; make the template write less "
                          "for one page",
                          limits_.output_bytes >> 20));
}

bool Renderer::enter() {
  if (++depth_ > kMaxRenderDepth) {
    --depth_;
    return false;
  }
  return true;
}

}  // namespace bengal::templates
