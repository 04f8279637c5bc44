#include "bengal/templates/engine/attribute_use.hpp"

namespace bengal::templates {

void AttributeUse::scan(const Template& tpl) {
  scan(tpl.body);
}

void AttributeUse::scan(const Body& body) {
  for (const auto& node : body) scan(*node);
}

void AttributeUse::scan(const Node& node) {
  // Every name a statement binds: loop and set targets, macro and call parameters, with and
  // let names, imports' aliases (and a macro's or an import's own name).
  for (const auto& name : node.names) bind(name);
  for (const auto& name : node.aliases) bind(name);
  if (node.kind == NodeKind::kImport || node.kind == NodeKind::kMacro) bind(node.text);
  for (const auto& expr : node.exprs) scan(expr.get());
  for (const auto& body : node.bodies) scan(body);
}

void AttributeUse::scan(const Expr* expr) {
  if (expr == nullptr) return;
  switch (expr->kind) {
    case ExprKind::kLiteral:
      if (expr->literal.kind() == Value::Kind::kString && expr->literal.as_view() == attr_)
        on_others_ = true;
      break;
    case ExprKind::kAttr:
    case ExprKind::kOptAttr:
      if (expr->name == attr_) {
        const Expr* of = expr->args.empty() ? nullptr : expr->args[0].get();
        if (of != nullptr && of->kind == ExprKind::kName && of->name == self_) {
          on_self_ = true;
        } else {
          on_others_ = true;
        }
      }
      break;
    default:
      break;
  }
  for (const auto& arg : expr->args) scan(arg.get());
  for (const auto& [name, arg] : expr->kwargs) scan(arg.get());
}

}  // namespace bengal::templates
