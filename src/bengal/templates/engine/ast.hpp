// The compiled form of a template: a tree of statements and expressions, built once per build
// and then only read, by any number of render threads at once. Filter and test names are
// resolved to functions when the tree is built, so rendering does no name lookups for them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/templates/engine/value.hpp"

namespace bengal::templates {

struct Expr;
struct Node;
using ExprPtr = std::unique_ptr<Expr>;
using Body = std::vector<std::unique_ptr<Node>>;

// A filter: `value|name(args)`. Returns false and sets `error` on failure.
using FilterFn = bool (*)(Renderer& r, Value& value, CallArgs& args, std::string& error);
// A test: `value is name(args)`. A test that cannot apply (divisibleby 0, even of a string)
// sets `error`, which makes the test an error whatever it returns.
using TestFn = bool (*)(const Value& value, const CallArgs& args, std::string& error);

enum class ExprKind : uint8_t {
  kLiteral,  // literal
  kName,     // name
  kList,     // args; a tuple when name is "tuple"
  kDict,     // args: key, value, key, value...
  kAttr,     // args[0].name
  kItem,     // args[0][args[1]]
  kSlice,    // args[0][args[1]:args[2]:args[3]] (null children for missing parts)
  kCall,     // args[0](args[1..], kwargs)
  kFilter,   // args[0]|filter(args[1..], kwargs)
  kTest,     // args[0] is test(args[1..]); negated when `negate`
  kNeg,      // -args[0]
  kPos,      // +args[0]
  kNot,      // not args[0]
  kAnd,
  kOr,
  kBinary,   // args[0] op args[1]
  kCompare,  // args[0] ops[0] args[1] ops[1] args[2]...
  kConcat,   // args[0] ~ args[1]
  kCond,     // args[1] if args[0] else args[2] (args[2] may be null)
  // Kida
  kCoalesce,  // args[0] ?? args[1]: args[1] when args[0] is undefined or none
  kOptAttr,   // args[0]?.name: undefined when args[0] is undefined or none
  kOptItem,   // args[0]?[args[1]]
};

enum class Op : uint8_t {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kFloorDiv,
  kMod,
  kPow,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kNotIn
};

// Levels of an expression tree: `1 + 1 + 1` is three (each operator nests the chain so far one
// level deeper), `a|b|c` and `a.b.c` likewise. Rendering and freeing recurse once per level, so
// the parser refuses deeper expressions with an error at the operator that crosses the limit.
constexpr uint32_t kMaxExprHeight = 200;

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  uint32_t line = 0, column = 0;
  uint32_t height = 1;  // 1 + the height of the tallest child
  Value literal;
  std::string name;  // variable, attribute, filter or test name
  Op op = Op::kAdd;
  bool negate = false;
  std::vector<Op> ops;  // kCompare
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, ExprPtr>> kwargs;
  FilterFn filter = nullptr;                    // a built-in filter, or
  const CustomFilter* custom_filter = nullptr;  // one registered on the Environment
  TestFn test = nullptr;
  const CustomTest* custom_test = nullptr;
};

enum class NodeKind : uint8_t {
  kText,         // text
  kOutput,       // {{ exprs[0] }}
  kIf,           // exprs[i] guards bodies[i]; an extra trailing body is the else
  kFor,          // names in exprs[0] [if exprs[1]]: bodies[0], else bodies[1]
  kSet,          // names = exprs[0]
  kSetBlock,     // {% set names[0] %}bodies[0]{% endset %}
  kSetAttr,      // {% set names[0].text = exprs[0] %} (namespace objects)
  kBlock,        // {% block text %}bodies[0]
  kExtends,      // exprs[0]
  kInclude,      // exprs[0]
  kImport,       // exprs[0] as text
  kFromImport,   // from exprs[0] import names[i] as aliases[i]
  kMacro,        // macro text(names[i] = exprs[i] or null): bodies[0]
  kCallBlock,    // {% call(names) exprs[0] %}bodies[0]
  kWith,         // names[i] = exprs[i]: bodies[0]
  kFilterBlock,  // {% filter exprs[0] %}: exprs[0] filters the name kFilterBlockOutput
  kBreak,
  kContinue,
  // Kida (kida_statements.cpp)
  kLet,        // {% let|export names = exprs[0] %}: into the template's scope; `nullish` for ??=
  kMatch,      // match exprs[0]: case i tests pattern exprs[1 + 2i], guard exprs[2 + 2i] (or
               // null), body bodies[i]
  kCache,      // {% cache exprs[0] %}bodies[0]: rendered once per key per Environment
  kSpaceless,  // {% spaceless %}bodies[0]: whitespace between tags removed
};

struct Node {
  NodeKind kind = NodeKind::kText;
  uint32_t line = 0, column = 0;
  std::string text;
  std::vector<std::string> names;
  std::vector<std::string> aliases;
  std::vector<ExprPtr> exprs;  // entries may be null (macro parameters without default)
  std::vector<Body> bodies;
  bool recursive = false;        // kFor: the body can call loop(children)
  bool ignore_missing = false;   // kInclude: a missing template renders nothing
  bool without_context = false;  // kInclude, kImport, kFromImport: no render variables
  bool nullish = false;          // kLet, kSet: `??=` assigns only when the name is missing
};

// The variable a {% filter %} block's output is bound to while its filter chain runs. The
// control character keeps it out of reach of template names, so it shadows nothing.
inline constexpr std::string_view kFilterBlockOutput = "\x01block";

struct Template {
  std::string name;
  std::string source;  // kept to show the offending line in runtime errors
  bool autoescape = false;
  Body body;
  const Node* extends = nullptr;                        // top-level {% extends %}
  std::unordered_map<std::string, const Node*> blocks;  // every {% block %} by name
};

}  // namespace bengal::templates
