// CSS. Whether a statement is a selector or a declaration is decided once at its start by
// looking ahead to the first '{' (selector) or ';' / '}' (declaration), so `a:hover {` and
// `color: red;` read right at any nesting depth; the look-ahead covers each statement once,
// so the whole pass stays linear.
#include "bengal/highlight/fast/chars.hpp"
#include "bengal/highlight/fast/languages.hpp"

namespace bengal::highlight::fast {

namespace {

using S = TokenStyle;

bool is_css_ident(char c) {
  return is_ident(c) || c == '-';
}

enum class Part : uint8_t { kSelector, kProperty, kValue, kPrelude };

class CssLexer {
 public:
  CssLexer(std::string_view s, TokenSink& out) : s_(s), out_(out), n_(s.size()) {}

  void run() {
    while (i_ < n_) step();
  }

 private:
  char peek(size_t i) const { return i < n_ ? s_[i] : '\0'; }

  // The part a statement starting at i_ is in: a selector when a '{' comes before ';' or '}'.
  Part classify() const {
    for (size_t j = i_; j < n_; ++j) {
      char c = s_[j];
      if (c == '{') return Part::kSelector;
      if (c == ';' || c == '}') return Part::kProperty;
      if (c == '"' || c == '\'') j = quoted_end(s_, j, true) - 1;  // as string() reads it
    }
    return Part::kSelector;
  }

  void step() {
    char c = s_[i_];
    if (is_space(c) || c == '\n') {
      ++i_;
      return;
    }
    if (c == '/' && peek(i_ + 1) == '*') {
      size_t close = s_.find("*/", i_ + 2);
      size_t end = close == std::string_view::npos ? n_ : close + 2;
      out_.add_lines(i_, end, S::kComment);
      i_ = end;
      return;
    }
    if (!started_) {
      part_ = classify();
      started_ = true;
    }
    if (c == '{' || c == '}' || c == ';') {
      started_ = false;
      ++i_;
      return;
    }
    if (c == '"' || c == '\'') return string();
    if (c == '@' && is_css_ident(peek(i_ + 1))) {
      size_t end = skip_while(s_, i_ + 1, is_css_ident);
      out_.add(i_, end, S::kKeyword);
      i_ = end;
      part_ = Part::kPrelude;
      return;
    }
    switch (part_) {
      case Part::kSelector:
        return selector(c);
      case Part::kProperty:
        return property(c);
      default:
        return value(c);
    }
  }

  void string() {
    size_t end = quoted_end(s_, i_, true);
    out_.add(i_, end, S::kString);
    i_ = end;
  }

  // h1, .class, #id, :hover, ::after, [attr], combinators.
  void selector(char c) {
    size_t start = i_;
    if (c == '[') {
      in_brackets_ = true;
      ++i_;
      return;
    }
    if (c == ']') {
      in_brackets_ = false;
      ++i_;
      return;
    }
    if ((c == '.' || c == '#') && is_css_ident(peek(i_ + 1))) {
      i_ = skip_while(s_, i_ + 1, is_css_ident);
      out_.add(start, i_, S::kAttribute);
      return;
    }
    if (c == ':') {
      size_t j = peek(i_ + 1) == ':' ? i_ + 2 : i_ + 1;
      i_ = skip_while(s_, j, is_css_ident);
      out_.add(start, i_, S::kBuiltIn);
      return;
    }
    if (is_css_ident(c) && !is_digit(c)) {
      i_ = skip_while(s_, i_, is_css_ident);
      out_.add(start, i_, in_brackets_ ? S::kAttribute : S::kTag);
      return;
    }
    if (c == '>' || c == '+' || c == '~' || c == '*' || c == '=' || c == '^' || c == '$' ||
        c == '|') {
      out_.add(i_, i_ + 1, S::kOperator);
    }
    i_ = next_char(s_, i_);
  }

  void property(char c) {
    if (c == ':') {
      part_ = Part::kValue;
      ++i_;
      return;
    }
    if (is_css_ident(c)) {
      size_t end = skip_while(s_, i_, is_css_ident);
      bool custom = c == '-' && peek(i_ + 1) == '-';
      out_.add(i_, end, custom ? S::kVariable : S::kKeyword);
      i_ = end;
      return;
    }
    i_ = next_char(s_, i_);
  }

  // 12px, 0.5em, #fff, red, var(--x), url(...), !important; in a prelude `(max-width: 1px)`.
  void value(char c) {
    size_t start = i_;
    if (is_digit(c) || ((c == '.' || c == '-') && is_digit(peek(i_ + 1)))) {
      bool is_float = false;
      bool is_base_n = false;
      i_ = scan_number(s_, c == '-' ? i_ + 1 : i_, is_float, is_base_n);
      if (peek(i_) == '%') ++i_;
      out_.add(start, i_, is_float ? S::kFloat : S::kDecVal);
      return;
    }
    if (c == '#' && is_hex(peek(i_ + 1))) {
      i_ = skip_while(s_, i_ + 1, is_ident);
      out_.add(start, i_, S::kBaseN);
      return;
    }
    if (c == '!' && is_alpha(peek(i_ + 1))) {
      i_ = skip_while(s_, i_ + 1, is_alpha);
      out_.add(start, i_, S::kKeyword);
      return;
    }
    if (is_css_ident(c)) {
      i_ = skip_while(s_, i_, is_css_ident);
      S style = S::kConstant;
      if (c == '-' && peek(start + 1) == '-') {
        style = S::kVariable;
      } else if (peek(i_) == '(') {
        style = S::kFunction;
      } else if (part_ == Part::kPrelude && peek(i_) == ':') {
        style = S::kKeyword;
      }
      out_.add(start, i_, style);
      return;
    }
    if (c == '+' || c == '*' || c == '/' || c == '=' || c == '>' || c == '<')
      out_.add(i_, i_ + 1, S::kOperator);
    i_ = next_char(s_, i_);
  }

  std::string_view s_;
  TokenSink& out_;
  size_t n_;
  size_t i_ = 0;
  Part part_ = Part::kSelector;
  bool started_ = false;  // the current statement has been classified
  bool in_brackets_ = false;
};

}  // namespace

void lex_css(std::string_view code, TokenSink& out) {
  CssLexer(code, out).run();
}

}  // namespace bengal::highlight::fast
