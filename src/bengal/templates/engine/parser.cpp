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

  void parse() {
    t_.body = parse_body({});
    if (peek().type != TokenType::kEof)  // only {% end %} stops the top level early
      fail_at(peek(1), "unexpected {% " + peek(1).value + " %}: no block is open");
  }

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
  static std::string describe(const Token& t) {
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
  void expect_op(std::string_view op) {
    if (!accept_op(op))
      fail_at(peek(), "expected '" + std::string(op) + "', found " + describe(peek()));
  }
  std::string expect_name(std::string_view what) {
    if (peek().type != TokenType::kName)
      fail_at(peek(), "expected " + std::string(what) + ", found " + describe(peek()));
    return next().value;
  }
  void expect_block_end() {
    if (peek().type != TokenType::kBlockEnd)
      fail_at(peek(), "expected %}, found " + describe(peek()));
    next();
  }

  // Sets e's height from its children (all parsed by now) and refuses a tree taller than
  // kMaxExprHeight. Every expression with children passes through here once.
  ExprPtr bounded(ExprPtr e) {
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

  template <typename T>
  static std::unique_ptr<T> at(const Token& t) {
    auto n = std::make_unique<T>();
    n->line = t.line;
    n->column = t.column;
    return n;
  }

  // --- statements ---

  // Parses nodes until one of `closers` starts a tag ({% closer ... %}); the closer itself is
  // left for the caller. {% end %} closes any block.
  Body parse_body(std::initializer_list<std::string_view> closers, const Token* opener = nullptr,
                  std::string_view opener_name = {}) {
    Body body;
    // The innermost open block, for messages about a stray closer.
    struct Open {
      Parser& p;
      Open(Parser& parser, std::string closer, std::string_view name, uint32_t line) : p(parser) {
        p.open_.push_back({std::move(closer), std::string(name), line});
      }
      ~Open() { p.open_.pop_back(); }
    };
    std::optional<Open> open;
    if (opener != nullptr)
      open.emplace(*this, closers.size() > 0 ? std::string(*(closers.end() - 1)) : "end",
                   opener_name, opener->line);
    for (;;) {
      const Token& t = peek();
      switch (t.type) {
        case TokenType::kEof:
          if (opener != nullptr) {
            std::string want = closers.size() > 0 ? std::string(*(closers.end() - 1)) : "end";
            fail_at(t, "unexpected end of template; expected {% " + want + " %} to close {% " +
                           std::string(opener_name) + " %} at line " +
                           std::to_string(opener->line));
          }
          return body;
        case TokenType::kText: {
          auto n = at<Node>(t);
          n->kind = NodeKind::kText;
          n->text = next().value;
          body.push_back(std::move(n));
          break;
        }
        case TokenType::kVarBegin: {
          next();
          auto n = at<Node>(t);
          n->kind = NodeKind::kOutput;
          n->exprs.push_back(parse_expr());
          if (peek().type != TokenType::kVarEnd)
            fail_at(peek(), "expected }}, found " + describe(peek()));
          next();
          body.push_back(std::move(n));
          break;
        }
        case TokenType::kBlockBegin: {
          const Token& word = peek(1);
          if (word.type == TokenType::kName) {
            if (word.value == "end") return body;
            for (auto c : closers)
              if (word.value == c) return body;
          }
          next();
          body.push_back(parse_statement(t));
          break;
        }
        default:
          fail_at(t, "unexpected " + describe(t));
      }
    }
  }

  // Consumes "{% closer %}" (or "{% end %}"), allowing a trailing name as in endblock name.
  void close_block(std::string_view closer) {
    next();  // {%
    if (!accept_name(closer) && !accept_name("end"))
      fail_at(peek(), "expected " + std::string(closer));
    if (peek().type == TokenType::kName) next();  // {% endblock content %}
    expect_block_end();
  }

  std::unique_ptr<Node> parse_statement(const Token& open) {
    Nesting guard(*this);
    const Token& word = peek();
    if (word.type != TokenType::kName)
      fail_at(word, "expected a statement name, found " + describe(word));
    std::string kw = next().value;
    auto n = at<Node>(open);
    if (kw == "if") {
      n->kind = NodeKind::kIf;
      n->exprs.push_back(parse_expr());
      expect_block_end();
      for (;;) {
        n->bodies.push_back(parse_body({"elif", "else", "endif"}, &open, "if"));
        if (is_name("elif", 1)) {
          next();
          next();
          n->exprs.push_back(parse_expr());
          expect_block_end();
          continue;
        }
        if (is_name("else", 1)) {
          next();
          next();
          expect_block_end();
          n->bodies.push_back(parse_body({"endif"}, &open, "if"));
        }
        close_block("endif");
        return n;
      }
    }
    if (kw == "for") {
      n->kind = NodeKind::kFor;
      n->names.push_back(expect_name("a loop variable"));
      while (accept_op(",")) n->names.push_back(expect_name("a loop variable"));
      if (!accept_name("in")) fail_at(peek(), "expected 'in' after the loop variables");
      n->exprs.push_back(parse_expr(/*no_cond=*/true));
      n->exprs.push_back(nullptr);
      if (accept_name("if")) n->exprs[1] = parse_expr(true);
      n->recursive = accept_name("recursive");
      expect_block_end();
      n->bodies.push_back(parse_body({"else", "endfor"}, &open, "for"));
      if (is_name("else", 1)) {
        next();
        next();
        expect_block_end();
        n->bodies.push_back(parse_body({"endfor"}, &open, "for"));
      }
      close_block("endfor");
      return n;
    }
    if (kw == "set") {
      n->names.push_back(expect_name("a variable name"));
      if (accept_op(".")) {  // {% set ns.attr = value %}: namespace() objects
        n->kind = NodeKind::kSetAttr;
        n->text = expect_name("an attribute name");
        expect_op("=");
        n->exprs.push_back(parse_tuple_or_expr());
        expect_block_end();
        return n;
      }
      while (accept_op(",")) n->names.push_back(expect_name("a variable name"));
      if (accept_op("=")) {
        n->kind = NodeKind::kSet;
        n->exprs.push_back(parse_tuple_or_expr());
        expect_block_end();
        return n;
      }
      n->kind = NodeKind::kSetBlock;
      expect_block_end();
      n->bodies.push_back(parse_body({"endset"}, &open, "set"));
      close_block("endset");
      return n;
    }
    if (kw == "block") {
      n->kind = NodeKind::kBlock;
      n->text = expect_name("a block name");
      accept_name("scoped");
      expect_block_end();
      n->bodies.push_back(parse_body({"endblock"}, &open, "block"));
      close_block("endblock");
      if (t_.blocks.count(n->text)) fail_at(open, "block '" + n->text + "' defined twice");
      t_.blocks.emplace(n->text, n.get());
      return n;
    }
    if (kw == "extends") {
      n->kind = NodeKind::kExtends;
      n->exprs.push_back(parse_expr());
      expect_block_end();
      if (t_.extends != nullptr) fail_at(open, "a template can extend only one template");
      t_.extends = n.get();
      return n;
    }
    if (kw == "include") {
      n->kind = NodeKind::kInclude;
      n->exprs.push_back(parse_expr());
      if (accept_name("ignore")) {
        if (!accept_name("missing")) fail_at(peek(), "expected 'missing' after 'ignore'");
        n->ignore_missing = true;
      }
      parse_context_clause(*n);
      expect_block_end();
      return n;
    }
    if (kw == "import") {
      n->kind = NodeKind::kImport;
      n->exprs.push_back(parse_expr());
      if (!accept_name("as")) fail_at(peek(), "expected 'as' in import");
      n->text = expect_name("a name for the imported template");
      parse_context_clause(*n);
      expect_block_end();
      return n;
    }
    if (kw == "from") {
      n->kind = NodeKind::kFromImport;
      n->exprs.push_back(parse_expr());
      if (!accept_name("import")) fail_at(peek(), "expected 'import'");
      do {
        if (is_name("with") || is_name("without")) break;
        n->names.push_back(expect_name("a name to import"));
        n->aliases.push_back(accept_name("as") ? expect_name("an alias") : n->names.back());
      } while (accept_op(","));
      parse_context_clause(*n);
      expect_block_end();
      return n;
    }
    if (kw == "macro") {
      n->kind = NodeKind::kMacro;
      n->text = expect_name("a macro name");
      parse_params(*n);
      expect_block_end();
      n->bodies.push_back(parse_body({"endmacro"}, &open, "macro"));
      close_block("endmacro");
      return n;
    }
    if (kw == "call") {
      n->kind = NodeKind::kCallBlock;
      if (is_op("(")) parse_params(*n);
      n->exprs.insert(n->exprs.begin(), parse_expr());
      if (n->exprs[0]->kind != ExprKind::kCall) fail_at(open, "{% call %} needs a macro call");
      expect_block_end();
      n->bodies.push_back(parse_body({"endcall"}, &open, "call"));
      close_block("endcall");
      return n;
    }
    if (kw == "with") {
      n->kind = NodeKind::kWith;
      while (peek().type == TokenType::kName) {
        n->names.push_back(next().value);
        expect_op("=");
        n->exprs.push_back(parse_expr());
        if (!accept_op(",")) break;
      }
      expect_block_end();
      n->bodies.push_back(parse_body({"endwith"}, &open, "with"));
      close_block("endwith");
      return n;
    }
    if (kw == "filter") {
      n->kind = NodeKind::kFilterBlock;
      // The chain starts from the block's output, bound to a name templates cannot write.
      auto e = std::make_unique<Expr>();
      e->kind = ExprKind::kName;
      e->name = kFilterBlockOutput;
      ExprPtr chain = parse_filters(std::move(e), /*first_bar_seen=*/true);
      n->exprs.push_back(std::move(chain));
      expect_block_end();
      n->bodies.push_back(parse_body({"endfilter"}, &open, "filter"));
      close_block("endfilter");
      return n;
    }
    if (kw == "break" || kw == "continue") {
      n->kind = kw == "break" ? NodeKind::kBreak : NodeKind::kContinue;
      expect_block_end();
      return n;
    }
    if (kw.starts_with("end") || kw == "else" || kw == "elif") {
      if (open_.empty()) fail_at(word, "unexpected {% " + kw + " %}: no block is open");
      const OpenBlock& b = open_.back();
      fail_at(word, "unexpected {% " + kw + " %}; expected {% " + b.closer + " %} to close {% " +
                        b.name + " %} at line " + std::to_string(b.line));
    }
    fail_at(word, "unknown statement '" + kw + "'");
  }

  void parse_context_clause(Node& n) {
    if (accept_name("with") || (accept_name("without") && (n.without_context = true))) {
      if (!accept_name("context")) fail_at(peek(), "expected 'context'");
    }
  }

  // (a, b=1, c="x"): names with optional default expressions.
  void parse_params(Node& n) {
    expect_op("(");
    while (!is_op(")")) {
      n.names.push_back(expect_name("a parameter name"));
      n.exprs.push_back(accept_op("=") ? parse_expr() : nullptr);
      if (!accept_op(",")) break;
    }
    expect_op(")");
  }

  // --- expressions (Jinja2's precedence) ---

  ExprPtr parse_tuple_or_expr() {
    ExprPtr first = parse_expr();
    if (!is_op(",")) return first;
    auto list = std::make_unique<Expr>();
    list->kind = ExprKind::kList;
    list->line = first->line;
    list->column = first->column;
    list->args.push_back(std::move(first));
    while (accept_op(",")) list->args.push_back(parse_expr());
    return bounded(std::move(list));
  }

  ExprPtr parse_expr(bool no_cond = false) {
    Nesting guard(*this);
    ExprPtr e = parse_or();
    if (no_cond) return e;
    while (is_name("if")) {
      const Token& t = next();
      auto cond = at<Expr>(t);
      cond->kind = ExprKind::kCond;
      cond->args.push_back(parse_or());
      cond->args.push_back(std::move(e));
      cond->args.push_back(accept_name("else") ? parse_expr() : nullptr);
      e = bounded(std::move(cond));
    }
    return e;
  }

  ExprPtr binary(ExprKind kind, const Token& t, ExprPtr a, ExprPtr b) {
    auto e = at<Expr>(t);
    e->kind = kind;
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return bounded(std::move(e));
  }

  ExprPtr parse_or() {
    ExprPtr e = parse_and();
    while (is_name("or")) {
      const Token& t = next();
      e = binary(ExprKind::kOr, t, std::move(e), parse_and());
    }
    return e;
  }

  ExprPtr parse_and() {
    ExprPtr e = parse_not();
    while (is_name("and")) {
      const Token& t = next();
      e = binary(ExprKind::kAnd, t, std::move(e), parse_not());
    }
    return e;
  }

  ExprPtr parse_not() {
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

  ExprPtr parse_compare() {
    ExprPtr first = parse_math1();
    std::unique_ptr<Expr> cmp;
    for (;;) {
      Op op;
      const Token& t = peek();
      if (is_op("=="))
        op = Op::kEq;
      else if (is_op("!="))
        op = Op::kNe;
      else if (is_op("<"))
        op = Op::kLt;
      else if (is_op("<="))
        op = Op::kLe;
      else if (is_op(">"))
        op = Op::kGt;
      else if (is_op(">="))
        op = Op::kGe;
      else if (is_name("in"))
        op = Op::kIn;
      else if (is_name("not") && is_name("in", 1))
        op = Op::kNotIn;
      else
        break;
      next();
      if (op == Op::kNotIn) next();
      if (!cmp) {
        cmp = at<Expr>(t);
        cmp->kind = ExprKind::kCompare;
        cmp->args.push_back(std::move(first));
      }
      cmp->ops.push_back(op);
      cmp->args.push_back(parse_math1());
    }
    return cmp ? bounded(std::move(cmp)) : std::move(first);
  }

  ExprPtr arith(const Token& t, Op op, ExprPtr a, ExprPtr b) {
    ExprPtr e = binary(ExprKind::kBinary, t, std::move(a), std::move(b));
    e->op = op;
    return e;
  }

  ExprPtr parse_math1() {
    ExprPtr e = parse_concat();
    while (is_op("+") || is_op("-")) {
      const Token& t = next();
      e = arith(t, t.value == "+" ? Op::kAdd : Op::kSub, std::move(e), parse_concat());
    }
    return e;
  }

  ExprPtr parse_concat() {
    ExprPtr e = parse_math2();
    while (is_op("~")) {
      const Token& t = next();
      e = binary(ExprKind::kConcat, t, std::move(e), parse_math2());
    }
    return e;
  }

  ExprPtr parse_math2() {
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

  ExprPtr parse_pow() {
    ExprPtr e = parse_unary();
    while (is_op("**")) {
      const Token& t = next();
      e = arith(t, Op::kPow, std::move(e), parse_unary());
    }
    return e;
  }

  // As Jinja2: the operand of unary minus takes no filters, the negation does (-1|abs is 1).
  ExprPtr parse_unary(bool with_filters = true) {
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

  // Filters (|name(args)) and tests (is [not] name args) after a unary expression.
  ExprPtr parse_filters(ExprPtr e, bool first_bar_seen) {
    for (;;) {
      if (first_bar_seen || is_op("|")) {
        const Token& bar = first_bar_seen ? peek() : next();
        first_bar_seen = false;
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
        e = parse_postfix(bounded(std::move(f)));
        continue;
      }
      if (is_name("is")) {
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
        } else if (peek().type == TokenType::kInt || peek().type == TokenType::kFloat ||
                   peek().type == TokenType::kString ||
                   (peek().type == TokenType::kName && !is_name("and") && !is_name("or") &&
                    !is_name("else") && !is_name("if") && !is_name("in") && !is_name("not") &&
                    !is_name("is"))) {
          test->args.push_back(parse_postfix(parse_primary()));  // `is divisibleby 3`
        }
        e = bounded(std::move(test));
        continue;
      }
      return e;
    }
  }

  void parse_call_args(Expr& call) {
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

  ExprPtr parse_postfix(ExprPtr e) {
    for (;;) {
      if (is_op(".")) {
        const Token& t = next();
        auto a = at<Expr>(t);
        a->kind = ExprKind::kAttr;
        if (peek().type == TokenType::kInt) {  // foo.0 is foo[0]
          a->kind = ExprKind::kItem;
          a->args.push_back(std::move(e));
          auto idx = at<Expr>(peek());
          idx->literal = Value::integer(std::strtoll(next().value.c_str(), nullptr, 10));
          a->args.push_back(std::move(idx));
        } else {
          a->name = expect_name("an attribute name");
          a->args.push_back(std::move(e));
        }
        e = bounded(std::move(a));
      } else if (is_op("[")) {
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
        e = bounded(std::move(a));
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

  ExprPtr parse_primary() {
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
      case TokenType::kName: {
        const std::string& n = t.value;
        if (n == "true" || n == "True")
          e->literal = Value::boolean(true);
        else if (n == "false" || n == "False")
          e->literal = Value::boolean(false);
        else if (n == "none" || n == "None")
          e->literal = Value::none();
        else {
          e->kind = ExprKind::kName;
          e->name = n;
        }
        next();
        return e;
      }
      case TokenType::kOp:
        if (t.value == "(") {
          next();
          if (accept_op(")")) {
            e->kind = ExprKind::kList;  // () is an empty tuple
            return e;
          }
          ExprPtr inner = parse_expr();
          if (is_op(",")) {
            e->kind = ExprKind::kList;
            e->args.push_back(std::move(inner));
            while (accept_op(",") && !is_op(")")) e->args.push_back(parse_expr());
            expect_op(")");
            return bounded(std::move(e));
          }
          expect_op(")");
          return inner;
        }
        if (t.value == "[") {
          next();
          e->kind = ExprKind::kList;
          while (!is_op("]")) {
            e->args.push_back(parse_expr());
            if (!accept_op(",")) break;
          }
          expect_op("]");
          return bounded(std::move(e));
        }
        if (t.value == "{") {
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
        break;
      default:
        break;
    }
    fail_at(t, "expected an expression, found " + describe(t));
  }

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
