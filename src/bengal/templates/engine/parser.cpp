// A recursive-descent parser for Jinja2's statements and expressions: one method per grammar
// rule, each defined under the rule it parses. Errors unwind to parse_template as a Fail.
#include "bengal/templates/engine/parser.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "bengal/templates/engine/environment.hpp"

namespace bengal::templates {
namespace {

struct Fail {
  ParseError error;
};

class Parser {
 public:
  Parser(Template& t, const Environment* env, std::vector<Token> tokens)
      : t_(t), env_(env), tokens_(std::move(tokens)) {}

  void parse();

 private:
  // Bounds the recursion of the parser (and so of the renderer, which walks the tree it
  // builds): garbage such as 100,000 opening brackets is an error, not a stack overflow.
  struct Nesting {
    Parser& p;
    explicit Nesting(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNesting) p.fail_at(p.peek(), "expressions or blocks nested too deeply");
    }
    ~Nesting() { --p.depth_; }
  };
  static constexpr int kMaxNesting = 300;  // about 100 levels of brackets

  // A statement keyword and the method that parses the rest of its tag and its body.
  struct StatementRule {
    std::string_view keyword;
    void (Parser::*parse)(Node& n, const Token& open);
  };
  static const StatementRule kStatements[];
  static const StatementRule* find_statement(std::string_view keyword);

