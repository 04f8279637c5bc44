#include "bengal/highlight/fast/code_lexer.hpp"

#include <vector>

#include "bengal/highlight/fast/chars.hpp"

namespace bengal::highlight::fast {

namespace {

// Nesting a lexer tracks (template `${}` inside template strings, JSX inside JSX) is kept on
// an explicit stack, never the C++ stack, and bounded: deeper input is lexed as if flat.
constexpr size_t kMaxDepth = 256;

enum class Mode : uint8_t {
  kCode,          // the base, never popped
  kTemplateExpr,  // code inside `${ }`; its `}` resumes the template string
  kJsxExpr,       // code inside JSX `{ }`; its `}` resumes the tag or children
  kJsxTag,        // attributes of an opening JSX tag
  kJsxChildren,   // text between a JSX opening and closing tag
};

struct Frame {
  Mode mode;
  uint32_t braces = 0;  // '{' opened in this code frame and not yet closed
};

bool is_shell_word(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case ';':
    case '|':
    case '&':
    case '<':
    case '>':
    case '(':
    case ')':
    case '$':
    case '"':
    case '\'':
    case '`':
    case '=':
    case '{':
    case '}':
    case '[':
    case ']':
      return false;
    default:
      return true;
  }
}

// The end of an escape whose letter is at i: \x41 \u00e9 \U0001F600 \u{1F600} \101 \n.
size_t escape_end(std::string_view s, size_t i) {
  auto hex_run = [&](size_t from, size_t most) {
    size_t j = from;
    while (j < s.size() && j - from < most && is_hex(s[j])) ++j;
    return j;
  };
  switch (s[i]) {
    case 'x':
      return hex_run(i + 1, 2);
    case 'u':
      if (i + 1 < s.size() && s[i + 1] == '{') {
        size_t j = hex_run(i + 2, 6);
        return j < s.size() && s[j] == '}' ? j + 1 : j;
      }
      return hex_run(i + 1, 4);
    case 'U':
      return hex_run(i + 1, 8);
    default:
      if (s[i] >= '0' && s[i] <= '7') {
        size_t j = i + 1;
        while (j < s.size() && j < i + 3 && s[j] >= '0' && s[j] <= '7') ++j;
        return j;
      }
      return next_char(s, i);
  }
}

bool is_jsx_name(char c) {
  return is_ident(c) || c == '-' || c == '.' || c == ':';
}

class CodeLexer {
 public:
  CodeLexer(const CodeSpec& spec, std::string_view s, TokenSink& out)
      : spec_(spec), s_(s), out_(out), n_(s.size()) {
    stack_.push_back({Mode::kCode});
    for (char c : spec.operators) byte_class_[static_cast<unsigned char>(c)] |= kOperatorByte;
    for (char c : spec.quotes) byte_class_[static_cast<unsigned char>(c)] |= kQuoteByte;
  }

  void run() {
    while (i_ < n_) {
      switch (stack_.back().mode) {
        case Mode::kJsxTag:
          jsx_tag_step();
          break;
        case Mode::kJsxChildren:
          jsx_children_step();
          break;
        default:
          code_step();
      }
    }
  }

 private:
  bool has(uint32_t feature) const { return (spec_.features & feature) != 0; }
  // The first byte is compared inline: most positions differ there, and a memcmp call per
  // byte of code was a tenth of the lexing time.
  bool at(size_t i, std::string_view what) const {
    return !what.empty() && s_[i] == what[0] && s_.substr(i, what.size()) == what;
  }
  char peek(size_t i) const { return i < n_ ? s_[i] : '\0'; }

  void code_step();
  void rust_attribute();
  void number();
  void quoted(char c, bool was_line_start);
  void word();
  void shell_word();
  void shell_dollar();
  bool comment();
  void preprocessor();
  void string_at(size_t start, size_t body, std::string_view close, bool escapes, bool multiline,
                 TokenStyle style);
  void template_part(size_t start, size_t body);
  bool is_key_string() const;
  void char_literal();
  void regex();
  void close_brace();
  void jsx_open(size_t start);
  void jsx_tag_step();
  void jsx_children_step();

  bool is(char c, uint8_t byte_class) const {
    return (byte_class_[static_cast<unsigned char>(c)] & byte_class) != 0;
  }

