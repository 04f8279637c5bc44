// The functions every template sees without the host registering them, as in Jinja2: range,
// dict, namespace, cycler, joiner, lipsum. Internal to the template engine.
#pragma once

#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates {

// namespace(): the one object templates may assign into ({% set ns.count = ns.count + 1 %}), so
// a loop can carry state out of its body. Made during a render, it is only seen by that render's
// thread, so the mutation needs no lock.
class Namespace : public Object {
 public:
  explicit Namespace(Dict values) : values_(std::move(values)) {}
  // A chain of namespaces a million long (built in a loop) frees as a loop, not a recursion.
  ~Namespace() override { Value::release_nested(values_); }
  Value attr(std::string_view name) const override;
  std::vector<std::string> keys() const override;
  std::string str() const override;
  void set(std::string_view name, Value value) const;
  // Drops every attribute: the render that made a namespace clears it when it ends, which
  // frees namespaces that hold themselves (directly or through lists, loops or callers).
  void clear() const;

 private:
  mutable Dict values_;
};

Vars builtin_globals();

}  // namespace bengal::templates