  // --- tokens ---
  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& next() {
    const Token& t = tokens_[std::min(pos_, tokens_.size() - 1)];
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool is_op(std::string_view op, size_t ahead = 0) const {
    return peek(ahead).type == TokenType::kOp && peek(ahead).value == op;
  }
  bool is_name(std::string_view name, size_t ahead = 0) const {
    return peek(ahead).type == TokenType::kName && peek(ahead).value == name;
  }
  bool accept_op(std::string_view op) {
    if (!is_op(op)) return false;
    next();
    return true;
  }
  bool accept_name(std::string_view name) {
    if (!is_name(name)) return false;
    next();
    return true;
  }
  [[noreturn]] void fail_at(const Token& t, std::string message) {
    throw Fail{{std::move(message), t.line, t.column}};
  }
  static std::string describe(const Token& t);
  void expect_op(std::string_view op);
  std::string expect_name(std::string_view what);
  void expect_block_end();
  ExprPtr bounded(ExprPtr e);

  template <typename T>
  static std::unique_ptr<T> at(const Token& t) {
    auto n = std::make_unique<T>();
    n->line = t.line;
    n->column = t.column;
    return n;
  }

  // --- statements ---
  Body parse_body(std::initializer_list<std::string_view> closers, const Token* opener = nullptr,
                  std::string_view opener_name = {});
  std::unique_ptr<Node> parse_output(const Token& open);
  void close_block(std::string_view closer);
  bool accept_clause(std::string_view word);
  std::unique_ptr<Node> parse_statement(const Token& open);
  [[noreturn]] void fail_unknown_statement(const Token& word);
  void parse_if(Node& n, const Token& open);
  void parse_for(Node& n, const Token& open);
  void parse_set(Node& n, const Token& open);
  void parse_block(Node& n, const Token& open);
  void parse_extends(Node& n, const Token& open);
  void parse_include(Node& n, const Token& open);
  void parse_import(Node& n, const Token& open);
  void parse_from_import(Node& n, const Token& open);
  void parse_macro(Node& n, const Token& open);
  void parse_call_block(Node& n, const Token& open);
  void parse_with(Node& n, const Token& open);
  void parse_filter_block(Node& n, const Token& open);
  void parse_break(Node& n, const Token& open);
  void parse_continue(Node& n, const Token& open);
  void parse_context_clause(Node& n);
  void parse_params(Node& n, bool annotations = false);
  // Kida
  void parse_let(Node& n, const Token& open);
  void parse_def(Node& n, const Token& open);
  void parse_match(Node& n, const Token& open);
  void parse_cache(Node& n, const Token& open);
  void parse_spaceless(Node& n, const Token& open);
  ExprPtr parse_pattern();
  ExprPtr parse_alternatives();
  void skip_annotation();

  // --- expressions (Jinja2's precedence, loosest first) ---
  ExprPtr parse_tuple_or_expr();
  template <typename Item>
  ExprPtr parse_tuple(Item item);
  ExprPtr parse_expr(bool no_cond = false);
  ExprPtr parse_coalesce(ExprPtr e, bool no_cond);
  ExprPtr binary(ExprKind kind, const Token& t, ExprPtr a, ExprPtr b);
  ExprPtr arith(const Token& t, Op op, ExprPtr a, ExprPtr b);
  ExprPtr parse_or();
  ExprPtr parse_and();
  ExprPtr parse_not();
  std::optional<Op> compare_op() const;
  ExprPtr parse_compare();
  ExprPtr parse_math1();
  ExprPtr parse_concat();
  ExprPtr parse_math2();
  ExprPtr parse_pow();
  ExprPtr parse_unary(bool with_filters = true);
  ExprPtr parse_filters(ExprPtr e, bool first_bar_seen);
  ExprPtr parse_filter(ExprPtr e, const Token& bar);
  ExprPtr parse_test(ExprPtr e);
  bool starts_test_argument() const;
  void parse_call_args(Expr& call);
  ExprPtr parse_postfix(ExprPtr e);
  ExprPtr parse_attribute(ExprPtr e);
  ExprPtr parse_subscript(ExprPtr e);
  ExprPtr parse_primary();
  ExprPtr parse_name(ExprPtr e);
  ExprPtr parse_parenthesized(ExprPtr e);
  ExprPtr parse_list(ExprPtr e);
  ExprPtr parse_dict(ExprPtr e);

  struct OpenBlock {
    std::string closer, name;
    uint32_t line;
  };
  std::vector<OpenBlock> open_;
  Template& t_;
  const Environment* env_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
};

// Sorted by keyword, for find_statement's binary search.
const Parser::StatementRule Parser::kStatements[] = {
    {"block", &Parser::parse_block},
    {"break", &Parser::parse_break},
    {"cache", &Parser::parse_cache},
    {"call", &Parser::parse_call_block},
    {"continue", &Parser::parse_continue},
    {"def", &Parser::parse_def},
    {"export", &Parser::parse_let},
    {"extends", &Parser::parse_extends},
    {"filter", &Parser::parse_filter_block},
    {"for", &Parser::parse_for},
    {"from", &Parser::parse_from_import},
    {"if", &Parser::parse_if},
    {"import", &Parser::parse_import},
    {"include", &Parser::parse_include},
    {"let", &Parser::parse_let},
    {"macro", &Parser::parse_macro},
    {"match", &Parser::parse_match},
    {"promote", &Parser::parse_let},
    {"set", &Parser::parse_set},
    {"spaceless", &Parser::parse_spaceless},
    {"with", &Parser::parse_with},
};

const Parser::StatementRule* Parser::find_statement(std::string_view keyword) {
  const auto* it =
      std::lower_bound(std::begin(kStatements), std::end(kStatements), keyword,
                       [](const StatementRule& r, std::string_view k) { return r.keyword < k; });
  return it != std::end(kStatements) && it->keyword == keyword ? it : nullptr;
}

// template := body EOF
void Parser::parse() {
  t_.body = parse_body({});
  if (peek().type != TokenType::kEof)  // only {% end %} stops the top level early
    fail_at(peek(1), "unexpected {% " + peek(1).value + " %}: no block is open");
}

// --- tokens ---

std::string Parser::describe(const Token& t) {
  switch (t.type) {
    case TokenType::kEof:
      return "end of template";
    case TokenType::kVarEnd:
      return "}}";
    case TokenType::kBlockEnd:
      return "%}";
    case TokenType::kText:
      return "text";
    case TokenType::kString:
      return "string";
    default:
      return "'" + t.value + "'";
  }
}

void Parser::expect_op(std::string_view op) {
  if (!accept_op(op))
    fail_at(peek(), "expected '" + std::string(op) + "', found " + describe(peek()));
}

std::string Parser::expect_name(std::string_view what) {
  if (peek().type != TokenType::kName)
    fail_at(peek(), "expected " + std::string(what) + ", found " + describe(peek()));
  return next().value;
}

void Parser::expect_block_end() {
  if (peek().type != TokenType::kBlockEnd)
    fail_at(peek(), "expected %}, found " + describe(peek()));
  next();
}

// Sets e's height from its children (all parsed by now) and refuses a tree taller than
// kMaxExprHeight. Every expression with children passes through here once.
ExprPtr Parser::bounded(ExprPtr e) {
  uint32_t tallest = 0;
  for (const auto& a : e->args)
    if (a) tallest = std::max(tallest, a->height);
  for (const auto& [k, a] : e->kwargs)
    if (a) tallest = std::max(tallest, a->height);
  e->height = tallest + 1;
  if (e->height > kMaxExprHeight) {
    std::string message = "expression nested more than ";
    message += std::to_string(kMaxExprHeight);
    message +=
        " levels deep (a long chain of operators, filters or attributes, or brackets "
        "inside brackets); split it with {% set %}";
    throw Fail{{std::move(message), e->line, e->column}};
  }
  return e;
}

// --- statements ---

// body := (text | "{{" expr "}}" | "{%" statement "%}")*, up to a tag starting with one of
// `closers` or "end" (which closes any block); that tag is left for the caller.
Body Parser::parse_body(std::initializer_list<std::string_view> closers, const Token* opener,
                        std::string_view opener_name) {
  Body body;
  // The innermost open block, for messages about a stray closer.
  struct Open {
    Parser& p;
    Open(Parser& parser, std::string closer, std::string_view name, uint32_t line) : p(parser) {
      p.open_.push_back({std::move(closer), std::string(name), line});
    }
    ~Open() { p.open_.pop_back(); }
  };
  std::string want = closers.size() > 0 ? std::string(*(closers.end() - 1)) : "end";
  std::optional<Open> open;
  if (opener != nullptr) open.emplace(*this, want, opener_name, opener->line);
  for (;;) {
    const Token& t = peek();
    switch (t.type) {
      case TokenType::kEof:
        if (opener != nullptr)
          fail_at(t, "unexpected end of template; expected {% " + want + " %} to close {% " +
                         std::string(opener_name) + " %} at line " + std::to_string(opener->line));
        return body;
      case TokenType::kText: {
        auto n = at<Node>(t);
        n->kind = NodeKind::kText;
        n->text = next().value;
        body.push_back(std::move(n));
        break;
      }
      case TokenType::kVarBegin:
        body.push_back(parse_output(next()));
        break;
      case TokenType::kBlockBegin: {
        const Token& word = peek(1);
        if (word.type == TokenType::kName &&
            (word.value == "end" ||
             std::find(closers.begin(), closers.end(), word.value) != closers.end()))
          return body;
        body.push_back(parse_statement(next()));
        break;
      }
      default:
        fail_at(t, "unexpected " + describe(t));
    }
  }
}

// output := "{{" expr "}}" (the "{{" is `open`, already consumed)
std::unique_ptr<Node> Parser::parse_output(const Token& open) {
  auto n = at<Node>(open);
  n->kind = NodeKind::kOutput;
  n->exprs.push_back(parse_expr());
  if (peek().type != TokenType::kVarEnd) fail_at(peek(), "expected }}, found " + describe(peek()));
  next();
  return n;
}

// close := "{%" (closer | "end") [name] "%}", the name as in {% endblock content %}
void Parser::close_block(std::string_view closer) {
  next();  // {%
  if (!accept_name(closer) && !accept_name("end"))
    fail_at(peek(), "expected " + std::string(closer));
  if (peek().type == TokenType::kName) next();
  expect_block_end();
}

// clause := "{%" word, as in {% else %} or {% elif x %}: consumes both when the tag is `word`.
bool Parser::accept_clause(std::string_view word) {
  if (!is_name(word, 1)) return false;
  next();
  next();
  return true;
}

// statement := keyword ... "%}" body? close? (the "{%" is `open`, already consumed)
std::unique_ptr<Node> Parser::parse_statement(const Token& open) {
  Nesting guard(*this);
  const Token& word = peek();
  if (word.type != TokenType::kName)
    fail_at(word, "expected a statement name, found " + describe(word));
  next();
  const StatementRule* rule = find_statement(word.value);
  if (rule == nullptr) fail_unknown_statement(word);
  auto n = at<Node>(open);
  (this->*rule->parse)(*n, open);
  return n;
}

// A closer where no block expects it reads best as "which block is open"; anything else is
// simply unknown.
void Parser::fail_unknown_statement(const Token& word) {
  const std::string& kw = word.value;
  if (kw.starts_with("end") || kw == "else" || kw == "elif") {
    if (open_.empty()) fail_at(word, "unexpected {% " + kw + " %}: no block is open");
    const OpenBlock& b = open_.back();
    fail_at(word, "unexpected {% " + kw + " %}; expected {% " + b.closer + " %} to close {% " +
                      b.name + " %} at line " + std::to_string(b.line));
  }
  fail_at(word, "unknown statement '" + kw + "'");
}

// if_stmt := "if" expr "%}" body ("{% elif" expr "%}" body)* ["{% else %}" body] "{% endif %}"
void Parser::parse_if(Node& n, const Token& open) {
  n.kind = NodeKind::kIf;
  n.exprs.push_back(parse_expr());
  expect_block_end();
  n.bodies.push_back(parse_body({"elif", "else", "endif"}, &open, "if"));
  while (accept_clause("elif")) {
    n.exprs.push_back(parse_expr());
    expect_block_end();
    n.bodies.push_back(parse_body({"elif", "else", "endif"}, &open, "if"));
  }
  if (accept_clause("else")) {
    expect_block_end();
    n.bodies.push_back(parse_body({"endif"}, &open, "if"));
  }
  close_block("endif");
}

// for_stmt := "for" name ("," name)* "in" expr ["if" expr] ["recursive"] "%}" body
//             ["{% else %}" body] "{% endfor %}"
void Parser::parse_for(Node& n, const Token& open) {
  n.kind = NodeKind::kFor;
  n.names.push_back(expect_name("a loop variable"));
  while (accept_op(",")) n.names.push_back(expect_name("a loop variable"));
  if (!accept_name("in")) fail_at(peek(), "expected 'in' after the loop variables");
  n.exprs.push_back(parse_expr(/*no_cond=*/true));
  n.exprs.push_back(accept_name("if") ? parse_expr(true) : nullptr);
  n.recursive = accept_name("recursive");
  expect_block_end();
  n.bodies.push_back(parse_body({"else", "endfor"}, &open, "for"));
  if (accept_clause("else")) {
    expect_block_end();
    n.bodies.push_back(parse_body({"endfor"}, &open, "for"));
  }
  close_block("endfor");
}

// set_stmt := "set" name "." name "=" tuple "%}"
//           | "set" name ("," name)* "=" tuple "%}"
//           | "set" name "%}" body "{% endset %}"
void Parser::parse_set(Node& n, const Token& open) {
  n.names.push_back(expect_name("a variable name"));
  if (accept_op(".")) {  // namespace() objects
    n.kind = NodeKind::kSetAttr;
    n.text = expect_name("an attribute name");
    expect_op("=");
    n.exprs.push_back(parse_tuple_or_expr());
    expect_block_end();
    return;
  }
  while (accept_op(",")) n.names.push_back(expect_name("a variable name"));
  if (n.names.size() == 1 && accept_op("?\?=")) n.nullish = true;
  if (n.nullish || accept_op("=")) {
    n.kind = NodeKind::kSet;
    n.exprs.push_back(parse_tuple_or_expr());
    expect_block_end();
    return;
  }
  n.kind = NodeKind::kSetBlock;
  expect_block_end();
  n.bodies.push_back(parse_body({"endset"}, &open, "set"));
  close_block("endset");
}

// block_stmt := "block" name ["scoped"] "%}" body "{% endblock %}"
void Parser::parse_block(Node& n, const Token& open) {
  n.kind = NodeKind::kBlock;
  n.text = expect_name("a block name");
  // Accepted for Jinja2 templates: a block here always sees the variables around it (a loop's
  // included), as a Jinja2 block does only when scoped.
  accept_name("scoped");
  expect_block_end();
  n.bodies.push_back(parse_body({"endblock"}, &open, "block"));
  close_block("endblock");
  if (t_.blocks.count(n.text)) fail_at(open, "block '" + n.text + "' defined twice");
  t_.blocks.emplace(n.text, &n);
}

// extends_stmt := "extends" expr "%}"
void Parser::parse_extends(Node& n, const Token& open) {
  n.kind = NodeKind::kExtends;
  n.exprs.push_back(parse_expr());
  expect_block_end();
  if (t_.extends != nullptr) fail_at(open, "a template can extend only one template");
  t_.extends = &n;
}

// include_stmt := "include" expr ["ignore" "missing"] [context] "%}"
void Parser::parse_include(Node& n, const Token&) {
  n.kind = NodeKind::kInclude;
  n.exprs.push_back(parse_expr());
  if (accept_name("ignore")) {
    if (!accept_name("missing")) fail_at(peek(), "expected 'missing' after 'ignore'");
    n.ignore_missing = true;
  }
  parse_context_clause(n);
  expect_block_end();
}

// import_stmt := "import" expr "as" name [context] "%}"
void Parser::parse_import(Node& n, const Token&) {
  n.kind = NodeKind::kImport;
  n.exprs.push_back(parse_expr());
  if (!accept_name("as")) fail_at(peek(), "expected 'as' in import");
  n.text = expect_name("a name for the imported template");
  parse_context_clause(n);
  expect_block_end();
}

// from_stmt := "from" expr "import" name ["as" name] ("," name ["as" name])* [context] "%}"
void Parser::parse_from_import(Node& n, const Token&) {
  n.kind = NodeKind::kFromImport;
  n.exprs.push_back(parse_expr());
  if (!accept_name("import")) fail_at(peek(), "expected 'import'");
  do {
    if (is_name("with") || is_name("without")) break;
    n.names.push_back(expect_name("a name to import"));
    n.aliases.push_back(accept_name("as") ? expect_name("an alias") : n.names.back());
  } while (accept_op(","));
  parse_context_clause(n);
  expect_block_end();
}

// macro_stmt := "macro" name params "%}" body "{% endmacro %}"
void Parser::parse_macro(Node& n, const Token& open) {
  n.kind = NodeKind::kMacro;
  n.text = expect_name("a macro name");
  parse_params(n);
  expect_block_end();
  n.bodies.push_back(parse_body({"endmacro"}, &open, "macro"));
  close_block("endmacro");
}

// call_stmt := "call" [params] call_expr "%}" body "{% endcall %}"
void Parser::parse_call_block(Node& n, const Token& open) {
  n.kind = NodeKind::kCallBlock;
  if (is_op("(")) parse_params(n);
  n.exprs.insert(n.exprs.begin(), parse_expr());
  if (n.exprs[0]->kind != ExprKind::kCall) fail_at(open, "{% call %} needs a macro call");
  expect_block_end();
  n.bodies.push_back(parse_body({"endcall"}, &open, "call"));
  close_block("endcall");
}

// with_stmt := "with" [name "=" expr ("," name "=" expr)*] "%}" body "{% endwith %}"
void Parser::parse_with(Node& n, const Token& open) {
  n.kind = NodeKind::kWith;
  while (peek().type == TokenType::kName) {
    n.names.push_back(next().value);
    expect_op("=");
    n.exprs.push_back(parse_expr());
    if (!accept_op(",")) break;
  }
  expect_block_end();
  n.bodies.push_back(parse_body({"endwith"}, &open, "with"));
  close_block("endwith");
}

// filter_stmt := "filter" filter ("|" filter)* "%}" body "{% endfilter %}"
void Parser::parse_filter_block(Node& n, const Token& open) {
  n.kind = NodeKind::kFilterBlock;
  // The chain starts from the block's output, bound to a name templates cannot write.
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::kName;
  e->name = kFilterBlockOutput;
  n.exprs.push_back(parse_filters(std::move(e), /*first_bar_seen=*/true));
  expect_block_end();
  n.bodies.push_back(parse_body({"endfilter"}, &open, "filter"));
  close_block("endfilter");
}

// break_stmt := "break" "%}"
void Parser::parse_break(Node& n, const Token&) {
  n.kind = NodeKind::kBreak;
  expect_block_end();
}

// continue_stmt := "continue" "%}"
void Parser::parse_continue(Node& n, const Token&) {
  n.kind = NodeKind::kContinue;
  expect_block_end();
}

// context := ("with" | "without") "context"
void Parser::parse_context_clause(Node& n) {
  if (accept_name("with") || (accept_name("without") && (n.without_context = true))) {
    if (!accept_name("context")) fail_at(peek(), "expected 'context'");
  }
}

// params := "(" [param ("," param)*] ")", param := name [":" type] ["=" expr]; the type
// annotation only in a Kida {% def %}, where it documents and is not checked.
void Parser::parse_params(Node& n, bool annotations) {
  expect_op("(");
  while (!is_op(")")) {
    n.names.push_back(expect_name("a parameter name"));
    if (annotations && accept_op(":")) skip_annotation();
    n.exprs.push_back(accept_op("=") ? parse_expr() : nullptr);
    if (!accept_op(",")) break;
  }
  expect_op(")");
}

// --- Kida statements ---

// let_stmt := ("let" | "export" | "promote") assignment ("," assignment)* "%}"
//           | ("let" | ...) name ("," name)+ "=" tuple "%}"
// assignment := name ("=" | "?\?=") expr
// All three write the template's scope (kida_statements.cpp); export and promote say that the
// value leaves the block it is written in.
void Parser::parse_let(Node& n, const Token&) {
  n.kind = NodeKind::kLet;
  n.text = tokens_[pos_ - 1].value;
  n.names.push_back(expect_name("a variable name"));
  if (is_op(",")) {  // unpacking: let a, b = pair
    while (accept_op(",")) n.names.push_back(expect_name("a variable name"));
    expect_op("=");
    n.exprs.push_back(parse_tuple_or_expr());
    expect_block_end();
    return;
  }
  for (;;) {
    if (accept_op("?\?=")) {
      n.nullish = true;
    } else {
      expect_op("=");
    }
    n.exprs.push_back(parse_expr());
    // `, name =` starts the next assignment. The node has one ??= flag for all of them, so a
    // tag mixing = and ??= is refused.
    if (!(is_op(",") && peek(1).type == TokenType::kName && (is_op("=", 2) || is_op("?\?=", 2))))
      break;
    next();
    n.names.push_back(next().value);
    if (is_op("?\?=") != n.nullish)
      fail_at(peek(), "mix of '=' and '?\?=' in one {% " + n.text + " %}; split it in two");
  }
  expect_block_end();
}

// def_stmt := "def" name params "%}" body ("{% enddef %}" | "{% end %}"): a Kida function, a
// macro by another name whose parameters may carry type annotations.
void Parser::parse_def(Node& n, const Token& open) {
  n.kind = NodeKind::kMacro;
  n.text = expect_name("a function name");
  parse_params(n, /*annotations=*/true);
  expect_block_end();
  n.bodies.push_back(parse_body({"enddef"}, &open, "def"));
  close_block("enddef");
}

// type := tokens up to the "," "=" or ")" that ends the parameter, brackets balanced:
// `str`, `str | None`, `dict[str, int]`.
void Parser::skip_annotation() {
  int depth = 0;
  for (;;) {
    const Token& t = peek();
    if (t.type == TokenType::kEof || t.type == TokenType::kBlockEnd)
      fail_at(t, "expected ')' to close the parameters, found " + describe(t));
    if (depth == 0 && (is_op(",") || is_op("=") || is_op(")"))) {
      if (tokens_[pos_ - 1].type == TokenType::kOp && tokens_[pos_ - 1].value == ":")
        fail_at(t, "expected a type after ':', found " + describe(t));
      return;
    }
    if (is_op("(") || is_op("[")) ++depth;
    if (is_op(")") || is_op("]")) --depth;
    next();
  }
}

// match_stmt := "match" tuple "%}" ("{% case" pattern ["if" expr] "%}" body)+
//               ("{% endmatch %}" | "{% end %}")
// Text between {% match %} and the first {% case %} is not output (it is layout).
void Parser::parse_match(Node& n, const Token& open) {
  n.kind = NodeKind::kMatch;
  n.exprs.push_back(parse_tuple_or_expr());
  expect_block_end();
  while (peek().type == TokenType::kText) next();
  while (peek().type == TokenType::kBlockBegin && is_name("case", 1)) {
    next();
    next();
    n.exprs.push_back(parse_pattern());
    n.exprs.push_back(accept_name("if") ? parse_expr(true) : nullptr);
    expect_block_end();
    n.bodies.push_back(parse_body({"case", "endmatch"}, &open, "match"));
  }
  if (n.bodies.empty()) {
    if (peek().type == TokenType::kBlockBegin && (is_name("end", 1) || is_name("endmatch", 1)))
      fail_at(open, "{% match %} needs at least one {% case pattern %}");
    fail_at(peek().type == TokenType::kBlockBegin ? peek(1) : peek(),
            "expected {% case pattern %} after {% match %}, found " +
                describe(peek().type == TokenType::kBlockBegin ? peek(1) : peek()));
  }
  close_block("endmatch");
}

// pattern := alternatives ("," alternatives)*, several making a tuple pattern
ExprPtr Parser::parse_pattern() {
  return parse_tuple([this] { return parse_alternatives(); });
}

// alternatives := value ("|" value)*, value := unary without filters: "_" matches anything,
// a plain name matches anything and binds it, a tuple or list matches item by item, any other
// value matches what equals it.
ExprPtr Parser::parse_alternatives() {
  Nesting guard(*this);
  ExprPtr e = parse_unary(/*with_filters=*/false);
  while (is_op("|")) {
    const Token& t = next();
    e = binary(ExprKind::kOr, t, std::move(e), parse_unary(false));
  }
  return e;
}

// cache_stmt := "cache" expr "%}" body ("{% endcache %}" | "{% end %}")
void Parser::parse_cache(Node& n, const Token& open) {
  n.kind = NodeKind::kCache;
  n.exprs.push_back(parse_expr());
  expect_block_end();
  n.bodies.push_back(parse_body({"endcache"}, &open, "cache"));
  close_block("endcache");
}

// spaceless_stmt := "spaceless" "%}" body ("{% endspaceless %}" | "{% end %}")
void Parser::parse_spaceless(Node& n, const Token& open) {
  n.kind = NodeKind::kSpaceless;
  expect_block_end();
  n.bodies.push_back(parse_body({"endspaceless"}, &open, "spaceless"));
  close_block("endspaceless");
}

// --- expressions ---

// tuple := expr ("," expr)*, a list when there is a comma
ExprPtr Parser::parse_tuple_or_expr() {
  return parse_tuple([this] { return parse_expr(); });
}

// tuple_of(item) := item ("," item)*, a list when there is a comma
template <typename Item>
ExprPtr Parser::parse_tuple(Item item) {
  ExprPtr first = item();
  if (!is_op(",")) return first;
  auto list = std::make_unique<Expr>();
  list->kind = ExprKind::kList;
  list->name = "tuple";
  list->line = first->line;
  list->column = first->column;
  list->args.push_back(std::move(first));
  while (accept_op(",")) list->args.push_back(item());
  return bounded(std::move(list));
}

// expr := or ("if" or ["else" expr])* coalesce; with `no_cond` just or coalesce (a for loop's
// own "if" follows)
ExprPtr Parser::parse_expr(bool no_cond) {
  Nesting guard(*this);
  ExprPtr e = parse_or();
  if (no_cond) return parse_coalesce(std::move(e), true);
  while (is_name("if")) {
    const Token& t = next();
    auto cond = at<Expr>(t);
    cond->kind = ExprKind::kCond;
    cond->args.push_back(parse_or());
    cond->args.push_back(std::move(e));
    cond->args.push_back(accept_name("else") ? parse_expr() : nullptr);
    e = bounded(std::move(cond));
  }
  return parse_coalesce(std::move(e), false);
}

// coalesce := expr ["??" coalesce]: Kida's null coalescing, looser than everything else and
// right-associative (a ?? b ?? c is a ?? (b ?? c)).
ExprPtr Parser::parse_coalesce(ExprPtr e, bool no_cond) {
  if (!is_op("??")) return e;
  const Token& t = next();
  return binary(ExprKind::kCoalesce, t, std::move(e), parse_expr(no_cond));
}

ExprPtr Parser::binary(ExprKind kind, const Token& t, ExprPtr a, ExprPtr b) {
  auto e = at<Expr>(t);
  e->kind = kind;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return bounded(std::move(e));
}

ExprPtr Parser::arith(const Token& t, Op op, ExprPtr a, ExprPtr b) {
  ExprPtr e = binary(ExprKind::kBinary, t, std::move(a), std::move(b));
  e->op = op;
  return e;
}

// or := and ("or" and)*
ExprPtr Parser::parse_or() {
  ExprPtr e = parse_and();
  while (is_name("or")) {
    const Token& t = next();
    e = binary(ExprKind::kOr, t, std::move(e), parse_and());
  }
  return e;
}

// and := not ("and" not)*
ExprPtr Parser::parse_and() {
  ExprPtr e = parse_not();
  while (is_name("and")) {
    const Token& t = next();
    e = binary(ExprKind::kAnd, t, std::move(e), parse_not());
  }
  return e;
}

// not := "not" not | compare
ExprPtr Parser::parse_not() {
  Nesting guard(*this);
  if (is_name("not")) {
    const Token& t = next();
    auto e = at<Expr>(t);
    e->kind = ExprKind::kNot;
    e->args.push_back(parse_not());
    return bounded(std::move(e));
  }
  return parse_compare();
}

// compare_op := "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" (not consumed)
std::optional<Op> Parser::compare_op() const {
  static constexpr std::pair<std::string_view, Op> kOps[] = {{"==", Op::kEq}, {"!=", Op::kNe},
                                                             {"<", Op::kLt},  {"<=", Op::kLe},
                                                             {">", Op::kGt},  {">=", Op::kGe}};
  for (const auto& [text, op] : kOps)
    if (is_op(text)) return op;
  if (is_name("in")) return Op::kIn;
  if (is_name("not") && is_name("in", 1)) return Op::kNotIn;
  return std::nullopt;
}

// compare := math1 (compare_op math1)*, chained as in Python: a < b < c
ExprPtr Parser::parse_compare() {
  ExprPtr first = parse_math1();
  std::unique_ptr<Expr> cmp;
  for (std::optional<Op> op; (op = compare_op());) {
    const Token& t = next();
    if (*op == Op::kNotIn) next();
    if (!cmp) {
      cmp = at<Expr>(t);
      cmp->kind = ExprKind::kCompare;
      cmp->args.push_back(std::move(first));
    }
    cmp->ops.push_back(*op);
    cmp->args.push_back(parse_math1());
  }
  return cmp ? bounded(std::move(cmp)) : std::move(first);
}

// math1 := concat (("+" | "-") concat)*
ExprPtr Parser::parse_math1() {
  ExprPtr e = parse_concat();
  while (is_op("+") || is_op("-")) {
    const Token& t = next();
    e = arith(t, t.value == "+" ? Op::kAdd : Op::kSub, std::move(e), parse_concat());
  }
  return e;
}

// concat := math2 ("~" math2)*
ExprPtr Parser::parse_concat() {
  ExprPtr e = parse_math2();
  while (is_op("~")) {
    const Token& t = next();
    e = binary(ExprKind::kConcat, t, std::move(e), parse_math2());
  }
  return e;
}

// math2 := pow (("*" | "/" | "//" | "%") pow)*
ExprPtr Parser::parse_math2() {
  ExprPtr e = parse_pow();
  while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
    const Token& t = next();
    Op op = t.value == "*"    ? Op::kMul
            : t.value == "/"  ? Op::kDiv
            : t.value == "//" ? Op::kFloorDiv
                              : Op::kMod;
    e = arith(t, op, std::move(e), parse_pow());
  }
  return e;
}

// pow := unary ("**" unary)*
ExprPtr Parser::parse_pow() {
  ExprPtr e = parse_unary();
  while (is_op("**")) {
    const Token& t = next();
    e = arith(t, Op::kPow, std::move(e), parse_unary());
  }
  return e;
}

// unary := ("-" | "+") unary_without_filters postfix filters | primary postfix filters
// As Jinja2: the operand of unary minus takes no filters, the negation does (-1|abs is 1).
ExprPtr Parser::parse_unary(bool with_filters) {
  Nesting guard(*this);
  ExprPtr e;
  if (is_op("-") || is_op("+")) {
    const Token& t = next();
    e = at<Expr>(t);
    e->kind = t.value == "-" ? ExprKind::kNeg : ExprKind::kPos;
    e->args.push_back(parse_unary(false));
    e = bounded(std::move(e));
  } else {
    e = parse_primary();
  }
  e = parse_postfix(std::move(e));
  return with_filters ? parse_filters(std::move(e), false) : std::move(e);
}

// filters := ("|" filter | "|>" filter | "is" test)*; with `first_bar_seen` the first filter
// has no "|". Kida's pipeline `x |> f` is the filter `x | f`; as in Kida, one chain uses one of
// the two spellings.
ExprPtr Parser::parse_filters(ExprPtr e, bool first_bar_seen) {
  if (first_bar_seen) e = parse_filter(std::move(e), peek());
  std::string_view bar;
  for (;;) {
    if (is_op("|") || is_op("|>")) {
      if (!bar.empty() && peek().value != bar)
        fail_at(peek(), "cannot mix '|' and '|>' in one filter chain; use one of them");
      bar = peek().value == "|" ? "|" : "|>";
      e = parse_filter(std::move(e), next());
    } else if (is_name("is")) {
      e = parse_test(std::move(e));
    } else {
      return e;
    }
  }
}

// filter := name [call_args] postfix (after the "|", which is `bar`)
ExprPtr Parser::parse_filter(ExprPtr e, const Token& bar) {
  const Token& name_tok = peek();
  std::string name = expect_name("a filter name");
  auto f = at<Expr>(bar);
  f->kind = ExprKind::kFilter;
  f->name = name;
  if (env_ != nullptr) f->custom_filter = env_->custom_filter(name);
  if (f->custom_filter == nullptr) f->filter = find_filter(name);
  if (f->filter == nullptr && f->custom_filter == nullptr)
    fail_at(name_tok, "unknown filter '" + name + "'");
  f->args.push_back(std::move(e));
  if (is_op("(")) parse_call_args(*f);
  return parse_postfix(bounded(std::move(f)));
}

// test := "is" ["not"] name [call_args | primary postfix], as in `is divisibleby 3`
ExprPtr Parser::parse_test(ExprPtr e) {
  const Token& t = next();
  auto test = at<Expr>(t);
  test->kind = ExprKind::kTest;
  test->negate = accept_name("not");
  const Token& name_tok = peek();
  std::string name = peek().type == TokenType::kName ? next().value : "";
  if (name.empty()) fail_at(name_tok, "expected a test name after 'is'");
  test->name = name;
  if (env_ != nullptr) test->custom_test = env_->custom_test(name);
  if (test->custom_test == nullptr) test->test = find_test(name);
  if (test->test == nullptr && test->custom_test == nullptr)
    fail_at(name_tok, "unknown test '" + name + "'");
  test->args.push_back(std::move(e));
  if (is_op("(")) {
    parse_call_args(*test);
  } else if (starts_test_argument()) {
    test->args.push_back(parse_postfix(parse_primary()));
  }
  return bounded(std::move(test));
}

// Whether the next token can start the one argument a test takes without parentheses: a
// literal, a list or dict, or a name that is not an operator keyword.
bool Parser::starts_test_argument() const {
  static constexpr std::string_view kKeywords[] = {"and", "or", "else", "if", "in", "not", "is"};
  const Token& t = peek();
  if (t.type == TokenType::kInt || t.type == TokenType::kFloat || t.type == TokenType::kString)
    return true;
  if (is_op("[") || is_op("{")) return true;  // `x is in [1, 2]`, as Jinja2 allows
  return t.type == TokenType::kName &&
         std::find(std::begin(kKeywords), std::end(kKeywords), t.value) == std::end(kKeywords);
}

// call_args := "(" [arg ("," arg)*] ")", arg := [name "="] expr, keywords last
void Parser::parse_call_args(Expr& call) {
  expect_op("(");
  while (!is_op(")")) {
    if (peek().type == TokenType::kName && is_op("=", 1)) {
      std::string key = next().value;
      next();
      call.kwargs.emplace_back(key, parse_expr());
    } else {
      if (!call.kwargs.empty()) fail_at(peek(), "positional argument after keyword argument");
      call.args.push_back(parse_expr());
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
}

// postfix := ("." name | "." int | "[" subscript "]" | call_args | "?." name | "?." "["
//             expr "]" | "?[" expr "]")*
ExprPtr Parser::parse_postfix(ExprPtr e) {
  for (;;) {
    if (is_op(".")) {
      e = parse_attribute(std::move(e));
    } else if (is_op("?.") || is_op("?[")) {
      const Token& t = next();
      auto o = at<Expr>(t);
      o->args.push_back(std::move(e));
      if (t.value == "?[" || accept_op("[")) {
        o->kind = ExprKind::kOptItem;
        o->args.push_back(parse_expr());
        expect_op("]");
      } else {
        o->kind = ExprKind::kOptAttr;
        o->name = expect_name("an attribute name after '?.'");
      }
      e = bounded(std::move(o));
    } else if (is_op("[")) {
      e = parse_subscript(std::move(e));
    } else if (is_op("(")) {
      auto c = at<Expr>(peek());
      c->kind = ExprKind::kCall;
      c->args.push_back(std::move(e));
      parse_call_args(*c);
      e = bounded(std::move(c));
    } else {
      return e;
    }
  }
}

// attribute := "." name | "." int (foo.0 is foo[0])
ExprPtr Parser::parse_attribute(ExprPtr e) {
  const Token& t = next();
  auto a = at<Expr>(t);
  a->kind = ExprKind::kAttr;
  if (peek().type == TokenType::kInt) {
    a->kind = ExprKind::kItem;
    a->args.push_back(std::move(e));
    auto idx = at<Expr>(peek());
    idx->literal = Value::integer(std::strtoll(next().value.c_str(), nullptr, 10));
    a->args.push_back(std::move(idx));
  } else {
    a->name = expect_name("an attribute name");
    a->args.push_back(std::move(e));
  }
  return bounded(std::move(a));
}

// subscript := "[" expr "]" | "[" [expr] ":" [expr] [":" [expr]] "]"
ExprPtr Parser::parse_subscript(ExprPtr e) {
  const Token& t = next();
  auto a = at<Expr>(t);
  a->args.push_back(std::move(e));
  ExprPtr parts[3];
  int part = 0;
  bool slice = false;
  while (!is_op("]")) {
    if (is_op(":")) {
      next();
      slice = true;
      if (++part > 2) fail_at(peek(), "too many ':' in slice");
      continue;
    }
    parts[part] = parse_expr();
  }
  expect_op("]");
  a->kind = slice ? ExprKind::kSlice : ExprKind::kItem;
  if (!slice && !parts[0]) fail_at(t, "expected an index inside []");
  a->args.push_back(std::move(parts[0]));
  if (slice) {
    a->args.push_back(std::move(parts[1]));
    a->args.push_back(std::move(parts[2]));
  }
  return bounded(std::move(a));
}

// primary := string+ | int | float | name | "(" ... ")" | "[" ... "]" | "{" ... "}"
ExprPtr Parser::parse_primary() {
  const Token& t = peek();
  auto e = at<Expr>(t);
  switch (t.type) {
    case TokenType::kString: {
      std::string s = next().value;
      while (peek().type == TokenType::kString) s += next().value;  // "a" "b" concatenates
      e->literal = Value::string(std::move(s));
      return e;
    }
    case TokenType::kInt:
      e->literal = Value::integer(std::strtoll(next().value.c_str(), nullptr, 10));
      return e;
    case TokenType::kFloat:
      e->literal = Value::number(std::strtod(next().value.c_str(), nullptr));
      return e;
    case TokenType::kName:
      return parse_name(std::move(e));
    case TokenType::kOp:
      if (t.value == "(") return parse_parenthesized(std::move(e));
      if (t.value == "[") return parse_list(std::move(e));
      if (t.value == "{") return parse_dict(std::move(e));
      break;
    default:
      break;
  }
  fail_at(t, "expected an expression, found " + describe(t));
}

// name := "true" | "True" | "false" | "False" | "none" | "None" | variable
ExprPtr Parser::parse_name(ExprPtr e) {
  const std::string& n = next().value;
  if (n == "true" || n == "True") {
    e->literal = Value::boolean(true);
  } else if (n == "false" || n == "False") {
    e->literal = Value::boolean(false);
  } else if (n == "none" || n == "None") {
    e->literal = Value::none();
  } else {
    e->kind = ExprKind::kName;
    e->name = n;
  }
  return e;
}

// parenthesized := "(" ")" | "(" expr ")" | "(" expr "," [expr ("," expr)*] [","] ")"
ExprPtr Parser::parse_parenthesized(ExprPtr e) {
  next();
  if (accept_op(")")) {
    e->kind = ExprKind::kList;  // () is an empty tuple
    e->name = "tuple";
    return e;
  }
  ExprPtr inner = parse_expr();
  if (!is_op(",")) {
    expect_op(")");
    return inner;
  }
  e->kind = ExprKind::kList;
  e->name = "tuple";
  e->args.push_back(std::move(inner));
  while (accept_op(",") && !is_op(")")) e->args.push_back(parse_expr());
  expect_op(")");
  return bounded(std::move(e));
}

// list := "[" [expr ("," expr)* [","]] "]"
ExprPtr Parser::parse_list(ExprPtr e) {
  next();
  e->kind = ExprKind::kList;
  while (!is_op("]")) {
    e->args.push_back(parse_expr());
    if (!accept_op(",")) break;
  }
  expect_op("]");
  return bounded(std::move(e));
}

// dict := "{" [expr ":" expr ("," expr ":" expr)* [","]] "}"
ExprPtr Parser::parse_dict(ExprPtr e) {
  next();
  e->kind = ExprKind::kDict;
  while (!is_op("}")) {
    e->args.push_back(parse_expr());
    expect_op(":");
    e->args.push_back(parse_expr());
    if (!accept_op(",")) break;
  }
  expect_op("}");
  return bounded(std::move(e));
}

}  // namespace

bool parse_template(Template& t, const Environment* env, ParseError& error) {
  std::vector<Token> tokens;
  LexError lex;
  if (!tokenize(t.source, tokens, lex)) {
    error = {lex.message, lex.line, lex.column};
    return false;
  }
  try {
    Parser(t, env, std::move(tokens)).parse();
  } catch (const Fail& f) {
    error = f.error;
    t.body.clear();
    t.blocks.clear();
    t.extends = nullptr;
    return false;
  }
  return true;
}

}  // namespace bengal::templates