  static constexpr uint8_t kOperatorByte = 1;
  static constexpr uint8_t kQuoteByte = 2;
  const CodeSpec& spec_;
  uint8_t byte_class_[256] = {};  // the spec's operator and quote bytes, for one lookup a byte
  std::string_view s_;
  TokenSink& out_;
  size_t n_;
  size_t i_ = 0;
  std::vector<Frame> stack_;
  bool line_start_ = true;      // nothing but spaces since the line began
  bool expr_start_ = true;      // an operand may start here (a '/' is a regex, '<' a JSX tag)
  bool shell_command_ = true;   // the next shell word is in command position
  Next pending_ = Next::kAny;   // `def`, `class`: what the next identifier names
  size_t no_regex_before_ = 0;  // searches that failed to their line's end, not to repeat
  size_t no_brace_before_ = 0;
};

void CodeLexer::code_step() {
  char c = s_[i_];
  if (c == '\n') {
    line_start_ = true;
    if (has(kShell)) shell_command_ = true;
    ++i_;
    return;
  }
  if (is_space(c)) {
    ++i_;
    return;
  }
  if (!is_ident_start(c)) pending_ = Next::kAny;
  bool was_line_start = line_start_;
  line_start_ = false;
  if (comment()) return;
  if (c == '#' && was_line_start && has(kHashPreprocessor)) return preprocessor();
  if (c == '#' && has(kRust) &&
      (peek(i_ + 1) == '[' || (peek(i_ + 1) == '!' && peek(i_ + 2) == '[')))
    return rust_attribute();
  if (c == '@' && has(kAtAnnotations) && is_ident_start(peek(i_ + 1))) {
    size_t j = skip_while(s_, i_ + 1, [](char ch) { return is_ident(ch) || ch == '.'; });
    out_.add(i_, j, TokenStyle::kAnnotation);
    i_ = j;
    expr_start_ = false;
    return;
  }
  if (has(kShell)) {
    if (c == '$') return shell_dollar();
    if (is_shell_word(c)) return shell_word();
  }
  if (is_digit(c) || (c == '.' && is_digit(peek(i_ + 1)))) return number();
  if (is_ident_start(c)) return word();
  if (c == '\'' && has(kCharLiterals)) return char_literal();
  if (is(c, kQuoteByte)) return quoted(c, was_line_start);
  if (c == '`') {
    if (has(kTemplateLiterals)) return template_part(i_, i_ + 1);
    if (has(kRawBackticks)) {
      string_at(i_, i_ + 1, "`", false, true, TokenStyle::kString);
      expr_start_ = false;
      return;
    }
  }
  if (c == '/' && has(kRegexLiterals) && expr_start_) return regex();
  if (c == '<' && has(kJsx) && expr_start_ && stack_.size() < kMaxDepth &&
      (is_ident_start(peek(i_ + 1)) || peek(i_ + 1) == '>'))
    return jsx_open(i_);
  if (c == '{') {
    ++stack_.back().braces;
  } else if (c == '}') {
    return close_brace();
  }
  expr_start_ = c != ')' && c != ']' && c != '}';
  if (is(c, kOperatorByte)) {
    out_.add(i_, i_ + 1, TokenStyle::kOperator);
    ++i_;
    return;
  }
  i_ = next_char(s_, i_);
}

// #[derive(Debug)] or #![allow(x)], up to its matching ']' on the line.
void CodeLexer::rust_attribute() {
  size_t end = line_end(s_, i_);
  size_t j = s_.find('[', i_);
  int depth = 0;
  for (; j < end; ++j) {
    if (s_[j] == '[') ++depth;
    if (s_[j] == ']' && --depth == 0) {
      ++j;
      break;
    }
  }
  out_.add(i_, j, TokenStyle::kAnnotation);
  i_ = j;
}

void CodeLexer::number() {
  bool is_float = false;
  bool is_base_n = false;
  size_t end = scan_number(s_, i_, is_float, is_base_n);
  out_.add(i_, end,
           is_float    ? TokenStyle::kFloat
           : is_base_n ? TokenStyle::kBaseN
                       : TokenStyle::kDecVal);
  i_ = end;
  expr_start_ = false;
}

// A string opened by quote byte `c`: a JSON key, a """triple""" string (a docstring when it
// starts its line) or a one-line string (shell strings span lines).
void CodeLexer::quoted(char c, bool was_line_start) {
  if (has(kKeyStrings) && is_key_string()) {
    string_at(i_, i_ + 1, std::string_view(&s_[i_], 1), true, false, TokenStyle::kAttribute);
  } else if (has(kTripleQuotes) && peek(i_ + 1) == c && peek(i_ + 2) == c) {
    char q[3] = {c, c, c};
    string_at(i_, i_ + 3, std::string_view(q, 3), true, true,
              was_line_start ? TokenStyle::kDocumentation : TokenStyle::kString);
  } else {
    string_at(i_, i_ + 1, std::string_view(&s_[i_], 1), !has(kShell) || c == '"', has(kShell),
              TokenStyle::kString);
  }
  expr_start_ = false;
}

// Line comments (with documentation comments apart) and block comments, which Rust nests.
bool CodeLexer::comment() {
  bool shell_ok = !has(kShell) || i_ == 0 || is_space(s_[i_ - 1]) || s_[i_ - 1] == '\n' ||
                  s_[i_ - 1] == ';' || s_[i_ - 1] == '(';
  if (at(i_, spec_.line_comment) && shell_ok) {
    size_t end = line_end(s_, i_);
    bool doc = at(i_, spec_.doc_line_comment);
    out_.add(i_, end, doc ? TokenStyle::kDocumentation : TokenStyle::kComment);
    i_ = end;
    return true;
  }
  if (!at(i_, spec_.block_open)) return false;
  const std::string_view open = spec_.block_open;
  const std::string_view close = spec_.block_close;
  bool doc = open == "/*" && peek(i_ + 2) == '*' && peek(i_ + 3) != '/';
  size_t j = i_ + open.size();
  size_t depth = 1;
  while (j < n_) {
    if (at(j, close)) {
      j += close.size();
      if (--depth == 0) break;
    } else if (has(kRust) && at(j, open)) {
      j += open.size();
      ++depth;
    } else {
      ++j;
    }
  }
  out_.add_lines(i_, j, doc ? TokenStyle::kDocumentation : TokenStyle::kComment);
  i_ = j;
  return true;
}

// #include <vector>: the directive is preprocessor, a header name a string, the rest code.
void CodeLexer::preprocessor() {
  size_t j = skip_while(s_, i_ + 1, is_space);
  size_t word_end = skip_while(s_, j, is_ident);
  out_.add(i_, word_end, TokenStyle::kPreprocessor);
  std::string_view directive = s_.substr(j, word_end - j);
  i_ = word_end;
  if (directive != "include" && directive != "import") return;
  size_t k = skip_while(s_, i_, is_space);
  if (peek(k) != '<') return;
  size_t end = line_end(s_, k);
  size_t close = s_.substr(k, end - k).find('>');
  if (close == std::string_view::npos) return;
  out_.add(k, k + close + 1, TokenStyle::kString);
  i_ = k + close + 1;
}

void CodeLexer::word() {
  size_t start = i_;
  size_t end = skip_while(s_, i_, is_ident);
  std::string_view w = s_.substr(start, end - start);
  char after = peek(end);
  i_ = end;
  expr_start_ = false;

  bool quote_follows = after == '"' || after == '\'';
  if (has(kStringPrefixes) && quote_follows && w.size() <= 2 &&
      w.find_first_not_of("rRbBuUfF") == std::string_view::npos) {
    bool raw = w.find_first_of("rR") != std::string_view::npos;
    if (has(kRust) && raw) {
      // r"..", r#".."#: the closing quote is followed by as many '#' as the opening.
      size_t q = end;
      string_at(start, q + 1, "\"", false, true, TokenStyle::kString);
      return;
    }
    if (has(kTripleQuotes) && peek(end + 1) == after && peek(end + 2) == after) {
      char q[3] = {after, after, after};
      string_at(start, end + 3, std::string_view(q, 3), !raw, true, TokenStyle::kString);
    } else {
      string_at(start, end + 1, std::string_view(&s_[end], 1), !raw, has(kRust),
                TokenStyle::kString);
    }
    return;
  }
  if (has(kRust) && w == "r" && after == '#') {
    size_t hashes = skip_while(s_, end, [](char c) { return c == '#'; }) - end;
    if (peek(end + hashes) == '"' && hashes <= 255) {
      std::string close(hashes + 1, '#');
      close[0] = '"';
      string_at(start, end + hashes + 1, close, false, true, TokenStyle::kString);
      return;
    }
  }
  if (has(kCppRawStrings) && after == '"' &&
      (w == "R" || w == "u8R" || w == "LR" || w == "uR" || w == "UR")) {
    // R"delim( ... )delim": the delimiter is at most 16 bytes.
    size_t paren = s_.substr(end + 1, 17).find('(');
    if (paren != std::string_view::npos) {
      paren += end + 1;
      std::string close(1, ')');
      close.append(s_.substr(end + 1, paren - end - 1));
      close.push_back('"');
      string_at(start, paren + 1, close, false, true, TokenStyle::kString);
      return;
    }
  }

  TokenStyle style = TokenStyle::kNormal;
  if (const WordInfo* info = spec_.words.find(w)) {
    style = info->style;
    pending_ = info->next;
    expr_start_ = style == TokenStyle::kKeyword || style == TokenStyle::kControlFlow;
    out_.add(start, end, style);
    return;
  }
  bool free = pending_ == Next::kAny;  // not named by `def`, `class` and the like
  bool macro = free && has(kRust) && after == '!' && peek(end + 1) != '=';  // println!
  if (macro) {
    ++i_;
    ++end;
  }
  bool capitalized = w[0] >= 'A' && w[0] <= 'Z' &&
                     w.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos;
  if (pending_ == Next::kFunctionName || macro ||
      (free && after == '(' && has(kCallsAreFunctions))) {
    style = TokenStyle::kFunction;
  } else if (pending_ == Next::kTypeName || (free && has(kCapitalizedTypes) && capitalized)) {
    style = TokenStyle::kDataType;
  }
  pending_ = Next::kAny;
  out_.add(start, end, style);
}

// A shell word runs to a space or a metacharacter: `docs/done/` is a path, not the keyword.
void CodeLexer::shell_word() {
  size_t start = i_;
  size_t end = start;
  while (end < n_ && is_shell_word(s_[end])) {
    // A backslash escapes the next character, except a newline (a continued line).
    bool escape = s_[end] == '\\' && end + 1 < n_ && s_[end + 1] != '\n';
    end = next_char(s_, escape ? end + 1 : end);
  }
  std::string_view w = s_.substr(start, end - start);
  i_ = end;
  TokenStyle style = TokenStyle::kNormal;
  bool command = shell_command_;
  shell_command_ = false;
  if (peek(end) == '=' && is_ident_start(w[0]) &&
      w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
          std::string_view::npos) {
    style = TokenStyle::kVariable;  // NAME=value
    shell_command_ = command;
  } else if (w.find_first_not_of("0123456789") == std::string_view::npos) {
    style = TokenStyle::kDecVal;
  } else if (const WordInfo* info = spec_.words.find(w)) {
    // Keywords and built-ins count where a command may stand; `echo done` prints a word.
    if (command || info->style != TokenStyle::kBuiltIn) style = info->style;
    if (style == TokenStyle::kKeyword) shell_command_ = true;
  }
  out_.add(start, end, style);
}

// $name, $1, $@, ${...} (to its '}' on the line), and $( as an operator.
void CodeLexer::shell_dollar() {
  char c = peek(i_ + 1);
  size_t end = i_ + 1;
  TokenStyle style = TokenStyle::kVariable;
  if (c == '{') {
    // To the '}' on the line; when there is none, the line's end, remembered so that a line
    // of `${${${...` is searched once.
    size_t stop = line_end(s_, i_);
    size_t close =
        no_brace_before_ > i_ ? std::string_view::npos : s_.substr(i_, stop - i_).find('}');
    if (close == std::string_view::npos) no_brace_before_ = stop;
    end = close == std::string_view::npos ? stop : i_ + close + 1;
  } else if (c == '(') {
    end = i_ + 2;
    style = TokenStyle::kOperator;
    shell_command_ = true;
  } else if (is_ident_start(c)) {
    end = skip_while(s_, i_ + 1, is_ident);
  } else if (is_digit(c) ||
             (c != '\0' && std::string_view("@*#?$!-").find(c) != std::string_view::npos)) {
    end = i_ + 2;
  } else {
    style = TokenStyle::kNormal;
  }
  out_.add(i_, end, style);
  i_ = end;
}

// A string from `start` whose body begins at `body`, up to and including `close`. Without
// `multiline` an unclosed string ends at its line's end. In shell strings $variables show.
void CodeLexer::string_at(size_t start, size_t body, std::string_view close, bool escapes,
                          bool multiline, TokenStyle style) {
  size_t seg = start;
  size_t j = body;
  bool shell_vars = has(kShell) && close == "\"";
  while (j < n_) {
    char c = s_[j];
    if (c == '\\' && escapes && j + 1 < n_) {
      out_.add_lines(seg, j, style);
      size_t e = s_[j + 1] == '\n' ? j + 1 : escape_end(s_, j + 1);
      out_.add(j, e, TokenStyle::kSpecialChar);
      seg = j = e;
      continue;
    }
    if (shell_vars && c == '$' && (is_ident_start(peek(j + 1)) || peek(j + 1) == '{')) {
      out_.add_lines(seg, j, style);
      i_ = j;
      shell_dollar();
      seg = j = i_;
      continue;
    }
    if (c == '\n' && !multiline) break;
    if (c == close[0] && s_.substr(j, close.size()) == close) {
      j += close.size();
      break;
    }
    ++j;
  }
  out_.add_lines(seg, j, style);
  i_ = j;
}

// "name": the closing quote on the line is followed by a ':' (JSON keys).
bool CodeLexer::is_key_string() const {
  char q = s_[i_];
  size_t j = i_ + 1;
  while (j < n_ && s_[j] != q && s_[j] != '\n') j += s_[j] == '\\' ? 2 : 1;
  if (j >= n_ || s_[j] != q) return false;
  j = skip_while(s_, j + 1, is_space);
  return j < n_ && s_[j] == ':';
}

// A template string from `start` (its '`', or just after the '}' closing an expression),
// scanned from `body`, to the closing '`' or to a `${`, where code resumes until its '}'.
void CodeLexer::template_part(size_t start, size_t body) {
  size_t seg = start;
  size_t j = body;
  while (j < n_) {
    char c = s_[j];
    if (c == '\\' && j + 1 < n_) {
      out_.add_lines(seg, j, TokenStyle::kString);
      size_t e = s_[j + 1] == '\n' ? j + 1 : escape_end(s_, j + 1);
      out_.add(j, e, TokenStyle::kSpecialChar);
      seg = j = e;
      continue;
    }
    if (c == '`') {
      out_.add_lines(seg, j + 1, TokenStyle::kString);
      i_ = j + 1;
      expr_start_ = false;
      return;
    }
    if (c == '$' && peek(j + 1) == '{' && stack_.size() < kMaxDepth) {
      out_.add_lines(seg, j, TokenStyle::kString);
      out_.add(j, j + 2, TokenStyle::kSpecialChar);
      stack_.push_back({Mode::kTemplateExpr});
      i_ = j + 2;
      expr_start_ = true;
      return;
    }
    ++j;
  }
  out_.add_lines(seg, j, TokenStyle::kString);
  i_ = j;
}

void CodeLexer::close_brace() {
  Frame& top = stack_.back();
  if (top.braces > 0 || top.mode == Mode::kCode) {
    if (top.braces > 0) --top.braces;
    ++i_;
    expr_start_ = true;  // after a block `}` a statement (or a regex) may start
    return;
  }
  Mode mode = top.mode;
  stack_.pop_back();
  if (mode == Mode::kTemplateExpr) {
    out_.add(i_, i_ + 1, TokenStyle::kSpecialChar);
    template_part(i_ + 1, i_ + 1);
    return;
  }
  ++i_;  // kJsxExpr: back to the tag or the children
}

// 'x', '\n', '\u{1F600}' are characters; in Rust a quote without its closing one is a
// lifetime ('a, 'static); anything else is a lone quote.
void CodeLexer::char_literal() {
  size_t end = line_end(s_, i_);
  size_t j = i_ + 1;
  if (j < end && s_[j] == '\\') {
    size_t close = s_.substr(j + 2 < end ? j + 2 : end, 12).find('\'');
    if (close != std::string_view::npos && j + 2 + close < end) {
      string_at(i_, i_ + 1, "'", true, false, TokenStyle::kChar);
      expr_start_ = false;
      return;
    }
  } else if (j < end) {
    size_t after = next_char(s_, j);
    if (after < end && s_[after] == '\'') {
      out_.add(i_, after + 1, TokenStyle::kChar);
      i_ = after + 1;
      expr_start_ = false;
      return;
    }
    if (has(kRust) && is_ident_start(s_[j])) {
      size_t e = skip_while(s_, j, is_ident);
      out_.add(i_, e, TokenStyle::kAttribute);
      i_ = e;
      return;
    }
  }
  i_ = j;
}

// /pattern/flags, to the closing '/' outside a [class]; none on the line makes it a division.
void CodeLexer::regex() {
  size_t end = line_end(s_, i_);
  bool in_class = false;
  if (no_regex_before_ > i_) end = i_ + 1;  // this line has shown it holds no closing '/'

  for (size_t j = i_ + 1; j < end; ++j) {
    char c = s_[j];
    if (c == '\\') {
      ++j;
    } else if (c == '[') {
      in_class = true;
    } else if (c == ']') {
      in_class = false;
    } else if (c == '/' && !in_class) {
      size_t e = skip_while(s_, j + 1, is_alpha);
      out_.add(i_, e, TokenStyle::kSpecialString);
      i_ = e;
      expr_start_ = false;
      return;
    }
  }
  // No regex from here to the line's end, so none from a later '/' on it either (one would
  // have closed this one): `/ / / ...` stays linear.
  no_regex_before_ = end;
  out_.add(i_, i_ + 1, TokenStyle::kOperator);
  ++i_;
}

// <Name or <> : the tag name, then attributes (kJsxTag).
void CodeLexer::jsx_open(size_t start) {
  size_t end = skip_while(s_, start + 1, is_jsx_name);
  if (peek(end) == '>' && end == start + 1) {  // a fragment <>
    out_.add(start, end + 1, TokenStyle::kTag);
    i_ = end + 1;
    stack_.push_back({Mode::kJsxChildren});
    return;
  }
  out_.add(start, end, TokenStyle::kTag);
  i_ = end;
  stack_.push_back({Mode::kJsxTag});
}

void CodeLexer::jsx_tag_step() {
  char c = s_[i_];
  if (is_space(c) || c == '\n' || c == '=') {
    ++i_;
  } else if (c == '/' && peek(i_ + 1) == '>') {
    out_.add(i_, i_ + 2, TokenStyle::kTag);
    i_ += 2;
    stack_.pop_back();
    expr_start_ = false;
  } else if (c == '>') {
    out_.add(i_, i_ + 1, TokenStyle::kTag);
    ++i_;
    stack_.back().mode = Mode::kJsxChildren;
  } else if (c == '{' && stack_.size() < kMaxDepth) {
    ++i_;
    stack_.push_back({Mode::kJsxExpr});
    expr_start_ = true;
  } else if (c == '"' || c == '\'') {
    string_at(i_, i_ + 1, std::string_view(&s_[i_], 1), false, true, TokenStyle::kString);
  } else if (is_ident_start(c)) {
    size_t end = skip_while(s_, i_, is_jsx_name);
    out_.add(i_, end, TokenStyle::kAttribute);
    i_ = end;
  } else {
    stack_.pop_back();  // not JSX after all (or broken): back to code
  }
}

void CodeLexer::jsx_children_step() {
  size_t j = i_;
  while (j < n_ && s_[j] != '<' && s_[j] != '{') ++j;
  i_ = j;
  if (j >= n_) return;
  if (s_[j] == '{') {
    ++i_;
    if (stack_.size() < kMaxDepth) stack_.push_back({Mode::kJsxExpr});
    expr_start_ = true;
    return;
  }
  if (peek(j + 1) == '/') {  // </Name>: closes this element
    size_t end = skip_while(s_, j + 2, is_jsx_name);
    end = skip_while(s_, end, is_space);
    if (peek(end) == '>') ++end;
    out_.add(j, end, TokenStyle::kTag);
    i_ = end;
    stack_.pop_back();
    expr_start_ = false;
    return;
  }
  if ((is_ident_start(peek(j + 1)) || peek(j + 1) == '>') && stack_.size() < kMaxDepth)
    return jsx_open(j);
  ++i_;  // a lone '<' in text
}

}  // namespace

void lex_code(const CodeSpec& spec, std::string_view code, TokenSink& out) {
  CodeLexer(spec, code, out).run();
}

}  // namespace bengal::highlight::fast
